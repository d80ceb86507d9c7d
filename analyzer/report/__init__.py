"""Output formats.  Every format renders the one report model: a :class:`Report` or the contract
dict its ``to_dict(include_text=True)`` returns (batch runs keep dicts, so finished letters can be
re-rendered without re-analysis).  No format recomputes anything about the letter."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from analyzer.types import SCHEMA_ID, SEVERITY_RANK, Report

FORMATS: tuple[str, ...] = ("text", "json", "jsonl", "csv", "html", "pdf")
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
VERDICTS: tuple[str, ...] = ("fail", "error", "review", "pass")  # worst first: the index sort order

ReportLike = Report | Mapping[str, Any]


def as_dict(report: ReportLike, include_text: bool = True) -> dict[str, Any]:
    """The contract dict of a report (a copy; ``text`` kept only when asked and known)."""
    if isinstance(report, Report):
        return report.to_dict(include_text=include_text)
    d = dict(report)
    if not include_text:
        d.pop("text", None)
    return d


def severity_counts(report: Mapping[str, Any]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in report.get("findings", []):
        counts[finding["severity"]] = counts.get(finding["severity"], 0) + 1
    return counts


def sorted_findings(report: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Findings worst first, then in letter order (findings without evidence last)."""
    def key(f: Mapping[str, Any]) -> tuple[int, int]:
        ev = f.get("evidence")
        return (-SEVERITY_RANK.get(f["severity"], 0), ev["start"] if ev else 1 << 30)

    return sorted(report.get("findings", []), key=key)


def summary(reports: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Batch totals: files, verdict counts, finding counts by severity and by rule."""
    verdicts = dict.fromkeys(VERDICTS, 0)
    severities = dict.fromkeys(SEVERITIES, 0)
    rules: dict[str, int] = {}
    files = 0
    for r in reports:
        files += 1
        verdicts[r["verdict"]] = verdicts.get(r["verdict"], 0) + 1
        for f in r.get("findings", []):
            severities[f["severity"]] = severities.get(f["severity"], 0) + 1
            rules[f["rule"]] = rules.get(f["rule"], 0) + 1
    return {"files": files, "errors": verdicts["error"], "verdicts": verdicts,
            "findings": severities, "rules": dict(sorted(rules.items()))}


__all__ = ["FORMATS", "SCHEMA_ID", "SEVERITIES", "VERDICTS", "ReportLike", "as_dict",
           "severity_counts", "sorted_findings", "summary"]
