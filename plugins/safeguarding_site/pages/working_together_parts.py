"""Working Together's pages outside its chapters: the appendices, and the executive summary, preface and glossary.

Each appendix the data lists has a page, as each chapter has: a shell with its title (marked when no source
confirms it) and where to read the text, until ``build.py import-working-together`` writes
``docs/working-together/appendix-N.md``; then the shell's note gives way to the text, as a chapter's does
(pages.working_together_text). The executive summary, preface and glossary have a page only once imported:
the imported page with the navigation line and the Crown copyright statement. The menu lists them where the
publication has them: the three before chapter 1, the appendices after chapter 12 (``nav_with_parts``).
"""

from __future__ import annotations

from typing import Any

from ..data.site_data import SiteData
from ..data.working_together import Appendix
from ..text.front_matter import front_matter_end
from ..text.relative_links import relative
from .phrases import PAGE_NAVIGATION, shown_title, title_not_confirmed

FOLDER = "working-together"
OVERVIEW = f"{FOLDER}/index.md"
# The parts before chapter 1, in the publication's order, with their menu entries (our words).
FRONT_PARTS = {"executive-summary": "Executive summary", "preface": "Preface", "glossary": "Glossary"}


def appendix_page(number: int) -> str:
    return f"{FOLDER}/appendix-{number}.md"


def front_page(slug: str) -> str:
    return f"{FOLDER}/{slug}.md"


def nav_line(page: str, before: tuple[str, str] | None, after: tuple[str, str] | None) -> str:
    """"← Previous · All chapters · Next →": ``before`` and ``after`` are (label, page), or None at an end."""
    nav = [f"[All chapters]({relative(page, OVERVIEW)})"]
    if before:
        nav.insert(0, f"[← {before[0]}]({relative(page, before[1])})")
    if after:
        nav.append(f"[{after[0]} →]({relative(page, after[1])})")
    return " · ".join(nav)


def appendix_shell(data: SiteData, appendix: Appendix, official: list[str]) -> str:
    """The appendix's page before its text is imported: ``official`` says where to read it."""
    wt = data.working_together
    n = appendix.number
    page = appendix_page(n)
    numbers = [a.number for a in wt.appendices]
    i = numbers.index(n)
    last_chapter = max(wt.chapters) if wt.chapters else None
    before = (f"Appendix {numbers[i - 1]}", appendix_page(numbers[i - 1])) if i else \
        (f"Chapter {last_chapter}", wt.chapters[last_chapter].page) if last_chapter else None
    after = (f"Appendix {numbers[i + 1]}", appendix_page(numbers[i + 1])) if i + 1 < len(numbers) else None
    lines = [
        "---", f"title: 'Appendix {n}: {appendix.title.replace(chr(39), chr(39) * 2)}'", f"appendix: {n}", "---", "",
        f"# Appendix {n}: {shown_title(appendix.title, appendix.confirmed)}", "",
        nav_line(page, before, after), PAGE_NAVIGATION, "",
        f"*Working Together to Safeguard Children* (2010), [appendices]({relative(page, OVERVIEW, 'appendices')}).",
        "",
    ]
    if not appendix.confirmed:
        lines += title_not_confirmed("appendix")
    lines += ["!!! note \"The text of this appendix is not yet included\"",
              "    Read the appendix in the official publication:", "",
              *["    " + line if line else "" for line in official], ""]
    return "\n".join(lines)


def front_part_page(data: SiteData, slug: str, imported: str, copyright_lines: list[str],
                    present: list[str] | None = None) -> str:
    """An imported executive summary, preface or glossary, with the navigation line and the copyright statement.

    ``present`` are the slugs of the imported front parts, in order: the navigation line leads through them.
    """
    page = front_page(slug)
    title = FRONT_PARTS[slug]
    body = imported[front_matter_end(imported):].strip("\n").split("\n")
    heading = body[0] if body and body[0].startswith("# ") else f"# {title}"
    rest = body[1:] if body and body[0].startswith("# ") else body
    present = present or [slug]
    i = present.index(slug)
    before = (FRONT_PARTS[present[i - 1]], front_page(present[i - 1])) if i else None
    first = data.working_together.chapters.get(min(data.working_together.chapters, default=1))
    after = (FRONT_PARTS[present[i + 1]], front_page(present[i + 1])) if i + 1 < len(present) else \
        (f"Chapter {first.number}", first.page) if first is not None else None
    lines = ["---", f"title: '{title}'", f"part: {slug}", "---", "", heading, "",
             nav_line(page, before, after), PAGE_NAVIGATION, "",
             f"*Working Together to Safeguard Children* (2010): {title.lower()}, before Part 1.", "",
             *copyright_lines, *rest, ""]
    return "\n".join(lines)


def overview_with_front_parts(overview: str, present: list[str]) -> str:
    """The overview page with a list of the imported parts before chapter 1, above Part 1's chapters."""
    if not present:
        return overview
    listed = [f"- [{FRONT_PARTS[slug]}]({relative(OVERVIEW, front_page(slug))})" for slug in present]
    section = "\n".join(["## Before Part 1 { #before-part-1 }", "", *listed, "", ""])
    at = overview.find("## Part 1: ")
    return overview + "\n" + section if at < 0 else overview[:at] + section + overview[at:]


def nav_with_parts(nav: Any, front: list[str], appendices: list[int]) -> Any:
    """mkdocs.yml's nav with the menu entries of the imported front parts and of the appendices added.

    ``front`` are the slugs of the imported parts before chapter 1; they go before Chapter 1's entry, the
    appendices after Chapter 12's (or the section's last), in Working Together's section of the menu.
    """
    if not isinstance(nav, list):
        return nav
    out = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            (name, value), = item.items()
            if isinstance(value, list) and OVERVIEW in value:
                value = _with_parts(value, front, appendices)
            elif isinstance(value, list):
                value = nav_with_parts(value, front, appendices)
            item = {name: value}
        out.append(item)
    return out


def _with_parts(section: list, front: list[str], appendices: list[int]) -> list:
    def target(entry: object) -> object:
        return next(iter(entry.values())) if isinstance(entry, dict) and len(entry) == 1 else entry

    listed = {target(e) for e in section}
    entries = [{FRONT_PARTS[slug]: front_page(slug)} for slug in FRONT_PARTS if slug in front
               and front_page(slug) not in listed]
    back = [{f"Appendix {n}": appendix_page(n)} for n in appendices if appendix_page(n) not in listed]
    chapter_1 = f"{FOLDER}/chapter-1.md"
    at = next((i for i, e in enumerate(section) if target(e) == chapter_1), len(section))
    section = [*section[:at], *entries, *section[at:]]
    last = max((i for i, e in enumerate(section) if str(target(e)).startswith(f"{FOLDER}/chapter-")), default=None)
    at = len(section) if last is None else last + 1
    return [*section[:at], *back, *section[at:]]
