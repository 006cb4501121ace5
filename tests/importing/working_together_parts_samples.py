"""The parts of a sample publication around its chapters: executive summary, preface, glossary, appendices.

Laid out like the chapters (working_together_samples), in our own neutral sample sentences. The titles and
the executive summary's and preface's sections are the outline's (facts about the publication); everything
else is drawn per seed: which parts are present, whether a part numbers its paragraphs (``1``, ``2`` … or,
in an appendix, ``2.1``, ``2.2`` …), wrapped titles, an appendix heading with its title on the same line
after an en dash or on the next, footnotes, bullets, lettered lists, italics, lines starting with a year or
with the next paragraph's number, and a glossary of terms, each with its definition after a tab.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import working_together_samples as samples
from working_together_samples import Line, _wrap, _Writer

_TERMS = ["Sample term", "Imaginary panel", "Made-up register", "Fictional plan (FP)", "Pretend timetable",
          "Sample notebook", "Invented office"]
GLOSSARY_TAB = 150.0  # in the PDF, the definitions' column (points from the left margin)
GLOSSARY_WIDTH = 60  # characters in a definition's line


@dataclass
class ExpectedPart:
    slug: str  # executive-summary, preface, glossary, appendix-N
    title: str
    number: int | None  # an appendix's
    sections: list[str]
    paragraphs: list[str]  # the numbers, when the part numbers its paragraphs
    words: list[str]  # every word of the part's body, in order, footnote markers glued to their word
    footnotes: dict[int, list[str]]
    terms: list[str] = field(default_factory=list)  # a glossary's


class _PartWriter(_Writer):
    def paragraph_in_part(self, number: str, next_number: str, first: bool) -> None:
        """A paragraph, numbered ``number`` or (``""``) not numbered; the part's first says it is a sample."""
        rng = self.rng
        tokens: list[tuple[str, str]] = []
        if first:
            tokens += [(w, "") for w in samples._FIRST_SENTENCE.split()]
        for _ in range(rng.randint(1, 4)):
            tokens += [(w, "") for w in self._sentence().split()]
            roll = rng.random()
            if roll < 0.15 and number:
                # A wrapped line that starts with the next paragraph's number: "4 per cent", "2.4 per cent".
                tokens += [("about", ""), (next_number, "break"), ("per", ""), ("cent", ""), ("of", ""),
                           ("the", ""), ("sample", ""), ("rows.", "")]
            elif roll < 0.3:
                tokens += [("since", ""), (str(rng.choice([2004, 2008, 2009])), "break"), ("the", ""),
                           ("sample", ""), ("has", ""), ("grown.", "")]
            elif roll < 0.4:
                tokens += [("Sample", ""), ("ligatures:", "")] + [(w, "") for w in
                                                                  rng.choice(samples._LIGATURE_WORDS).split()]
                tokens[-1] = (tokens[-1][0] + ".", "")
            elif roll < 0.55:
                title = rng.choice(samples._ITALIC_TITLES)
                tokens += [("See", "")] + [(w, "italic") for w in title.split()] + [("here.", "")]
                self.italics.append(title)
            elif roll < 0.7:
                tokens[-1] = (tokens[-1][0], f"note:{self.next_note}")
                self.next_note += 1
        sep = rng.choice(["\t", "\t", "  ", " "])
        self._lay_out(f"{number}{sep}" if number else "", tokens)
        if number:
            self.words.append(number)
        for word, kind in tokens:
            self.words.append(word + (kind[5:] if kind.startswith("note:") else ""))

    def entry(self, term: str, first: bool) -> None:
        """A glossary entry: the term, a tab, the definition, which wraps in its own column."""
        tokens = [(w, "") for w in " ".join(self._sentence() for _ in range(self.rng.randint(1, 2))).split()]
        if first:  # the glossary's first definition says it is a sample
            tokens = [(w, "") for w in samples._FIRST_SENTENCE.split()] + tokens
        if self.rng.random() < 0.3:
            tokens[-1] = (tokens[-1][0], f"note:{self.next_note}")
            self.next_note += 1
        line, notes, sup = f"{term}\t", [], []
        for word, kind in tokens:
            marker = kind[5:] if kind.startswith("note:") else ""
            if not line.endswith("\t") and len(line.split("\t")[-1]) + 1 + len(word) + len(marker) > GLOSSARY_WIDTH:
                self.lines.append((Line(line, sup=sup, tab_stop=GLOSSARY_TAB), notes))
                line, notes, sup = "", [], []
            line = f"{line}{'' if line.endswith(chr(9)) or not line else ' '}{word}"
            if marker:
                sup.append((len(line), len(line) + len(marker)))
                line += marker
                notes += self._note_lines(int(marker))
        self.lines.append((Line(line, sup=sup, tab_stop=GLOSSARY_TAB), notes))
        self.words += term.split()
        self.words += [w + (k[5:] if k.startswith("note:") else "") for w, k in tokens]


def _numbering(rng: random.Random, appendix: int | None) -> str:
    """"" (unnumbered), "plain" (1, 2 …) or, in an appendix, "dotted" (2.1, 2.2 …)."""
    return rng.choice(["", "plain", *(["dotted"] if appendix else [])])


def _labels(numbering: str, appendix: int | None, m: int) -> str:
    return "" if not numbering else str(m) if numbering == "plain" else f"{appendix}.{m}"


def _part(rng: random.Random, slug: str, title: str, heading: list[str], sections: list[str], first_note: int,
          appendix: int | None = None) -> tuple[ExpectedPart, list]:
    writer = _PartWriter(rng, first_note)
    for line in heading:
        writer.lines.append((Line(line), []))
        writer.words += line.split()
    numbering = _numbering(rng, appendix)
    paragraphs: list[str] = []
    m = 0
    if slug == "glossary":
        terms = sorted(rng.sample(_TERMS, rng.randint(2, 5)))
        for i, term in enumerate(terms):
            writer.entry(term, i == 0)
        return ExpectedPart(slug, title, None, [], [], writer.words, writer.footnotes, terms), writer.lines
    for section in sections:
        writer.heading(section)
        for _ in range(rng.randint(1, 2)):
            m += 1
            label = _labels(numbering, appendix, m)
            writer.paragraph_in_part(label, _labels(numbering, appendix, m + 1), m == 1)
            if label:
                paragraphs.append(label)
            roll = rng.random()
            if roll < 0.2:
                writer.bullets()
            elif roll < 0.3:
                writer.lettered()
    return ExpectedPart(slug, title, appendix, sections, paragraphs, writer.words, writer.footnotes), writer.lines


def _wrapped(rng: random.Random, text: str) -> list[str]:
    if len(text) > 60 or rng.random() < 0.3:
        space = text.find(" ", len(text) // 2)
        if space > 0:
            return [text[:space], text[space + 1:]]
    return [text]


def draw_parts(seed: int, first_appendix_note: int) -> tuple[list, list]:
    """The parts before chapter 1 and the appendices after the chapters, each as (ExpectedPart, lines)."""
    rng = random.Random(seed * 7919 + 2)
    restart = random.Random(seed * 7919 + 1).random() < 0.3  # as the chapters number their footnotes
    data = samples.outline()
    front, back = [], []
    note = 1  # the front matter numbers its footnotes on its own
    for part in data.get("front_matter") or []:
        if rng.random() < 0.5:
            continue
        title = part["title"]
        slug = "executive-summary" if "Executive Summary" in title else title.lower()
        expected, lines = _part(rng, slug, title, _wrapped(rng, title), list(part.get("sections") or []), note)
        front.append((expected, lines))
        note = 1 if restart else max([note - 1, *expected.footnotes]) + 1
    note = 1 if restart else first_appendix_note
    chosen = sorted(rng.sample([a["number"] for a in data.get("appendices") or []], rng.randint(0, 3)))
    titles = {a["number"]: a["title"] for a in data["appendices"]}
    for n in chosen:
        title = titles[n] if rng.random() < 0.5 else titles[n].title()
        heading = [f"Appendix {n}", *_wrapped(rng, title)] if rng.random() < 0.4 else \
            _wrapped(rng, f"Appendix {n} – {title}")
        sections = rng.sample(samples._SECTION_TITLES[:6], rng.randint(1, 2))
        expected, lines = _part(rng, f"appendix-{n}", title, heading, sections, note, appendix=n)
        back.append((expected, lines))
        note = 1 if restart else max([note - 1, *expected.footnotes]) + 1
    return front, back


def contents_entries(parts, starts: dict[str, int]) -> list[Line]:
    """The parts' lines of the contents list: each title, then its sections, wrapped in a narrow column."""
    out: list[Line] = []
    for part, _ in parts:
        title = f"Appendix {part.number} – {part.title}" if part.number else part.title
        for text in [title, *part.sections]:
            wrapped = _wrap(text.split(), "", 38)
            out += [Line(line) for line in wrapped[:-1]] + [Line(f"{wrapped[-1]}\t{starts[part.slug]}")]
    return out
