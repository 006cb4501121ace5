"""Who must act: the organisations each recommendation's text addresses, derived by rule, with editors' overrides."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..base.errors import Problems
from ..base.known_fields import check_known_fields
from ..base.yaml_lines import LineDict, load_yaml
from ..text.blocks import comparable
from .fields import check_schema, entry_key

if TYPE_CHECKING:
    from .recommendations import Recommendation

_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# The verbs of obligation in the recommendations; "be established" is recommendation 2's subjunctive.
_MODAL = re.compile(r"\b(?:must|should)\b|\bbe established\b")
# Where a new clause, with a subject of its own, can begin inside a sentence.
_CLAUSE = re.compile(r", and |; |: |, who |, which ")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z'\"(])")
_AGENT = re.compile(r"\bby(?: the)?\s*$")


@dataclass(frozen=True)
class Sector:
    key: str
    name: str


@dataclass(frozen=True)
class Organisation:
    key: str
    name: str
    sector: str
    named_as: tuple[str, ...]

    @property
    def page(self) -> str:
        return f"organisations/{self.key}.md"


@dataclass(frozen=True)
class Organisations:
    sectors: dict[str, Sector]  # in the file's order
    organisations: dict[str, Organisation]  # in the file's order
    _pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    def in_sector(self, sector: str) -> list[Organisation]:
        return [o for o in self.organisations.values() if o.sector == sector]

    def names(self) -> dict[str, tuple[str, ...]]:
        """Each phrase (case-folded) and the organisations it names."""
        found: dict[str, list[str]] = {}
        for org in self.organisations.values():
            for phrase in org.named_as:
                found.setdefault(phrase.casefold(), []).append(org.key)
        return {phrase: tuple(keys) for phrase, keys in found.items()}


@dataclass(frozen=True)
class Addressees:
    """The organisations a recommendation addresses, and the words of its text that name each of them."""

    keys: tuple[str, ...]  # what the site shows: the editors' list if there is one, else the derived one
    derived: tuple[str, ...]
    named_as: Mapping[str, tuple[str, ...]]  # key -> the phrases that name it, for the derived ones
    by_editors: bool


def load_organisations(path: Path, name: str, problems: Problems) -> Organisations:
    data = load_yaml(path, name)
    suggested = check_known_fields(data, ("schema", "sectors", "organisations"),
                                   name, problems) if isinstance(data, LineDict) else set()
    if not isinstance(data, LineDict) or not isinstance(data.get("organisations"), list) \
            or not isinstance(data.get("sectors"), list):
        if not suggested & {"sectors", "organisations"}:
            problems.add(name, "expected a mapping with 'sectors:' and 'organisations:' lists", line=1)
        return Organisations({}, {})
    check_schema(data, name, problems)
    sectors: dict[str, Sector] = {}
    for index, entry in enumerate(data["sectors"]):
        key, title = (entry.get("key"), entry.get("name")) if isinstance(entry, LineDict) else (None, None)
        if isinstance(entry, LineDict):
            check_known_fields(entry, ("key", "name"), name, problems, entry=f"sectors[{index}]")
        if not isinstance(key, str) or not _KEY.fullmatch(key) or not isinstance(title, str) or not title.strip():
            problems.add(name, "a sector needs a 'key' (lower-case words joined by hyphens) and a 'name'",
                         line=getattr(entry, "line", None), entry=f"sectors[{index}]")
        elif key in sectors:
            problems.add(name, f"duplicate sector key {key!r}", line=entry.line_of("key"), entry=f"sectors[{index}]")
        else:
            sectors[key] = Sector(key, title.strip())
    organisations: dict[str, Organisation] = {}
    for index, entry in enumerate(data["organisations"]):
        org = _load_organisation(entry, index, name, sectors, problems)
        if org is None:
            continue
        if org.key in organisations:
            problems.add(name, f"duplicate key {org.key!r}: each organisation needs its own key",
                         line=entry.line_of("key"), entry=org.key)
            continue
        organisations[org.key] = org
    return Organisations(sectors, organisations)


def _load_organisation(entry: object, index: int, name: str, sectors: Mapping[str, Sector],
                       problems: Problems) -> Organisation | None:
    key = entry_key(entry, "key", _KEY, "it is the page's address", name, f"organisations[{index}]", problems,
                    "key, name, sector and named_as")
    if key is None:
        return None
    assert isinstance(entry, LineDict)
    check_known_fields(entry, ("key", "name", "sector", "named_as"), name, problems, entry=key)
    title, sector, named_as = entry.get("name"), entry.get("sector"), entry.get("named_as")
    if not isinstance(title, str) or not title.strip():
        problems.add(name, "'name' must be the organisation's name", line=entry.line_of("name"), entry=key)
        return None
    if sector not in sectors:
        problems.add(name, f"sector {sector!r} is not one of the sectors listed above ({', '.join(sectors)})",
                     line=entry.line_of("sector"), entry=key)
        return None
    if not isinstance(named_as, list) or not named_as or not all(isinstance(p, str) and p.strip() for p in named_as):
        problems.add(name, "'named_as' must list the words the recommendations use for it", line=entry.line_of(
            "named_as"), entry=key)
        return None
    return Organisation(key, title.strip(), sector, tuple(" ".join(p.split()) for p in named_as))


def _mentions(text: str, names: Mapping[str, tuple[str, ...]]) -> list[tuple[int, str, str]]:
    """(offset, phrase, key) for each organisation named in ``text``: longest phrase first, no overlaps."""
    if not names:
        return []
    alternatives = "|".join(re.escape(p) for p in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w'])(?:{alternatives})(?![\w'])", re.IGNORECASE)
    return [(m.start(), m.group(0), key) for m in pattern.finditer(text) for key in names[m.group(0).casefold()]]


def subjects(markdown: str) -> list[str]:
    """The subject of every clause of ``markdown`` whose verb is "must", "should" or "be established".

    A subject runs from the start of its clause (the sentence, or after ", and", ";", ":", ", who",
    ", which") to the verb; a second verb with no new clause before it shares the first one's subject.
    """
    found: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*[-*] )", markdown):
        text = comparable(paragraph)
        for sentence in _SENTENCE.split(text):
            previous_end = -1
            for modal in _MODAL.finditer(sentence):
                starts = [m.end() for m in _CLAUSE.finditer(sentence, 0, modal.start())]
                start = max(starts, default=0)
                if previous_end < start:
                    found.append(sentence[start:modal.start()].strip())
                previous_end = modal.end()
    return found


def derive(markdown: str, organisations: Organisations) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """The organisations a recommendation addresses, in the order its text first names them.

    Rule 1: the subjects of its obligations (see ``subjects``). Rule 2, only if rule 1 finds none: the agent
    of a passive ("a training programme provided by the Department for …"). Otherwise nobody.
    """
    names = organisations.names()
    hits = [(phrase, key) for subject in subjects(markdown) for _, phrase, key in _mentions(subject, names)]
    if not hits:
        text = comparable(markdown)
        hits = [(phrase, key) for start, phrase, key in _mentions(text, names) if _AGENT.search(text[:start])]
    named: dict[str, list[str]] = {}
    for phrase, key in hits:
        phrases = named.setdefault(key, [])
        if phrase not in phrases:
            phrases.append(phrase)
    return tuple(named), {key: tuple(phrases) for key, phrases in named.items()}


def who_must_act(recommendations: Sequence[Recommendation], organisations: Organisations,
                 overrides: Mapping[int, Sequence[str]] | None = None) -> dict[int, Addressees]:
    """Each recommendation's addressees; ``overrides`` (id -> keys) is the editors' ``addressed_to`` data."""
    result: dict[int, Addressees] = {}
    for rec in recommendations:
        derived, named_as = derive(rec.recommendation, organisations)
        override = (overrides or {}).get(rec.id)
        keys = tuple(override) if override is not None else derived
        result[rec.id] = Addressees(keys, derived, named_as, override is not None)
    return result


def recommendations_for(organisation: str, addressees: Mapping[int, Addressees]) -> list[int]:
    return [rec_id for rec_id, found in sorted(addressees.items()) if organisation in found.keys]
