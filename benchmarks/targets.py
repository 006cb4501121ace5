"""The performance targets of issue 7, judged against measured figures."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    target: str
    measured: str
    passed: bool | None  # None: not measured in this run

    @property
    def label(self) -> str:
        return {True: "PASS", False: "FAIL", None: "n/a"}[self.passed]


def at_most(target: str, value: float | None, limit: float, shown: str) -> Verdict:
    if value is None:
        return Verdict(target, shown if shown != "n/a" else "not measured", None)
    return Verdict(target, shown, value <= limit)


def marginal_growth(figures: dict[int, float]) -> float | None:
    """How much faster a figure grows per extra set of content between the two largest scales than
    between 1× and the next scale: 1.0 is exactly linear, above 1 is worse than linear."""
    scales = sorted(figures)
    if len(scales) < 3 or scales[0] != 1:
        return None
    low, mid, high = scales[0], scales[-2], scales[-1]
    first = (figures[mid] - figures[low]) / (mid - low)
    second = (figures[high] - figures[mid]) / (high - mid)
    return second / first if first > 0 else None
