"""Which duties match a pattern list, and what share of the job they are: the shared core of the rules
that fire when too much of the work is of the wrong kind (coding for an analyst, operations for a
consultant)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from analyzer.types import Duty


def matching(duties: Sequence[Duty], patterns: Sequence[str], unless: str) -> list[Duty]:
    """Duties that match any of ``patterns`` and not ``unless`` (all case-insensitive regexes)."""
    return [d for d in duties
            if any(re.search(p, d.text, re.IGNORECASE) for p in patterns)
            and not re.search(unless, d.text, re.IGNORECASE)]


def share(chosen: Sequence[Duty], duties: Sequence[Duty]) -> float:
    """Share of time when the letter gives percentages, else share of the duty list."""
    if all(d.share is not None for d in duties) and sum(d.share or 0 for d in duties) > 0:
        return sum(d.share or 0 for d in chosen) / sum(d.share or 0 for d in duties)
    return len(chosen) / len(duties)
