"""Link targets as a build of the small site makes them, for the autolinker's and the backlinks' tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from project_paths import SMALL_SITE
from safeguarding_site.base.errors import Problems
from safeguarding_site.data.documents import load_documents
from safeguarding_site.linking.targets import LinkTargets, build_link_targets

# Evidence quotes exactly as cross_refs/recommendations.yaml records them (Annex A, recs 11 and 19).
REC_11_QUOTE = ("Revisions to Chapter 4 stress the importance of specialist training for these roles and Chapter 2 "
                "references the local authority's responsibility to ensure relevant staff receive this high "
                "quality training.")
REC_19_QUOTE = ("Chapter 3 sets out that the Local Safeguarding Children Board (LSCB) should consider developing "
                "protocols for resolving different professional opinions about a specific case.")


def small_site_targets(pages: Mapping[str, str], evidence: Sequence[tuple[int, str]]) -> LinkTargets:
    """All 58 recommendations and 12 chapters as pages, the small site's documents, and the given ``pages``
    (path -> Markdown) and ``evidence`` ((chapter, quote) pairs from implemented_by)."""
    documents = load_documents(SMALL_SITE / "cross_refs/documents.yaml", "documents.yaml", Problems())
    return build_link_targets(
        documents=documents,
        recommendations={n: f"recommendations/{n}.md" for n in range(1, 59)},
        chapters={n: f"working-together/chapter-{n}.md" for n in range(1, 13)},
        overview="working-together/index.md",
        evidence=evidence,
        pages=pages,
    )
