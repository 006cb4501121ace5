"""Compares pypdf and pdfminer.six on sample PDFs: why the importer reads PDFs with pdfminer.six.

Run: ``.venv/bin/python tests/importing/pdf_library_comparison.py [SEEDS]`` (needs pypdf installed, which
the project does not pin; ``pip install pypdf`` into a scratch environment). Not a test: a record of the
choice, kept so that it can be repeated against a new version of either library.

Measured on seeds 1–20 (2026-11-30, pypdf 7.1.1, pdfminer.six 20260107), fraction of sample lines right:

| extraction                          | order | tab after N.M | bullet + tab | glued markers | italics |
|-------------------------------------|-------|---------------|--------------|---------------|---------|
| pypdf ``extract_text()``            | 1.00  | 0.00          | 0.00         | 1.00          | none    |
| pypdf ``extraction_mode="layout"``  | see output: pads with spaces, columns side by side            |
| pdfminer ``extract_text()``         | see output: boxes reordered, tabs lost                        |
| pdfminer, our glyph-level reader    | 1.00  | 1.00          | 1.00         | 1.00          | kept    |

pypdf's plain text keeps reading order and glues superscripts, but gives no fonts, so italics are lost,
and a tab comes out as one space. pdfminer.six gives every glyph with its position, size and font name,
so the reader can tell a tab (a wide gap) from a space, a raised small number from a wrapped count,
an italic run from roman, and a second column from a tab. The figures printed by this script are the
ones to trust; the table above is what it printed when the choice was made.
"""

from __future__ import annotations

import difflib
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import working_together_samples as samples  # noqa: E402


def _score(got: str, want: str) -> dict[str, float]:
    got_lines = [" ".join(line.replace("*", "").split()) for line in got.replace("ﬁ", "fi").replace(
        "ﬂ", "fl").split("\n") if line.strip()]
    want_lines = [" ".join(line.split()) for line in want.split("\n") if line.strip()]
    order = difflib.SequenceMatcher(None, got_lines, want_lines, autojunk=False).ratio()
    tabs_wanted = re.findall(r"^\d+\.\d+\t", want, re.MULTILINE)
    tabs_got = re.findall(r"^\d+\.\d+\t", got, re.MULTILINE)
    bullets_wanted = want.count("•\t")
    markers = re.findall(r"[a-z.]\d{1,3}(?=\s|$)", want)
    glued = sum(1 for m in markers if m in got)
    return {"order": order, "tabs": len(tabs_got) / max(1, len(tabs_wanted)),
            "bullets": got.count("•\t") / max(1, bullets_wanted), "markers": glued / max(1, len(markers)),
            "italics": float("*" in got)}


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
    totals: dict[str, dict[str, float]] = {name: {} for name in readers}
    with tempfile.TemporaryDirectory() as folder:
        for seed in seeds:
            sample = samples.generate(seed)
            path = samples.write_pdf(sample, Path(folder) / f"{seed}.pdf")
            for name, read in readers.items():
                for key, value in _score(read(path), sample.text).items():
                    totals[name][key] = totals[name].get(key, 0.0) + value / len(seeds)
    for name, scores in totals.items():
        print(f"{name:24}", "  ".join(f"{k} {v:.2f}" for k, v in scores.items()))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or list(range(1, 21)))
