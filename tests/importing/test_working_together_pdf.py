"""The PDF reader (pdfminer.six, glyph by glyph) on seeded sample PDFs, and on broken or oversized files."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import working_together_samples as samples
from safeguarding_site.base.errors import DataError
from safeguarding_site.importing import working_together_pdf
from safeguarding_site.importing.working_together_layout import normalise
from safeguarding_site.importing.working_together_pdf import pdf_to_text
from test_working_together_text import assert_matches_sample

pytestmark = pytest.mark.skipif(not samples.fonts_available(), reason="the sample PDFs need the DejaVu fonts")
PDF_SEEDS = [3, 4, 9, 26, 30]  # 4: two-column contents; 9: a marker at a page's first line; 26: a flow chart
# 26 and 30: a glossary (terms, a tab, definitions in a column of their own); 30: every part before chapter 1


def _lines(text: str) -> list[str]:
    return [" ".join(normalise(line).replace("*", "").split()) for line in text.split("\n")]


@pytest.mark.parametrize("seed", PDF_SEEDS)
def test_pdf_reads_back_line_for_line(seed: int, tmp_path: Path) -> None:
    sample = samples.generate(seed)
    text = pdf_to_text(samples.write_pdf(sample, tmp_path / "sample.pdf"))
    assert _lines(text) == _lines(sample.text)
    # Tabs after paragraph numbers and bullets survive: the importer needs no other clue.
    assert [normalise(line) for line in text.split("\n") if line.startswith("•")] == \
        [line for line in sample.text.split("\n") if line.startswith("•")]
    assert_matches_sample(sample, text)


def test_italics_ligatures_and_raised_markers(tmp_path: Path) -> None:
    sample = samples.generate(3)
    text = pdf_to_text(samples.write_pdf(sample, tmp_path / "sample.pdf"))
    assert "*Sample Handbook of Imaginary Procedures*" in text  # an italic run, marked
    assert "ﬁ" in text and "ﬁ" not in normalise(text)  # the ligature glyph, decomposed before parsing
    assert "nobody will ever read.1\n" in text  # the raised small "1" glued to the word before it


def test_unseen_seeds_as_pdf(tmp_path: Path) -> None:
    from working_together_seeds import unseen_seeds

    failures = []
    for seed in unseen_seeds():  # all twenty, as the text test reads them (under a second each)
        sample = samples.generate(seed)
        try:
            assert_matches_sample(sample, pdf_to_text(samples.write_pdf(sample, tmp_path / f"{seed}.pdf")))
        except Exception as error:
            failures.append(f"seed {seed}: {type(error).__name__}: {str(error)[:300]}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("content", [b"", b"%PDF-1.4\nnot really a pdf", b"%PDF-1.7\n" + b"\x00" * 5000,
                                     b"\x89PNG\r\n\x1a\n" + b"0" * 100])
def test_a_malformed_pdf_ends_in_one_clear_line(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    started = time.monotonic()
    with pytest.raises(DataError) as caught:
        pdf_to_text(path)
    assert time.monotonic() - started < 10
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path))


def test_a_pdf_ten_times_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:  # sparse: no disk or memory is used
        handle.write(b"%PDF-1.4\n")
        handle.truncate(working_together_pdf.MAX_BYTES + 1)
    started = time.monotonic()
    with pytest.raises(DataError, match="more than ten times"):
        pdf_to_text(path)
    assert time.monotonic() - started < 1


def test_a_pdf_with_too_many_pages_stops_at_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(working_together_pdf, "MAX_PAGES", 2)
    path = samples.write_pdf(samples.generate(3), tmp_path / "sample.pdf")
    with pytest.raises(DataError, match="more than 2 pages"):
        pdf_to_text(path)
