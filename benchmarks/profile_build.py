"""Where a build's time goes: one extra build under cProfile, summarised by the plugin's hooks and functions."""

from __future__ import annotations

import pstats
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "safeguarding_site"


@dataclass(frozen=True)
class Profile:
    total: float
    hooks: list[tuple[str, float]]  # (event, cumulative seconds) for each of the plugin's on_* methods
    functions: list[tuple[str, int, float, float]]  # (function, calls, own seconds, cumulative seconds)
    outside: list[tuple[str, float]]  # the costliest functions outside the plugin, by own time


def summarise(profile_file: Path, top: int = 12) -> Profile:
    stats = pstats.Stats(str(profile_file))
    raw = stats.stats  # type: ignore[attr-defined]
    total = max(cum for (_cc, _nc, _tt, cum, _callers) in raw.values())
    hooks, functions, outside = [], [], []
    for (filename, line, name), (_cc, calls, own, cum, _callers) in raw.items():
        where = filename.replace("\\", "/")
        if f"/{PACKAGE}/" in where:
            label = f"{where.split(f'/{PACKAGE}/', 1)[1]}:{line}({name})"
            functions.append((label, calls, own, cum))
            if where.endswith("/plugin.py") and name.startswith("on_"):
                hooks.append((name, cum))
        else:
            module = where.split("site-packages/", 1)[-1]
            outside.append((f"{module}:{line}({name})", own))
    functions.sort(key=lambda f: -f[3])
    outside.sort(key=lambda f: -f[1])
    return Profile(total, sorted(hooks, key=lambda h: -h[1]), functions[:top], outside[:top])


def markdown(profile: Profile, heading: str) -> str:
    lines = [heading, "",
             f"cProfile run ({profile.total:.1f} s under the profiler, which slows Python code about twofold; "
             "the shares are what matter).", "",
             "| Plugin hook | Cumulative s | Share of build |", "| --- | ---: | ---: |"]
    lines += [f"| `{name}` | {cum:.2f} | {cum / profile.total:.0%} |" for name, cum in profile.hooks]
    lines += ["", "| Plugin function (by cumulative time) | Calls | Own s | Cumulative s |",
              "| --- | ---: | ---: | ---: |"]
    lines += [f"| `{name}` | {calls:,} | {own:.2f} | {cum:.2f} |" for name, calls, own, cum in profile.functions]
    lines += ["", "| Outside the plugin (by own time) | Own s |", "| --- | ---: |"]
    lines += [f"| `{name}` | {own:.2f} |" for name, own in profile.outside]
    return "\n".join(lines)
