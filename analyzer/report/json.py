"""JSON and JSON Lines per the report contract (``docs/report.md``)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any

from analyzer.report import ReportLike, as_dict, summary
from analyzer.types import SCHEMA_ID


def render_one(report: ReportLike, include_text: bool = False) -> str:
    """One letter's report as a JSON document (the per-letter ``<name>.json`` file)."""
    return json.dumps(as_dict(report, include_text), indent=2, ensure_ascii=False) + "\n"


def render(reports: Sequence[ReportLike], include_text: bool = False) -> str:
    """``--format json``: ``{"schema", "reports": [...], "summary": {...}}``."""
    dicts = [as_dict(r, include_text) for r in reports]
    doc = {"schema": SCHEMA_ID, "reports": dicts, "summary": summary(dicts)}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def render_line(report: ReportLike, include_text: bool = False) -> str:
    """One JSON Lines record (no newline inside: ``ensure_ascii`` keeps U+2028 escaped too)."""
    return json.dumps(as_dict(report, include_text), separators=(",", ":")) + "\n"


def render_lines(reports: Iterable[ReportLike], include_text: bool = False) -> str:
    """``--format jsonl``: one object per input file, in input order."""
    return "".join(render_line(r, include_text) for r in reports)


@cache
def schema() -> dict[str, Any]:
    """The report's JSON Schema (``analyzer/schema/report.schema.json``): one report or the
    ``--format json`` document validates against it."""
    text = resources.files("analyzer").joinpath("schema/report.schema.json").read_text(encoding="utf-8")
    return json.loads(text)
