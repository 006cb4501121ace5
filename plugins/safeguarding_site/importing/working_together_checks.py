"""Checks an imported *Working Together* against its own contents list and against the recorded outline.

A chapter title, a section or a paragraph range that disagrees is an error naming the input's line and
printed page, never a silent difference: the publication, its contents list and cross_refs/ must agree
before anything is written.
"""

from __future__ import annotations

from typing import Any

from ..base.errors import DataError
from .working_together_layout import ContentsEntry
from .working_together_parts import Part, part_slug
from .working_together_text import Chapter


def _fold(text: str) -> str:
    return " ".join(text.split())


def sections_of(chapter: Chapter | Part) -> list[tuple[str, str, int, int | None]]:
    """(title, paragraph range, line, page) of each section, the range as cross_refs/ writes it."""
    out: list[tuple[str, str, int, int | None]] = []
    numbers: list[str] = []
    current: tuple[str, int, int | None] | None = None

    def close() -> None:
        if current is not None:
            span = "" if not numbers else numbers[0] if len(numbers) == 1 else f"{numbers[0]}-{numbers[-1]}"
            out.append((current[0], span, current[1], current[2]))

    for block in chapter.blocks:
        if block.kind == "heading":
            close()
            current, numbers = (block.text, block.line.number, block.line.page), []
        elif block.kind == "para":
            numbers.append(block.number)
    close()
    return out


def _at(page: int | None) -> str:
    return f" (page {page})" if page is not None else ""


def check_contents(chapters: list[Chapter], contents: list[ContentsEntry], source: str) -> list[DataError]:
    """The contents list against the body: each chapter's title, first page and sections."""
    errors: list[DataError] = []
    if not any(e.chapter is not None for e in contents):
        return errors  # a part of the publication without its contents list
    for chapter in chapters:
        n = chapter.number
        index = next((i for i, e in enumerate(contents) if e.chapter == n), None)
        where = f"chapter {n}"
        if index is None:
            errors.append(DataError(source, f"the contents list has no entry for this chapter, which starts here"
                                    f"{_at(chapter.line.page)}", line=chapter.line.number, entry=where))
            continue
        entry = contents[index]
        if _fold(entry.title) != _fold(chapter.title):
            errors.append(DataError(source, f"the contents list{_at(entry.on_page)} gives the title "
                                    f"{entry.title!r} but the chapter heading (line {chapter.line.number}"
                                    f"{_at(chapter.line.page)}) reads {chapter.title!r}",
                                    line=entry.line, entry=where))
        if chapter.line.page is not None and entry.page != chapter.line.page:
            errors.append(DataError(source, f"the contents list{_at(entry.on_page)} gives page {entry.page} "
                                    f"but the chapter starts on page {chapter.line.page} "
                                    f"(line {chapter.line.number})",
                                    line=entry.line, entry=where))
        listed = []
        for e in contents[index + 1:]:
            if e.opens_part:
                break
            listed.append(e)
        found = sections_of(chapter)
        for i in range(max(len(listed), len(found))):
            want = listed[i] if i < len(listed) else None
            got = found[i] if i < len(found) else None
            if want and got and _fold(want.title) == _fold(got[0]):
                continue
            if got:
                expected = f"the contents list has {want.title!r} here (line {want.line})" if want else \
                    "the contents list has no further section"
                errors.append(DataError(source, f"section {got[0]!r}{_at(got[3])}: {expected}",
                                        line=got[2], entry=where))
            else:
                errors.append(DataError(source, f"the contents list{_at(want.on_page)} names section "
                                        f"{want.title!r}, which is not among the chapter's headings",
                                        line=want.line, entry=where))
            break  # one disagreement shifts every later section: report the first
    return errors


def _entry_of(part: Part, contents: list[ContentsEntry]) -> int | None:
    if part.is_appendix:
        return next((i for i, e in enumerate(contents) if e.appendix == part.number), None)
    return next((i for i, e in enumerate(contents) if e.chapter is None and e.appendix is None
                 and part_slug(e.title) == part.slug), None)


def check_parts_contents(parts: list[Part], contents: list[ContentsEntry], source: str) -> list[DataError]:
    """The contents list against the executive summary, preface, glossary and appendices it names."""
    errors: list[DataError] = []
    if not any(e.opens_part for e in contents):
        return errors  # a part of the publication without its contents list
    names = {part_slug(e.title) for e in contents if not e.opens_part}
    for part in parts:
        where = f"appendix {part.number}" if part.is_appendix else part.slug
        index = _entry_of(part, contents)
        if index is None:
            errors.append(DataError(source, f"the contents list has no entry for {part.heading!r}, which starts "
                                    f"here{_at(part.line.page)}", line=part.line.number, entry=where))
            continue
        entry = contents[index]
        if part.is_appendix and _fold(entry.title) != _fold(part.title):
            errors.append(DataError(source, f"the contents list{_at(entry.on_page)} gives the title "
                                    f"{entry.title!r} but the appendix heading (line {part.line.number}"
                                    f"{_at(part.line.page)}) reads {part.title!r}", line=entry.line, entry=where))
        if part.line.page is not None and entry.page != part.line.page:
            errors.append(DataError(source, f"the contents list{_at(entry.on_page)} gives page {entry.page} but "
                                    f"{part.heading!r} starts on page {part.line.page} (line {part.line.number})",
                                    line=entry.line, entry=where))
        listed = []
        for e in contents[index + 1:]:
            if e.opens_part or (not part.is_appendix and part_slug(e.title) in names - {part.slug}
                                and part_slug(e.title) in ("executive-summary", "preface", "glossary")):
                break
            listed.append(e)
        found = sections_of(part)
        for want, got in zip(listed, found, strict=False):
            if _fold(want.title) != _fold(got[0]):
                errors.append(DataError(source, f"section {got[0]!r}{_at(got[3])}: the contents list has "
                                        f"{want.title!r} here (line {want.line})", line=got[2], entry=where))
                break
        else:
            if len(listed) > len(found):
                want = listed[len(found)]
                errors.append(DataError(source, f"the contents list{_at(want.on_page)} names section "
                                        f"{want.title!r}, which is not among the headings of {part.heading!r}",
                                        line=want.line, entry=where))
            elif len(found) > len(listed):
                got = found[len(listed)]
                errors.append(DataError(source, f"section {got[0]!r}{_at(got[3])}: the contents list has no "
                                        "further section", line=got[2], entry=where))
    return errors


def check_outline(chapters: list[Chapter], outline: dict[str, Any], source: str) -> list[DataError]:
    """The body against cross_refs/working-together.yaml: confirmed titles and recorded sections."""
    errors: list[DataError] = []
    recorded = {c["number"]: c for c in outline.get("chapters", [])}
    for chapter in chapters:
        n = chapter.number
        where = f"chapter {n}"
        known = recorded.get(n)
        if known is None:
            errors.append(DataError(source, f"cross_refs/working-together.yaml has no chapter {n}",
                                    line=chapter.line.number, entry=where))
            continue
        # A confirmed title confirms its words: letter case is the publication's own (Annex A quotes "Chapter 8:
        # Serious Case Reviews" in title case), and the import records the heading as the publication prints it.
        if known.get("confirmed") and _fold(known["title"]).casefold() != _fold(chapter.title).casefold():
            errors.append(DataError(source, f"the heading{_at(chapter.line.page)} reads {chapter.title!r}, but "
                                    f"cross_refs/working-together.yaml records the confirmed title "
                                    f"{known['title']!r}", line=chapter.line.number, entry=where))
        found = {_fold(title): (span, line, page) for title, span, line, page in sections_of(chapter)}
        for section in known.get("sections") or []:
            title = _fold(section["title"])
            if title not in found:
                errors.append(DataError(source, f"cross_refs/working-together.yaml records section "
                                        f"{section['title']!r}, which is not in the chapter",
                                        line=chapter.line.number, entry=where))
                continue
            span, line, page = found[title]
            if section.get("paragraphs") and str(section["paragraphs"]) != span:
                errors.append(DataError(source, f"section {section['title']!r}{_at(page)} holds paragraphs "
                                        f"{span or 'none'}, but cross_refs/working-together.yaml records "
                                        f"{section['paragraphs']}", line=line, entry=where))
        if known.get("sections_complete"):
            listed = {_fold(s["title"]) for s in known.get("sections") or []}
            for title, _, line, page in sections_of(chapter):
                if _fold(title) not in listed:
                    errors.append(DataError(source, f"section {title!r}{_at(page)} is not among the sections "
                                            "cross_refs/working-together.yaml records as complete",
                                            line=line, entry=where))
    return errors
