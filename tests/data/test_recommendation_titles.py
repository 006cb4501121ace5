"""Short titles (data/recommendations.py, pages/recommendations.py): required, unique, and marked as ours."""

from __future__ import annotations

from pathlib import Path

from safeguarding_site.base.errors import Problems
from safeguarding_site.data.recommendations import load_recommendations
from safeguarding_site.data.site_data import SiteData
from safeguarding_site.pages.recommendations import ANNEX_A, INDEX, recommendation_pages

NAME = "cross_refs/recommendations.yaml"
ENTRY = "- id: {n}\n{title}  recommendation: The Home Office should act.\n  response_2009: ''\n  progress_2010: ''\n"


def _load(tmp_path: Path, *titles: str) -> list[str]:
    path = tmp_path / "recommendations.yaml"
    path.write_text("schema: 1\nrecommendations:\n" + "".join(ENTRY.format(n=n, title=t) for n, t in
                                                                enumerate(titles, start=1)), encoding="utf-8")
    problems = Problems()
    load_recommendations(path, NAME, set(range(1, 13)), problems)
    return [str(e) for e in problems.errors]


def test_a_missing_short_title_is_a_file_line_error(tmp_path: Path) -> None:
    errors = _load(tmp_path, "  short_title: Police teams\n", "")
    assert len(errors) == 1 and errors[0].startswith(f"{NAME}:8: recommendation 2: short_title is required")


def test_a_duplicate_short_title_is_a_file_line_error(tmp_path: Path) -> None:
    errors = _load(tmp_path, "  short_title: Police teams\n", "  short_title: police  teams\n")
    assert errors == [f"{NAME}:9: recommendation 2: short_title 'police teams' is already the short title of "
                      "recommendation 1 (line 4): each needs its own, so that lists can tell them apart"]


def test_all_58_have_their_own_short_title(data: SiteData) -> None:
    titles = [r.short_title for r in data.recommendations]
    assert len(titles) == 58 and len({t.casefold() for t in titles}) == 58
    assert all(0 < len(t.split()) <= 10 and "…" not in t for t in titles)
    assert data.recommendations[10].short_title == "Training and support for intake and duty teams"


def test_lists_and_titles_use_the_short_titles_and_say_whose_words_they_are(data: SiteData) -> None:
    pages = recommendation_pages(data)
    index = pages[INDEX]
    for n in (11, 16, 39, 41, 43):  # all once cut to "The Department for Children, Schools and Families should …"
        assert f"[{data.recommendations[n - 1].short_title}](" in index
    assert "Working Together to…" not in index and "site's editors' own words" in index
    page = pages["recommendations/11.md"]
    assert "title: 'Recommendation 11: Training and support for intake and duty teams'" in page
    assert "\n# Recommendation 11: Training and support for intake and duty teams { #recommendation-11 }\n\n" \
           "Short title by the site's editors; Lord Laming's own words follow.\n" \
           "{ .rec-short-title data-search-exclude }\n" in page
    assert "title: 'Recommendation 7: Safeguarding expertise in Directors of Children''s Services'' teams'" \
        in pages["recommendations/7.md"]
    assert "(short title by the site's editors)" in pages[ANNEX_A]
