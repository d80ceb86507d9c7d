"""Rule accuracy: ``python -m tests.eval_rules`` (also a section of ``make eval``).

1. vague-duty on the labelled duty statements (tests/labelled/duty_statements.jsonl): precision
   and recall at the configured cut-off, the curve over cut-offs, and the false-alarm rate on the
   duties of the extraction set's letters (tests/labelled/letters, written by another engineer for
   another purpose, so never used to tune the score).
2. Every rule over the labelled letters (tests/labelled/findings): each spec is rendered with
   tests.lettergen and run through analyzer.pipeline.analyse; ``expect.findings`` must fire,
   ``expect.may`` may fire (the letter is ambiguous on that point), everything else at warning or
   above is a false alarm.  Clean letters (no expected findings) must produce no warning.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
STATEMENTS = HERE / "labelled" / "duty_statements.jsonl"
FINDINGS = HERE / "labelled" / "findings"
LETTERS = HERE / "labelled" / "letters"
DOC = HERE.parent / "docs" / "rules" / "eval.md"
CUTOFFS = (2.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 12.0, 14.0)


def _pr(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def vague_duty_section() -> str:
    from analyzer.checks._data import threshold
    from analyzer.checks._specificity import measure

    rows = [json.loads(line) for line in STATEMENTS.read_text(encoding="utf-8").splitlines() if line.strip()]
    scored = [(measure(r["text"]).score, bool(r["vague"]), r.get("split", "dev")) for r in rows]
    held = sorted({d["text"] if isinstance(d, dict) else d for p in sorted(LETTERS.glob("*.json"))
                   for d in json.loads(p.read_text(encoding="utf-8")).get("duties", [])})
    held_scores = [measure(t).score for t in held]
    cut = threshold("vague_specificity")
    n = Counter(sp for *_, sp in scored)
    splits = sorted(n, key=lambda sp: (sp != "dev", sp))
    lines = ["### vague-duty on duty statements", "",
             f"{len(rows)} statements ({sum(v for _, v, _ in scored)} vague): {n['dev']} `dev` statements the score "
             f"and word lists were tuned on, {n['holdout']} `holdout` statements written afterwards and scored "
             f"once (then seen while the score was revised for domain jargon), {n['holdout-b']} `holdout-b` "
             "statements (legal, IT and engineering jargon outside the NOC vocabulary, and vague filler) written "
             "before that revision and scored once after it. Extraction-set duties: "
             f"{len(held)} duties of the extraction set's letters (another engineer's, all professional duties: "
             "any flag is a false alarm).", "",
             "| cut-off | " + " | ".join(f"{sp} P | {sp} R" for sp in splits)
             + " | all P | all R | extraction-set false alarms |",
             "|---|" + "---|---|" * (len(splits) + 1) + "---|"]
    for c in sorted(set(CUTOFFS) | {cut}):
        cells = []
        for split in (*splits, None):
            part = [(sc, v) for sc, v, sp in scored if split is None or sp == split]
            tp = sum(1 for sc, v in part if sc < c and v)
            fp = sum(1 for sc, v in part if sc < c and not v)
            fn = sum(1 for sc, v in part if sc >= c and v)
            cells += [f"{x:.3f}" for x in _pr(tp, fp, fn)]
        fa = sum(1 for sc in held_scores if sc < c)
        mark = " **(configured)**" if c == cut else ""
        lines.append(f"| {c:g}{mark} | {' | '.join(cells)} | {fa}/{len(held)} |")
    return "\n".join(lines)


def _analyse_all(specs: list[dict[str, Any]], details: list[str] | None = None) -> dict[str, set[str]]:
    """Rules firing at warning or above per letter id; ``details`` collects one table row per finding."""
    from analyzer.pipeline import analyse
    from tests.lettergen import render

    fired: dict[str, set[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for spec in specs:
            path = render(spec, Path(tmp))
            report = analyse(path, program=spec.get("program", "cusma"),
                             citizenship=spec.get("candidate", {}).get("citizenship"))
            if report.error is not None:
                fired[spec["id"]] = {f"<error: {report.error.code}>"}
                continue
            shown = [f for f in report.findings if f.severity in ("warning", "error")]
            fired[spec["id"]] = {f.rule for f in shown}
            if details is not None:
                details += [f"| {spec['id']} | {spec.get('title', '')} | {f.rule} | "
                            f"{(f.evidence.text if f.evidence else '-').replace(chr(10), ' ')[:70]} |" for f in shown]
    return fired


def letters_section() -> str:
    from analyzer.checks import discover
    from tests.lettergen import load_specs

    specs = load_specs(FINDINGS)
    fired = _analyse_all(specs)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    problems: list[str] = []
    clean_alarms = 0
    for spec in specs:
        want = set(spec["expect"].get("findings", []))
        may = set(spec["expect"].get("may", []))
        got = fired[spec["id"]]
        for rule in want | got:
            if rule in want and rule in got:
                counts[rule]["tp"] += 1
            elif rule in want:
                counts[rule]["fn"] += 1
            elif rule not in may:
                counts[rule]["fp"] += 1
        if not want:
            clean_alarms += len(got - may)
        missed, extra = sorted(want - got), sorted(got - want - may)
        if missed or extra:
            problems.append(f"| {spec['id']} | {', '.join(missed) or '-'} | {', '.join(extra) or '-'} |")
    clean = [s for s in specs if not s["expect"].get("findings")]
    lines = ["### Rules over labelled letters", "",
             f"{len(specs)} letters ({len(clean)} clean: every CUSMA category and CPTPP), rendered by "
             "tests.lettergen and analysed by analyzer.pipeline.analyse. Findings at warning or above count.", "",
             f"**False alarms on clean letters: {clean_alarms}** (warnings or errors on "
             f"{sum(1 for s in clean if fired[s['id']] - set(s['expect'].get('may', [])))} of {len(clean)} "
             "clean letters).", "",
             "| code | rule | letters expecting it | TP | FP | FN | precision | recall |",
             "|---|---|---|---|---|---|---|---|"]
    for rule in discover():
        c = counts.get(rule.name, Counter())
        n = c["tp"] + c["fn"]
        p, r = _pr(c["tp"], c["fp"], c["fn"])
        lines.append(f"| {rule.code} | {rule.name} | {n} | {c['tp']} | {c['fp']} | {c['fn']} | "
                     f"{p:.2f} | {r:.2f} |")
    tp = sum(c["tp"] for c in counts.values())
    fp = sum(c["fp"] for c in counts.values())
    fn = sum(c["fn"] for c in counts.values())
    p, r = _pr(tp, fp, fn)
    lines += [f"| | **all rules** | | {tp} | {fp} | {fn} | {p:.2f} | {r:.2f} |", ""]
    if problems:
        lines += ["Letters where the findings differ from the labels:", "",
                  "| letter | missed | unexpected |", "|---|---|---|", *problems]
    return "\n".join(lines)


def extraction_letters_section() -> str:
    """Findings on the extraction set's letters: not labelled for findings, so this is a table to
    read (each finding is listed), not a score; several letters are permanent offers on purpose."""
    from tests.lettergen import load_specs

    specs = load_specs(LETTERS)
    details: list[str] = []
    fired = _analyse_all(specs, details)
    counts = Counter(rule for rules in fired.values() for rule in rules)
    lines = ["### Findings on the extraction set's letters (not labelled for findings)", "",
             f"{len(specs)} letters written by the extraction engineer as ordinary offers (some permanent on "
             "purpose, some with working titles). Letters with a warning or error, per rule:", "",
             "| rule | letters |", "|---|---|"]
    lines += [f"| {rule} | {n} |" for rule, n in sorted(counts.items())]
    lines += ["", "Every finding, for review:", "", "| letter | title | rule | evidence |", "|---|---|---|---|", *details]
    return "\n".join(lines)


def run() -> str:
    return "\n\n".join(["## Rules", "Command: `python -m tests.eval_rules` (`--save` writes docs/rules/eval.md).",
                        vague_duty_section(), letters_section(), extraction_letters_section()])


def main() -> int:
    text = run()
    print(text)
    if "--save" in sys.argv[1:]:
        DOC.write_text("# Rule evaluation\n\n" + text + "\n", encoding="utf-8")
        print(f"\nsaved to {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
