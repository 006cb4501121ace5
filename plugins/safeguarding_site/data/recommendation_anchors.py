"""The anchors of the sections of a recommendation page, as pages_recommendations.py writes them."""

from __future__ import annotations

_SECTIONS = {"recommendation": "recommendation", "response_2009": "response", "progress_2010": "progress"}


def column_anchor(rec_id: int, column: str) -> str:
    """``rec-5-progress`` for the progress update of recommendation 5."""
    return f"rec-{rec_id}-{_SECTIONS[column]}"
