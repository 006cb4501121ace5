"""The home page's parts that come from the data: the status line and the list of Working Together chapters."""

from __future__ import annotations

import datetime as dt

from ..data.site_data import SiteData
from ..data.working_together import WorkingTogether
from .phrases import shown_title
from .status_line import MARKER as STATUS_MARKER
from .status_line import status_line_markdown

HOME_PAGE = "index.md"
CHAPTERS_MARKER = "<!-- working-together-chapters -->"


def chapter_list_markdown(wt: WorkingTogether) -> str:
    """Every chapter, grouped by part, as links from the home page (titles not seen in a source are flagged)."""
    blocks: list[str] = []
    for part, name in sorted(wt.parts.items()):
        chapters = [c for _, c in sorted(wt.chapters.items()) if c.part == part]
        if not chapters:
            continue
        lines = [f"Part {part}: {name}", "{ .chapter-part }", ""]
        for c in chapters:
            lines.append(f"- [Chapter {c.number}: {shown_title(c.title, c.confirmed)}]({c.page})")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def fill_front_door(markdown: str, data: SiteData, updated: dt.date | None) -> str:
    """Replace the home page's markers; text without them comes back unchanged."""
    if STATUS_MARKER in markdown:
        status = status_line_markdown(data.documents.values(), data.working_together.published, updated)
        markdown = markdown.replace(STATUS_MARKER, status)
    if CHAPTERS_MARKER in markdown:
        markdown = markdown.replace(CHAPTERS_MARKER, chapter_list_markdown(data.working_together))
    return markdown
