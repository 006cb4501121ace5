"""``build.py suggest-paragraphs N``: a paragraph planted to match recommendation N is ranked first."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import working_together_samples as samples
from safeguarding_site.commands.main import main
from safeguarding_site.data.site_data import load_site_data
from safeguarding_site.text.plain_text import plain_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(ROOT / "cross_refs", root / "cross_refs")
    source = samples.write_text(samples.generate(26), tmp_path / "wt.txt")  # chapters 5, 8 and 12
    assert main(["--root", str(root), "import-working-together", str(source)]) == 0
    # The site's search settings come from its built index: here, only the settings.
    config = json.loads((ROOT / "tests" / "importing" / "search_config.json").read_text(encoding="utf-8"))
    (root / "site" / "search").mkdir(parents=True)
    (root / "site" / "search" / "search_index.json").write_text(json.dumps({"config": config, "docs": []}))
    return root


def plant(root: Path, paragraph: str, words: str) -> None:
    page = root / "docs" / "working-together" / f"chapter-{paragraph.split('.')[0]}.md"
    text = page.read_text(encoding="utf-8")
    pattern = rf"^(\[{re.escape(paragraph)}\]\(#para-[\d-]+\)\{{[^}}]*\}} ).*$"
    page.write_text(re.sub(pattern, lambda m: m.group(1) + words, text, count=1, flags=re.MULTILINE),
                    encoding="utf-8")


def test_a_planted_paragraph_is_suggested_first(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rec = next(r for r in load_site_data(project / "cross_refs").recommendations if r.id == 13)
    plant(project, "5.4", "SAMPLE TEXT – not guidance, planted for this test: " + plain_text(rec.recommendation))
    assert main(["--root", str(project), "suggest-paragraphs", "13"]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    assert re.match(r"^ 1\.\s+5\.4\s+\(score", lines[1]), lines
    assert 3 <= len(lines) <= 6  # a heading and up to five suggestions: others match a few words


def test_without_a_built_site_it_says_what_to_do(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(project / "site")
    assert main(["--root", str(project), "suggest-paragraphs", "13"]) == 1
    assert "build the site first" in capsys.readouterr().err
