"""CSV: one row per letter, for spreadsheets (the batch ``summary.csv``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

from analyzer.report import ReportLike, as_dict, severity_counts

COLUMNS: tuple[str, ...] = (
    "file", "status", "verdict", "title", "cusma_id", "cusma_name", "cusma_score", "noc_code",
    "noc_title", "noc_score", "errors", "warnings", "infos", "rules", "codes", "error_code", "error_message",
)
# A cell starting with one of these runs as a formula in Excel/LibreOffice ("CSV injection");
# letter text is untrusted, so such cells get a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def row(report: Mapping[str, Any]) -> dict[str, Any]:
    """The CSV row of one report dict (text cells made formula-safe)."""
    cusma = (report.get("cusma") or [None])[0]
    noc = (report.get("noc") or [None])[0]
    counts = severity_counts(report)
    title = report.get("title")
    error = report.get("error") or {}
    rules = sorted({f["rule"] for f in report.get("findings", [])})
    codes = sorted({f["code"] for f in report.get("findings", [])})
    cells: dict[str, Any] = {
        "file": report["file"], "status": report["status"], "verdict": report["verdict"],
        "title": title["text"] if title else "",
        "cusma_id": cusma["id"] if cusma else "", "cusma_name": cusma["name"] if cusma else "",
        "cusma_score": cusma["score"] if cusma else "",
        "noc_code": noc["code"] if noc else "", "noc_title": noc["title"] if noc else "",
        "noc_score": noc["score"] if noc else "",
        "errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"],
        "rules": ";".join(rules), "codes": ";".join(codes), "error_code": error.get("code", ""),
        "error_message": error.get("message", ""),
    }
    return {k: _safe(v) if isinstance(v, str) else v for k, v in cells.items()}


def render(reports: Iterable[ReportLike]) -> str:
    """A header line and one row per report, RFC 4180 quoting, ``\\r\\n`` line ends."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS)
    writer.writeheader()
    for r in reports:
        writer.writerow(row(as_dict(r, include_text=False)))
    return buf.getvalue()
