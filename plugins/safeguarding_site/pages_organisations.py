"""Markdown for the "Who must act" pages: the organisations by sector, one page each, and a recommendation's list."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .addressees import Addressees, Organisation, Organisations, recommendations_for
from .links import relative
from .markdown_text import escape, quoted
from .recommendations import Recommendation
from .search_index_extras import REGISTER_SEARCH_BOOST

INDEX = "organisations/index.md"
FILTER_SCRIPT = "javascripts/organisation-filter.js"


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
    lines += ["</div>", ""]
    nobody = [n for n, found in sorted(addressees.items()) if not found.keys]
    if nobody:
        lines += ["## Recommendations that name no one to act { #no-one-named }", "",
                  f"The wording of {'this recommendation' if len(nobody) == 1 else 'these recommendations'} "
                  f"names no organisation that must act: {_rec_links(page, nobody)}.", ""]
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


ORGANISATION_FILTER_JS = """\
// "Who must act": filter the organisations by sector or by name. Without JavaScript the page is a plain list.
(function () {
  "use strict";

  function option(value, text) {
    var element = document.createElement("option");
    element.value = value;
    element.textContent = text;
    return element;
  }

  function field(labelText, control) {
    var wrapper = document.createElement("p");
    var label = document.createElement("label");
    label.htmlFor = control.id;
    label.textContent = labelText;
    wrapper.appendChild(label);
    wrapper.appendChild(control);
    return wrapper;
  }

  function init() {
    var root = document.querySelector(".org-filter");
    if (!root || root.getAttribute("data-filter-ready")) {
      return;
    }
    root.setAttribute("data-filter-ready", "true");
    var sections = Array.prototype.slice.call(root.querySelectorAll("section[data-sector]"));
    var form = document.createElement("form");
    form.className = "org-filter__controls";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Filter the organisations");
    var sector = document.createElement("select");
    sector.id = "org-filter-sector";
    sector.appendChild(option("", "All sectors"));
    sections.forEach(function (section) {
      var heading = section.querySelector("h2");
      sector.appendChild(option(section.getAttribute("data-sector"), heading ? heading.textContent.trim() : ""));
    });
    var name = document.createElement("input");
    name.type = "search";
    name.id = "org-filter-name";
    name.autocomplete = "off";
    var status = document.createElement("p");
    status.className = "org-filter__status";
    status.setAttribute("role", "status");
    form.appendChild(field("Sector ", sector));
    form.appendChild(field("Organisation name contains ", name));
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    function apply() {
      var wanted = sector.value;
      var words = name.value.trim().toLowerCase();
      var shown = 0;
      sections.forEach(function (section) {
        var visible = 0;
        var sectorMatches = !wanted || section.getAttribute("data-sector") === wanted;
        Array.prototype.forEach.call(section.querySelectorAll("li"), function (item) {
          var link = item.querySelector("a");
          var text = (link ? link.textContent : item.textContent).toLowerCase();
          var matches = sectorMatches && (!words || text.indexOf(words) !== -1);
          item.hidden = !matches;
          visible += matches ? 1 : 0;
        });
        section.hidden = visible === 0;
        shown += visible;
      });
      status.textContent = shown === 1 ? "1 organisation shown." : shown + " organisations shown.";
    }

    sector.addEventListener("change", apply);
    name.addEventListener("input", apply);
    root.insertBefore(status, root.firstChild);
    root.insertBefore(form, status);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  // Material's instant navigation, if switched on, swaps pages without a load event.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  }
})();
"""
