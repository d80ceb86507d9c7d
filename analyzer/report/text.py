"""Terminal output: a full report for one letter, a one-line summary per letter in batches.

Colour is the caller's decision (``use_colour``): on when stdout is a terminal and ``NO_COLOR``
is unset, so piped output stays plain."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import IO, Any

from analyzer.report import SEVERITIES, ReportLike, as_dict, severity_counts, sorted_findings

_SGR = {"error": "31;1", "warning": "33;1", "info": "36", "fail": "31;1", "review": "33;1",
        "pass": "32;1", "dim": "2", "bold": "1"}
_HEADINGS = {"error": "Errors", "warning": "Warnings", "info": "Notes"}
TOP = 3  # candidates shown per list


def use_colour(stream: IO[Any]) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (no-color.org)."""
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("NO_COLOR")


def _paint(text: str, style: str, colour: bool) -> str:
    return f"\x1b[{_SGR[style]}m{text}\x1b[0m" if colour and style in _SGR else text


def _counts_text(report: Mapping[str, Any]) -> str:
    counts = severity_counts(report)
    parts = [f"{counts[s]} {s}{'' if counts[s] == 1 else 's'}" for s in SEVERITIES if counts[s]]
    return ", ".join(parts) or "no findings"


def summary_line(report: ReportLike, colour: bool = False) -> str:
    """``letter.pdf  FAIL  Computer Systems Analyst  2 errors, 1 warning  [vague-duty, ...]``."""
    r = as_dict(report, include_text=False)
    verdict = _paint(r["verdict"].upper(), r["verdict"], colour)
    if r["status"] == "error":
        return f"{r['file']}  {verdict}  {r['error']['code']}: {r['error']['message']}"
    title = r["title"]["text"] if r.get("title") else "(no title found)"
    rules = sorted({f["rule"] for f in r["findings"]})
    tail = f"  [{', '.join(rules)}]" if rules else ""
    return f"{r['file']}  {verdict}  {title}  {_counts_text(r)}{tail}"


SHOWN_MIN = 0.005  # CUSMA candidates scored 0.00 are not listed: their order among themselves is noise


def shown_cusma(r: Mapping[str, Any], top: int) -> list[Mapping[str, Any]]:
    return [c for c in r.get("cusma", [])[:top] if c["score"] >= SHOWN_MIN]


def _candidates(r: Mapping[str, Any]) -> list[str]:
    cusma = "; ".join(f"{c['name']} ({c['id']}) {c['score']:.2f}" for c in shown_cusma(r, TOP))
    noc = "; ".join(f"{c['code']} {c['title']} (TEER {c['teer']}) {c['score']:.2f}"
                    for c in r.get("noc", [])[:TOP])
    return [f"  CUSMA: {cusma or '(none above 0.00)'}", f"  NOC:   {noc or '(none)'}"]


def _finding_lines(f: Mapping[str, Any], colour: bool) -> list[str]:
    ev = f.get("evidence")
    where = f"p{ev['page']}: \u201c{' '.join(ev['text'].split())}\u201d" if ev else "(absent from the letter)"
    head = f"    {_paint(f['code'], f['severity'], colour)} {f['rule']}  {where}"
    return [head, f"      {f['message']}", f"      {_paint('fix:', 'bold', colour)} {f['fix']}"]


def render(report: ReportLike, colour: bool = False) -> str:
    """The full terminal report of one letter."""
    r = as_dict(report, include_text=False)
    if r["status"] == "error":
        return summary_line(r, colour) + "\n"
    verdict = _paint(r["verdict"].upper(), r["verdict"], colour)
    program = r["program"].upper() + (f", citizenship {r['citizenship']}" if r.get("citizenship") else "")
    lines = [f"{_paint(r['file'], 'bold', colour)}  {verdict}  ({_counts_text(r)}; {program})"]
    title = r.get("title")
    lines.append(f"  Title: {title['text']}" if title else "  Title: (none found)")
    lines += _candidates(r)
    findings = sorted_findings(r)
    for severity in SEVERITIES:
        group = [f for f in findings if f["severity"] == severity]
        if group:
            lines.append(f"  {_paint(_HEADINGS[severity], severity, colour)}")
            for f in group:
                lines += _finding_lines(f, colour)
    return "\n".join(lines) + "\n"


def render_batch(reports: Sequence[ReportLike], colour: bool = False) -> str:
    """One line per letter, then the totals."""
    dicts = [as_dict(r, include_text=False) for r in reports]
    lines = [summary_line(r, colour) for r in dicts]
    verdicts = [r["verdict"] for r in dicts]
    totals = ", ".join(f"{verdicts.count(v)} {v}" for v in ("fail", "review", "pass", "error")
                       if verdicts.count(v))
    lines.append(f"{len(dicts)} letters: {totals or 'none'}")
    return "\n".join(lines) + "\n"
