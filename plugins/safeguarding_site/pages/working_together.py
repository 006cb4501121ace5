"""Markdown for the generated Working Together pages: the overview, one page per chapter and per appendix."""

from __future__ import annotations

from ..base.dates import format_date
from ..data.site_data import SiteData
from ..data.working_together import Chapter
from ..text.external_links import external_link, printed_address
from ..text.markdown_escape import escape
from ..text.relative_links import relative
from .phrases import PAGE_NAVIGATION, shown_title, title_not_confirmed
from .recommendations import STATUS_LABELS, quote_block
from .working_together_parts import OVERVIEW, appendix_page, appendix_shell, nav_line


def _official_text(data: SiteData, page: str) -> list[str]:
    wt = data.working_together
    lines = [
        f"*{wt.title}* was published by {wt.publisher} in March 2010 (reference {wt.reference}, "
        f"ISBN {wt.isbn}).",
    ]
    official = wt.official_text
    if official:
        letter = data.documents[official.document]
        lines[0] += (f" The [{letter.short_title}]({relative(page, letter.path)}) says: “{official.quote}” "
                     f"([{official.url}]({official.url}); that site has since been retired).")
    return lines


def _archived_copies(data: SiteData) -> list[str]:
    """The publication's retired addresses, each with its archived copy, and when an editor last checked them."""
    copies = data.working_together.official_copies
    if not copies or not copies.addresses:
        return []
    lines = ["The addresses it was published at have since been retired. The UK Government Web Archive keeps "
             "copies of them:", ""]
    lines += [f"- {escape(printed_address(c.url))} ({escape(c.given_in)}): {external_link('archived copy', c.archive)}"
              for c in copies.addresses]
    lines.append("")
    lines.append(f"The site's editors last checked that these archived copies open on {format_date(copies.checked)}."
                 if copies.checked else "The site's editors have not yet recorded checking that these archived "
                 "copies open.")
    return lines


def _title_status(data: SiteData, chapter: Chapter) -> list[str]:
    """One quiet line: what confirms the chapter's title, or that nothing we hold does."""
    quoted = chapter.confirmed_by
    if quoted:
        rec = next(r for r in data.recommendations if r.id == quoted.recommendation)
        column = "Government's response (May 2009)" if quoted.column == "response_2009" else \
            "progress update (March 2010)"
        return [f"The chapter's title is confirmed by the {column} on "
                f"[recommendation {rec.id}]({relative(chapter.page, rec.page)}): “{escape(quoted.quote)}”.",
                "{ .wt-title-status }", ""]
    if not chapter.confirmed:
        return title_not_confirmed("chapter")
    return []


def overview_page(data: SiteData) -> str:
    wt = data.working_together
    page = OVERVIEW
    lines = [
        "---", "title: Working Together to Safeguard Children", "---", "",
        "# *Working Together to Safeguard Children* (2010)", "",
        "The statutory guidance on how organisations work together to safeguard and promote the welfare of "
        "children. This site gives its structure and links each chapter to Lord Laming's recommendations "
        "that the Government's text says it implements. The chapters' own text is not yet included here.", "",
        *_official_text(data, page), "",
        *_archived_copies(data), "",
    ]
    for number, name in sorted(wt.parts.items()):
        lines += [f"## Part {number}: {name} {{ #part-{number} }}", "", "| Chapter | Title | Recommendations |",
                  "| ---: | --- | --- |"]
        for chapter in (c for c in wt.chapters.values() if c.part == number):
            recs = data.recommendations_for_chapter(chapter.number)
            rec_links = ", ".join(
                f"[{r.id}]({relative(page, r.page)})"
                + ("" if r.chapter_status(chapter.number) == "implements" else " (promised)")
                for r in recs
            ) or "None named"
            title = shown_title(chapter.title, chapter.confirmed)
            lines.append(f"| {chapter.number} | [{title}]({relative(page, chapter.page)}) | {rec_links} |")
        lines.append("")
    if wt.appendices:
        lines += ["## Appendices { #appendices }", ""]
        lines += [f"- [Appendix {a.number}: {shown_title(a.title, a.confirmed)}]"
                  f"({relative(page, appendix_page(a.number))})" for a in wt.appendices]
        lines.append("")
    return "\n".join(lines)


# The short titles are ours and the quotations the Government's: the list says which is which.
SHORT_TITLES_NOTE = ("Recommendations are named by their short titles, written by the site's editors; the "
                     "quotations are the Government's words.")


def chapter_page(data: SiteData, chapter: Chapter) -> str:
    wt = data.working_together
    page = chapter.page
    n = chapter.number
    before = (f"Chapter {n - 1}", wt.chapters[n - 1].page) if n - 1 in wt.chapters else None
    after = (f"Chapter {n + 1}", wt.chapters[n + 1].page) if n + 1 in wt.chapters else None
    part = wt.parts.get(chapter.part, "")
    lines = [
        "---", f"title: 'Chapter {n}: {chapter.title.replace(chr(39), chr(39) * 2)}'", f"chapter: {n}", "---", "",
        f"# Chapter {n}: {shown_title(chapter.title, chapter.confirmed)}", "",
        nav_line(page, before, after), PAGE_NAVIGATION, "",
        f"*Working Together to Safeguard Children* (2010), [Part {chapter.part}: {part}]"
        f"({relative(page, OVERVIEW, f'part-{chapter.part}')}).", "",
    ]
    lines += _title_status(data, chapter)
    lines += ["!!! note \"The text of this chapter is not yet included\"",
              "    This page gives the chapter's structure and the recommendations it implements. "
              "Read the chapter itself in the official publication:", "",
              *["    " + line if line else "" for line in [*_official_text(data, page), "", *_archived_copies(data)]],
              ""]
    lines += [f"## Sections {{ #chapter-{n}-sections }}", ""]
    if chapter.sections:
        lines += ["| Section | Paragraphs |", "| --- | --- |"]
        lines += [f"| {s.title} | {s.paragraphs or 'Not recorded'} |" for s in chapter.sections]
        lines.append("")
        if not chapter.sections_complete:
            lines += ["Only the sections listed above have been confirmed; the chapter has others.", ""]
    else:
        lines += ["This chapter's sections have not yet been recorded.", ""]
    lines += [f"## Recommendations this chapter implements {{ #chapter-{n}-recommendations }}", ""]
    recs = data.recommendations_for_chapter(n)
    if not recs:
        lines += ["The Government's response and progress update name no recommendation for this chapter.", ""]
    else:
        lines += [SHORT_TITLES_NOTE, ""]
    for rec in recs:
        promised = "" if rec.chapter_status(n) == "implements" else " — promised, not reported as done"
        lines.append(f"- [Recommendation {rec.id}: {rec.short_title}]({relative(page, rec.page)}){promised}")
        for ref in (r for r in rec.implemented_by if r.chapter == n):
            lines += ["", f"    {STATUS_LABELS[ref.status]}", "", quote_block(ref.quote, ref.column)]
        lines.append("")
    # Named alongside the chapter without the text saying the chapter implements them (recommendation 42).
    mentioned = [rec for rec in data.recommendations if n in rec.chapters_mentioned and n not in rec.chapters]
    if mentioned:
        lines += [f"## Recommendations named alongside this chapter {{ #chapter-{n}-mentioned }}", "",
                  "The Government's text names this chapter for these recommendations without saying that "
                  "the chapter implements them.", ""]
        for rec in mentioned:
            lines.append(f"- [Recommendation {rec.id}: {rec.short_title}]({relative(page, rec.page)})")
            for mention in (m for m in rec.mentions if m.chapter == n):
                lines += ["", quote_block(mention.quote, mention.column)]
            lines.append("")
    return "\n".join(lines)


def working_together_pages(data: SiteData) -> dict[str, str]:
    pages = {OVERVIEW: overview_page(data)}
    for chapter in data.working_together.chapters.values():
        pages[chapter.page] = chapter_page(data, chapter)
    for appendix in data.working_together.appendices:
        page = appendix_page(appendix.number)
        pages[page] = appendix_shell(data, appendix, [*_official_text(data, page), "", *_archived_copies(data)])
    return pages
