"""Duties-only NOC scores stay usable when the duties spread over several unit groups: the
isotonic calibrator's bottom step (a flat 0 fitted from a handful of labelled pairs) is replaced
by a logistic tail (analyzer/match/calibrate.py, labelled.LOGISTIC_TAIL)."""

from __future__ import annotations

import numpy as np

from analyzer.checks._data import lexicon
from analyzer.match import calibrate, match

# Drafting plus equipment upkeep: technician and trades work under an engineer's title.  Five
# mixed duties spread the duties model over several trade groups, so the best one has a low raw
# probability although every leading group is below professional level.
TECHNICIAN_DUTIES = [
    "Draft layouts of conveyors and platforms in AutoCAD",
    "Replace pump seals and couplings",
    "Take vibration readings on rotating equipment",
    "Assist contractors during shutdowns",
    "Update equipment records in the CMMS",
]


def test_spread_technician_duties_keep_a_usable_duties_noc_score() -> None:
    m = match("Mechanical Engineer", TECHNICIAN_DUTIES)
    best = m.duties_noc[0]
    assert best.teer >= 2  # trades or technician work, not the engineer's TEER 1
    # the below-professional-level rule can use it
    assert best.score >= lexicon("check_thresholds")["occupation"]["below_duties_noc_min"]
    assert best.score < 0.5  # but it stays an honest low chance at 5 digits
    assert all(c.score <= best.score for c in m.duties_noc[1:])


def test_logistic_tail_replaces_the_flat_zero_step() -> None:
    rng = np.random.default_rng(0)
    raw = np.concatenate([[0.01, 0.02, 0.03], rng.uniform(0.05, 1.0, 200)])
    correct = np.concatenate([[False, False, False], rng.uniform(size=200) < raw[3:]])
    plain, tailed = calibrate.fit(raw, correct), calibrate.fit(raw, correct, tail=True)
    assert float(plain(0.02)) == 0.0
    low = tailed(np.array([0.001, 0.01, 0.02, 0.03]))
    assert (low > 0).all() and (np.diff(low) >= 0).all()
    first_step = plain.y[plain.y > 0][0]
    assert low.max() <= first_step  # never above the isotonic step it joins
    grid = np.linspace(0.0005, 1.0, 400)
    assert (np.diff(tailed(grid)) >= -1e-12).all()  # still monotone
    above = grid[grid >= plain.x[plain.y > 0][0]]
    assert np.allclose(tailed(above), plain(above))  # unchanged above the tail
