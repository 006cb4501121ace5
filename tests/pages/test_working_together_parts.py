"""Where Working Together's menu lists its executive summary, preface, glossary and appendices."""

from __future__ import annotations

from safeguarding_site.pages.working_together_parts import nav_with_parts

NAV = [
    {"Home": "index.md"},
    {"Working Together": ["working-together/index.md",
                          *({f"Chapter {n}": f"working-together/chapter-{n}.md"} for n in range(1, 13))]},
    {"One Year On": ["one-year-on/index.md", {"Annex A": "one-year-on/annex-a.md"}]},
]


def pages(nav: list) -> list[str]:
    return [next(iter(e.values())) if isinstance(e, dict) else e for e in nav[1]["Working Together"]]


def test_front_parts_before_chapter_1_and_appendices_after_chapter_12() -> None:
    listed = pages(nav_with_parts(NAV, ["glossary", "executive-summary"], [1, 2]))
    assert listed[:4] == ["working-together/index.md", "working-together/executive-summary.md",
                          "working-together/glossary.md", "working-together/chapter-1.md"]
    assert listed[-3:] == ["working-together/chapter-12.md", "working-together/appendix-1.md",
                           "working-together/appendix-2.md"]


def test_menu_titles_are_ours_and_other_sections_are_untouched() -> None:
    nav = nav_with_parts(NAV, ["preface"], [3])
    section = nav[1]["Working Together"]
    assert {"Preface": "working-together/preface.md"} in section and {"Appendix 3": "working-together/appendix-3.md"} \
        in section
    assert nav[0] == NAV[0] and nav[2] == NAV[2]


def test_adding_twice_or_to_a_nav_that_lists_them_changes_nothing() -> None:
    once = nav_with_parts(NAV, ["preface"], [1])
    assert nav_with_parts(once, ["preface"], [1]) == once  # `serve` rebuilds with the same config
    assert nav_with_parts(None, ["preface"], [1]) is None  # no nav: MkDocs lists every page itself
