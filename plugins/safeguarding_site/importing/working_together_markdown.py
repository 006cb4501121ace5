"""Writes an imported chapter of *Working Together* as a Markdown page, and checks it word for word.

Numbered paragraphs follow the style of the other imported documents (One Year On): the visible number
links to the paragraph's own anchor, ``para-N-M``, so ``chapter-5.md#para-5-23`` is paragraph 5.23.
"""

from __future__ import annotations

import re

from ..base.errors import DataError
from ..text.headings import slugify as heading_slugify
from . import working_together_blocks as set_apart
from .pages import ImportedPage
from .working_together_parts import Part
from .working_together_text import Block, Chapter, Parsed

FOLDER = "working-together"
DOCUMENT = "working-together"
# Markdown would read these as markup at the start of a line of text.
_LINE_START = re.compile(r"^([#>+\-=:]|\d+[.)]\s)")
# Characters the text may hold that Markdown would read as markup anywhere ("*" marks italics already).
_INLINE = re.compile(r"([\\`_{}|])")
# Python-Markdown has no backslash escape for "<": text that looks like a tag or an entity is written as
# entities, so that it shows as the source has it and is never read as HTML.
_HTML = {"<": "&lt;", "&": "&amp;"}
_HTML_LIKE = re.compile(r"<|&(?=#?\w+;)")


def anchor(number: str) -> str:
    return "para-" + number.replace(".", "-")


def section_anchor(text: str) -> str:
    """A section heading's anchor, as the site renders headings, without its footnote markers."""
    return heading_slugify(re.sub(r"\[\^\d+\]", "", text))


def _inline(text: str) -> str:
    text = " ".join(text.split())
    text = _HTML_LIKE.sub(lambda m: _HTML[m[0]], _INLINE.sub(r"\\\1", text))
    return re.sub(r"\\\[\^", "[^", text)


def _block(block: Block, ids: set[str], reserved: str) -> list[str]:
    """``block`` as Markdown lines; a heading's id avoids ``ids`` and those starting with ``reserved``."""
    text = _inline(block.text)
    if block.kind == "heading":
        slug = section_anchor(block.text) or "section"
        while slug in ids or slug.startswith("para-") or slug.startswith(reserved):
            slug += "-x"
        ids.add(slug)
        return [f"## {text} {{ #{slug} }}", ""]
    if block.kind == "para":
        a = anchor(block.number)
        return [f'[{block.number}](#{a}){{ .para-num title="Link to paragraph {block.number}" }} {text}',
                f"{{ #{a} .numbered }}", ""]
    if block.kind == "entry":  # a glossary's term and its definition: a definition list (def_list)
        return [_LINE_START.sub(r"\\\1", _inline(block.number)), f":   {text}", ""]
    if block.kind == "bullet":
        return [f"- {text}"]
    if block.kind == "lettered":
        return [f"- ({block.number}) {text}"]
    if block.kind in set_apart.KINDS:
        return set_apart.markdown(block, _inline, lambda line: _LINE_START.sub(r"\\\1", line))
    if block.kind == "flow":
        # Boxes of a flow chart come out of a PDF in no reliable order: keep the words, not a guessed order.
        body = [f"    {_inline(line)}\n" for line in block.lines]
        return [f'!!! note "{text.replace(chr(34), "&quot;")}"', "", *body, ""]
    return [_LINE_START.sub(r"\\\1", text), ""]


def _body(heading: str, blocks: list[Block], footnotes: dict[int, str], reserved: str) -> str:
    out = [heading, ""]
    ids: set[str] = set()
    previous = ""
    for block in blocks:
        if previous in ("bullet", "lettered") and block.kind not in ("bullet", "lettered"):
            out.append("")
        if block.kind in ("bullet", "lettered") and previous != block.kind and out[-1] != "":
            out.append("")
        out += _block(block, ids, reserved)
        previous = block.kind
    out.append("")
    for number, text in sorted(footnotes.items()):
        out.append(f"[^{number}]: {_inline(text)}")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out))


def chapter_page(chapter: Chapter) -> ImportedPage:
    n = chapter.number
    body = _body(f"# Chapter {n} – {_inline(chapter.title)}", chapter.blocks, chapter.footnotes, f"chapter-{n}-")
    return ImportedPage(f"{FOLDER}/chapter-{n}.md", f"Chapter {n}: {chapter.title}", DOCUMENT, body,
                        {"chapter": n, "generated_by": "build.py import-working-together"})


def part_page(part: Part) -> ImportedPage:
    """The executive summary, preface, glossary or an appendix: its heading as printed, then its blocks."""
    body = _body(f"# {_inline(part.heading)}", part.blocks, part.footnotes, f"{part.slug}-")
    title = f"Appendix {part.number}: {part.title}" if part.is_appendix else part.title
    meta: dict[str, object] = {"appendix": part.number} if part.is_appendix else {"part": part.slug}
    return ImportedPage(f"{FOLDER}/{part.slug}.md", title, DOCUMENT, body,
                        {**meta, "generated_by": "build.py import-working-together"})


# --- word for word ---------------------------------------------------------------------------------------

_ATTRS = re.compile(r"\s*\{ [^}]*\}")
_PARA_LINK = re.compile(r"\[(\d+(?:\.\d+)?)\]\(#para-[\d-]+\)")
_NOTE_DEF = re.compile(r"^\[\^(\d+)\]: ", re.MULTILINE)
_NOTE_REF = re.compile(r"\[\^(\d+)\]")


def markdown_words(markdown: str) -> tuple[list[str], list[str]]:
    """The words of an imported page without its markup: (body words, footnote words)."""
    body = markdown.split("\n---\n", 1)[1] if markdown.startswith("---\n") else markdown
    lines = body.split("\n")
    text, notes = [], []
    for line in lines:
        if _NOTE_DEF.match(line):
            notes.append(_NOTE_DEF.sub(r"\1 ", line))
            continue
        line = _ATTRS.sub("", _PARA_LINK.sub(r"\1", line))
        line = set_apart.plain_line(line)  # admonition titles (less our labels), tables, indents
        line = re.sub(r"^(#{1,6} |- |    |:   )", "", line)
        text.append(line)

    def words(chunk: str) -> list[str]:
        chunk = _NOTE_REF.sub(r"\1", chunk).replace("&quot;", '"').replace("&lt;", "<").replace("&amp;", "&")
        chunk = chunk.replace("*", "")
        return re.sub(r"\\(.)", r"\1", chunk).split()

    return words("\n".join(text)), words("\n".join(notes))


def check_word_for_word(parsed: Parsed, pages: list[ImportedPage], source: str) -> None:
    """Every word of the chapters reaches the Markdown, in order: the check the other importers have."""
    body: list[str] = []
    notes: list[str] = []
    for page in pages:
        b, f = markdown_words(page.markdown())
        body += b
        notes += f
    for name, got, want in (("text", body, parsed.source_words), ("footnotes", notes, parsed.footnote_words)):
        if got == want:
            continue
        at = next((i for i, (g, w) in enumerate(zip(got, want, strict=False)) if g != w), min(len(got), len(want)))
        raise DataError(source, f"word-for-word check of the {name} failed at word {at + 1}: the source has "
                        f"{' '.join(want[at:at + 8])!r}, the Markdown {' '.join(got[at:at + 8])!r}")


_PARA_LINE = re.compile(r"^\[(\d+\.\d+)\]\(#para-[\d-]+\)\{[^}]*\} (.*)$", re.MULTILINE)


def paragraph_texts(markdown: str) -> dict[str, str]:
    """Each numbered paragraph of an imported page and its text ("5.23" -> words), markup removed."""
    found = {}
    for match in _PARA_LINE.finditer(markdown):
        text = _NOTE_REF.sub("", match.group(2)).replace("*", "")
        found[match.group(1)] = re.sub(r"\\(.)", r"\1", text)
    return found
