"""A sparse linear scorer over the 516 unit groups: a LinearSVC trained on hashed features, with
weights below a threshold pruned so the artefact stays a few MB, and a softmax temperature fitted on
held-out data so the raw margins become probabilities."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from analyzer.match.features import dot

PRUNE = 0.02  # weights smaller than this change no ranking we measured; dropping them saves ~80%


@dataclass
class LinearScorer:
    coef: sp.csr_matrix  # (n_features, n_classes), float32
    intercept: np.ndarray  # (n_classes,)
    temperature: float = 1.0

    def margins(self, x: sp.csr_matrix) -> np.ndarray:
        return dot(x, self.coef) + self.intercept

    def proba(self, x: sp.csr_matrix) -> np.ndarray:
        return softmax(self.margins(x) * self.temperature)


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def train(x: sp.csr_matrix, y: np.ndarray, n_classes: int, c: float = 1.0, seed: int = 0) -> LinearScorer:
    """One-vs-rest LinearSVC; classes absent from ``y`` get a very low intercept."""
    from sklearn.svm import LinearSVC  # training only: matching never imports scikit-learn's SVM stack

    used = np.unique(x.indices)
    clf = LinearSVC(C=c, random_state=seed).fit(x[:, used], y)
    coef = np.zeros((n_classes, len(used)), dtype=np.float32)
    intercept = np.full(n_classes, -10.0, dtype=np.float32)
    coef[clf.classes_] = clf.coef_
    intercept[clf.classes_] = clf.intercept_
    coef[np.abs(coef) < PRUNE] = 0.0
    return LinearScorer(_expand(sp.csr_matrix(coef.T), used, x.shape[1]), intercept)


def _expand(rows: sp.csr_matrix, used: np.ndarray, n_features: int) -> sp.csr_matrix:
    """Put the rows of the reduced feature space back at their hashed feature index."""
    coo = rows.tocoo()
    return sp.csr_matrix((coo.data, (used[coo.row], coo.col)), shape=(n_features, rows.shape[1]),
                         dtype=np.float32)


def fit_temperature(margins: np.ndarray, y: np.ndarray) -> float:
    """The softmax temperature that maximises held-out log-likelihood (grid search)."""
    best, best_t = -np.inf, 1.0
    for t in np.geomspace(0.5, 50, 40):
        p = softmax(margins * t)
        ll = np.log(np.clip(p[np.arange(len(y)), y], 1e-12, None)).mean()
        if ll > best:
            best, best_t = ll, float(t)
    return best_t
