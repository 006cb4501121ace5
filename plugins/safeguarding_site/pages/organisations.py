"""Markdown for the "Who must act" pages: the organisations by sector, one page each, and a recommendation's lists.

Every list says which relation it shows: "must act" (the recommendation is addressed to the organisation)
or "also concerns" (it names the organisation, or a service it runs, without addressing it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..data.organisations import (
    Addressees,
    Organisation,
    Organisations,
    recommendations_also_concerning,
    recommendations_for,
)
from ..data.recommendations import Recommendation
from ..text.markdown_escape import escape, quoted
from ..text.relative_links import relative
from .search_weight import REGISTER_SEARCH_BOOST

INDEX = "organisations/index.md"


def _rec_links(page: str, rec_ids: Sequence[int]) -> str:
    return ", ".join(f"[{n}]({relative(page, f'recommendations/{n}.md')})" for n in rec_ids)


def _and_list(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _counted(relation: str, rec_ids: Sequence[int], page: str) -> str:
    """"must act on 2 ([6], [20])", "also concerned by none"."""
    if not rec_ids:
        return f"{relation} none"
    return f"{relation} {len(rec_ids)} ({_rec_links(page, rec_ids)})"


def index_page(organisations: Organisations, addressees: Mapping[int, Addressees]) -> str:
    page = INDEX
    lines = [
        "---", "title: Who must act", *REGISTER_SEARCH_BOOST, "---", "",
        "# Who must act", "",
        "Lord Laming's recommendations say who must act on them. This page lists the organisations they "
        "name, by sector, with the numbers of the recommendations each must act on and of those that also "
        "concern it; each organisation has a page listing them in full.", "",
        "**Must act**: the recommendation's own wording makes the organisation the one that must or should "
        "act (for example “Ofsted should revise …”). **Also concerns**: the wording names the organisation, "
        "a service it runs or the inspectorate of its services, without asking it to act (for example "
        "“ensure that police child protection teams are well resourced”). Where the site's editors have "
        "corrected either reading, the recommendation's page says so.", "",
        '<div class="org-filter" markdown>', "",
    ]
    for sector in organisations.sectors.values():
        members = organisations.in_sector(sector.key)
        if not members:
            continue
        lines += [f'<section class="org-sector" data-sector="{sector.key}" markdown>', "",
                  f"## {escape(sector.name)} {{ #sector-{sector.key} }}", ""]
        for org in members:
            must = recommendations_for(org.key, addressees)
            also = recommendations_also_concerning(org.key, addressees)
            lines.append(f"- [{escape(org.name)}]({relative(page, org.page)}): "
                         f"{_counted('must act on', must, page)}; {_counted('also concerned by', also, page)}")
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
    must = [r for r in recommendations if org.key in addressees[r.id].keys]
    also = [r for r in recommendations if org.key in addressees[r.id].also]
    title = org.name.replace("'", "''")
    lines = [
        "---", f"title: '{title}'", *REGISTER_SEARCH_BOOST, "---", "",
        f"# {escape(org.name)}", "",
        f"Sector: [{escape(sector.name)}]({relative(page, INDEX, f'sector-{sector.key}')}) · "
        f"[All organisations]({relative(page, INDEX)})", "{ .rec-nav }", "",
        "## Must act { #recommendations }", "",
        f"The recommendations addressed to {escape(org.name)}, each with its short title (written by the site's "
        "editors) and the words of the recommendation that name the organisation.", "",
    ]
    if not must:
        lines += ["No recommendation is addressed to this organisation.", ""]
    for rec in must:
        found = addressees[rec.id]
        named = found.named_as.get(org.key, ())
        how = ("listed by the site's editors" if found.by_editors
               else f"named as {_and_list([quoted(p) for p in named])}" if named else "")
        lines.append(_rec_item(page, rec, how))
    lines += ["", "## Also concerns { #also-concerns }", "",
              f"The recommendations that name {escape(org.name)}, a service it runs or the inspectorate of its "
              "services, without addressing it.", ""]
    if not also:
        lines += ["No other recommendation names this organisation.", ""]
    for rec in also:
        lines.append(_rec_item(page, rec, _how_also(addressees[rec.id], org.key, organisations)))
    return "\n".join([*lines, ""])


def _rec_item(page: str, rec: Recommendation, how: str) -> str:
    return (f"- [Recommendation {rec.id}]({relative(page, rec.page)}): {escape(rec.short_title)}"
            + (f" ({how})" if how else ""))


def _how_also(found: Addressees, key: str, organisations: Organisations) -> str:
    if found.also_by_editors:
        return "listed by the site's editors"
    if key in found.through:
        return f"through {escape(organisations.organisations[found.through[key]].name)}, which inspects it"
    named = found.also_named_as.get(key, ())
    return f"named as {_and_list([quoted(p) for p in named])}" if named else ""


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
    links = _org_links(page, found.keys, organisations)
    if links:
        lines.append(f"**Must act:** this recommendation is addressed to {_and_list(links)}.")
    else:
        lines.append("**Must act:** the wording of this recommendation names no organisation that must act.")
    also = [link + (f" (through {escape(organisations.organisations[found.through[key]].name)}, which inspects "
                    "it)" if key in found.through else "")
            for key, link in zip(found.also, _org_links(page, found.also, organisations), strict=True)]
    how = ("the wording names it, or a service it runs, without asking it to act" if len(also) == 1
           else "the wording names them, or services they run, without asking them to act")
    lines += ["", f"**Also concerns:** {_and_list(also)}: {how}." if also
              else "**Also concerns:** no other organisation is named."]
    source = ("The site's editors made these lists." if found.by_editors and found.also_by_editors
              else "The site's editors made the “must act” list; the other follows the wording."
              if found.by_editors
              else "The site's editors made the “also concerns” list; the other follows the wording."
              if found.also_by_editors
              else "The lists follow the recommendation's wording.")
    lines += ["", f"{source} [Who must act]({relative(page, INDEX)}) lists every organisation.", ""]
    return "\n".join(lines)


def _org_links(page: str, keys: Sequence[str], organisations: Organisations) -> list[str]:
    return [f"[{escape(organisations.organisations[k].name)}]({relative(page, organisations.organisations[k].page)})"
            for k in keys]
