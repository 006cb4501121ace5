"""``build.py serve``: MkDocs's live-reload preview, rendering again only the pages an edit changes.

`mkdocs serve` runs as a child process. Stopping build.py stops it too: SIGTERM and SIGHUP are passed on and
waited for (it once kept running, holding the port), and the kernel kills it if build.py is killed outright.
"""

from __future__ import annotations

import errno
import signal
import socket
import subprocess
import sys
from pathlib import Path

from .child_process import dies_with_parent

FORWARDED = (signal.SIGTERM, signal.SIGHUP) if hasattr(signal, "SIGHUP") else (signal.SIGTERM,)


def serve_command(root: Path, dev_addr: str, *, full: bool = False) -> list[str]:
    """`mkdocs serve`, rendering again only the pages an edit changes unless ``full`` (see serve/rebuilds.py)."""
    return [sys.executable, "-m", "mkdocs", "serve", "-f", str(root / "mkdocs.yml"), "--dev-addr", dev_addr,
            *([] if full else ["--dirty"])]


def address_problem(dev_addr: str) -> str | None:
    """Why MkDocs could not listen on ``dev_addr`` (malformed, or in use), found before it starts building."""
    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        return f"--dev-addr must be HOST:PORT, such as 127.0.0.1:8000, not {dev_addr!r}"
    try:
        with socket.socket(socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET) as probe:
            probe.bind((host.strip("[]"), int(port)))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            return (f"{dev_addr} is already in use (another build.py serve?): stop that one, or choose another "
                    f"port with --dev-addr {host}:{int(port) + 1}")
        return f"cannot listen on {dev_addr}: {exc.strerror or exc}"
    return None


def run_serve(root: Path, dev_addr: str, *, full: bool = False) -> int:
    if problem := address_problem(dev_addr):
        print(f"serve: {problem}", file=sys.stderr)
        return 1
    child = subprocess.Popen(serve_command(root, dev_addr, full=full), cwd=root,
                             preexec_fn=dies_with_parent(signal.SIGTERM, acts_on=FORWARDED))

    def forward(signum: int, _frame: object) -> None:
        if child.poll() is None:
            child.send_signal(signum)

    previous = {signum: signal.signal(signum, forward) for signum in FORWARDED}
    interrupted = 0
    try:
        while True:
            try:
                status = child.wait()
                break
            except KeyboardInterrupt:  # Ctrl+C reached MkDocs too (one process group): let it finish stopping
                interrupted += 1
                if interrupted > 1:
                    child.kill()  # a second Ctrl+C: stop now
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return status if status >= 0 else 128 - status  # killed by a signal: the shell's 128 + n
