"""Find the Working Together chapters, and other documents, that a recommendation's response and progress name."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

EVIDENCE_COLUMNS = ("response_2009", "progress_2010")

# ---- words and names ------------------------------------------------------------------------------

# One capitalised word of a name: "Children's", "DCSF/Ministry", "C4EO", "(Amendment)", "'Think Family'".
_WORD = r"(?:[A-Z][\w'\u2019/-]*|\([A-Z][^()\n]*\)|'[A-Z][^'\n]*')"
_LINKS = frozenset({"of", "and", "for", "on", "&"})
_LINK_WORDS = r"(?:of|and|for|on|&)"
_RUN = re.compile(rf"{_WORD}(?:,?\s+(?:{_LINK_WORDS}\s+)?{_WORD})*")
_TOKEN = re.compile(rf"{_WORD}|{_LINK_WORDS}")
# Words that start a capitalised run without being part of the name ("The", a sentence-initial "Five").
_NOT_NAME = frozenset(
    "The This That These Those A An Both All Each Every Any Its Their Our Five Two Three Four Six Several"
    " Government's Government\u2019s Under With From By In To As At On For Of And Further Following"
    " Alongside Also".split()
)
_LEGISLATION_HEADS = frozenset({"Act", "Bill", "Regulations"})
# Title words of named guidance and documents; "Code of Practice", "Guidance on ...", "... Framework".
_DOCUMENT_HEADS = frozenset({"Guidance", "Framework", "Paper", "Standard", "Standards", "Code", "Codes", "Report"})
_AFTER_HEAD = frozenset({"of", "on", "for", "&"})
# Italic spans that name a scheme or a route rather than a document.
_PROGRAMME_WORDS = frozenset({"scheme", "programme", "pilot", "pilots", "project", "route", "campaign"})

_WT = re.compile(r"Working Together(?: to Safeguard(?:ing)? Children)?")
_CHAPTER = re.compile(r"\b[Cc]hapters?\s+(\d+)((?:\s*(?:,|and|&|or|to|\u2013|-)\s*\d+)*)\b")
_SECTION = re.compile(
    rf"\b[Ss]ections?\s+(\d+[A-Z]?(?:\(\d+\))*)\s+of\s+(?:the\s+)?(?P<act>{_RUN.pattern})(?:\s+(?P<year>\d{{4}}))?"
)
_YEAR = re.compile(r"\s+(\d{4})\b")
_LOWER_HEAD = re.compile(r"\s+((?:practice |statutory )?(?:guidance|framework)|regulations)\b")
_FOR_YEAR = re.compile(r"\s+for\s+\d{4}[\u2013-]\d{2,4}")
_FOR_NAME = re.compile(rf"\s+(?:for|on)\s+(?:[a-z]+\s+)?{_RUN.pattern}")
# Guidance described rather than named ("the revised statutory guidance for Children's Trusts"): it is
# not Working Together, so a bare "Chapter N" after it cannot be taken as Working Together's.
_OTHER_GUIDANCE = re.compile(r"\b(?:statutory|practice|new|revised)\s+guidance\s+(?:for|on)\b")
# Where a sentence naming several chapters divides into clauses, one per chapter.
_CLAUSE_BREAK = re.compile(r"(?:;\s+|,?\s+and\s+)(?=[Cc]hapters?\s+\d)")
_ITALIC = re.compile(r"\*([^*\n]+)\*")
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
_ESCAPED = re.compile(r"\\.")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
# A chapter named only as the occasion for something else ("developed and consulted alongside the review
# of Chapter 8", "Public consultation on a revised Chapter 8 ... was held"): the text does not say the
# chapter implements the recommendation, so it is a mention, not implemented_by.
_OCCASION = re.compile(r"\b(?:review of|consultation on)\s+(?:the\s+|a\s+)?(?:revised\s+)?$")
_FUTURE = re.compile(r"\bwill\b")
_SENTENCE_END = re.compile(r"[.!?][*\"'\u2019\u201d)]*\s+(?=[*\"'\u2018\u201c(]*[A-Z0-9])")


@dataclass(frozen=True)
class _Found:
    start: int
    # "chapter", "other-chapter" (of another document), "working-together", "working-together-context" (a
    # reference that only sets the passage's subject), "guidance", "legislation", "other-guidance"
    kind: str
    name: str = ""
    end: int = -1  # where the name ends (names only), so a shorter name is not found inside it again
    chapters: tuple[int, ...] = ()
    bare: bool = False  # a chapter with no "of <document>": its document comes from the passage


def _mask(markdown: str) -> str:
    """The text with link targets and escaped characters blanked, same length, so offsets still match."""
    masked = _LINK_TARGET.sub(lambda m: "]" + " " * (len(m.group()) - 1), markdown)
    return _ESCAPED.sub(lambda m: " " * len(m.group()), masked)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _sentences(markdown: str) -> list[tuple[int, int]]:
    """Spans of the sentences of each line (paragraph or list item), never cutting an italic title."""
    spans: list[tuple[int, int]] = []
    masked = _mask(markdown)
    offset = 0
    for line in markdown.split("\n"):
        marker = _LIST_MARKER.match(line)
        start = marker.end() if marker else len(line) - len(line.lstrip())
        line_masked = masked[offset : offset + len(line)]
        italic = [m.span() for m in _ITALIC.finditer(line_masked)]
        for end in _SENTENCE_END.finditer(line_masked):
            stop = end.start() + len(end.group().rstrip())
            if any(a < stop < b for a, b in italic) or end.start() < start:
                continue
            spans.append((offset + start, offset + stop))
            start = end.end()
        if line[start:].strip():
            spans.append((offset + start, offset + len(line.rstrip())))
        offset += len(line) + 1
    return spans


def _chapter_numbers(match: re.Match[str]) -> tuple[int, ...]:
    numbers = [int(match.group(1))]
    rest = match.group(2) or ""
    for joiner, number in re.findall(r"\s*(,|and|&|or|to|\u2013|-)\s*(\d+)", rest):
        value = int(number)
        if joiner in ("to", "\u2013", "-") and value > numbers[-1]:
            numbers.extend(range(numbers[-1] + 1, value + 1))
        else:
            numbers.append(value)
    return tuple(dict.fromkeys(numbers))


def _strip_leading(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    while len(tokens) > 1 and (tokens[0][2] in _NOT_NAME or tokens[0][2] in _LINKS):
        tokens = tokens[1:]
    return tokens


def _names_in_run(text: str, run_start: int, run_end: int, sentence_starts: set[int]) -> list[_Found]:
    """The legislation or document a run of capitalised words names, if any."""
    tokens = [(run_start + t.start(), run_start + t.end(), t.group()) for t in _TOKEN.finditer(text[run_start:run_end])]
    # An Act, Bill or Regulations ends the run or one of its comma-separated parts; commas may sit
    # inside the name itself ("Apprenticeships, Skills, Children and Learning Act 2009").
    for j in range(len(tokens) - 1, -1, -1):
        ends_part = j == len(tokens) - 1 or "," in text[tokens[j][1] : tokens[j + 1][0]]
        if tokens[j][2] in _LEGISLATION_HEADS and ends_part:
            part = _strip_leading(tokens[: j + 1])
            if len(part) >= 2:
                year = _YEAR.match(text, tokens[j][1])
                name = text[part[0][0] : tokens[j][1]] + (f" {year.group(1)}" if year else "")
                return [_Found(part[0][0], "legislation", name, year.end() if year else tokens[j][1])]
            break
    # Documents are judged part by part: "the recent Police Green Paper, HMIC is ..." names one paper.
    parts: list[list[tuple[int, int, str]]] = [[tokens[0]]]
    for before, token in zip(tokens, tokens[1:], strict=False):
        if "," in text[before[1] : token[0]]:
            parts.append([token])
        else:
            parts[-1].append(token)
    found: list[_Found] = []
    for index, part in enumerate(parts):
        part = _strip_leading(part)
        start, end = part[0][0], part[-1][1]
        words = [word for _, _, word in part]
        name = text[start:end]
        lower = _LOWER_HEAD.match(text, end) if index == len(parts) - 1 else None
        if lower:
            if len(words) == 1 and start in sentence_starts and not words[0].isupper():
                continue  # "Practice guidance will be ..." opens a sentence; it names nothing
            kind = "legislation" if lower.group(1) == "regulations" else "guidance"
            found.append(_Found(start, kind, f"{name} {lower.group(1)}", lower.end()))
            continue
        heads = [
            i
            for i, word in enumerate(words)
            if word in _DOCUMENT_HEADS or (word == "Programme" and i and words[i - 1] == "Work")
        ]
        if len(words) < 2 or not any(i == len(words) - 1 or words[i + 1] in _AFTER_HEAD for i in heads):
            continue
        tail = _FOR_YEAR.match(text, end) or (_FOR_NAME.match(text, end) if words[-1] in _DOCUMENT_HEADS else None)
        found.append(_Found(start, "guidance", name + (tail.group() if tail else ""), tail.end() if tail else end))
    return found


def _documents(masked: str, sentence_starts: set[int]) -> list[_Found]:
    """Named legislation and documents in ``masked`` (Working Together already blanked out)."""
    found: list[_Found] = []
    text = masked
    for m in _SECTION.finditer(text):
        act = m.group("act")
        act_tokens = _strip_leading([(0, 0, t) for t in _TOKEN.findall(act)])
        if act_tokens[-1][2] != "Act":
            continue
        name = act[act.index(act_tokens[0][2]) :] + (f" {m.group('year')}" if m.group("year") else "")
        found.append(_Found(m.start(), "legislation", f"{name}, section {m.group(1)}", m.end()))
        text = _blank(text, m.start(), m.end())
    for m in _ITALIC.finditer(text):
        title = m.group(1).strip()
        after = text[m.end() :].split()[:2]
        if (
            len(title.split()) < 2
            or not title[0].isupper()
            or title.split()[-1].lower() in _PROGRAMME_WORDS
            or any(w.lower().strip(",.;:") in _PROGRAMME_WORDS for w in after)
        ):
            continue
        found.append(_Found(m.start(), "guidance", title, m.end()))
    text = _ITALIC.sub(lambda m: " " * len(m.group()), text)
    for m in _RUN.finditer(text):
        found.extend(_names_in_run(text, m.start(), m.end(), sentence_starts))
    for m in _OTHER_GUIDANCE.finditer(text):
        found.append(_Found(m.start(), "other-guidance"))
    return found


def _scan_column(markdown: str) -> tuple[list[_Found], dict[int, tuple[int, int]]]:
    """Everything named in one column, in reading order, and the sentence span around each offset."""
    masked = _mask(markdown)
    sentences = _sentences(markdown)
    found: list[_Found] = []
    wt_spans: list[tuple[int, int]] = []
    for m in _ITALIC.finditer(masked):
        if _WT.search(m.group(1)):
            wt_spans.append(m.span())
    for m in _WT.finditer(masked):
        if not any(a <= m.start() < b for a, b in wt_spans):
            wt_spans.append(m.span())
    wt_spans.sort()
    chapter_wt: set[tuple[int, int]] = set()  # Working Together references that only say whose chapter it is
    for m in _CHAPTER.finditer(masked):
        numbers = _chapter_numbers(m)
        after = re.match(r"\s+(?:of|in)\s+(?:the\s+)?(?:revised\s+)?", masked[m.end() :])
        before = re.search(r"(\S+)\s*,\s*$", masked[: m.start()])
        if after:
            target = m.end() + after.end()
            span = next(((a, b) for a, b in wt_spans if a == target), None)
            if span:
                chapter_wt.add(span)
                found.append(_Found(m.start(), "chapter", chapters=numbers))
            else:
                found.append(_Found(m.start(), "other-chapter", chapters=numbers))
            continue
        span = next(((a, b) for a, b in wt_spans if before and b == before.end(1)), None)
        if span:  # "The revised Working Together to Safeguard Children, Chapter 8: ..."
            chapter_wt.add(span)
            found.append(_Found(m.start(), "chapter", chapters=numbers))
        else:
            found.append(_Found(m.start(), "chapter", chapters=numbers, bare=True))
    sentence_of = {}
    for a, b in wt_spans:
        sentence_of[a] = next(((s, e) for s, e in sentences if s <= a < e), (a, b))
    chapter_sentences = {
        next(((s, e) for s, e in sentences if s <= f.start < e), None)
        for f in found
        if f.kind == "chapter" and not f.bare
    }
    for span in wt_spans:
        if span in chapter_wt:
            continue
        # A bare "Chapter N" in the same sentence belongs to this Working Together reference.
        in_sentence = sentence_of[span[0]]
        bare_here = [f for f in found if f.kind == "chapter" and f.bare and in_sentence[0] <= f.start < in_sentence[1]]
        if in_sentence in chapter_sentences or bare_here:
            found.append(_Found(span[0], "working-together-context"))
        else:
            found.append(_Found(span[0], "working-together"))
    blanked = masked
    for a, b in wt_spans:
        blanked = _blank(blanked, a, b)
    found.extend(_documents(blanked, {s for s, _ in sentences}))
    found.sort(key=lambda f: (f.start, f.kind))
    return found, {f.start: next(((s, e) for s, e in sentences if s <= f.start < e), (f.start, f.start)) for f in found}


def _clause(markdown: str, sentence: tuple[int, int], at: int) -> str:
    """The clause of the sentence holding offset ``at``, when the sentence names several chapters in turn
    ("Revisions to Chapter 4 stress ... and Chapter 2 references ..."); otherwise the whole sentence."""
    base, end = sentence
    start = base
    for cut in _CLAUSE_BREAK.finditer(markdown[base:end]):
        if base + cut.end() <= at:
            start = base + cut.end()
        elif base + cut.start() > at:
            end = base + cut.start()
            break
    return markdown[start:end]


def _status(column: str, clause: str) -> str:
    """``promises`` for a plan: anything the May 2009 response says of the chapters revised in March 2010,
    or a clause in the future tense; ``implements`` when the March 2010 update says the chapter does it."""
    return "promises" if column == "response_2009" or _FUTURE.search(clause) else "implements"


def find_evidence(columns: Mapping[str, str]) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """``implemented_by`` and ``mentions`` for one recommendation, from its response and progress columns.

    ``columns`` maps column names (``recommendation``, ``response_2009``, ``progress_2010``) to
    Markdown. A bare "Chapter N" counts as Working Together's only when the passage it sits in is
    about Working Together (the last document named before it in that column); chapters "of" any
    other document, and sections of Acts, never count. Quotes are whole sentences of the column.
    """
    scans = {name: _scan_column(columns.get(name, "")) for name in columns}
    implemented: list[dict[str, object]] = []
    mentions: list[dict[str, object]] = []
    surfaces: dict[tuple[str, str], str] = {}  # (kind, casefolded surface) -> canonical name
    for scan, _ in scans.values():
        for f in scan:
            if f.kind in ("guidance", "legislation"):
                surfaces.setdefault((f.kind, f.name.casefold()), f.name)
    for column in EVIDENCE_COLUMNS:
        markdown = columns.get(column, "")
        if not markdown:
            continue
        found, sentence = scans[column]
        quote = {f.start: markdown[slice(*sentence[f.start])] for f in found}
        context: str | None = None
        # One entry per chapter and sentence: a column may say two different things about one chapter
        # (rec 39: the consultation on Chapter 8, then what the revised Chapter 8 emphasises).
        seen_chapters: set[tuple[int, str]] = set()
        seen_mentions: set[tuple[str, str]] = set()
        for f in found:
            if not quote[f.start].strip():
                continue  # no sentence to quote: evidence without words of the source is not evidence
            if f.kind == "chapter" and (not f.bare or context == "wt"):
                context = "wt"
                clause = _clause(markdown, sentence[f.start], f.start)
                occasion = bool(_OCCASION.search(markdown[sentence[f.start][0] : f.start]))
                for number in f.chapters:
                    if (number, clause) in seen_chapters:
                        continue
                    seen_chapters.add((number, clause))
                    if occasion:
                        mentions.append({"kind": "working-together-chapter", "chapter": number,
                                         "column": column, "quote": clause})
                    else:
                        implemented.append({"chapter": number, "status": _status(column, clause),
                                            "column": column, "quote": clause})
            elif f.kind == "chapter":
                continue  # a bare chapter of no known document: never guessed
            elif f.kind in ("working-together", "working-together-context"):
                context = "wt"
                if f.kind == "working-together" and ("working-together", "") not in seen_mentions:
                    seen_mentions.add(("working-together", ""))
                    mentions.append({"kind": "working-together", "column": column, "quote": quote[f.start]})
            elif f.kind in ("other-chapter", "other-guidance"):
                context = "other"
            else:
                if f.kind == "guidance":
                    context = "other"
                name = surfaces.get((f.kind, f.name.casefold()), f.name)
                if (f.kind, name.casefold()) not in seen_mentions:
                    seen_mentions.add((f.kind, name.casefold()))
                    mentions.append({"kind": f.kind, "name": name, "column": column, "quote": quote[f.start]})
        taken = [(f.start, f.end) for f in found if f.end >= 0]
        mentions.extend(_propagated(markdown, column, surfaces, seen_mentions, taken))
    return implemented, mentions


def _propagated(
    markdown: str,
    column: str,
    surfaces: dict[tuple[str, str], str],
    seen: set[tuple[str, str]],
    taken: list[tuple[int, int]],
) -> list[dict[str, object]]:
    """Names found elsewhere in the same recommendation, written here in other capitals ("performers list
    regulations" after "Performers List Regulations")."""
    masked = _mask(markdown).casefold()
    sentences = _sentences(markdown)
    extra: list[tuple[int, dict[str, object]]] = []
    for (kind, surface), name in sorted(surfaces.items()):
        if (kind, name.casefold()) in seen:
            continue
        m = next(
            (
                m
                for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", masked)
                if not any(a <= m.start() < b for a, b in taken)
            ),
            None,
        )
        if not m:
            continue
        span = next(((s, e) for s, e in sentences if s <= m.start() < e), None)
        if span is None:
            continue
        seen.add((kind, name.casefold()))
        extra.append((m.start(), {"kind": kind, "name": name, "column": column, "quote": markdown[slice(*span)]}))
    return [entry for _, entry in sorted(extra, key=lambda pair: pair[0])]
