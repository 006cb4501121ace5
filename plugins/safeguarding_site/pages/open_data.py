"""The recommendations as open data: data/recommendations.json and .csv, their schema and the page about them."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping, Sequence

from ..data.guidance import Register
from ..data.organisations import Addressees, Organisations
from ..data.site_data import SiteData
from ..linking.citations import Citation, columns_by_recommendation
from ..text.relative_links import relative
from .guidance import PAGE as GUIDANCE_PAGE
from .open_data_schema import SCHEMA, SCHEMA_VERSION
from .phrases import SHORT_TITLE_MEANING

DATA_PAGE = "data/index.md"
JSON_FILE = "data/recommendations.json"
CSV_FILE = "data/recommendations.csv"
SCHEMA_FILE = "data/recommendations.schema.json"
SOURCE_DOCUMENT = "one-year-on"
LIST_SEPARATOR = "; "
# The CSV's columns, in order, with what each holds (the data page shows this table).
CSV_COLUMNS = {
    "id": "The recommendation's number.",
    "short_title": SHORT_TITLE_MEANING,
    "url": "Its page on this site, relative to the site's root.",
    "recommendation": "Lord Laming's recommendation (March 2009), Markdown.",
    "response_2009": "The Government's response (May 2009), Markdown; may be empty.",
    "progress_2010": "The progress update (March 2010), Markdown; may be empty.",
    "working_together_chapters": "Numbers of the Working Together chapters that implement it, or that the response "
                                 "promised would.",
    "working_together_status": "\"implements\" or \"promises\" for each of those chapters, in the same order "
                               "(see the JSON).",
    "addressed_to": "Keys of the organisations it is addressed to.",
    "addressed_to_names": "Their names, in the same order.",
    "addressed_to_source": "\"wording\" or \"editors\" (see the JSON).",
    "also_concerns": "Keys of the other organisations it names as affected, without asking them to act.",
    "also_concerns_names": "Their names, in the same order.",
    "also_concerns_source": "\"wording\" or \"editors\" (see the JSON).",
    "guidance": "Ids of the Supporting guidance entries its texts name.",
}


def page_url(src_uri: str, use_directory_urls: bool) -> str:
    """The site-root-relative address MkDocs gives the page ``src_uri`` (``recommendations/5.md``)."""
    path = src_uri[:-3]
    if not use_directory_urls:
        return path + ".html"
    if path == "index" or path.endswith("/index"):
        return path[:-5]
    return path + "/"


def recommendations_table(data: SiteData, organisations: Organisations, addressees: Mapping[int, Addressees],
                          register: Register, citations: Mapping[str, Sequence[Citation]],
                          url: Callable[[str], str]) -> dict:
    """The whole table as a JSON-ready dict following ``SCHEMA``; ``url`` maps a page path to its address."""
    source = data.documents[SOURCE_DOCUMENT]
    by_recommendation = columns_by_recommendation(citations)
    recs = []
    for rec in data.recommendations:
        chapters = []
        for number in rec.chapters:
            chapter = data.working_together.chapters[number]
            chapters.append({
                "chapter": number, "title": chapter.title, "title_confirmed": chapter.confirmed,
                "url": url(chapter.page), "status": rec.chapter_status(number),
                "evidence": [{"status": r.status, "column": r.column, "quote": r.quote}
                             for r in rec.implemented_by if r.chapter == number],
            })
        found = addressees[rec.id]
        guidance = []
        for entry_id, columns in by_recommendation.get(rec.id, ()):
            entry = register.entries[entry_id]
            guidance.append({"id": entry.id, "title": entry.title, "kind": entry.kind,
                             "url": f"{url(GUIDANCE_PAGE)}#{entry.id}", "columns": list(dict.fromkeys(columns))})
        recs.append({
            "id": rec.id, "short_title": rec.short_title, "url": url(rec.page),
            "recommendation": rec.recommendation, "response_2009": rec.response_2009,
            "progress_2010": rec.progress_2010,
            "working_together_chapters": chapters,
            "mentions": [{"kind": m.kind, "name": m.name, "column": m.column, "quote": m.quote}
                         | ({"chapter": m.chapter} if m.chapter is not None else {}) for m in rec.mentions],
            "addressed_to": [_organisation(organisations, key, url) for key in found.keys],
            "addressed_to_source": "editors" if found.by_editors else "wording",
            "also_concerns": [_organisation(organisations, key, url) for key in found.also],
            "also_concerns_source": "editors" if found.also_by_editors else "wording",
            "guidance": guidance,
        })
    return {
        "schema_version": SCHEMA_VERSION,
        "source": {"title": source.title, "part": "Annex A", "author": source.author, "date": source.date,
                   "copyright": source.copyright},
        "text_format": "markdown",
        "recommendations": recs,
    }


def _organisation(organisations: Organisations, key: str, url: Callable[[str], str]) -> dict:
    org = organisations.organisations[key]
    return {"key": key, "name": org.name, "sector": organisations.sectors[org.sector].name, "url": url(org.page)}


def to_json(value: object) -> str:
    """Deterministic, readable JSON (UTF-8 text, keys in the order built)."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _joined(items: Sequence[str]) -> str:
    for item in items:
        if LIST_SEPARATOR.strip() in item:
            raise ValueError(f"{item!r} contains {LIST_SEPARATOR.strip()!r}, the CSV's list separator")
    return LIST_SEPARATOR.join(items)


def to_csv(table: Mapping) -> str:
    """One row per recommendation, the columns of ``CSV_COLUMNS``; lists joined with "; "; RFC 4180 quoting."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    for rec in table["recommendations"]:
        writer.writerow({
            "id": rec["id"], "short_title": rec["short_title"], "url": rec["url"],
            "recommendation": rec["recommendation"], "response_2009": rec["response_2009"],
            "progress_2010": rec["progress_2010"],
            "working_together_chapters": _joined([str(c["chapter"]) for c in rec["working_together_chapters"]]),
            "working_together_status": _joined([c["status"] for c in rec["working_together_chapters"]]),
            "addressed_to": _joined([a["key"] for a in rec["addressed_to"]]),
            "addressed_to_names": _joined([a["name"] for a in rec["addressed_to"]]),
            "addressed_to_source": rec["addressed_to_source"],
            "also_concerns": _joined([a["key"] for a in rec["also_concerns"]]),
            "also_concerns_names": _joined([a["name"] for a in rec["also_concerns"]]),
            "also_concerns_source": rec["also_concerns_source"],
            "guidance": _joined([g["id"] for g in rec["guidance"]]),
        })
    return out.getvalue()


def _field_rows(schema: Mapping, prefix: str = "") -> list[tuple[str, str, str]]:
    """(field, type, description) for every property of ``schema``, nested ones as ``a[].b``."""
    rows = []
    for name, spec in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        kind = spec.get("type", "constant" if "const" in spec else "")
        description = spec.get("description", "")
        if "const" in spec:
            description = f"Always `{spec['const']}`. {description}".strip()
        if "enum" in spec:
            description = f"{description} One of {', '.join(f'`{v}`' for v in spec['enum'])}.".strip()
        rows.append((path, kind, description))
        if spec.get("type") == "object":
            rows += _field_rows(spec, f"{path}.")
        elif spec.get("type") == "array" and spec.get("items", {}).get("type") == "object":
            rows += _field_rows(spec["items"], f"{path}[].")
    return rows


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def data_page(count: int) -> str:
    """data/index.md: what the files hold, field by field (from the schema, so the two cannot drift)."""
    page = DATA_PAGE
    lines = [
        "---", "title: Open data", "---", "",
        "# Open data: the recommendations", "",
        f"The table of Lord Laming's {count} recommendations, with everything this site links them to, "
        "as files to download and reuse:", "",
        f"- [recommendations.json]({relative(page, JSON_FILE)}): the whole table, with the quotations "
        "that support each link;",
        f"- [recommendations.csv]({relative(page, CSV_FILE)}): one row per recommendation, for spreadsheets;",
        f"- [recommendations.schema.json]({relative(page, SCHEMA_FILE)}): the JSON file's schema "
        "(JSON Schema, draft 2020-12).", "",
        f"Schema version {SCHEMA_VERSION}. The version changes with the files: a new major number means a "
        "field was removed or its meaning changed; a new minor number means fields were added.", "",
        "The texts are those of Annex A of *The Government's Response to Lord Laming: One Year On* (HM "
        "Government, March 2010), © Crown copyright 2010. In both files they are Markdown, exactly as this "
        "site publishes them: asterisks around italic titles, links in square and round brackets, list items "
        "on lines starting with a hyphen, and a blank line between paragraphs. Addresses of pages are "
        "relative to the site's root.", "",
        "## The JSON file { #json }", "",
        "| Field | Type | Meaning |", "| --- | --- | --- |",
    ]
    lines += [f"| `{name}` | {kind} | {_cell(text)} |" for name, kind, text in _field_rows(SCHEMA)]
    lines += [
        "", "## The CSV file { #csv }", "",
        "UTF-8, comma-separated, fields quoted where needed (RFC 4180; a text may run over several lines). "
        "The first row names the columns. Lists are joined with a semicolon and a space. The CSV leaves out "
        "the quotations and mentions, which the JSON file has; it keeps whether each chapter implements the "
        "recommendation or was only promised to.", "",
        "| Column | Meaning |", "| --- | --- |",
    ]
    lines += [f"| `{name}` | {_cell(text)} |" for name, text in CSV_COLUMNS.items()]
    return "\n".join([*lines, ""])


def open_data_files(data: SiteData, organisations: Organisations, addressees: Mapping[int, Addressees],
                    register: Register, citations: Mapping[str, Sequence[Citation]],
                    use_directory_urls: bool) -> dict[str, str]:
    """Every open-data file and the page describing them, as ``{path under docs/: content}``."""
    table = recommendations_table(data, organisations, addressees, register, citations,
                                  lambda page: page_url(page, use_directory_urls))
    return {
        JSON_FILE: to_json(table),
        CSV_FILE: to_csv(table),
        SCHEMA_FILE: to_json(SCHEMA),
        DATA_PAGE: data_page(len(data.recommendations)),
    }


def open_data_link(from_page: str) -> str:
    """A sentence for the recommendations index pointing to the open data."""
    return (f"The whole table is also available as [open data]({relative(from_page, DATA_PAGE)}) "
            "(JSON and CSV).")

