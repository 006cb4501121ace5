"""Who must act and who else a recommendation concerns, derived from its text by rule, with editors' overrides."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..base.errors import Problems
from ..base.known_fields import check_known_fields
from ..base.yaml_lines import LineDict
from ..text.blocks import comparable
from .fields import entry_key, load_data_file

if TYPE_CHECKING:
    from .recommendations import Recommendation

_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# The verbs of obligation in the recommendations; "be established" is recommendation 2's subjunctive.
_MODAL = re.compile(r"\b(?:must|should)\b|\bbe established\b")
# Where a new clause, with a subject of its own, can begin inside a sentence.
_CLAUSE = re.compile(r", and |; |: |, who |, which ")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z'\"(])")
_AGENT = re.compile(r"\bby(?: the)?\s*$")
# Names that concern nobody: the author of a document ("guidance published by the ..."), and a condition
# that shares a service's words ("adult mental health problems").
_AUTHOR = re.compile(r"\bpublished by(?: the)?\s*$", re.IGNORECASE)
_CONDITION = re.compile(r"\s+problems\b", re.IGNORECASE)


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
    inspects: tuple[str, ...] = ()  # an inspectorate's: the organisations whose services it inspects

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
    """Whom a recommendation addresses (must act) and whom else it concerns, with the words that name them."""

    keys: tuple[str, ...]  # must act, as the site shows it: the editors' list if there is one, else derived
    derived: tuple[str, ...]
    named_as: Mapping[str, tuple[str, ...]]  # key -> the phrases that name it, for the derived ones
    by_editors: bool
    also: tuple[str, ...] = ()  # also concerns (never one of ``keys``): editors' list, else derived
    also_derived: tuple[str, ...] = ()
    also_named_as: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    through: Mapping[str, str] = field(default_factory=dict)  # key -> the inspectorate that names it
    also_by_editors: bool = False


def load_organisations(path: Path, name: str, problems: Problems) -> Organisations:
    data = load_data_file(path, name, ("schema", "sectors", "organisations"), ("sectors", "organisations"),
                          problems)
    if data is None:
        return Organisations({}, {})
    errors_before = len(problems.errors)
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
    # Only once every entry loaded: a broken entry would otherwise be reported twice.
    for org in organisations.values() if len(problems.errors) == errors_before else ():
        unknown = [k for k in org.inspects if k not in organisations]
        if unknown:
            entry = next(e for e in data["organisations"] if isinstance(e, LineDict) and e.get("key") == org.key)
            problems.add(name, f"inspects: {', '.join(map(repr, unknown))} not an organisation key in this file",
                         line=entry.line_of("inspects"), entry=org.key)
    return Organisations(sectors, organisations)


def _load_organisation(entry: object, index: int, name: str, sectors: Mapping[str, Sector],
                       problems: Problems) -> Organisation | None:
    key = entry_key(entry, "key", _KEY, "it is the page's address", name, f"organisations[{index}]", problems,
                    "key, name, sector and named_as")
    if key is None:
        return None
    assert isinstance(entry, LineDict)
    check_known_fields(entry, ("key", "name", "sector", "named_as", "inspects"), name, problems, entry=key)
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
    inspects = entry.get("inspects", [])
    if not isinstance(inspects, list) or not all(isinstance(k, str) for k in inspects):
        problems.add(name, "'inspects' must list the keys of the organisations it inspects, e.g. [police]",
                     line=entry.line_of("inspects"), entry=key)
        inspects = []
    return Organisation(key, title.strip(), sector, tuple(" ".join(p.split()) for p in named_as),
                        tuple(inspects))


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


def also_concerns(markdown: str, must_act: Collection[str], organisations: Organisations
                  ) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]], dict[str, str]]:
    """The organisations a recommendation concerns without addressing them, in the order its text names them.

    Every organisation its text names, except those in ``must_act``, an author ("published by the ...") and
    a condition ("adult mental health problems"); then what a named inspectorate ``inspects``, through it.
    Returns the keys, the phrases naming each, and inspected key -> the inspectorate's key.
    """
    text = comparable(markdown)
    named: dict[str, list[str]] = {}
    for start, phrase, key in _mentions(text, organisations.names()):
        if key in must_act or _AUTHOR.search(text[:start]) or _CONDITION.match(text, start + len(phrase)):
            continue
        phrases = named.setdefault(key, [])
        if phrase not in phrases:
            phrases.append(phrase)
    through: dict[str, str] = {}
    for key in [*must_act, *named]:
        for inspected in organisations.organisations[key].inspects if key in organisations.organisations else ():
            if inspected not in must_act and inspected not in named and inspected not in through:
                through[inspected] = key
    return (*named, *through), {key: tuple(phrases) for key, phrases in named.items()}, through


def who_must_act(recommendations: Sequence[Recommendation], organisations: Organisations,
                 overrides: Mapping[int, Sequence[str]] | None = None,
                 also_overrides: Mapping[int, Sequence[str]] | None = None) -> dict[int, Addressees]:
    """Each recommendation's addressees and whom else it concerns.

    ``overrides`` (id -> keys) is the editors' ``addressed_to`` data; ``also_overrides`` their
    ``also_concerns``, by default read from each recommendation. Also-concerns never repeats one who must act.
    """
    result: dict[int, Addressees] = {}
    for rec in recommendations:
        derived, named_as = derive(rec.recommendation, organisations)
        override = (overrides or {}).get(rec.id)
        keys = tuple(override) if override is not None else derived
        also_derived, also_named_as, through = also_concerns(rec.recommendation, keys, organisations)
        also_override = (also_overrides.get(rec.id) if also_overrides is not None
                         else getattr(rec, "also_concerns", None))
        also = tuple(k for k in also_override if k not in keys) if also_override is not None else also_derived
        result[rec.id] = Addressees(keys, derived, named_as, override is not None, also, also_derived,
                                    also_named_as, through, also_override is not None)
    return result


def recommendations_for(organisation: str, addressees: Mapping[int, Addressees]) -> list[int]:
    """The recommendations that ``organisation`` must act on."""
    return [rec_id for rec_id, found in sorted(addressees.items()) if organisation in found.keys]


def recommendations_also_concerning(organisation: str, addressees: Mapping[int, Addressees]) -> list[int]:
    """The recommendations that concern ``organisation`` without addressing it."""
    return [rec_id for rec_id, found in sorted(addressees.items()) if organisation in found.also]

