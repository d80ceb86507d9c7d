"""Extraction accuracy on the labelled letters (``tests/labelled/letters``).

Every spec is rendered with ``tests.lettergen`` into a temporary folder and read back through
``ingest.read -> segment -> extract``.  Measures, per layout and per format:

* title accuracy: normalised exact match (case, spacing, quotes, edge punctuation) with the spec;
* duty precision and recall: an extracted duty matches a spec duty when rapidfuzz ``fuzz.ratio``
  of the two (whitespace-normalised, final full stop dropped) is >= 90; matching is one-to-one
  (greedy by best ratio);
* field accuracy: per field, over every letter (a None expectation counts: the reader must then
  find nothing); "overall" pools every field.  When a spec gives start and end dates but no term
  length, the expected ``term_months`` is computed from the dates (as the Extraction contract asks);
* French specs (``"language": "fr"``): counted apart, right when extract refuses them with
  ``unsupported_language``.

``run() -> str`` returns the markdown section; ``python -m tests.eval_extraction [-v]`` prints it
(``-v`` also lists every miss with its spec id).
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from analyzer.extract import extract, prepare
from analyzer.extract.dates import months_between
from analyzer.ingest import read
from analyzer.segment import segment
from analyzer.types import FIELD_NAMES, Extraction, InputError
from tests.lettergen import expected, load_specs, render

SPEC_DIR = Path(__file__).resolve().parent / "labelled" / "letters"
DUTY_MATCH = 90.0
TARGETS = {"title": 0.97, "recall": 0.97, "precision": 0.95}
LAYOUT_TARGET = 0.90


def norm(text: Any) -> str:
    text = " ".join(str(text).replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split())
    return text.strip(" .;:,").lower()


def _norm_requirement(text: Any) -> str:
    return re.sub(r"^(?:a|an|the)\s+", "", norm(text))


def field_ok(name: str, got: Any, want: Any) -> bool:
    if want is None or got is None:
        return want is None and got is None
    if name == "wage":
        return all(abs(float(got[k]) - float(want[k])) < 0.01 for k in ("amount", "hourly", "annual")) \
            and got["period"] == want["period"] and got["currency"] == want["currency"]
    if name == "worksite":
        return norm(got.get("city")) == norm(want.get("city")) and got.get("province") == want.get("province")
    if name in ("education", "licence"):
        return _norm_requirement(got) == _norm_requirement(want)
    if isinstance(want, (int, float)) and not isinstance(want, bool):
        return isinstance(got, (int, float)) and abs(float(got) - float(want)) < 0.01
    return norm(got) == norm(want)


def truth_for(spec: dict[str, Any]) -> dict[str, Any]:
    """The generator's expectation, plus the term length a reader computes from the start and end
    dates when the letter states no length (the Extraction contract asks for it)."""
    truth = expected(spec)
    f = truth["fields"]
    if f["term_months"] is None and f["start_date"] and f["end_date"]:
        f["term_months"] = months_between(date.fromisoformat(f["start_date"]), date.fromisoformat(f["end_date"]))
    return truth


def pair_duties(got: list[str], want: list[str], key: Callable[[Any], str] = norm) -> list[tuple[int, int]]:
    """One-to-one (got index, want index) pairs with ratio >= DUTY_MATCH after ``key``, best ratio first."""
    scored = sorted(((fuzz.ratio(key(g), key(w)), i, j) for i, g in enumerate(got)
                     for j, w in enumerate(want)), reverse=True)
    used_g: set[int] = set()
    used_w: set[int] = set()
    pairs = []
    for score, i, j in scored:
        if score < DUTY_MATCH:
            break
        if i not in used_g and j not in used_w:
            used_g.add(i)
            used_w.add(j)
            pairs.append((i, j))
    return pairs


def match_duties(got: list[str], want: list[str]) -> int:
    """Number of one-to-one matches (ratio >= DUTY_MATCH), greedy by best ratio."""
    return len(pair_duties(got, want))


class Tally:
    def __init__(self) -> None:
        self.letters = self.titles = self.title_ok = 0
        self.got = self.want = self.matched = 0
        self.fields: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.errors = 0

    def add(self, truth: dict[str, Any], ex: Extraction | None, misses: list[str]) -> None:
        self.letters += 1
        sid = truth["id"]
        if ex is None:
            self.errors += 1
        got_title = ex.title.value if ex and ex.title else None
        self.titles += 1
        if (got_title is None and truth["title"] is None) or (
                got_title is not None and truth["title"] is not None and norm(got_title) == norm(truth["title"])):
            self.title_ok += 1
        else:
            misses.append(f"{sid}: title {got_title!r} != {truth['title']!r}")
        got = [d.text for d in ex.duties] if ex else []
        want = [d["text"] for d in truth["duties"]]
        n = match_duties(got, want)
        self.got, self.want, self.matched = self.got + len(got), self.want + len(want), self.matched + n
        if n < len(got) or n < len(want):
            misses.append(f"{sid}: duties got {len(got)} want {len(want)} matched {n}: "
                          + " | ".join(g[:60] for g in got))
        for name in FIELD_NAMES:
            value = ex.field(name) if ex else None
            ok = field_ok(name, value, truth["fields"].get(name))
            self.fields[name][0] += ok
            self.fields[name][1] += 1
            if not ok:
                misses.append(f"{sid}: {name} {value!r} != {truth['fields'].get(name)!r}")

    def row(self, label: str) -> list[str]:
        pooled = [sum(v[0] for v in self.fields.values()), sum(v[1] for v in self.fields.values())]
        return [label, str(self.letters), _pct(self.title_ok, self.titles), _pct(self.matched, self.got),
                _pct(self.matched, self.want), _pct(*pooled)]

    def targets_met(self, overall: bool) -> bool:
        need = TARGETS if overall else dict.fromkeys(TARGETS, LAYOUT_TARGET)
        vals = {"title": _ratio(self.title_ok, self.titles), "precision": _ratio(self.matched, self.got),
                "recall": _ratio(self.matched, self.want)}
        return all(vals[k] >= need[k] for k in need)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


def evaluate(spec_dir: Path = SPEC_DIR
             ) -> tuple[dict[str, Tally], dict[str, Tally], Tally, list[str], float, list[int]]:
    by_layout: dict[str, Tally] = defaultdict(Tally)
    by_format: dict[str, Tally] = defaultdict(Tally)
    total = Tally()
    misses: list[str] = []
    refused = [0, 0]  # non-English letters refused with unsupported_language, of all non-English
    spent = 0.0
    prepare()  # start-up cost (spaCy pipeline, pattern files, NOC lexicons) is not part of the per-letter time
    with tempfile.TemporaryDirectory() as tmp:
        for spec in load_specs(spec_dir):
            truth = truth_for(spec)
            path = render(spec, Path(tmp))
            try:
                layout = segment(read(path))
                t0 = time.perf_counter()
                ex: Extraction | None = extract(layout)
                spent += time.perf_counter() - t0
            except InputError as exc:
                ex = None
                if spec.get("language", "en") != "en":
                    refused[0] += exc.code == "unsupported_language"
                    refused[1] += 1
                    continue
                misses.append(f"{truth['id']}: {exc.code}: {exc.message}")
            if spec.get("language", "en") != "en":  # read as English: a miss
                refused[1] += 1
                misses.append(f"{truth['id']}: a {spec['language']} letter was not refused")
                continue
            for tally in (by_layout[truth["layout"]], by_format[truth["format"]], total):
                tally.add(truth, ex, misses if tally is total else [])
    return by_layout, by_format, total, misses, spent, refused


HEADER = ["", "letters", "title accuracy", "duty precision", "duty recall", "field accuracy"]


def _table(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def run(verbose: bool = False) -> str:
    by_layout, by_format, total, misses, spent, refused = evaluate()
    fields = total.fields
    out = [
        "## Extraction (title, duties, fields)",
        "",
        f"{total.letters} labelled letters from `tests/labelled/letters`, rendered by `tests.lettergen` and "
        "read through ingest -> segment -> extract.  A duty counts when rapidfuzz `fuzz.ratio` with a spec "
        f"duty is >= {DUTY_MATCH:g} (one-to-one).  Targets: title >= 97%, duty recall >= 97%, duty precision "
        ">= 95%, each layout >= 90%.",
        "",
        "### By layout",
        "",
        _table([by_layout[k].row(k) for k in sorted(by_layout)] + [total.row("**all**")]),
        "",
        "### By format",
        "",
        _table([by_format[k].row(k) for k in sorted(by_format)]),
        "",
        "### Fields",
        "",
        "| field | correct | letters | accuracy |",
        "|---|---|---|---|",
    ]
    out += [f"| {name} | {fields[name][0]} | {fields[name][1]} | {_pct(*fields[name])} |" for name in FIELD_NAMES]
    met = total.targets_met(True) and all(t.targets_met(False) for t in by_layout.values())
    if refused[1]:
        out += ["", f"Non-English letters refused with `unsupported_language`: {refused[0]} of {refused[1]} "
                "(not counted in the tables above)."]
    out += ["", f"Targets met: {'yes' if met else 'no'}.  Extraction time: "
            f"{1000 * spent / max(total.letters, 1):.1f} ms per letter (extract only, after start-up)."]
    if total.errors:
        out.append(f"{total.errors} letters could not be read (see the misses with `-v`).")
    if verbose:
        out += ["", "### Misses", ""] + [f"- {m}" for m in misses]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(run(verbose="-v" in sys.argv[1:]))
