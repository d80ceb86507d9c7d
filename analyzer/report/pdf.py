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
from analyzer.types import BBox, Document, Report, Word

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


def _cut(word: Word, start: int, end: int) -> BBox:
    """The part of a word's box between two text offsets, by character share (a word's glyphs
    are near enough even for a highlight; keeps "Name]," from lighting up its comma)."""
    x0, top, x1, bottom = word.bbox  # type: ignore[misc]
    n = max(word.end - word.start, 1)
    a, b = max(start, word.start) - word.start, min(end, word.end) - word.start
    return (x0 + (x1 - x0) * a / n, top, x0 + (x1 - x0) * b / n, bottom)


def line_boxes(document: Document, evidence: Mapping[str, Any]) -> list[BBox]:
    """One box per line of the evidence on its page, covering just the quoted characters."""
    start, end, boxes = evidence["start"], evidence["end"], []
    for line in document.lines():
        if line.page != evidence["page"] or line.end <= start or line.start >= end:
            continue
        cuts = [_cut(w, start, end) for w in line.words if w.bbox and w.end > start and w.start < end]
        if cuts:
            boxes.append((min(c[0] for c in cuts), min(c[1] for c in cuts),
                          max(c[2] for c in cuts), max(c[3] for c in cuts)))
    return boxes


def _highlight(page: Any, finding: Mapping[str, Any], document: Document | None) -> Highlight:
    ev = finding["evidence"]
    boxes = (line_boxes(document, ev) if document is not None else []) or [ev["bbox"]]
    rects = [_pdf_rect(page, box) for box in boxes]
    # QuadPoints per line, in the order Acrobat writes them: top-left, top-right, bottom-left,
    # bottom-right; /Rect is their union.
    quads = ArrayObject(FloatObject(v) for x0, y0, x1, y1 in rects for v in (x0, y1, x1, y1, x0, y0, x1, y0))
    union = (min(r[0] for r in rects), min(r[1] for r in rects), max(r[2] for r in rects),
             max(r[3] for r in rects))
    return Highlight(rect=union, quad_points=quads,
                     highlight_color=COLOURS.get(finding["severity"], "ffd740"), printing=True)


def _note(page: Any, index: int) -> Text:
    box = page.mediabox
    x, y = float(box.left) + 8 + 22 * (index % 20), float(box.top) - 28
    return Text(rect=(x, y, x + 20, y + 20), text="", open=False)


def annotate(pdf: bytes | str | Path, report: ReportLike) -> bytes:
    """The annotated copy of ``pdf`` (the letter the report was made from) as bytes.

    With a :class:`Report` that holds its Document, each line of a finding's words gets its own
    highlight box; with a report dict, the evidence's box (the union of its words) is used."""
    r = as_dict(report, include_text=False)
    document = report.document if isinstance(report, Report) else None
    data = pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes()
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    notes = 0
    for n, finding in enumerate(sorted_findings(r), start=1):
        ev = finding.get("evidence")
        if ev and ev.get("bbox") and 1 <= ev["page"] <= len(writer.pages):
            page_no = ev["page"] - 1
            annot = _highlight(writer.pages[page_no], finding, document)
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
