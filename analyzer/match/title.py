"""Title evidence: a linear classifier over the 27,935 NOC 2021 index titles (normalised), plus an
exact-title lookup, scoring every part of a compound title ("A / B") and keeping the best per group."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from analyzer.match.features import Featuriser, dot, fit_idf
from analyzer.match.linear import LinearScorer, softmax, train
from analyzer.match.normalise import normalise, split_compound

FEATURES = Featuriser(char_range=(2, 4), word_range=(1, 2))
EXACT_BONUS = 0.5  # an index title matched word for word is strong evidence, not proof
WHOLE = 0.85  # weight of the whole title vs its best part: parts alone lost 3.5 points held out


# Nearest index titles on character trigrams, blended in at a small weight: +0.6 points top-5 on
# held-out titles (4 blends tried, all within 0.2 points of each other; see models/README.md).
KNN_FEATURES = Featuriser(char_range=(3, 3), word_range=None)
KNN_K = 20
KNN_WEIGHT = 0.2
KNN_TEMPERATURE = 10.0


@dataclass
class Neighbours:
    idf: np.ndarray
    titles: sp.csr_matrix  # (n_features, n_titles), columns L2-normalised, float32
    labels: np.ndarray  # class index per title

    def scores(self, text: str, n_classes: int) -> np.ndarray:
        """Per class: the cosine of its nearest index title among the ``KNN_K`` nearest."""
        sims = dot(KNN_FEATURES.transform([text], self.idf), self.titles)[0]
        top = np.argpartition(-sims, KNN_K)[:KNN_K]
        best = np.zeros(n_classes, dtype=np.float32)
        np.maximum.at(best, self.labels[top], sims[top])
        return best


@dataclass
class TitleModel:
    idf: np.ndarray
    scorer: LinearScorer
    exact: dict[str, int]  # normalised index title -> class index (titles unique to one group)
    neighbours: Neighbours | None = None


def build(titles: Sequence[str], labels: np.ndarray, n_classes: int, c: float = 1.0) -> TitleModel:
    norm = [normalise(t) for t in titles]
    idf = fit_idf(FEATURES.counts(norm))
    scorer = train(FEATURES.transform(norm, idf), labels, n_classes, c=c)
    seen: dict[str, set[int]] = {}
    for t, y in zip(norm, labels, strict=True):
        seen.setdefault(t, set()).add(int(y))
    exact = {t: next(iter(ys)) for t, ys in seen.items() if len(ys) == 1}
    knn_idf = fit_idf(KNN_FEATURES.counts(norm))
    index = KNN_FEATURES.transform(norm, knn_idf).T.tocsr()
    index.eliminate_zeros()
    return TitleModel(idf, scorer, exact, Neighbours(knn_idf, index, np.asarray(labels, dtype=np.int32)))


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
    if model.neighbours is not None:
        near = model.neighbours.scores(parts[0], len(mixed))
        mixed = mixed / mixed.sum() + KNN_WEIGHT * softmax(near * KNN_TEMPERATURE)
    return mixed / mixed.sum()
