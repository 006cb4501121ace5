"""commands/serve.py: a port in use is one line; stopping build.py serve stops `mkdocs serve` and frees the port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from project_copy import ROOT, copy_project
from safeguarding_site.commands.main import main


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def test_a_port_in_use_is_one_clear_line(capfd: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--dev-addr", f"127.0.0.1:{port}"]) == 1
    err = capfd.readouterr().err
    assert err.splitlines() == [f"serve: 127.0.0.1:{port} is already in use (another build.py serve?): stop that "
                                f"one, or choose another port with --dev-addr 127.0.0.1:{port + 1}"]


@pytest.mark.parametrize("address", ["8000", "localhost:port", "127.0.0.1:99999"])
def test_a_malformed_address_is_one_line(capfd: pytest.CaptureFixture[str], address: str) -> None:
    assert main(["serve", "--dev-addr", address]) == 1
    assert capfd.readouterr().err.startswith("serve: --dev-addr must be HOST:PORT")


def ignoring(signum: signal.Signals | None):
    """A ``preexec_fn`` starting build.py with ``signum`` ignored, as ``nohup`` (or a background CI job) does."""
    return None if signum is None else (lambda: signal.signal(signum, signal.SIG_IGN))


@pytest.mark.parametrize(("stop", "ignored_at_start"), [(signal.SIGTERM, None), (signal.SIGHUP, None),
                                                        (signal.SIGHUP, signal.SIGHUP)])
def test_stopping_serve_stops_mkdocs_and_frees_the_port(tmp_path: Path, stop: signal.Signals,
                                                        ignored_at_start: signal.Signals | None) -> None:
    project = copy_project(tmp_path, ("cross_refs", "docs", "overrides", "mkdocs.yml"))
    port = free_port()
    serve = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(project), "serve",
                              "--dev-addr", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             preexec_fn=ignoring(ignored_at_start))
    try:
        deadline = time.monotonic() + 120
        while port_is_free(port):
            assert serve.poll() is None and time.monotonic() < deadline, "mkdocs serve did not start"
            time.sleep(0.2)
        os.kill(serve.pid, stop)
        serve.wait(timeout=30)
        deadline = time.monotonic() + 10
        while not port_is_free(port):
            assert time.monotonic() < deadline, "mkdocs serve still holds the port after build.py serve stopped"
            time.sleep(0.1)
    finally:
        if serve.poll() is None:
            serve.kill()
