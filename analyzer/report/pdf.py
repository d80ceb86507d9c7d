"""Annotated PDF: a copy of a PDF letter with a highlight over each finding's words and the
finding's message and fix as the highlight's comment (pypdf, BSD licence).

Findings without a box (an absent element such as a missing wage) become a closed sticky note
at the top left of page 1, so every finding shows in the viewer's comment list."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Highlight, Text
from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

from analyzer.report import ReportLike, as_dict, sorted_findings

COLOURS = {"error": "ff8a80", "warning": "ffd740", "info": "82b1ff"}
AUTHOR = "offercheck"


def comment(finding: Mapping[str, Any]) -> str:
    """The annotation's text: what is wrong and how to fix it."""
    return (f"[{finding['severity'].upper()}] {finding['code']} {finding['rule']}: "
            f"{finding['message']}\nFix: {finding['fix']}")


def _pdf_rect(page: Any, bbox: list[float]) -> tuple[float, float, float, float]:
    """Top-left-origin bbox (as pdfplumber gives it) -> PDF user space (bottom-left origin)."""
    box = page.mediabox
    left, top = float(box.left), float(box.top)
    x0, t, x1, b = bbox
    return (left + x0, top - b, left + x1, top - t)


def _highlight(page: Any, finding: Mapping[str, Any]) -> Highlight:
    x0, y0, x1, y1 = _pdf_rect(page, finding["evidence"]["bbox"])
    # QuadPoints order as Acrobat writes them: top-left, top-right, bottom-left, bottom-right.
    quad = ArrayObject(FloatObject(v) for v in (x0, y1, x1, y1, x0, y0, x1, y0))
    return Highlight(rect=(x0, y0, x1, y1), quad_points=quad,
                     highlight_color=COLOURS.get(finding["severity"], "ffd740"), printing=True)


def _note(page: Any, index: int) -> Text:
    box = page.mediabox
    x, y = float(box.left) + 8 + 22 * (index % 20), float(box.top) - 28
    return Text(rect=(x, y, x + 20, y + 20), text="", open=False)


def annotate(pdf: bytes | str | Path, report: ReportLike) -> bytes:
    """The annotated copy of ``pdf`` (the letter the report was made from) as bytes."""
    r = as_dict(report, include_text=False)
    data = pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes()
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    notes = 0
    for n, finding in enumerate(sorted_findings(r), start=1):
        ev = finding.get("evidence")
        if ev and ev.get("bbox") and 1 <= ev["page"] <= len(writer.pages):
            page_no = ev["page"] - 1
            annot = _highlight(writer.pages[page_no], finding)
        else:
            page_no = 0
            annot = _note(writer.pages[0], notes)
            notes += 1
        annot[NameObject("/Contents")] = TextStringObject(comment(finding))
        annot[NameObject("/T")] = TextStringObject(AUTHOR)
        annot[NameObject("/NM")] = TextStringObject(f"offercheck-{n}-{finding['code']}")
        annot[NameObject("/Subj")] = TextStringObject(finding["rule"])
        writer.add_annotation(page_number=page_no, annotation=annot)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
