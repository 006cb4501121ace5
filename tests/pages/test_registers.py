"""The cross-linking output as the plugin receives it: every generated link leads somewhere that exists.

On the small site (tests/pages/golden/small_site), but for the test marked real_content."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from project_paths import SMALL_SITE
from safeguarding_site.base.errors import DataErrors
from safeguarding_site.data.registers import CrossLinkData, load_cross_link_data
from safeguarding_site.data.site_data import SiteData
from safeguarding_site.pages.recommendations import recommendation_pages
from safeguarding_site.pages.registers import CrossLinks, build_cross_links
from safeguarding_site.pages.working_together import working_together_pages
from safeguarding_site.text.blocks import page_anchors
from source_pages import source_pages

_LINK = re.compile(r"\]\(<?([^)>\s]+)>?\)")


def cross_links(site: Path, data: SiteData, registers: CrossLinkData) -> CrossLinks:
    found, problems = build_cross_links(data, registers, source_pages(site))
    assert problems == []
    return found


def test_every_relative_link_in_the_generated_markdown_resolves(small_data: SiteData,
                                                                small_registers: CrossLinkData) -> None:
    data, links = small_data, cross_links(SMALL_SITE, small_data, small_registers)
    pages = {**source_pages(SMALL_SITE), **recommendation_pages(data), **working_together_pages(data),
             **links.generated}
    markdown = {path: text for path, text in links.generated.items() if path.endswith(".md")}
    for rec in data.recommendations:
        markdown[rec.page] = links.who_must_act_sections[rec.id] + "\n" + links.guidance_sections[rec.id]
    checked = 0
    for page, text in markdown.items():
        for target in _LINK.findall(text):
            if re.match(r"https?://", target):
                continue
            path, _, anchor = target.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
            assert resolved in pages, (page, target)
            if anchor and not resolved.startswith("recommendations/"):
                assert anchor in page_anchors(pages[resolved]), (page, target)
            checked += 1
    assert checked > 90  # the small site has 98: a generator that stops linking fails here


@pytest.mark.real_content
def test_generated_paths_and_sections(root: Path, real_data: SiteData, real_registers: CrossLinkData) -> None:
    data, links = real_data, cross_links(root, real_data, real_registers)
    assert {"glossary/index.md", "supporting-guidance/index.md", "organisations/index.md", "data/index.md",
            "data/recommendations.json", "data/recommendations.csv", "data/recommendations.schema.json"} \
        <= set(links.generated)
    assert set(links.who_must_act_sections) == {r.id for r in data.recommendations}
    assert links.who_must_act_sections[10].startswith("## Who must act { #rec-10-who-must-act }")
    assert links.guidance_sections[1] == ""  # recommendation 1's texts name no register entry
    assert links.abbreviations.startswith("*[A&E]: Accident and Emergency\n")


def test_a_broken_data_file_is_reported_with_the_others(small_site: Path, small_data: SiteData) -> None:
    cross_refs = small_site / "cross_refs"
    (cross_refs / "glossary.yaml").write_text("terms: [\n", encoding="utf-8")
    text = (cross_refs / "guidance.yaml").read_text(encoding="utf-8")
    (cross_refs / "guidance.yaml").write_text(text.replace("kind: legislation\n", "kind: law\n", 1), encoding="utf-8")
    with pytest.raises(DataErrors) as info:
        load_cross_link_data(cross_refs, small_data, display_root=small_site)
    messages = [str(e) for e in info.value.errors]
    assert any(m.startswith("cross_refs/glossary.yaml:") and "YAML syntax error" in m for m in messages), messages
    assert any(m.startswith("cross_refs/guidance.yaml:") and "'law'" in m for m in messages), messages
