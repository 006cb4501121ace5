"""``build.py import-working-together``: the official PDF (or its text) to chapter pages and cross_refs/.

All or nothing, as ``build.py import``: every check runs before anything is written; a page or data file an
editor has changed since it was generated is never overwritten; chapters absent from the input keep their
pages. The pages carry the same ``generated_sha256`` fingerprint as the other imported pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..base.errors import DataError, DataErrors
from .run import edited_since_generated, stamp
from .working_together_checks import check_contents, check_outline, check_parts_contents, sections_of
from .working_together_markdown import chapter_page, check_word_for_word, part_page
from .working_together_outline import FROM_PUBLICATION, HEADER, read_front_matter
from .working_together_pdf import EXPECTED_PAGES, pdf_to_text
from .working_together_text import Chapter, Parsed, parse

DATA = "cross_refs/working-together.yaml"
# Ten times the text of the 393-page publication, at a generous 4,000 characters a page.
MAX_TEXT_CHARS = 10 * EXPECTED_PAGES * 4_000


@dataclass
class WorkingTogetherReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    chapters: list[int] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # executive-summary, preface, glossary, appendix-N
    set_aside_lines: int = 0  # text outside the chapters and the parts read around them: not imported


def read_source(path: Path) -> str:
    """The input's text: extracted from a PDF, or read as the plain-text extraction it is."""
    if not path.is_file():
        raise DataError(str(path), "no such file")
    with path.open("rb") as handle:
        is_pdf = handle.read(5) == b"%PDF-"
    if is_pdf or path.suffix.lower() == ".pdf":
        return pdf_to_text(path)
    if path.stat().st_size > MAX_TEXT_CHARS * 4:
        raise DataError(str(path), "more than ten times the size of the publication's text; is this the right file?")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DataError(str(path), f"not UTF-8 text ({error.reason} at byte {error.start}); give the PDF itself "
                        "or a UTF-8 extraction of it") from error
    if len(text) > MAX_TEXT_CHARS:
        raise DataError(str(path), "more than ten times the size of the publication's text; is this the right file?")
    return text.replace("\r\n", "\n")


def _updated_data(existing: str, parsed: Parsed) -> str:
    """cross_refs/working-together.yaml with what the publication itself shows for each imported chapter."""
    data: dict[str, Any] = yaml.safe_load(existing)
    recorded = {c["number"]: c for c in data["chapters"]}
    for chapter in parsed.chapters:
        entry = recorded[chapter.number]
        entry["title"] = chapter.title
        entry["confirmed"] = True  # seen in the publication itself
        entry["sections_complete"] = True
        entry["sections"] = [{"title": title, **({"paragraphs": span} if span else {})}
                             for title, span, _, _ in sections_of(chapter)]
    appendices = {a["number"]: a for a in data.get("appendices") or []}
    for part in parsed.parts:
        if part.is_appendix:  # its title as the publication prints it, confirmed by the publication itself
            appendices[part.number] = {"number": part.number, "title": part.title, "confirmed": True}
    if appendices:
        data["appendices"] = [appendices[n] for n in sorted(appendices)]
    return FROM_PUBLICATION + HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def generate(root: Path, source_path: Path, out: Path) -> tuple[dict[Path, str], Parsed]:
    """Every file the import writes (absolute path -> content, before stamping); raises on any problem."""
    source = str(source_path)
    text = read_source(source_path)
    existing = (root / DATA).read_text(encoding="utf-8")
    outline = yaml.safe_load(existing)
    titles = {c["number"]: c["title"] for c in outline.get("chapters", [])}
    appendix_titles = {a["number"]: a["title"] for a in outline.get("appendices") or []}
    front_matter = read_front_matter(root)
    parsed = parse(text, source=source, outline_titles=titles, appendix_titles=appendix_titles,
                   front_matter=front_matter)
    if not parsed.chapters and not parsed.parts:
        raise DataError(source, "no chapter found: expected a page that opens with 'Chapter N – Title'")
    errors = check_contents(parsed.chapters, parsed.contents, source) + check_outline(parsed.chapters, outline,
                                                                                       source)
    errors += check_parts_contents(parsed.parts, parsed.contents, source)
    if errors:
        raise DataErrors(errors)
    # In the publication's order, as the word-for-word check reads them.
    ordered = sorted([*parsed.chapters, *parsed.parts], key=lambda c: c.line.number)
    pages = [chapter_page(c) if isinstance(c, Chapter) else part_page(c) for c in ordered]
    check_word_for_word(parsed, pages, source)
    outputs = {out / Path(page.path).name: page.markdown() for page in pages}
    outputs[root / DATA] = _updated_data(existing, parsed)
    return outputs, parsed


def run_import_working_together(root: Path, source_path: Path, out: Path, *,
                                force: bool = False) -> WorkingTogetherReport:
    outputs, parsed = generate(root, source_path, out)
    report = WorkingTogetherReport(chapters=[c.number for c in parsed.chapters], parts=[p.slug for p in parsed.parts],
                                   set_aside_lines=len(parsed.set_aside))
    stamped = {path: stamp(path.name, content) for path, content in outputs.items()}
    for path, content in sorted(stamped.items()):
        if path.exists():
            existing = path.read_text(encoding="utf-8")
            if existing == content:
                report.unchanged.append(str(path))
            elif edited_since_generated(path.name, existing) and not force and path != root / DATA:
                report.refused.append(str(path))
    if report.refused:
        return report  # all or nothing
    for path, content in sorted(stamped.items()):
        if str(path) in report.unchanged:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        report.written.append(str(path))
    return report
