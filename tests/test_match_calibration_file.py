"""models/calibration.json is what `python -m models.calibrate` fits from the shipped model and
tests/labelled/match_pairs.jsonl: a change to fusion or to the pairs must be followed by
`make calibration`, or this fails."""

from __future__ import annotations

import numpy as np

from analyzer.match import labelled
from analyzer.match.model import CALIBRATION, MODELS_DIR, load, load_calibration


def test_shipped_calibrators_match_a_refit() -> None:
    shipped = load_calibration(MODELS_DIR / CALIBRATION)
    assert shipped is not None
    b = load()
    pairs = labelled.load_pairs()
    refit = labelled.fit(b, pairs, labelled.raw_scores(b, pairs))
    assert set(shipped) == set(refit)
    for name, cal in refit.items():
        probe = np.linspace(0.0, 1.0, 201)
        assert np.allclose(shipped[name](probe), cal(probe), atol=1e-6), name
    assert load().calibrators.keys() == shipped.keys()  # the package uses them


def test_calibrators_are_monotone_probabilities() -> None:
    shipped = load_calibration(MODELS_DIR / CALIBRATION)
    assert shipped is not None
    for name, cal in shipped.items():
        y = cal(np.linspace(0.0, 1.0, 501))
        assert (y >= 0).all() and (y <= 1).all() and (np.diff(y) >= -1e-12).all(), name
