"""Accuracy on the held-out hand-written letters: ``python -m tests.eval_heldout [-v]``.

The letters in ``tests/heldout/`` were written by hand, after the extractors and rules were built,
by someone who did not tune them, in wording unlike ``tests/lettergen``.  Nothing may be tuned to
raise these numbers; they are measured and written down as they come out.

Measures (each letter rendered with ``tests/heldout/render.py`` and run through
``analyzer.pipeline.analyse`` with its program and citizenship):

* title: the extracted title equals the expected one after case, accent and whitespace folding;
* duties: an extracted duty matches an expected one when rapidfuzz ``fuzz.ratio`` >= 90 after
  whitespace folding, one-to-one (greedy by best ratio); precision and recall over all duties;
* fields: per field, over the letters that state it (education and licence at ratio >= 90, the
  rest exactly after folding; a second column accepts an education or licence text that contains
  the expected one or lies inside it); plus values extracted for a term the letter leaves out;
* CUSMA top-1: the first CUSMA candidate is the expected profession (letters that name one);
* rules: per rule precision and recall of warning and error findings against ``expect_findings``;
  a rule in ``may_findings`` (the letter is arguable on that point) counts neither way; plus the
  clean letters (no expected finding) that got any other warning.
"""

from __future__ import annotations

import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from tests.eval_extraction import pair_duties as extraction_pairs
from tests.heldout import render as heldout_render
from tests.heldout.render import letter_ids, load, render

TEXT_MATCH = 90.0
ABSENT_CHECKED = ("start_date", "term_months", "wage")


def fold(text: Any) -> str:
    """Lower case, no accents, curly quotes straightened, whitespace collapsed, end punctuation off."""
    s = unicodedata.normalize("NFKD", str(text).replace("\u2019", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.split()).strip(" .;:,").lower()


def pair_duties(got: list[str], want: list[str]) -> list[tuple[int, int]]:
    """One-to-one (got index, want index) pairs with ratio >= DUTY_MATCH, best ratio first."""
    return extraction_pairs(got, want, key=fold)


def field_loose(name: str, got: Any, want: Any) -> bool:
    """Education and licence: right if either text contains the other (span boundaries aside)."""
    if name in ("education", "licence") and got is not None:
        g, w = fold(got), fold(want)
        return w in g or g in w
    return field_ok(name, got, want)


def field_ok(name: str, got: Any, want: Any) -> bool:
    if got is None:
        return False
    if name == "wage":
        return abs(float(got.get("amount", -1)) - float(want["amount"])) < 0.01 and got.get("period") == want["period"]
    if name == "worksite":
        return fold(got.get("city") or "") == fold(want["city"]) and got.get("province") == want["province"]
    if name in ("education", "licence"):
        return fuzz.ratio(fold(got), fold(want)) >= TEXT_MATCH
    if isinstance(want, bool):
        return got is want
    if isinstance(want, (int, float)):
        return isinstance(got, (int, float)) and abs(float(got) - float(want)) < 0.01
    return fold(got) == fold(want)


@dataclass
class Tally:
    letters: int = 0
    errors: list[str] = field(default_factory=list)
    titles_ok: int = 0
    duties_got: int = 0
    duties_want: int = 0
    duties_matched: int = 0
    field_ok: Counter = field(default_factory=Counter)
    field_n: Counter = field(default_factory=Counter)
    field_loose: Counter = field(default_factory=Counter)
    spurious: int = 0
    cusma_ok: int = 0
    cusma_n: int = 0
    rule_tp: Counter = field(default_factory=Counter)
    rule_fp: Counter = field(default_factory=Counter)
    rule_fn: Counter = field(default_factory=Counter)
    clean: int = 0
    clean_alarmed: int = 0
    misses: list[str] = field(default_factory=list)


def _score_extraction(t: Tally, lid: str, meta: dict, report: Any) -> None:
    ex = report.extraction
    title = ex.title.value if ex and ex.title else None
    if title is not None and fold(title) == fold(meta["title"]):
        t.titles_ok += 1
    else:
        t.misses.append(f"{lid} title: got {title!r}, want {meta['title']!r}")
    got = [d.text for d in ex.duties] if ex else []
    want = meta["duties"]
    pairs = pair_duties(got, want)
    t.duties_got += len(got)
    t.duties_want += len(want)
    t.duties_matched += len(pairs)
    for i in sorted(set(range(len(got))) - {i for i, _ in pairs}):
        t.misses.append(f"{lid} duty extra: {got[i]!r}")
    for j in sorted(set(range(len(want))) - {j for _, j in pairs}):
        t.misses.append(f"{lid} duty missed: {want[j]!r}")
    for name, want_v in meta["fields"].items():
        got_v = ex.field(name) if ex else None
        t.field_n[name] += 1
        t.field_loose[name] += field_loose(name, got_v, want_v)
        if field_ok(name, got_v, want_v):
            t.field_ok[name] += 1
        else:
            t.misses.append(f"{lid} field {name}: got {got_v!r}, want {want_v!r}")
    for name in ABSENT_CHECKED:
        if name not in meta["fields"] and ex and ex.field(name) is not None:
            t.spurious += 1
            t.misses.append(f"{lid} field {name}: letter states none, got {ex.field(name)!r}")


def _score_checks(t: Tally, lid: str, meta: dict, report: Any) -> None:
    cusma = report.matches.cusma if report.matches else ()
    if meta.get("expect_cusma"):
        t.cusma_n += 1
        top = cusma[0].id if cusma else None
        if top == meta["expect_cusma"]:
            t.cusma_ok += 1
        else:
            t.misses.append(f"{lid} cusma: top-1 {top!r}, want {meta['expect_cusma']!r}")
    fired = {f.rule for f in report.findings if f.severity in ("warning", "error")}
    expect, may = set(meta["expect_findings"]), set(meta.get("may_findings", []))
    for rule in expect & fired:
        t.rule_tp[rule] += 1
    for rule in expect - fired:
        t.rule_fn[rule] += 1
        t.misses.append(f"{lid} rule missed: {rule}")
    alarms = fired - expect - may
    for rule in alarms:
        t.rule_fp[rule] += 1
        msgs = "; ".join(f.message[:110] for f in report.findings if f.rule == rule)
        t.misses.append(f"{lid} rule false alarm: {rule} ({msgs})")
    if not expect:
        t.clean += 1
        t.clean_alarmed += bool(alarms)


def evaluate() -> Tally:
    from analyzer.pipeline import analyse

    t = Tally()
    with tempfile.TemporaryDirectory(prefix="heldout-") as tmp:
        for lid in letter_ids():
            _, meta = load(lid)
            t.letters += 1
            report = analyse(render(lid, Path(tmp)), program=meta["program"], citizenship=meta.get("citizenship"))
            if report.error is not None:
                t.errors.append(lid)
                t.misses.append(f"{lid} error: {report.error.code}: {report.error.message}")
                continue
            _score_extraction(t, lid, meta, report)
            _score_checks(t, lid, meta, report)
    return t


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "n/a"


def _rule_table(t: Tally) -> list[str]:
    lines = ["| rule | TP | FP | FN | precision | recall |", "|---|---|---|---|---|---|"]
    for rule in sorted(set(t.rule_tp) | set(t.rule_fp) | set(t.rule_fn)):
        tp, fp, fn = t.rule_tp[rule], t.rule_fp[rule], t.rule_fn[rule]
        lines.append(f"| `{rule}` | {tp} | {fp} | {fn} | {_pct(tp, tp + fp)} | {_pct(tp, tp + fn)} |")
    tp, fp, fn = (sum(c.values()) for c in (t.rule_tp, t.rule_fp, t.rule_fn))
    lines.append(f"| **all** | {tp} | {fp} | {fn} | {_pct(tp, tp + fp)} | {_pct(tp, tp + fn)} |")
    return lines


# The set stopped being a clean hold-out after its first run: its defect list guided fixes to segment,
# extract, match and checks (each fix tested on new cases in other words).  The first run is the honest
# measure of letters written unlike the generator's; later runs show the fixes held.  tests/heldout2/ is
# the untouched set measured once after the fixes.
FIRST_RUN = ("First run (analyzer at e98d13f, before any fix, the clean hold-out measure): title 20/24 (83%), "
             "duty precision 87/93 (94%), recall 87/112 (78%), CUSMA top-1 18/22 (82%), clean letters with a "
             "false alarm 8/13, finding precision 11/28 (39%), recall 11/12 (92%); education 50%, licence 14%. "
             "Since then the set has been used for diagnosis, so the figures below are no longer a hold-out "
             "measure; see tests/heldout/README.md and the second set, tests/heldout2/.")


def run(verbose: bool = False) -> str:
    """The evaluation as markdown; with ``verbose`` every miss is listed with its letter id."""
    return _markdown(evaluate(), "Held-out letters", FIRST_RUN, verbose)


@contextmanager
def letters_from(directory: Path) -> Iterator[None]:
    """Make the loader, renderer and scorer read letters from ``directory`` (``render.HERE``)."""
    saved = heldout_render.HERE
    heldout_render.HERE = directory
    try:
        yield
    finally:
        heldout_render.HERE = saved


def run_set(directory: Path, ordinal: str, first_run: str, verbose: bool = False) -> str:
    """A later held-out set in the same format, measured exactly as this one: same scoring, same
    renderer, same markdown, headed with that set's own one-time first run."""
    with letters_from(directory):
        t = evaluate()
    return _markdown(t, f"Held-out letters, {ordinal} set", first_run, verbose)


def _markdown(t: Tally, heading: str, first_run: str, verbose: bool) -> str:
    out = [f"## {heading} ({t.letters} letters, {t.letters - len(t.errors)} read)", "", first_run, "",
           f"- pipeline errors: {len(t.errors)} {t.errors if t.errors else ''}".rstrip(),
           f"- title exact (folded): {_pct(t.titles_ok, t.letters - len(t.errors))}",
           f"- duty precision: {_pct(t.duties_matched, t.duties_got)}; "
           f"recall: {_pct(t.duties_matched, t.duties_want)}",
           f"- CUSMA top-1: {_pct(t.cusma_ok, t.cusma_n)}",
           f"- clean letters with a false alarm: {_pct(t.clean_alarmed, t.clean)}",
           f"- values extracted for a start date, term or wage the letter does not state: {t.spurious}",
           "", "| field | correct | correct, span boundaries aside |", "|---|---|---|"]
    out += [f"| {name} | {_pct(t.field_ok[name], n)} | {_pct(t.field_loose[name], n)} |"
            for name, n in sorted(t.field_n.items())]
    out += ["", *_rule_table(t)]
    if verbose:
        out += ["", "### Misses", "", *(f"- {m}" for m in t.misses)]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(run(verbose="-v" in sys.argv[1:]))
