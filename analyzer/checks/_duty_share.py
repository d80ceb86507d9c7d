"""Which duties match a pattern list, and what share of the job they are: the shared core of the rules
that fire when too much of the work is of the wrong kind (coding for an analyst, operations for a
consultant)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from analyzer.checks._data import lexicon, norm_id, threshold
from analyzer.checks.base import CheckContext, Rule
from analyzer.types import Duty, Finding


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


class DutyShareRule(Rule):
    """A rule that fires when at least ``share_key`` of a profession's duties (or time) match the
    lexicon's ``include`` patterns and not its ``exclude`` pattern.  A subclass names its data and
    writes its message; the lexicon lists the ``professions`` it applies to."""

    lexicon_name: ClassVar[str]
    include: ClassVar[str]  # key of the lexicon's pattern list
    exclude: ClassVar[str]  # key of the lexicon's 'unless' regex
    share_key: ClassVar[str]  # check_thresholds.json key

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        data = lexicon(self.lexicon_name)
        prof = ctx.titled_profession
        duties = ctx.extraction.duties
        if prof is None or norm_id(prof.id) not in data["professions"] or not duties:
            return
        chosen = matching(duties, data[self.include], data[self.exclude])
        part = share(chosen, duties)
        if not chosen or part < threshold(self.share_key):
            return
        message, fix = self.describe(chosen, duties, part, prof)
        yield self.finding(message, fix, chosen[0].evidence)

    def describe(self, chosen: Sequence[Duty], duties: Sequence[Duty], part: float,
                 prof: Any) -> tuple[str, str]:
        """(message, fix) for a letter where ``chosen`` duties are ``part`` of the work."""
        raise NotImplementedError
