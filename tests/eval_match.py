"""Matching evaluation (``make eval`` section; also ``python -m tests.eval_match``).

1. Held-out NOC index titles: the seeded 3,000-title sample of analyzer/match/train.py is removed
   from the title classifier's training, then matched (title only).  This is stricter than
   leave-one-out (3,000 titles leave at once) and avoids 27,935 retrainings.
2. The labelled pairs in tests/labelled/match_pairs.jsonl (written by hand, not NOC text): CUSMA
   top-1/top-3, NOC top-1/top-5, title/duties agreement, reliability of the calibrated scores.
   The shipped calibrators are fitted on these pairs, so every score here is cross-validated
   (5 folds): a pair is scored by calibrators fitted without it.
3. The frozen test pairs (tests/labelled/match_pairs_test.jsonl), if present: written by a helper
   who never ran the matcher and kept out of tuning and calibration; totals only.
4. Speed: model load and one match() call.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

import numpy as np

from analyzer.match.labelled import PAIRS, load_pairs

# A frozen test set: never used to tune or calibrate the matcher; only its totals are printed.
TEST_PAIRS = PAIRS.with_name("match_pairs_test.jsonl")


def frozen_test() -> list[str]:
    """The frozen test pairs scored as a user would get them (shipped calibrators, fitted on the
    other pairs only): totals, by kind and by batch, and reliability; no per-pair misses, so the
    set stays unseen."""
    from analyzer.match import match

    if not TEST_PAIRS.exists():
        return []
    pairs = load_pairs(TEST_PAIRS)
    rows = score_pairs(pairs, [match(p["title"], p["duties"]) for p in pairs])
    lines = [f"### Frozen test pairs ({len(rows)}; tests/labelled/match_pairs_test.jsonl: never used to tune or "
             "calibrate the matcher, scored with the shipped calibrators; totals only)", "",
             "| measure | all | " + " | ".join(KINDS) + " |", "|---|---|" + "---|" * len(KINDS),
             *_by_kind(rows, (("cusma1", "CUSMA top-1"), ("cusma3", "CUSMA top-3"),
                              ("accepted_right", "CUSMA decision right"), ("noc1", "NOC top-1 (fused)"),
                              ("noc5", "NOC top-5 (fused)")))]
    lines += ["", "| batch | n | CUSMA top-1 | CUSMA top-3 | NOC top-1 |", "|---|---|---|---|---|"]
    for batch in sorted({r["id"].split("-")[0] for r in rows}):
        part = [r for r in rows if r["id"].split("-")[0] == batch]
        lines.append(f"| `{batch}-` | {len(part)} | " + " | ".join(_pct([r[k] for r in part])
                                                          for k in ("cusma1", "cusma3", "noc1")) + " |")
    return [*lines, "", *_reliability(rows), ""]


KINDS = ("name", "other-title", "disagree", "negative")


def _by_kind(rows: list[dict[str, Any]], measures: tuple[tuple[str, str], ...]) -> list[str]:
    """One table row per measure: all pairs, then each kind of pair."""
    return [f"| {label} | " + " | ".join([_pct([r[key] for r in rows])]
                                         + [_pct([r[key] for r in rows if r["kind"] == k]) for k in KINDS]) + " |"
            for key, label in measures]


def _reliability(rows: list[dict[str, Any]]) -> list[str]:
    """The CUSMA and NOC top-1 reliability tables, a blank line between."""
    return [*reliability_table([r["got_score"] for r in rows], [r["got"] == r["expected"] for r in rows],
                               "CUSMA top-1"),
            "", *reliability_table([r["noc_score"] for r in rows], [r["noc1"] for r in rows], "NOC top-1")]


def heldout_titles() -> dict[str, float]:
    from analyzer.match import title, train
    from analyzer.match.model import load

    s = train.split()
    keep = np.setdiff1d(np.arange(len(s.titles)), s.held)
    extra, extra_y = train.extra_title_rows(s.codes)
    tm = title.build([*(s.titles[i] for i in keep), *extra], np.concatenate([s.labels[keep], extra_y]),
                     len(s.codes), c=train.TITLE_C)
    tm.scorer.temperature = load().title.scorer.temperature  # the shipped one, fitted on these titles
    rows = [train._topk(title.proba(tm, s.titles[i]), int(s.labels[i]), s.codes) for i in s.held[: s.n_random]]
    return train._rates(rows)


def _cusma_ok(m: Any, expected: str | None, k: int, bar: float) -> bool:
    if expected is None:  # not a CUSMA profession: nothing may reach the acceptance score
        return not m.cusma or m.cusma[0].score < bar
    return expected in [c.id for c in m.cusma[:k]]


def cv_matches(pairs: list[dict[str, Any]]) -> list[Any]:
    """Matches for every pair, each scored by calibrators fitted on the other folds only."""
    from analyzer.match import assemble, labelled
    from analyzer.match.model import load

    b = load()
    raws = labelled.raw_scores(b, pairs)
    out: list[Any] = [None] * len(pairs)
    for fold in labelled.folds(len(pairs)):
        rest = [i for i in range(len(pairs)) if i not in set(fold)]
        cal = labelled.fit(b, [pairs[i] for i in rest], [raws[i] for i in rest])
        for i in fold:
            out[i] = assemble(b, raws[i], cal)
    return out


def score_pairs(pairs: list[dict[str, Any]], matches: list[Any] | None = None) -> list[dict[str, Any]]:
    """One row of outcomes per pair; ``matches`` defaults to the cross-validated ones."""
    from analyzer.match import acceptance

    bar = acceptance()
    out = []
    for p, m in zip(pairs, cv_matches(pairs) if matches is None else matches, strict=True):
        out.append({
            "id": p["id"], "kind": p["kind"], "expected": p["cusma"], "noc": p["noc"],
            "got": m.cusma[0].id, "got_score": m.cusma[0].score, "got_noc": m.noc[0].code,
            "noc_score": m.noc[0].score,
            "cusma1": _cusma_ok(m, p["cusma"], 1, bar), "cusma3": _cusma_ok(m, p["cusma"], 3, bar),
            "noc1": m.noc[0].code == p["noc"], "noc5": p["noc"] in [c.code for c in m.noc[:5]],
            "title_noc1": m.title_noc[0].code == p["noc"], "duties_noc1": m.duties_noc[0].code == p["noc"],
            "agreement": m.agreement, "agreement_expected": p["agreement"],
            "accepted_right": (m.cusma[0].id == p["cusma"]) == (m.cusma[0].score >= bar)
            if p["cusma"] else m.cusma[0].score < bar,
        })
    return out


def _pct(xs: list[bool]) -> str:
    return f"{100 * sum(xs) / len(xs):.1f}% ({sum(xs)}/{len(xs)})" if xs else "n/a"


def wilson(k: float, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson interval of a proportion k/n: how far a small bin's accuracy can be from its truth."""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def reliability_table(scores: list[float], correct: list[bool], label: str) -> list[str]:
    """Per score bin: mean score vs observed accuracy, its 95% interval, and whether the bin is
    within 10 points; a bin too small to tell (the mean score inside the interval but more than
    10 points from the observed rate) says so instead of passing or failing."""
    from analyzer.match.calibrate import reliability

    lines = [f"| {label} score bin | n | mean score | observed accuracy | 95% interval | within 10 points |",
             "|---|---|---|---|---|---|"]
    for name, n, mean, acc in reliability(np.array(scores), np.array(correct, dtype=float)):
        lo, hi = wilson(acc * n, n)
        verdict = "yes" if abs(mean - acc) <= 0.10 else ("too few to tell" if lo <= mean <= hi else "**no**")
        lines.append(f"| {name} | {n} | {mean:.2f} | {acc:.2f} | {lo:.2f}-{hi:.2f} | {verdict} |")
    s, c = np.array(scores), np.array(correct, dtype=float)
    lines.append(f"| all (expected calibration error) | {len(s)} | {s.mean():.2f} | {c.mean():.2f} | | "
                 f"ECE {sum(n * abs(m - a) for _, n, m, a in reliability(s, c)) / len(s):.3f} |")
    return lines


def speed(pairs: list[dict[str, Any]]) -> tuple[float, float]:
    import joblib

    from analyzer.match import match
    from analyzer.match.model import ARTEFACT, MODELS_DIR

    start = time.perf_counter()
    joblib.load(MODELS_DIR / ARTEFACT)
    load_s = time.perf_counter() - start
    times = []
    for p in pairs * 2:
        t = time.perf_counter()
        match(p["title"], p["duties"])
        times.append((time.perf_counter() - t) * 1000)
    return load_s, statistics.median(times)


def run() -> str:
    pairs = load_pairs()
    rows = score_pairs(pairs)
    held = heldout_titles()
    load_s, ms = speed(pairs)
    pos = [r for r in rows if r["expected"] is not None]
    lines = [
        "## Occupation matching",
        "",
        "### NOC index titles held out of training (title only; 3,000 random titles, seed in train.py)",
        "",
        "| digits | top-1 | top-5 |", "|---|---|---|",
        *[f"| {d} | {held[f'top1_{d}']:.3f} | {held[f'top5_{d}']:.3f} |" for d in (5, 3, 2)],
        "",
        f"### Labelled pairs ({len(rows)}: {len(pos)} with a CUSMA profession, "
        f"{len(rows) - len(pos)} without; tests/labelled/match_pairs.jsonl)",
        "",
        "| measure | all | name-like titles | other titles | title/duties disagree | not CUSMA |",
        "|---|---|---|---|---|---|",
    ]
    lines += _by_kind(rows, (("cusma1", "CUSMA top-1"), ("cusma3", "CUSMA top-3"),
                             ("accepted_right", "CUSMA decision right (top-1 accepted iff right)"),
                             ("noc1", "NOC top-1 (fused)"), ("noc5", "NOC top-5 (fused)"),
                             ("title_noc1", "NOC top-1 (title only)"), ("duties_noc1", "NOC top-1 (duties only)")))
    batches = (("ind-", "first"), ("ind2-", "second"), ("ind3-", "third"), ("ind4-", "fourth"), ("ind5-", "fifth"), ("ind8-", "eighth"))
    lines += ["", "By who wrote the pairs (" + ", ".join(f"`{b}`" for b, _ in batches)
              + ": written by helpers who had not seen the matcher):", "",
              "| pairs | n | CUSMA top-1 | CUSMA top-3 | decision right | NOC top-1 | NOC top-5 |",
              "|---|---|---|---|---|---|---|"]
    parts = [("matcher's author", [r for r in rows if not r["id"].startswith(tuple(b for b, _ in batches))])]
    parts += [(f"independent, {n} batch (`{b}`)", [r for r in rows if r["id"].startswith(b)]) for b, n in batches]
    for label, part in parts:
        if part:
            lines.append(f"| {label} | {len(part)} | " + " | ".join(
                _pct([r[k] for r in part]) for k in ("cusma1", "cusma3", "accepted_right", "noc1", "noc5")) + " |")
    agree = [r["agreement"] == r["agreement_expected"] for r in rows if r["kind"] in ("name", "disagree")]
    lines += [
        "",
        f"Agreement flag as expected (name-like pairs should agree, disagreement pairs should not): {_pct(agree)}; "
        f"on disagreement pairs alone: {_pct([r['agreement'] is False for r in rows if r['kind'] == 'disagree'])}.",
        "CUSMA top-1 for a pair without a profession counts as right when no profession reaches the acceptance "
        "score (analyzer/match/thresholds.json).",
        "",
        "### Reliability (labelled pairs, 5-fold cross-validated: each pair's score comes from calibrators "
        "fitted on the other four folds)",
        "",
        *_reliability(rows),
        "",
        *frozen_test(),
        f"### Speed: model load {load_s * 1000:.0f} ms; one match() (title + duties) median {ms:.1f} ms "
        f"over {2 * len(pairs)} calls",
        "",
        "### Misses (CUSMA top-1)",
        "",
        *[f"- `{r['id']}`: expected {r['expected']}, got {r['got']} ({r['got_score']:.2f}); NOC {r['got_noc']}"
          for r in rows if not r["cusma1"]],
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run())
