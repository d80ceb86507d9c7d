"""Calibration on hand-labelled positions (tests/labelled/match_pairs.jsonl).

The NOC pseudo-letters (index titles + NOC duty lines) are easier than real letters, so the
calibrators fitted on them were over-confident there and under-confident on CUSMA (see
models/README.md).  The shipped calibrators are therefore fitted on the labelled pairs; the
evaluation reports their reliability by 5-fold cross-validation, never on pairs a calibrator saw.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import numpy as np

from analyzer.match import calibrate, cusma, examples, scores
from analyzer.match.model import Bundle
from analyzer.match.scores import LIFTED

PAIRS = Path(__file__).resolve().parents[2] / "tests" / "labelled" / "match_pairs.jsonl"
# A title-only or duties-only NOC winner is often a low raw probability (516 groups, letter prose)
# and the labelled pairs hold few such winners, so the isotonic step at the bottom is a flat 0
# from a handful of points; a logistic tail keeps such a winner's score usable and honest
# (models/README.md).
LOGISTIC_TAIL = frozenset({"duties_noc", "title_noc"})
# The fused NOC winners use beta calibration instead (calibrate.fit_beta): on 387 pairs under
# cross-validation its expected calibration error was 0.040 against 0.050 for isotonic + tail.
# The fused CUSMA winner used beta calibration too while its middle bins were thin and mixed (587
# pairs); with the duty examples its scores separate, and isotonic steps put every bin within 10
# points or too few to tell (687 pairs, cross-validated: ECE 0.007, against 0.026 for beta, whose
# 0.6-0.8 bin read 0.73 for 0.93 observed).
BETA = frozenset({"noc", "noc_disputed"})
FOLDS = 5
SEED = 7


def load_pairs(path: Path = PAIRS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def raw_scores(b: Bundle, pairs: list[dict[str, Any]]) -> list[scores.RawScores]:
    """Raw scores of every pair.  When the bundle carries duty examples (built from these pairs),
    they are cross-fitted: a pair is scored against examples built from the other folds only, so
    neither the evaluation nor the calibrators see a pair read against its own duties."""
    if b.examples is None:
        return [_gather(b, p) for p in pairs]
    out: list[scores.RawScores | None] = [None] * len(pairs)
    for fold in folds(len(pairs)):
        inside = set(fold.tolist())
        others = examples.build(b.duties, b.codes, (p for i, p in enumerate(pairs) if i not in inside))
        b_fold = dataclasses.replace(b, examples=others)
        for i in fold:
            out[i] = _gather(b_fold, pairs[i])
    return [r for r in out if r is not None]


def _gather(b: Bundle, p: dict[str, Any]) -> scores.RawScores:
    raw = scores.gather(b, p["title"], p["duties"])
    assert raw is not None, p["id"]
    return raw


def _points(top: int, p: np.ndarray, good: set[int], acc: dict[str, tuple[list[float], list[bool]]],
            channel: str, winner: str | None = None) -> None:
    """The best candidate feeds ``channel`` (or ``winner``); the runners-up feed ``channel@rest``:
    a runner-up with the same raw score as a winner is right far less often (it lost to something)."""
    order = np.argsort(-p, kind="stable")[:top]
    for rank, i in enumerate(order):
        x, y = acc.setdefault((winner or channel) if rank == 0 else f"{channel}@rest", ([], []))
        x.append(float(p[i]))
        y.append(int(i) in good)


def fit(b: Bundle, pairs: list[dict[str, Any]], raws: list[scores.RawScores]) -> dict[str, calibrate.Calibrator]:
    """One isotonic calibrator per channel.  A pair whose title and duties disagree on purpose
    only labels the duties and the fused result (its title's own occupation is not labelled)."""
    col = {c: i for i, c in enumerate(b.codes)}
    ids = {pid: i for i, pid in enumerate(cusma.index(b.codes).ids)}
    acc: dict[str, tuple[list[float], list[bool]]] = {}
    for p, raw in zip(pairs, raws, strict=True):
        noc_good = {col[p["noc"]]}
        prof_good = {ids[p["cusma"]]} if p["cusma"] else set()
        _points(10, raw.noc, noc_good, acc, raw.noc_channel if raw.both else "noc")
        # a winner that leads only because the title names it (fuse.named_first) is its own
        # population: the duties gave it little, so its raw score means less than another's
        _points(5, raw.cusma, prof_good, acc, "cusma", LIFTED if raw.cusma_lifted else None)
        if raw.duties_noc is not None and raw.duties_cusma is not None:
            _points(10, raw.duties_noc, noc_good, acc, "duties_noc")
            _points(5, raw.duties_cusma, prof_good, acc, "duties_cusma")
        if p["kind"] != "disagree" and raw.title_noc is not None and raw.title_cusma is not None:
            _points(10, raw.title_noc, noc_good, acc, "title_noc")
            _points(5, raw.title_cusma, prof_good, acc, "title_cusma")
    return {k: calibrate.fit_beta(np.array(x), np.array(y)) if k in BETA
            else calibrate.fit(np.array(x), np.array(y), tail=k in LOGISTIC_TAIL) for k, (x, y) in acc.items()}


def folds(n: int, k: int = FOLDS, seed: int = SEED) -> list[np.ndarray]:
    return np.array_split(np.random.default_rng(seed).permutation(n), k)
