"""Markdown for the "Who must act" pages: the organisations by sector, one page each, and a recommendation's list."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..data.organisations import Addressees, Organisation, Organisations, recommendations_for
from ..data.recommendations import Recommendation
from ..text.markdown_escape import escape, quoted
from ..text.relative_links import relative
from .search_weight import REGISTER_SEARCH_BOOST

INDEX = "organisations/index.md"


def _rec_links(page: str, rec_ids: Sequence[int]) -> str:
    return ", ".join(f"[{n}]({relative(page, f'recommendations/{n}.md')})" for n in rec_ids)


def _and_list(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def index_page(organisations: Organisations, addressees: Mapping[int, Addressees]) -> str:
    page = INDEX
    lines = [
        "---", "title: Who must act", *REGISTER_SEARCH_BOOST, "---", "",
        "# Who must act", "",
        "Lord Laming's recommendations say who must act on them. This page lists the organisations they "
        "address, by sector, with the numbers of the recommendations addressed to each; each organisation "
        "has a page listing them in full.", "",
        "An organisation is listed for a recommendation when the recommendation's own wording makes it the "
        "one that must or should act (for example “Ofsted should revise …”). Where the site's editors "
        "have corrected that reading, the recommendation's page says so.", "",
        '<div class="org-filter" markdown>', "",
    ]
    for sector in organisations.sectors.values():
        members = organisations.in_sector(sector.key)
        if not members:
            continue
        lines += [f'<section class="org-sector" data-sector="{sector.key}" markdown>', "",
                  f"## {escape(sector.name)} {{ #sector-{sector.key} }}", ""]
        for org in members:
            recs = recommendations_for(org.key, addressees)
            count = f"{len(recs)} recommendation{'' if len(recs) == 1 else 's'}" if recs else "no recommendation"
            item = f"- [{escape(org.name)}]({relative(page, org.page)}): {count}"
            lines.append(f"{item} ({_rec_links(page, recs)})" if recs else item)
        lines += ["", "</section>", ""]
    nobody = [n for n, found in sorted(addressees.items()) if not found.keys]
    if nobody:
        # Inside the filtered area: a filter by sector or name hides it (docs/javascripts/organisation-filter.js).
        lines += ['<section class="org-unnamed" markdown>', "",
                  "## Recommendations that name no one to act { #no-one-named }", "",
                  f"The wording of {'this recommendation' if len(nobody) == 1 else 'these recommendations'} "
                  f"names no organisation that must act: {_rec_links(page, nobody)}.", "", "</section>", ""]
    lines += ["</div>", ""]
    return "\n".join(lines)


def organisation_page(org: Organisation, organisations: Organisations, recommendations: Sequence[Recommendation],
                      addressees: Mapping[int, Addressees]) -> str:
    page = org.page
    sector = organisations.sectors[org.sector]
    recs = [r for r in recommendations if org.key in addressees[r.id].keys]
    title = org.name.replace("'", "''")
    lines = [
        "---", f"title: '{title}'", *REGISTER_SEARCH_BOOST, "---", "",
        f"# {escape(org.name)}", "",
        f"Sector: [{escape(sector.name)}]({relative(page, INDEX, f'sector-{sector.key}')}) · "
        f"[All organisations]({relative(page, INDEX)})", "{ .rec-nav }", "",
        f"## Recommendations addressed to {escape(org.name)} {{ #recommendations }}", "",
    ]
    if not recs:
        lines += ["No recommendation is addressed to this organisation.", ""]
    for rec in recs:
        found = addressees[rec.id]
        named = found.named_as.get(org.key, ())
        how = ("listed by the site's editors" if found.by_editors
               else f"named as {_and_list([quoted(p) for p in named])}" if named else "")
        lines.append(f"- [Recommendation {rec.id}]({relative(page, rec.page)}): {escape(rec.short_title)}"
                     + (f" ({how})" if how else ""))
    return "\n".join([*lines, ""])


def organisation_pages(organisations: Organisations, recommendations: Sequence[Recommendation],
                       addressees: Mapping[int, Addressees]) -> dict[str, str]:
    pages = {INDEX: index_page(organisations, addressees)}
    for org in organisations.organisations.values():
        pages[org.page] = organisation_page(org, organisations, recommendations, addressees)
    return pages


def who_must_act_section(rec: Recommendation, found: Addressees, organisations: Organisations) -> str:
    """The "Who must act" section for ``rec``'s page (Markdown, ends with a blank line)."""
    page = rec.page
    lines = [f"## Who must act {{ #rec-{rec.id}-who-must-act }}", ""]
    links = [f"[{escape(organisations.organisations[k].name)}]({relative(page, organisations.organisations[k].page)})"
             for k in found.keys]
    if links:
        lines.append(f"This recommendation is addressed to {_and_list(links)}.")
    else:
        lines.append("The wording of this recommendation names no organisation that must act.")
    source = ("The site's editors made this list." if found.by_editors
              else "The list follows the recommendation's wording.")
    lines += ["", f"{source} [Who must act]({relative(page, INDEX)}) lists every organisation.", ""]
    return "\n".join(lines)
