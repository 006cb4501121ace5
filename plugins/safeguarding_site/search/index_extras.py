"""Additions to the built search index: abbreviations both ways, and an entry for every numbered paragraph."""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

INDEX = Path("search") / "search_index.json"
KEYWORDS_FIELD = "keywords"

# The index's separator (mkdocs.yml, plugins: search: separator). Material's default splits on spaces and
# hyphens only, so "(LSCBs)", "and," and "12:" were tokens of their own and never matched "LSCB", "and"
# (a stop word) or "12". This one also splits on punctuation, on quotes at either edge of a word and on a
# possessive "'s", but keeps "A&amp;E", "1.1", "e.g" and "don't" whole. It is written to mean the same in
# JavaScript (the browser) and Python (build.py search): no \w, \b or variable-width look-behind.
_ALWAYS = "\\s\\-–—,:/()\\[\\]{}\"“”…·←→↩©=?!"
_EDGE = "'’‘."
_WORD = f"[^{_ALWAYS};{_EDGE}]"
SEPARATOR = (
    f"[{_ALWAYS}]+"
    "|(?<!&amp)(?<!&lt)(?<!&gt);"
    f"|['’]s(?!{_WORD})"
    f"|[{_EDGE}](?!{_WORD})"
    f"|(?<!{_WORD})[{_EDGE}]"
)


@dataclass(frozen=True)
class Abbreviation:
    short: str
    expansion: str

    # Compiled once per abbreviation: keywords_for runs for every entry of the search index. Each pattern
    # means "(?<![A-Za-z])" before the name, but looks back only after its first letters, so that the regex
    # engine can skip to where those letters are instead of trying every position.
    @functools.cached_property
    def short_pattern(self) -> re.Pattern[str]:
        short = re.escape(self.short)
        return re.compile(rf"{short}(?<![A-Za-z]{short})s?(?![A-Za-z])")

    @functools.cached_property
    def expansion_pattern(self) -> re.Pattern[str]:
        # The sources write one name with or without hyphens and commas ("Multi Agency", "Children Schools").
        body = r"[\s,\-–]+".join(re.escape(word) for word in self._expansion_words)
        if body[:1].isascii() and body[:1].isalpha():  # one character, so "." in the look-behind is that letter
            return re.compile(rf"{body[0]}(?<![A-Za-z].){body[1:]}s?(?![A-Za-z])", re.IGNORECASE)
        return re.compile(rf"(?<![A-Za-z]){body}s?(?![A-Za-z])", re.IGNORECASE)

    @functools.cached_property
    def _expansion_words(self) -> list[str]:
        return re.split(r"[\s,\-–]+", self.expansion)

    @functools.cached_property
    def first_word(self) -> str:
        """The expansion's first word in lower case: a text without it cannot use the expansion."""
        return self._expansion_words[0].lower()


# Each pair is spelled out in a source as "expansion (ABBREVIATION)"; tests/search/test_index_extras.py checks
# that, so no expansion here is our own invention.
ABBREVIATIONS: tuple[Abbreviation, ...] = tuple(Abbreviation(short, expansion) for short, expansion in (
    ("A&E", "Accident and Emergency"),
    ("ACPO", "Association of Chief Police Officers"),
    ("ADCS", "Association of Directors of Children's Services"),
    ("CAF", "Common Assessment Framework"),
    ("CDOP", "Child Death Overview Panel"),
    ("CEOP", "Child Exploitation and Online Protection Centre"),
    ("CfH", "Connecting for Health"),
    ("CLSA", "Children and Learner Strategic Adviser"),
    ("CPHVA", "Community Practitioners and Health Visitors Association"),
    ("CQC", "Care Quality Commission"),
    ("CWDC", "Children's Workforce Development Council"),
    ("CYPP", "Children and Young People's Plan"),
    ("DCS", "Director of Children's Services"),
    ("DCSF", "Department for Children Schools and Families"),
    ("FIP", "Family Intervention Project"),
    ("GO", "Government Office"),
    ("GSCC", "General Social Care Council"),
    ("HCP", "Healthy Child Programme"),
    ("HMIC", "Her Majesty's Inspectorate of Constabulary"),
    ("ICS", "Integrated Children's System"),
    ("IDVA", "Independent Domestic Violence Adviser"),
    ("ISA", "Independent Safeguarding Authority"),
    ("KPI", "key performance indicator"),
    ("LGA", "Local Government Association"),
    ("LSCB", "Local Safeguarding Children Board"),
    ("MAPPA", "Multi-Agency Public Protection Arrangements"),
    ("MARAC", "Multi-Agency Risk Assessment Conference"),
    ("NPIA", "National Policing Improvement Agency"),
    ("NQSW", "Newly Qualified Social Worker"),
    ("NSDU", "National Safeguarding Delivery Unit"),
    ("PCT", "Primary Care Trust"),
    ("RCGP", "Royal College of General Practitioners"),
    ("RCPCH", "Royal College of Paediatrics and Child Health"),
    ("SCIE", "Social Care Institute for Excellence"),
    ("SCR", "Serious Case Review"),
    ("SFBT", "Solution Focused Brief Therapy"),
    ("SHA", "Strategic Health Authority"),
    ("SWTF", "Social Work Task Force"),
    ("VBS", "Vetting and Barring Scheme"),
))

# Numbered paragraphs keep anchors #para-N (report paragraphs) and #item-N (Annex C items, letters' points).
# Working Together's are #para-N-M (paragraph N.M).
_NUMBERED = re.compile(r'<p\b[^>]*\bid="(para|item)-(\d+(?:-\d+)?)"')
_TAG = re.compile(r"<[^>]+>")
# Material multiplies a page's own entry by up to 5 but a section's by at most 2, so without a boost
# "paragraph 23" ranked the page "Recommendation 23" (title match on "23" alone) above paragraph 23 itself.
NUMBERED_BOOST = 2


def plain(markup: str) -> str:
    """The index's HTML as text, with curly apostrophes straightened so both spellings match."""
    return html.unescape(_TAG.sub(" ", markup)).replace("’", "'")


def keywords_for(text: str, abbreviations: Iterable[Abbreviation] = ABBREVIATIONS) -> str:
    """Both forms of every abbreviation that the text uses in either form, for the hidden keywords field."""
    lowered = text.lower()
    # A plain substring test first: the look-behind regexes are slow, and most entries use no abbreviation.
    found = [a for a in abbreviations
             if (a.short in text and a.short_pattern.search(text))
             or (a.first_word in lowered and a.expansion_pattern.search(text))]
    return " ".join(f"{a.short} {a.expansion}" for a in found)


def numbered_entries(page_html: str, page: str) -> list[dict]:
    """One title-only entry per numbered paragraph, so "paragraph 23" finds #para-23 itself."""
    entries = []
    for kind, number in _NUMBERED.findall(page_html):
        label = "Paragraph" if kind == "para" else "Item"
        entries.append({"location": f"{page}#{kind}-{number}", "title": f"{label} {number.replace('-', '.')}",
                        "text": "",
                        "boost": NUMBERED_BOOST})
    return entries


# The index configuration both search engines read (search/site_search.py and the browser's worker):
# stemming on both sides with lunr's English stemmer, and a title boost in proportion (Material's 1,000
# made a chapter whose title shares one word beat the passage that answers the question).
PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]
TITLE_BOOST = 3
RECOMMENDATIONS = 58
# Pages that list or point to passages: below the passages themselves (lunr multiplies their scores).
REGISTER_PAGES = re.compile(r"^(organisations/|recommendations/index\.html|supporting-guidance/|data/|glossary/"
                            r"|guide/|index\.html)")
# Sections that quote or list passages found elsewhere: a recommendation's "Implemented in", "What the text
# names", "Who must act" and related guidance; every page's "Referred to in"; a chapter's sections table.
REGISTER_SECTIONS = re.compile(r"#(referred-to-in|rec-\d+-(implemented-in|mentions|who-must-act|guidance)"
                               r"|chapter-\d+-(sections|recommendations))$")
REGISTER_BOOST = 0.3
# "case-loads", "multi-agency": the joined word too, so that a search for "caseloads" finds them.
_HYPHENATED = re.compile(r"(?<![\w-])([A-Za-z]{2,})-([A-Za-z]{2,})(?![\w-])")


def joined_words(text: str) -> list[str]:
    """The hyphenated words of a text, joined ("case-loads" -> "caseloads")."""
    return sorted({(a + b).lower() for a, b in _HYPHENATED.findall(text)})


def enrich_search_index(site_dir: Path, abbreviations: Iterable[Abbreviation] = ABBREVIATIONS) -> None:
    """Rewrite site_dir/search/search_index.json in place. Run after the search plugin, before `offline`.

    ``abbreviations`` may come from the site's glossary instead, as long as every expansion is the sources'.
    """
    abbreviations = tuple(abbreviations)
    path = site_dir / INDEX
    index = json.loads(path.read_text(encoding="utf-8"))
    docs: list[dict] = index["docs"]
    pages: dict[str, list[dict]] = {}
    for doc in docs:
        pages.setdefault(doc["location"].split("#", 1)[0], []).append(doc)
    enriched: list[dict] = []
    for page, entries in pages.items():
        for doc in entries:
            text = plain(doc["title"] + " " + doc.get("text", ""))
            words = " ".join(filter(None, [keywords_for(text, abbreviations), " ".join(joined_words(text))]))
            doc = {**doc, KEYWORDS_FIELD: words} if words else doc
            if REGISTER_PAGES.match(doc["location"]) or REGISTER_SECTIONS.search(doc["location"]):
                doc = {**doc, "boost": REGISTER_BOOST * doc.get("boost", 1)}
            enriched.append(doc)
        page_file = site_dir / page
        if page_file.is_file():
            existing = {doc["location"] for doc in entries}
            enriched.extend(e for e in numbered_entries(page_file.read_text(encoding="utf-8"), page)
                            if e["location"] not in existing)
    index["docs"] = enriched
    config = index["config"]
    config["pipeline"] = PIPELINE
    config["fields"].setdefault("title", {})["boost"] = TITLE_BOOST
    config["abbreviations"] = sorted({a.short for a in abbreviations})
    config["recommendations"] = RECOMMENDATIONS
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
