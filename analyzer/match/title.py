"""Title evidence: a linear classifier over the 27,935 NOC 2021 index titles (normalised), plus an
exact-title lookup, scoring every part of a compound title ("A / B") and keeping the best per group."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analyzer.match.features import Featuriser, fit_idf
from analyzer.match.linear import LinearScorer, train
from analyzer.match.normalise import normalise, split_compound

FEATURES = Featuriser(char_range=(2, 4), word_range=(1, 2))
EXACT_BONUS = 0.5  # an index title matched word for word is strong evidence, not proof
WHOLE = 0.85  # weight of the whole title vs its best part: parts alone lost 3.5 points held out


@dataclass
class TitleModel:
    idf: np.ndarray
    scorer: LinearScorer
    exact: dict[str, int]  # normalised index title -> class index (titles unique to one group)


def build(titles: Sequence[str], labels: np.ndarray, n_classes: int, c: float = 1.0) -> TitleModel:
    norm = [normalise(t) for t in titles]
    idf = fit_idf(FEATURES.counts(norm))
    scorer = train(FEATURES.transform(norm, idf), labels, n_classes, c=c)
    seen: dict[str, set[int]] = {}
    for t, y in zip(norm, labels, strict=True):
        seen.setdefault(t, set()).add(int(y))
    exact = {t: next(iter(ys)) for t, ys in seen.items() if len(ys) == 1}
    return TitleModel(idf, scorer, exact)


def proba(model: TitleModel, title: str) -> np.ndarray:
    """Probabilities over the unit groups.  Each part of a compound title is scored too and the
    best part per group is mixed in, so 'Office Clerk / Bookkeeper' keeps both readings; the whole
    title dominates because on index titles ' - ' mostly adds a qualifier, not a second job."""
    parts = [normalise(p) for p in split_compound(title)]
    parts = [p for p in dict.fromkeys(parts) if p]
    if not parts:
        return np.full(model.scorer.intercept.shape[0], 1.0 / model.scorer.intercept.shape[0])
    p = model.scorer.proba(FEATURES.transform(parts, model.idf))
    for i, part in enumerate(parts):
        hit = model.exact.get(part)
        if hit is not None:
            p[i, hit] += EXACT_BONUS
    mixed = p[0] if len(p) == 1 else WHOLE * p[0] + (1 - WHOLE) * p[1:].max(axis=0)
    return mixed / mixed.sum()
