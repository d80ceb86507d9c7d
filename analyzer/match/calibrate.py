"""Score calibration: a monotone map from a raw score to the chance the candidate is right,
fitted by isotonic regression on held-out pseudo-letters at build time and stored as knots."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.isotonic import IsotonicRegression


@dataclass
class Calibrator:
    x: np.ndarray  # raw-score knots, increasing
    y: np.ndarray  # observed accuracy at each knot, non-decreasing, in 0..1

    def __call__(self, raw: np.ndarray | float) -> np.ndarray:
        return np.interp(raw, self.x, self.y)


def fit(raw: np.ndarray, correct: np.ndarray) -> Calibrator:
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(raw, correct.astype(float))
    return Calibrator(np.asarray(iso.X_thresholds_, dtype=np.float64), np.asarray(iso.y_thresholds_, dtype=np.float64))


def reliability(scores: np.ndarray, correct: np.ndarray, bins: int = 5) -> list[tuple[str, int, float, float]]:
    """(bin, count, mean score, observed accuracy) per score bin, for the eval tables."""
    edges = np.linspace(0, 1, bins + 1)
    rows = []
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        inside = (scores >= lo) & ((scores < hi) if hi < 1 else (scores <= hi))
        if inside.any():
            rows.append((f"{lo:.1f}-{hi:.1f}", int(inside.sum()), float(scores[inside].mean()),
                         float(correct[inside].mean())))
    return rows
