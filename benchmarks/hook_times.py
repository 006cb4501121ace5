"""CPU time of each of the plugin's hooks in an in-process build: `python -m benchmarks.hook_times [ROOT] [BUILDS]`.

The quickest way to see what a change to the plugin costs: no interpreter start, no plain baseline. The
first build pays for imports and compiled patterns; read the later ones.
"""

from __future__ import annotations

import collections
import logging
import sys
import tempfile
import time
from pathlib import Path

HOOKS = ("on_config", "on_files", "on_nav", "on_page_markdown", "on_page_content", "on_page_context",
         "on_post_build")


def main(argv: list[str]) -> None:
    root = Path(argv[0] if argv else ".").resolve()
    builds = int(argv[1]) if len(argv) > 1 else 3
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import CombinedEvent
    from safeguarding_site import plugin

    spent: collections.Counter[str] = collections.Counter()

    def timed(original, name: str):
        def run(self, *args, **kwargs):
            start = time.process_time()
            try:
                return original(self, *args, **kwargs)
            finally:
                spent[name] += time.process_time() - start

        if hasattr(original, "mkdocs_priority"):
            run.mkdocs_priority = original.mkdocs_priority  # type: ignore[attr-defined]
        return run

    for name in HOOKS:  # before load_config: MkDocs binds the hooks when it loads the plugin
        original = plugin.SafeguardingPlugin.__dict__[name]
        if isinstance(original, CombinedEvent):  # one hook made of several steps (on_post_build)
            setattr(plugin.SafeguardingPlugin, name, CombinedEvent(*(timed(m, name) for m in original.methods)))
        else:
            setattr(plugin.SafeguardingPlugin, name, timed(original, name))
    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory() as site:
        for n in range(builds):
            spent.clear()
            config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=site, strict=False)
            start = time.process_time()
            build(config)
            total = time.process_time() - start
            hooks = ", ".join(f"{name} {seconds:.2f}" for name, seconds in spent.items() if seconds >= 0.005)
            print(f"build {n + 1}: {total:.2f} s CPU; plugin hooks {sum(spent.values()):.2f} s ({hooks})")


if __name__ == "__main__":
    main(sys.argv[1:])
