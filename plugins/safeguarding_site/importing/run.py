"""``build.py import``: writes every importer's output, refusing to overwrite what an editor has changed."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import chief_adviser, letters, one_year_on, recommendations_yaml
from .working_together_outline import convert_outline

ONE_YEAR_ON = "2010-03-government-response-to-lord-laming-one-year-on.txt"
CHIEF_ADVISER = "2010-03-chief-adviser-first-annual-report.txt"
OUTLINE = "working-together-2010-outline.yaml"

# The marker records the hash of the file as generated: if the file no longer matches it, an editor has
# changed it, and the importer must not throw that work away.
_MD_MARKER = re.compile(r"^generated_sha256: ([0-9a-f]{64})\n", re.MULTILINE)
_YAML_MARKER = re.compile(r"^# generated_sha256: ([0-9a-f]{64})\n", re.MULTILINE)


@dataclass
class ImportReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


RECOMMENDATIONS = "cross_refs/recommendations.yaml"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _fingerprint(path: str, content: str) -> str:
    """The hash of what the importer owns: recommendations.yaml's editors' fields are theirs, not an edit."""
    return _digest(recommendations_yaml.without_editor_fields(content) if path == RECOMMENDATIONS else content)


def stamp(path: str, content: str) -> str:
    """``content`` with a marker holding its own hash (computed without the marker)."""
    digest = _fingerprint(path, content)
    if path.endswith(".md"):
        assert content.startswith("---\n"), "generated pages start with front matter"
        return f"---\ngenerated_sha256: {digest}\n{content[4:]}"
    return f"# generated_sha256: {digest}\n{content}"


def edited_since_generated(path: str, existing: str) -> bool:
    marker = _MD_MARKER if path.endswith(".md") else _YAML_MARKER
    match = marker.search(existing)
    if not match:
        return True  # written or rewritten by hand
    return _fingerprint(path, existing[: match.start()] + existing[match.end():]) != match.group(1)


def generate_all(sources: Path) -> dict[str, str]:
    """Every imported file, keyed by its path relative to the project root (before stamping)."""
    outputs: dict[str, str] = {}

    def read(name: str) -> str:
        return (sources / name).read_text(encoding="utf-8")

    pages = [*one_year_on.convert(read(ONE_YEAR_ON)), *chief_adviser.convert(read(CHIEF_ADVISER))]
    for name, converter in sorted(letters.LETTERS.items()):
        pages.extend(converter(read(name)))
    for page in pages:
        outputs[f"docs/{page.path}"] = page.markdown()
    recs = recommendations_yaml.parse_and_build(read(ONE_YEAR_ON), source=f"sources/{ONE_YEAR_ON}")
    outputs[RECOMMENDATIONS] = recommendations_yaml.dump_recommendations(
        recs, source=f"sources/{ONE_YEAR_ON}")
    outputs["cross_refs/working-together.yaml"] = convert_outline(read(OUTLINE), recs,
                                                                  recommendations_yaml.EVIDENCE_COLUMNS)
    return outputs


def run_import(root: Path, *, force: bool = False) -> ImportReport:
    report = ImportReport()
    outputs = generate_all(root / "sources")
    if RECOMMENDATIONS in outputs and (root / RECOMMENDATIONS).exists():
        # The editors' fields (short titles, who must act) are not in the source: keep them.
        existing = (root / RECOMMENDATIONS).read_text(encoding="utf-8")
        outputs[RECOMMENDATIONS] = recommendations_yaml.with_editor_fields(outputs[RECOMMENDATIONS], existing,
                                                                           RECOMMENDATIONS)
    outputs = {path: stamp(path, content) for path, content in outputs.items()}
    for path, content in sorted(outputs.items()):
        target = root / path
        if target.exists():
            existing = target.read_text(encoding="utf-8")
            if existing == content:
                report.unchanged.append(path)
                continue
            if edited_since_generated(path, existing) and not force:
                report.refused.append(path)
                continue
    if report.refused:
        return report  # all or nothing: a half-refreshed site would mix two imports
    for path, content in sorted(outputs.items()):
        if path in report.unchanged:
            continue
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        report.written.append(path)
    return report
