"""The benchmark harness works: scaled data is valid, config edits are exact, and --quick writes its table.

These time nothing; they only check that `python -m benchmarks.run` can still do its job.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from safeguarding_site.data.site_data import load_site_data

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # benchmarks/ is a folder of the repository, not an installed package

from benchmarks.mkdocs_config import add_hook, read_nav, remove_plugin  # noqa: E402
from benchmarks.scaled_project import scale_project, snapshot_project  # noqa: E402


def test_remove_plugin_drops_only_that_entry() -> None:
    text = "plugins:\n  - search:\n      lang: en\n  - safeguarding:\n      cross_refs: x\n  - other\n\nnav: []\n"
    assert remove_plugin(text, "safeguarding") == "plugins:\n  - search:\n      lang: en\n  - other\n\nnav: []\n"
    with pytest.raises(ValueError):
        remove_plugin(text, "absent")


def test_add_hook_keeps_existing_hooks() -> None:
    assert add_hook("hooks:\n  - a.py\n", "/b.py") == "hooks:\n  - a.py\n  - /b.py\n\n"


@pytest.mark.real_content
def test_scaled_project_is_valid_data_with_linked_copies(tmp_path: Path) -> None:
    project = snapshot_project(ROOT, tmp_path / "x3")
    content = scale_project(project, 3)
    data = load_site_data(project / "cross_refs")  # raises if any quote, chapter or key is wrong
    assert content.recommendations == 3 * 58
    assert [r.id for r in data.recommendations] == list(range(1, 3 * 58 + 1))
    assert sorted(data.working_together.chapters) == list(range(1, content.chapters + 1))
    # Recommendation 5 of set 3 implements the same chapters as recommendation 5, two sets of chapters on.
    real, copy = data.recommendations[4], data.recommendations[4 + 2 * 58]
    assert copy.chapters == tuple(c + 2 * 12 for c in real.chapters)
    assert copy.recommendation.endswith("(Set 3.)")
    # Each copied document has its own key, folder and nav entries; its pages link within the copy.
    assert "one-year-on-set3" in data.documents
    page = (project / "docs" / data.documents["one-year-on-set3"].path).read_text(encoding="utf-8")
    assert "document: one-year-on-set3" in page
    assert "](foreword.md)" in page  # the copy has its own foreword
    assert "](../one-year-on/annex-a.md)" in page  # Annex A is generated once, in the real folder
    nav = str(read_nav((project / "mkdocs.yml").read_text(encoding="utf-8")))
    assert "working-together/chapter-36.md" in nav and "chief-adviser-set2/foreword.md" in nav


@pytest.mark.real_content
def test_quick_run_writes_the_table(tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    result = subprocess.run([sys.executable, "-m", "benchmarks.run", "--quick", "--out", str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    assert text.count("<!-- benchmark figures:") == 2
    for row in ("| 1× | plugin |", "| 1× | plain |", "| 1× | build.py build |", "| 2× | plugin |", "| 2× | plain |"):
        assert row in text, row
    verdicts = re.findall(r"^\| (.+?) \| (.+?) \| (PASS|FAIL|n/a) \|$", text, re.MULTILINE)
    assert len(verdicts) >= 8, text
    measured = {target: value for target, value, _ in verdicts}
    assert re.fullmatch(r"\d+\.\d\d s", measured["A data edit reloads in serve in < 2 s"])
    assert re.fullmatch(r"\d+\.\d\d×", measured["Search index ≤ 1.5× the site's text"])
