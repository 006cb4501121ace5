"""Tables, boxes and diagram text in the Working Together importer (importing/working_together_blocks.py).

The seeded samples draw them (working_together_sample_blocks.py) and say what each must become; every
sample test of the importer checks them through ``assert_set_apart_matches``.
"""

from __future__ import annotations

import re

import working_together_samples as samples

ADMONITION = {"table": "!!! note wt-table", "box": "!!! quote wt-box", "diagram": "!!! note wt-diagram",
              "unrecognised": "!!! info wt-unrecognised"}


def assert_set_apart_matches(want: samples.ExpectedChapter, markdown: str) -> None:
    """Each table, box and diagram the generator laid out is on the page, labelled, in the generator's order."""
    found = re.findall(r"^!!! \w+ wt-(\w+) \"(.*)\"$", markdown, flags=re.MULTILINE)
    assert [kind for kind, _ in found] == [b.kind for b in want.set_apart]
    at = 0
    for block, (_, title) in zip(want.set_apart, found, strict=True):
        if block.caption:
            assert title.startswith(block.caption), (title, block.caption)  # the publication's caption kept
        heading = f'{ADMONITION[block.kind]} "{title}"\n\n'
        at = markdown.index(heading, at) + len(heading)
        if block.markdown:  # the Markdown table, header row first, right under its label
            assert markdown[at:].startswith("\n".join(block.markdown) + "\n\n"), block.markdown
