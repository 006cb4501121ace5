"""How long ``mkdocs serve`` takes from an editor saving a data file to serving the rebuilt page."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml
from safeguarding_site.commands.serve import serve_command

from .scaled_project import _LiteralDumper

PAGE = "recommendations/1.html"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - our own local server
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) the process has used so far; Linux only, else None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_for(url: str, predicate, deadline: float, server: subprocess.Popen, interval: float = 0.05) -> str:
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped (status {server.returncode})")
        body = _get(url, timeout=max(0.5, min(30.0, deadline - time.monotonic())))
        if body is not None and predicate(body):
            return body
        time.sleep(interval)
    raise TimeoutError(f"{url} did not show the expected content in time")


def measure_reload(project: Path, *, edits: int, env: dict[str, str], log: Path, full: bool = False,
                   extra_args: tuple[str, ...] = (),
                   start_timeout: float = 600.0, reload_timeout: float = 120.0) -> list[tuple[float, float | None]]:
    """Serve ``project`` (a copy: its recommendations.yaml is edited), and time ``edits`` data edits.

    Each edit appends a new marker word to recommendation 1's text and saves the file in place, as an
    editor does; the clock runs from just before the save until the served page contains the marker.
    MkDocs holds a page request while a rebuild is under way, so polling sees the new page as soon as
    it is there. Returns (wall seconds, CPU seconds the server spent meanwhile) for each edit; the CPU
    figure is what the reload would take on an idle machine.
    """
    data_file = project / "cross_refs" / "recommendations.yaml"
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    original = data["recommendations"][0]["recommendation"]
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{PAGE}"
    # The command `build.py serve` runs. --no-strict: a warning would stop the server, and with it the
    # measurement; the work is the same.
    command = [*serve_command(project, f"127.0.0.1:{port}", full=full), "--no-strict", *extra_args]
    times: list[tuple[float, float | None]] = []
    with log.open("wb") as out:
        server = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        try:
            _wait_for(url, lambda body: "Recommendation 1" in body, time.monotonic() + start_timeout, server)
            for i in range(edits):
                marker = f"Benchmarkedit{os.getpid()}x{i}"
                data["recommendations"][0]["recommendation"] = f"{original} {marker}."
                text = yaml.dump(data, Dumper=_LiteralDumper, sort_keys=False, allow_unicode=True, width=100_000)
                time.sleep(1.0)  # let the watcher settle after the previous rebuild
                cpu_before = _cpu_seconds(server.pid)
                start = time.monotonic()
                data_file.write_text(text, encoding="utf-8")
                _wait_for(url, lambda body, m=marker: m in body, start + reload_timeout, server)
                wall = time.monotonic() - start
                cpu_after = _cpu_seconds(server.pid)
                cpu = cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
                times.append((wall, cpu))
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=20)
    return times
