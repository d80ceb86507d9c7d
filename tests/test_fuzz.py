"""Fuzz: damaged and hostile letters must end in a Report (ok, or error with a stable code).

Every case goes through ``analyzer.pipeline.analyse`` in this process.  A case fails when an
exception escapes, when a stage crashes (``internal_error``), when it runs far past the per-file
time limit (a hang; a watchdog stops it), or when peak memory grows by more than a generous bound.

CI runs a bounded, derandomised number of hypothesis examples (``FUZZ_EXAMPLES``, default 10) and
skips the crafted inputs known to hang (each would burn the watchdog's full time).  ``make fuzz``
sets ``FUZZ_EXAMPLES=2000``: heavy mode runs every case and logs each outcome to
``.bench/fuzz-log.jsonl`` and a summary table to ``.bench/fuzz-summary.md`` (docs/robustness.md).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.ingest.limits import Limits
from analyzer.pipeline import analyse
from analyzer.types import Report
from tests import fuzz_inputs as F

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
HEAVY = EXAMPLES >= 200 or bool(os.environ.get("FUZZ_HEAVY"))
LIMIT_S = Limits().timeout_s
HANG_S = LIMIT_S * 1.5 + 10  # a watchdog, not a speed test: only a runaway case gets near it
MAX_GROWTH_MB = 1024  # peak RSS over the baseline before the case
CODES = {"not_found", "empty", "unsupported_type", "corrupt", "encrypted", "scanned", "too_large",
         "too_many_pages", "timeout", "unsupported_language"}
LOG = Path(__file__).resolve().parent.parent / ".bench" / "fuzz-log.jsonl"

# Crafted inputs that run past the time limit (see docs/robustness.md).  CI skips them; `make fuzz`
# runs them as xfail, so a fix shows up as XPASS.  Empty since ingest's text-size limits landed.
KNOWN_HANGS: dict[str, str] = {}

# Crafted inputs that crashed a stage (caught by the pipeline as internal_error); xfail until
# the owner fixes them, so a fix shows up as XPASS.  Empty since nlp.max_length follows ingest's limit.
KNOWN_CRASHES: dict[str, str] = {}


class Hang(BaseException):
    """Raised by the watchdog; a BaseException so analyse's `except Exception` cannot swallow it."""


@dataclass
class Outcome:
    case: str
    status: str
    code: str
    seconds: float
    peak_growth_mb: float
    problem: str  # "" when the case held


def _rss_mb(field: str = "VmRSS") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak() -> None:
    with contextlib.suppress(OSError):  # "5" resets this process's peak RSS (VmHWM), Linux >= 4.0
        Path("/proc/self/clear_refs").write_text("5")


def _on_alarm(signum: int, frame: object) -> None:
    raise Hang()


def run_case(case: str, data: bytes, name: str) -> Outcome:
    """Analyse one input under the watchdog and judge it; never raises for the input's sake."""
    gc_base = _rss_mb()
    _reset_peak()
    old = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, HANG_S)
    start = time.perf_counter()
    report: Report | None = None
    problem = ""
    try:
        report = analyse(data, name=name)
    except Hang:
        problem = f"hang: still running after {HANG_S:.0f} s"
    except Exception as exc:  # noqa: BLE001 - an escaping exception is exactly what we look for
        problem = f"exception escaped: {type(exc).__name__}: {exc}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    seconds = time.perf_counter() - start
    growth = max(0.0, _rss_mb("VmHWM") - gc_base)
    status = code = ""
    if report is not None:
        status, code = report.status, report.error.code if report.error else ""
        if not isinstance(report, Report):
            problem = f"analyse returned {type(report).__name__}, not a Report"
        elif report.error and report.error.code not in CODES:
            problem = f"crash caught as {report.error.code}: {report.error.message}"
        elif report.error and name not in report.error.message:
            problem = f"error message does not name the file: {report.error.message}"
    if not problem and growth > MAX_GROWTH_MB:
        problem = f"peak memory grew by {growth:.0f} MB"
    outcome = Outcome(case, status, code, round(seconds, 3), round(growth, 1), problem)
    if HEAVY:
        _log(outcome)
    return outcome


def _log(outcome: Outcome) -> None:
    LOG.parent.mkdir(exist_ok=True)
    with LOG.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(asdict(outcome)) + "\n")


@pytest.fixture(scope="module", autouse=True)
def _fresh_log():
    if HEAVY and LOG.exists():
        LOG.unlink()
    yield
    if HEAVY and LOG.exists():
        (LOG.parent / "fuzz-summary.md").write_text(summary(LOG), encoding="utf-8")


def summary(log: Path) -> str:
    """A markdown table per case family: cases, ok, clean errors, crashes, hangs, memory, slowest."""
    rows: dict[str, Counter] = {}
    worst: dict[str, tuple[float, float]] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        o = json.loads(line)
        fam = o["case"].split(":")[0]
        c = rows.setdefault(fam, Counter())
        c["cases"] += 1
        c["ok" if o["status"] == "ok" else "error"] += not o["problem"]
        kind = o["problem"].split(":")[0] if o["problem"] else ""
        c["hang" if kind == "hang" else "memory" if "memory" in kind else "crash"] += bool(kind)
        s, m = worst.get(fam, (0.0, 0.0))
        worst[fam] = (max(s, o["seconds"]), max(m, o["peak_growth_mb"]))
    out = ["| case | runs | report ok | clean error | crash | hang | memory | slowest s | max peak growth MB |",
           "|---|---|---|---|---|---|---|---|---|"]
    for fam, c in sorted(rows.items()):
        s, m = worst[fam]
        out.append(f"| {fam} | {c['cases']} | {c['ok']} | {c['error']} | {c['crash']} | {c['hang']} "
                   f"| {c['memory']} | {s:.1f} | {m:.0f} |")
    return "\n".join(out) + "\n"


def _assert_held(outcome: Outcome) -> None:
    assert outcome.status in {"ok", "error"}, outcome
    assert outcome.problem == "", outcome


# --- hypothesis: mutations of real generated letters -----------------------------------------

BASES = sorted(F.base_letters())
STEPS = st.lists(st.tuples(st.sampled_from(sorted(F.MUTATORS)), st.integers(0, 2**32 - 1)),
                 min_size=1, max_size=3)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=not HEAVY, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(base=st.sampled_from(BASES), steps=STEPS)
def test_mutated_letters_end_in_a_report(base: str, steps: list[tuple[str, int]]) -> None:
    data = F.base_letters()[base]
    for mutator, seed in steps:
        if data:
            data = F.MUTATORS[mutator](data, random.Random(seed))
    case = f"mutate-{base.rsplit('.', 1)[-1]}-{steps[0][0]}:" + "+".join(m for m, _ in steps)
    _assert_held(run_case(case, data, base))


# --- crafted hostile inputs ------------------------------------------------------------------

def _crafted_params() -> list:
    params = []
    for case in F.CRAFTED:
        marks = []
        if case in KNOWN_HANGS:
            marks.append(pytest.mark.xfail(reason=KNOWN_HANGS[case], strict=False, run=HEAVY))
        if case in KNOWN_CRASHES:
            marks.append(pytest.mark.xfail(reason=KNOWN_CRASHES[case], strict=False))
        params.append(pytest.param(case, marks=marks, id=case))
    return params


@pytest.mark.parametrize("case", _crafted_params())
def test_crafted_input_ends_in_a_report(case: str) -> None:
    name, build = F.CRAFTED[case]
    outcome = run_case(f"crafted:{case}", build(), name)
    _assert_held(outcome)


def test_external_entity_never_reaches_the_report() -> None:
    report = analyse(F.external_entity_docx(), name="xxe.docx")
    text = json.dumps(report.to_dict(include_text=True))
    assert "root:" not in text  # /etc/passwd's first line


def test_base_letters_themselves_are_read() -> None:
    """The mutation bases are real letters: unmutated, each one reads without error."""
    for name, data in F.base_letters().items():
        report = analyse(data, name=name)
        assert report.error is None, (name, report.error)
