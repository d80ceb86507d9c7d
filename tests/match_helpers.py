"""Small readers of ``analyzer.match`` results for the matching tests."""

from __future__ import annotations

from analyzer.types import Matches


def cusma_score(m: Matches, pid: str) -> float:
    """The fused CUSMA score of profession ``pid`` among the listed candidates (0 when not listed)."""
    return next((c.score for c in m.cusma if c.id == pid), 0.0)
