"""models/calibration.json and models/duty_examples.npz are what `python -m models.calibrate`
builds from the shipped model and tests/labelled/match_pairs.jsonl: a change to fusion or to the
pairs must be followed by `make calibration`, or this fails."""

from __future__ import annotations

import numpy as np

from analyzer.match import examples, labelled, scores
from analyzer.match.model import CALIBRATION, EXAMPLES, MODELS_DIR, load, load_calibration


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


def test_shipped_duty_examples_match_a_rebuild() -> None:
    # models/duty_examples.npz is the labelled pairs' duties, featurised: `make calibration` rebuilds it
    b = load()
    shipped = examples.load(MODELS_DIR / EXAMPLES)
    rebuilt = examples.build(b.duties, b.codes, labelled.load_pairs())
    assert shipped is not None and rebuilt is not None and b.examples is not None
    assert np.array_equal(shipped.classes, rebuilt.classes)
    assert abs(shipped.documents - rebuilt.documents).max() < 1e-6


def test_a_pair_is_never_scored_against_its_own_duties() -> None:
    # cross-fitting: the raw scores the calibrators and the evaluation see come from examples built
    # without the pair, so they differ from the shipped bundle's for the pairs whose duties it holds
    b = load()
    pairs = labelled.load_pairs()[:40]
    fitted = labelled.raw_scores(b, pairs)
    shipped = [scores.gather(b, p["title"], p["duties"]) for p in pairs]
    differ = sum(not np.allclose(f.duties_noc, s.duties_noc) for f, s in zip(fitted, shipped, strict=True))
    assert differ >= len(pairs) // 2
