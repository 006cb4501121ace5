"""The practitioner guide's modal verbs agree with the passages it cites.

"Should" read as "must", or a plan ("will") read as a rule, is the worst thing a summary of guidance can
do. For every sentence of the guide that says "must", "should", "will" or "may", the passage it cites (the
anchor its link names, read from the source Markdown or the recommendations data) must use the same word,
unless the sentence says whose words they are ("Lord Laming asked ...", "The Government says ...").

A sentence cites the links in it; a sentence without a link cites the links of the next sentence in the
same paragraph or list item, since the guide puts one reference after the sentences it covers.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from project_paths import ROOT  # noqa: E402
from safeguarding_site.text.plain_text import plain_text

DOCS = ROOT / "docs"
GUIDE_MD = DOCS / "guide" / "index.md"
RECOMMENDATIONS = ROOT / "cross_refs" / "recommendations.yaml"
MODALS = ("must", "should", "will", "may")
# A sentence that names whose words it reports: the modal is theirs, and the sentence says so.
_ATTRIBUTED = re.compile(
    r"\b(?:Lord Laming (?:asked|said|recommended)|(?:Government|guidance|Chief Adviser|One Year On) "
    r"(?:says|said|reports|promised|planned|proposed|found)|[Ff]or the Chief Adviser|challenge that"
    r"|sources do not say)\b"
)
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\)?\s+(?=[A-Z(\"*])")
_REC_ANCHOR = re.compile(r"rec-(\d+)-(recommendation|response|progress)$")
_COLUMN = {"recommendation": "recommendation", "response": "response_2009", "progress": "progress_2010"}


def _blocks(markdown: str) -> list[str]:
    """The guide's paragraphs and list items, each as one line of Markdown (front matter, headings and
    the admonition left out)."""
    body = markdown.split("\n---\n", 1)[1]
    blocks: list[list[str]] = []
    in_note = False
    for line in body.splitlines():
        if line.startswith("!!!"):
            in_note = True
            continue
        if in_note and (line.startswith("    ") or not line.strip()):
            continue
        in_note = False
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            blocks.append([])
        elif re.match(r"^\s*- ", line):
            blocks.append([stripped[2:]])
        elif blocks and blocks[-1]:
            blocks[-1].append(stripped)
        else:
            blocks.append([stripped])
    return [" ".join(b) for b in blocks if b]


def _sentences(block: str) -> list[tuple[str, list[str]]]:
    """(plain text, cited hrefs) for each sentence of a block."""
    masked = _LINK.sub(lambda m: "L" * len(m.group()), block)  # no sentence ends inside a link
    cuts = [0, *(m.end() for m in _SENTENCE_END.finditer(masked)), len(block)]
    parts = [block[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False) if block[a:b].strip()]
    out = [(_LINK.sub(r"\1", p), [m.group(2) for m in _LINK.finditer(p)]) for p in parts]
    for i in range(len(out) - 2, -1, -1):
        if not out[i][1]:
            out[i] = (out[i][0], out[i + 1][1])
    return out


def _page_text(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _passage(href: str, recs: dict[int, dict]) -> str | None:
    """The words of the passage a guide link points to; None for an outside or generated chapter page."""
    page, _, anchor = href.partition("#")
    target = (GUIDE_MD.parent / page).resolve()
    relative = target.relative_to(DOCS).as_posix()
    if relative.startswith("recommendations/"):
        if not Path(relative).stem.isdigit():
            return None  # the index of all 58: it cites no one passage
        number = int(Path(relative).stem)
        match = _REC_ANCHOR.match(anchor)
        if match:
            return recs[number][_COLUMN[match.group(2)]]
        return "\n".join(recs[number][c] for c in _COLUMN.values())
    text = _page_text(target)
    if not text:
        return None  # a generated page (a Working Together chapter): it holds no guidance text
    if not anchor:
        return text
    for paragraph in text.split("\n\n"):
        if re.search(rf"\{{ #{re.escape(anchor)}\b", paragraph):
            return paragraph
    raise AssertionError(f"{href}: no block with that anchor")


def _outside_quotes(sentence: str) -> str:
    return re.sub(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"", " ", sentence)


def _disagreements(modals: tuple[str, ...]) -> list[str]:
    recs = {r["id"]: r for r in yaml.safe_load(RECOMMENDATIONS.read_text(encoding="utf-8"))["recommendations"]}
    problems = []
    for block in _blocks(GUIDE_MD.read_text(encoding="utf-8")):
        for sentence, hrefs in _sentences(block):
            # Lower case only: "May 2009" is a month, and no sentence of the guide opens with a modal.
            words = set(re.findall(r"[A-Za-z]+", _outside_quotes(sentence)))
            used = [m for m in modals if m in words]
            if not used or _ATTRIBUTED.search(sentence):
                continue
            passages = [p for p in (_passage(h, recs) for h in hrefs) if p is not None]
            cited = set(re.findall(r"[a-z]+", plain_text("\n\n".join(passages)).casefold()))
            for modal in used:
                if modal not in cited:
                    problems.append(f"{modal!r} not in {hrefs}: {sentence[:110]}")
    return problems


def test_the_sentence_splitter_carries_a_reference_back_to_the_sentences_it_covers() -> None:
    block = "One thing. Another thing ([source](../one-year-on/chapter-2.md#para-23)). Third ([x](a.md))."
    sentences = _sentences(block)
    assert [s for s, _ in sentences] == ["One thing.", "Another thing (source).", "Third (x)."]
    assert sentences[0][1] == sentences[1][1] == ["../one-year-on/chapter-2.md#para-23"]


def test_a_must_the_source_does_not_use_is_caught() -> None:
    recs = {r["id"]: r for r in yaml.safe_load(RECOMMENDATIONS.read_text(encoding="utf-8"))["recommendations"]}
    passage = _passage("../recommendations/29.md#rec-29-progress", recs)
    assert passage is not None and "should" in passage and " must " not in passage


def test_every_must_in_the_guide_is_in_the_passage_it_cites() -> None:
    problems = _disagreements(("must",))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("modal", ["should", "will", "may"])
def test_every_should_will_and_may_in_the_guide_is_in_the_passage_it_cites(modal: str) -> None:
    problems = _disagreements((modal,))
    assert not problems, "\n".join(problems)
