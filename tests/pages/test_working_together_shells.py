"""Working Together chapter pages before the text arrives: archived copies, confirmed titles, the edition line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from safeguarding_site.base.errors import DataErrors
from safeguarding_site.data.site_data import load_site_data
from safeguarding_site.importing.working_together_outline import title_quotes
from safeguarding_site.pages.status_line import read_later_editions

ARCHIVE = "https://webarchive.nationalarchives.gov.uk/ukgwa/20100317000000/"


def article(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


@pytest.mark.real_content
def test_every_chapter_page_links_both_archived_copies(built_site: Path) -> None:
    for number in range(1, 13):
        page = article(built_site / f"working-together/chapter-{number}.html")
        assert f'href="{ARCHIVE}http://www.dcsf.gov.uk/nsdu"' in page
        assert (f'href="{ARCHIVE}http://publications.dcsf.gov.uk/default.aspx?PageFunction=productdetails&amp;'
                'PageMode=publications&amp;ProductId=DCSF-00305-2010"') in page
        assert page.count(">archived copy <") == 2
        assert "have not yet recorded checking" in page or "last checked" in page


@pytest.mark.real_content
def test_chapter_8s_title_is_confirmed_by_its_quote_and_others_are_quietly_marked(built_site: Path) -> None:
    eight = article(built_site / "working-together/chapter-8.html")
    assert "confirmed by the progress update (March 2010)" in eight
    assert "“Chapter 8: Serious Case Reviews”" in eight and "(title unconfirmed)" not in eight
    nine = article(built_site / "working-together/chapter-5.html")  # a title no source quotes
    assert "(title unconfirmed)" in nine and "is not yet confirmed" in nine
    assert "admonition warning" not in nine  # one quiet line, not a warning box


@pytest.mark.real_content
def test_every_page_says_which_edition_this_is(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    missing = [p.relative_to(built_site).as_posix() for p in pages
               if p.name != "404.html" and 'class="edition-line"' not in p.read_text(encoding="utf-8")]
    assert missing == []


def test_a_title_is_confirmed_only_by_a_quote_with_the_same_words() -> None:
    recs = [{"id": 1, "progress_2010": "Nothing here."},
            {"id": 2, "progress_2010": "The revised *Guide*, Chapter 8: Serious Case Reviews, comes into force."}]
    assert title_quotes(8, "Serious case reviews", recs, ["progress_2010"]) == {
        "recommendation": 2, "column": "progress_2010", "quote": "Chapter 8: Serious Case Reviews"}
    assert title_quotes(8, "Serious cases", recs, ["progress_2010"]) is None
    assert title_quotes(7, "Serious case reviews", recs, ["progress_2010"]) is None


def test_a_confirming_quote_that_is_not_in_the_recommendation_fails(tmp_path: Path, root: Path) -> None:
    shutil.copytree(root / "cross_refs", tmp_path / "cross_refs")
    path = tmp_path / "cross_refs/working-together.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("quote: 'Chapter 8: Serious Case Reviews'",
                                                             "quote: 'Chapter 8: Serious Case Audits'"),
                    encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_site_data(tmp_path / "cross_refs", display_root=tmp_path)
    message = str(caught.value)
    assert re.search(r"cross_refs/working-together\.yaml:\d+: chapter 8: confirmed_by: the quote is not in "
                     r"recommendation 39's progress_2010", message), message


def test_the_later_editions_link_must_be_https(tmp_path: Path) -> None:
    site = tmp_path / "site.yaml"
    site.write_text("later_editions:\n  link: javascript:alert(1)\n  link_text: Current\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"site\.yaml:2: later_editions: 'link' must be an https:// address"):
        read_later_editions(site, "site.yaml")
    site.write_text("later_editions:\n  link: https://www.gov.uk/\n  link_text: Current\n", encoding="utf-8")
    assert read_later_editions(site, "site.yaml").link == "https://www.gov.uk/"


@pytest.mark.real_content
def test_every_appendix_has_a_shell_page_like_the_chapters(built_site: Path) -> None:
    titles = {1: "Statutory framework", 2: "Framework for the Assessment of Children in Need and their Families",
              3: "Use of questionnaires and scales to evidence assessment and decision making"}
    for number, title in titles.items():
        page = article(built_site / f"working-together/appendix-{number}.html")
        # The outline's title, quietly marked: no source on the site prints it.
        assert f"Appendix {number}: {title} (title unconfirmed)" in re.sub(r"<[^>]+>", "", page)
        assert "is not yet confirmed" in page and "The text of this appendix is not yet included" in page
        assert page.count(">archived copy <") == 2
        assert "Crown copyright 2010" not in page  # no text of the publication on a shell
    overview = article(built_site / "working-together/index.html")
    assert all(f'href="appendix-{n}.html"' in overview for n in titles)
    # In the menu after chapter 12; and Working Together's "Appendix 2" has its page to link to.
    html = (built_site / "working-together/chapter-12.html").read_text(encoding="utf-8")
    menu = re.findall(r'<a href="((?:chapter-\d+|appendix-\d)\.html)" class="md-nav__link', html)
    assert menu[-4:] == ["chapter-12.html", "appendix-1.html", "appendix-2.html", "appendix-3.html"]
