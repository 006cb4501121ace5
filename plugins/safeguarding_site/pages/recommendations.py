"""Markdown for the generated recommendation pages: the index, one page per recommendation, Annex A."""

from __future__ import annotations

from ..data.recommendations import COLUMNS, Recommendation
from ..data.site_data import SiteData
from ..text.markdown_escape import escape
from ..text.relative_links import relative
from .open_data import open_data_link
from .phrases import PAGE_NAVIGATION, shown_title

INDEX = "recommendations/index.md"
ANNEX_A = "one-year-on/annex-a.md"
SOURCE_DOCUMENT = "one-year-on"


def chapter_label(data: SiteData, number: int) -> str:
    chapter = data.working_together.chapters[number]
    return f"Chapter {number}: {shown_title(chapter.title, chapter.confirmed)}"


# Our words for each implemented_by status, shown before the quote it rests on.
STATUS_LABELS = {
    "implements": "*Implemented:* the progress update says the revised chapter does this.",
    "promises": "*Promised:* a plan, not a report that it was done.",
}


def page_title(rec: Recommendation) -> str:
    """The front matter title (browser tab, navigation, search results), quoted for YAML's single quotes."""
    return f"Recommendation {rec.id}: {rec.short_title}".replace("'", "''")


def quote_block(quote: str, column: str) -> str:
    return f"    > “{quote}”\n    >\n    > — from {COLUMNS[column]}"


def index_page(data: SiteData) -> str:
    lines = [
        "---", "title: Recommendations", "---", "",
        "# Lord Laming's 58 recommendations", "",
        "Lord Laming made 58 recommendations in *The Protection of Children in England: A Progress Report* "
        "(March 2009). For each one, this site gives the recommendation, the Government's response of May "
        f"2009 and the progress update of March 2010, all from [Annex A]({relative(INDEX, ANNEX_A)}) of "
        f"*The Government's Response to Lord Laming: One Year On*, with links to the chapters of "
        f"[*Working Together to Safeguard Children*]({relative(INDEX, 'working-together/index.md')}) "
        "that the text says implement it.", "",
        "The short titles are the site's editors' own words, a neutral summary of each recommendation's "
        "subject; each page gives the recommendation in full, as the source prints it.", "",
        open_data_link(INDEX), "",
        # The class keeps the number column narrow on a phone (docs/stylesheets/site.css).
        '<div class="rec-index" markdown>', "",
        "| No. | Recommendation | Implemented in *Working Together* |",
        "| ---: | --- | --- |",
    ]
    for rec in data.recommendations:
        chapters = ", ".join(
            f"[Chapter {n}]({relative(INDEX, data.working_together.chapters[n].page)})"
            + ("" if rec.chapter_status(n) == "implements" else " (promised)") for n in rec.chapters
        ) or "No chapter named"
        lines.append(f"| [{rec.id}]({relative(INDEX, rec.page)}) | [{_cell(rec.short_title)}]"
                     f"({relative(INDEX, rec.page)}) | {chapters} |")
    lines += ["", "</div>"]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def recommendation_page(data: SiteData, rec: Recommendation) -> str:
    page = rec.page
    n = rec.id
    nav = [f"[All recommendations]({relative(page, INDEX)})"]
    if n > 1:
        nav.insert(0, f"[← Recommendation {n - 1}]({relative(page, f'recommendations/{n - 1}.md')})")
    if n < len(data.recommendations):
        nav.append(f"[Recommendation {n + 1} →]({relative(page, f'recommendations/{n + 1}.md')})")
    lines = [
        "---", f"title: '{page_title(rec)}'", f"recommendation: {n}", "---", "",
        # The heading carries the short title: search results take a page's title from its first heading.
        f"# Recommendation {n}: {escape(rec.short_title)} {{ #recommendation-{n} }}", "",
        # Our words beside the source's: marked as the editors', as supplied headings are.
        "Short title by the site's editors; Lord Laming's own words follow.",
        "{ .rec-short-title data-search-exclude }", "",
        " · ".join(nav), PAGE_NAVIGATION, "",
        f"## Lord Laming's recommendation (March 2009) {{ #rec-{n}-recommendation }}", "",
        rec.recommendation, "",
        f"## The Government's response (May 2009) {{ #rec-{n}-response }}", "",
        rec.response_2009 or "*The source gives no response for this recommendation.*", "",
        f"## Progress update (March 2010) {{ #rec-{n}-progress }}", "",
        rec.progress_2010 or "*The source gives no progress update for this recommendation.*", "",
        f"## Implemented in *Working Together* {{ #rec-{n}-implemented-in }}", "",
    ]
    if rec.implemented_by:
        lines += ["The Government's text names these chapters of *Working Together to Safeguard Children* "
                  "(2010) for this recommendation:", ""]
        for number in rec.chapters:
            target = relative(page, data.working_together.chapters[number].page)
            promised = "" if rec.chapter_status(number) == "implements" else (
                " — promised, not reported as done: the Government's text says the revised chapter would "
                "take this forward, but not that it does")
            lines.append(f"- [{chapter_label(data, number)}]({target}){promised}")
            for ref in (r for r in rec.implemented_by if r.chapter == number):
                lines += ["", f"    {STATUS_LABELS[ref.status]}", "", quote_block(ref.quote, ref.column)]
                if ref.paragraphs:  # recorded by an editor and checked against the imported text
                    links = ", ".join(f"[{p}]({target}#para-{p.replace('.', '-')})" for p in ref.paragraphs)
                    lines += ["", f"    Paragraphs of the chapter: {links}."]
            lines.append("")
    else:
        lines += ["The response and the progress update do not say that any chapter of *Working Together* "
                  "implements this recommendation.", ""]
    if rec.mentions:
        heading = "What the text names" if rec.implemented_by else "What the text names instead"
        lines += [f"### {heading} {{ #rec-{n}-mentions }}", ""]
        kinds = {"working-together": "*Working Together* as a whole", "guidance": "Guidance",
                 "legislation": "Legislation"}
        # One item per thing named, with every quote that names it (recommendation 13 names *Working
        # Together* as a whole in both columns: one item, two quotes).
        grouped: dict[str, list] = {}
        for mention in rec.mentions:
            if mention.chapter is not None:
                target = relative(page, data.working_together.chapters[mention.chapter].page)
                label = (f"[{chapter_label(data, mention.chapter)}]({target}), named but not said to "
                         "implement this recommendation")
            elif mention.kind == "working-together":
                label = kinds[mention.kind]
            else:
                label = f"{kinds[mention.kind]}: {mention.name}"
            grouped.setdefault(label, []).append(mention)
        for label, mentions in grouped.items():
            lines += [f"- {label}", ""]
            for mention in mentions:
                lines += [quote_block(mention.quote, mention.column), ""]
    source = data.documents[SOURCE_DOCUMENT]
    lines += [
        "---", "",
        f"Source: [Annex A]({relative(page, ANNEX_A, f'rec-{n}')}) of *{source.title}* ({source.author}, "
        f"{source.date}). {source.copyright}.",
        "{ .source-note }", "",
    ]
    return "\n".join(lines)


def annex_a_page(data: SiteData) -> str:
    """Annex A as the source lays it out: each recommendation with its response and progress update."""
    lines = [
        "---", "title: 'Annex A: Progress update on 58 recommendations'", f"document: {SOURCE_DOCUMENT}",
        "search:", "  exclude: true",
        # The contents lists the 58 recommendations, not the three headings repeated under each (pages/toc_depth.py).
        "toc_depth: 2",
        # Each recommendation drawn when scrolled near (text/render_when_seen.py): a phone need not lay out all 58.
        "render_when_seen: true", "---", "",
        "# Annex A: The Government's Response to Lord Laming: Progress Update on 58 Recommendations", "",
        "Each recommendation also has [a page of its own](../recommendations/index.md) with links to the "
        "chapters of *Working Together* that implement it.", "{ .editorial }", "",
    ]
    for rec in data.recommendations:
        n = rec.id
        lines += [
            f"## Recommendation {n} {{ #rec-{n} }}", "",
            f"[Open recommendation {n} on its own page]({relative(ANNEX_A, rec.page)}): "
            f"{_cell(escape(rec.short_title))} (short title by the site's editors)", "{ .editorial }", "",
            "### Lord Laming's Recommendation March 2009", "", rec.recommendation, "",
            "### Government's Response May 2009", "", rec.response_2009, "",
            "### Progress update March 2010", "", rec.progress_2010, "",
        ]
    return "\n".join(lines)


def recommendation_pages(data: SiteData) -> dict[str, str]:
    pages = {INDEX: index_page(data), ANNEX_A: annex_a_page(data)}
    for rec in data.recommendations:
        pages[rec.page] = recommendation_page(data, rec)
    return pages
