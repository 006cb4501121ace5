"""``build.py import``: writes every importer's output, refusing to overwrite what an editor has changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..base.errors import DataError
from ..base.text_files import read_utf8, write_files_atomically
from . import chief_adviser, letters, one_year_on, recommendations_yaml
from .fingerprint import edited_since_generated, may_overwrite, stamp
from .working_together_outline import FROM_PUBLICATION, OUTLINE, convert_outline

ONE_YEAR_ON = "2010-03-government-response-to-lord-laming-one-year-on.txt"
CHIEF_ADVISER = "2010-03-chief-adviser-first-annual-report.txt"

@dataclass
class ImportReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # data import-working-together has since read from the PDF


RECOMMENDATIONS = "cross_refs/recommendations.yaml"


def generate_all(sources: Path) -> dict[str, str]:
    """Every imported file, keyed by its path relative to the project root (before stamping)."""
    outputs: dict[str, str] = {}

    def read(name: str) -> str:
        return read_utf8(sources / name, f"sources/{name}")

    pages = [*one_year_on.convert(read(ONE_YEAR_ON)), *chief_adviser.convert(read(CHIEF_ADVISER))]
    for name, converter in sorted(letters.LETTERS.items()):
        pages.extend(converter(read(name)))
    for page in pages:
        outputs[f"docs/{page.path}"] = page.markdown()
    recs = recommendations_yaml.parse_and_build(read(ONE_YEAR_ON), source=f"sources/{ONE_YEAR_ON}")
    outputs[RECOMMENDATIONS] = recommendations_yaml.dump_recommendations(
        recs, source=f"sources/{ONE_YEAR_ON}")
    try:
        outputs["cross_refs/working-together.yaml"] = convert_outline(
            read(OUTLINE.removeprefix("sources/")), recs, recommendations_yaml.EVIDENCE_COLUMNS)
    except (KeyError, TypeError, AttributeError) as exc:  # a mapping or list missing from a cut-short outline
        raise DataError(OUTLINE, f"not the outline the importer expects (missing {exc}): is it "
                        "complete? Restore it from git") from None
    return outputs


def run_import(root: Path, *, force: bool = False) -> ImportReport:
    """Raises DataError naming the source that cannot be read or converted; then nothing is written."""
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
        if target.is_file() and FROM_PUBLICATION in target.read_text(encoding="utf-8", errors="replace"):
            report.kept.append(path)  # the publication's sections must not give way to the outline's
            continue
        verdict = may_overwrite(path, target, content, force=force)
        if verdict is None:
            report.unchanged.append(path)
        elif verdict is False:
            report.refused.append(path)
    if report.refused:
        return report  # all or nothing: a half-refreshed site would mix two imports
    report.written = sorted(set(outputs) - set(report.unchanged) - set(report.kept))
    write_files_atomically({root / path: outputs[path] for path in report.written})
    return report


__all__ = ["ImportReport", "edited_since_generated", "generate_all", "run_import", "stamp"]
