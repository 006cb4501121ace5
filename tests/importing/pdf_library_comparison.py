"""Compares pypdf and pdfminer.six on sample PDFs: why the importer reads PDFs with pdfminer.six.

Run: ``.venv/bin/python tests/importing/pdf_library_comparison.py [SEEDS]`` (needs pypdf installed, which
the project does not pin; ``pip install pypdf`` into a scratch environment). Not a test: a record of the
choice, kept so that it can be repeated against a new version of either library.

Measured on seeds 1–20 (2026-11-30, pypdf 7.1.1, pdfminer.six 20260107): the share of the sample's
lines in the right order (difflib ratio), and of its features that each extraction keeps.

| extraction                          | order | tab after N.M | bullet + tab | glued markers | italic words |
|-------------------------------------|-------|---------------|--------------|---------------|--------------|
| pypdf ``extract_text()``            | 1.00  | 0.00          | 0.00         | 1.00          | 0.00         |
| pypdf ``extraction_mode="layout"``  | 0.99  | 0.00          | 0.00         | 1.00          | 0.00         |
| pdfminer ``extract_text()``         | 0.76  | 0.00          | 0.00         | 1.00          | 0.00         |
| pdfminer, our glyph-level reader    | 1.00  | 1.00          | 1.00         | 1.00          | 1.00         |

pypdf's plain text keeps reading order and glues superscripts, but gives no fonts, so italics are lost,
and a tab comes out as one space. pdfminer.six gives every glyph with its position, size and font name,
so the reader can tell a tab (a wide gap) from a space, a raised small number from a wrapped count,
an italic run from roman, and a second column from a tab. Our reader was written against these samples,
so its row shows what the glyph-level route makes possible, not an independent score; the point is that
the other rows cannot carry tabs, bullets' tabs or fonts at all (pypdf's visitor callbacks give fonts, but
per text chunk, without glyph positions inside a chunk). The figures printed by this script are the ones
to trust; the table above is what it printed when the choice was made.
"""

from __future__ import annotations

import difflib
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import working_together_samples as samples  # noqa: E402


def _score(got: str, want: str) -> dict[str, tuple[float, float]]:
    """(found, wanted) for each feature; the order is difflib's ratio of the lines."""
    got_lines = [" ".join(line.replace("*", "").split()) for line in got.replace("ﬁ", "fi").replace(
        "ﬂ", "fl").split("\n") if line.strip()]
    want_lines = [" ".join(line.split()) for line in want.split("\n") if line.strip()]
    order = difflib.SequenceMatcher(None, got_lines, want_lines, autojunk=False).ratio()
    tabs_wanted = re.findall(r"^\d+\.\d+\t", want, re.MULTILINE)
    tabs_got = re.findall(r"^\d+\.\d+\t", got, re.MULTILINE)
    markers = re.findall(r"[a-z.]\d{1,3}(?=\s|$)", want)
    # Words set in italic (the sample's italic titles; one may wrap over two lines, so two runs).
    italic_words = sum(len(run.split()) for run in re.findall(r"\*([^*\n]+)\*", got))
    title_words = sum(want.replace("\n", " ").count(title) * len(title.split()) for title in samples._ITALIC_TITLES)
    return {"order": (order, 1.0), "tab after N.M": (len(tabs_got), len(tabs_wanted)),
            "bullet + tab": (got.count("•\t"), want.count("•\t")),
            "glued markers": (sum(1 for m in markers if m in got), len(markers)),
            "italic words": (italic_words, title_words)}


def main(seeds: list[int]) -> None:
    from pdfminer.high_level import extract_text as pdfminer_text
    from pypdf import PdfReader
    from safeguarding_site.importing.working_together_pdf import pdf_to_text

    readers = {
        "pypdf": lambda p: "\n".join(page.extract_text() for page in PdfReader(p).pages),
        "pypdf layout": lambda p: "\n".join(page.extract_text(extraction_mode="layout")
                                            for page in PdfReader(p).pages),
        "pdfminer extract_text": lambda p: pdfminer_text(str(p)),
        "pdfminer glyphs (ours)": pdf_to_text,
    }
    totals: dict[str, dict[str, list[float]]] = {name: {} for name in readers}
    with tempfile.TemporaryDirectory() as folder:
        for seed in seeds:
            sample = samples.generate(seed)
            path = samples.write_pdf(sample, Path(folder) / f"{seed}.pdf")
            for name, read in readers.items():
                for key, (found, wanted) in _score(read(path), sample.text).items():
                    total = totals[name].setdefault(key, [0.0, 0.0])
                    total[0] += found
                    total[1] += wanted
    for name, scores in totals.items():
        print(f"{name:24}", "  ".join(f"{k} {found / wanted:.2f}" if wanted else f"{k} -"
                                      for k, (found, wanted) in scores.items()))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or list(range(1, 21)))
