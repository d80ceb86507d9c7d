"""Render the held-out letters (``tests/heldout/<id>.txt``) into the format their ``<id>.json`` names.

Written independently of ``tests/lettergen`` so that the held-out set shares neither wording nor
layout code with the letters the extractors were tuned on.  The source markup is minimal:

* ``# Heading``     -> a bold heading line
* ``- item`` / ``• item`` -> a bulleted list item (a real list in PDF and DOCX)
* ``a | b | c``     -> a table row; consecutive rows form one table
* a form feed line  -> a page break
* anything else     -> one paragraph per source line (addresses keep their line breaks)

The PDF font (Helvetica or Times) and left margin vary by letter id, deterministically.
Rendered files go to a directory the caller gives (a temp dir); they are never committed.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
BULLET = re.compile(r"^(?:- |• )")
NUMBERED = re.compile(r"^\d+[.)]\s+")
PAGE_BREAK = "\f"


@dataclass(frozen=True)
class Piece:
    """One element of a letter: kind is heading, para, bullet, table, blank or break."""

    kind: str
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    marker: str = ""


def letter_ids() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.txt"))


def load(letter_id: str) -> tuple[str, dict[str, Any]]:
    text = (HERE / f"{letter_id}.txt").read_text(encoding="utf-8")
    meta = json.loads((HERE / f"{letter_id}.json").read_text(encoding="utf-8"))
    return text, meta


def parse(source: str) -> list[Piece]:
    """Split the marked-up source into pieces, grouping consecutive table rows."""
    pieces: list[Piece] = []
    for line in source.split("\n"):
        if PAGE_BREAK in line and not line.strip():  # strip() eats "\f" too
            pieces.append(Piece("break"))
        elif not line.strip():
            pieces.append(Piece("blank"))
        elif line.startswith("# "):
            pieces.append(Piece("heading", line[2:].strip()))
        elif BULLET.match(line):
            pieces.append(Piece("bullet", line[2:].strip(), marker=line[0]))
        elif " | " in line:
            row = tuple(c.strip() for c in line.split(" | "))
            if pieces and pieces[-1].kind == "table":
                pieces[-1] = Piece("table", rows=pieces[-1].rows + (row,))
            else:
                pieces.append(Piece("table", rows=(row,)))
        else:
            pieces.append(Piece("para", line.rstrip()))
    return pieces


def plain_text(source: str) -> str:
    """The TXT rendering: heading marks dropped, everything else as written."""
    return "\n".join(line[2:] if line.startswith("# ") else line for line in source.rstrip("\n").split("\n")) + "\n"


def _style_for(letter_id: str) -> tuple[str, float]:
    """Font family and left margin (points), chosen by a stable hash of the id."""
    h = zlib.crc32(letter_id.encode())
    return ("Helvetica", "Times-Roman")[h % 2], (54.0, 64.0, 72.0, 90.0)[(h >> 3) % 4]


def _pdf_flowables(pieces: list[Piece], body: Any, head: Any) -> list:
    """Reportlab flowables for the pieces; consecutive bullets become one list."""
    from reportlab.platypus import ListFlowable, ListItem, PageBreak, Paragraph, Spacer, Table

    flow: list = []
    items: list[Piece] = []
    for piece in [*pieces, Piece("blank")]:
        if piece.kind == "bullet":
            items.append(piece)
            continue
        if items:
            start = "\u2013" if items[0].marker == "-" else "\u2022"
            flow.append(ListFlowable([ListItem(Paragraph(escape(i.text), body)) for i in items],
                                     bulletType="bullet", start=start, leftIndent=18))
            items = []
        if piece.kind in ("heading", "para"):
            flow.append(Paragraph(escape(piece.text), head if piece.kind == "heading" else body))
        elif piece.kind == "blank":
            flow.append(Spacer(1, 7))
        elif piece.kind == "break":
            flow.append(PageBreak())
        elif piece.kind == "table":
            cells = [[Paragraph(escape(c), body) for c in row] for row in piece.rows]
            widths = [360, 70] if len(cells[0]) == 2 else None
            flow.append(Table(cells, colWidths=widths, style=[
                ("GRID", (0, 0), (-1, -1), 0.5, "#555555"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return flow


def render_pdf(letter_id: str, source: str, out: Path) -> Path:
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate

    font, margin = _style_for(letter_id)
    bold = "Helvetica-Bold" if font == "Helvetica" else "Times-Bold"
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=13.5)
    head = ParagraphStyle("head", parent=body, fontName=bold, fontSize=11.5, spaceBefore=4, spaceAfter=3)
    path = out / f"{letter_id}.pdf"
    doc = SimpleDocTemplate(str(path), pagesize=letter, leftMargin=margin, rightMargin=60,
                            topMargin=60, bottomMargin=60, title=letter_id)
    doc.build(_pdf_flowables(parse(source), body, head))
    return path


def render_docx(letter_id: str, source: str, out: Path) -> Path:
    import docx

    document = docx.Document()
    for piece in parse(source):
        if piece.kind == "heading":
            run = document.add_paragraph().add_run(piece.text)
            run.bold = True
        elif piece.kind == "bullet":
            document.add_paragraph(piece.text, style="List Bullet")
        elif piece.kind == "para" and NUMBERED.match(piece.text):
            # Word numbers the item itself, so the written number is dropped.
            document.add_paragraph(NUMBERED.sub("", piece.text), style="List Number")
        elif piece.kind == "para":
            document.add_paragraph(piece.text)
        elif piece.kind == "break":
            document.add_page_break()
        elif piece.kind == "table":
            table = document.add_table(rows=0, cols=len(piece.rows[0]))
            table.style = "Table Grid"
            for row in piece.rows:
                for cell, text in zip(table.add_row().cells, row, strict=False):
                    cell.text = text
    path = out / f"{letter_id}.docx"
    document.save(str(path))
    return path


def rendered_text(path: Path) -> tuple[str, int]:
    """(text, pages) read back from a rendered letter, for the set checks: the text layer of a PDF,
    a DOCX's paragraphs and table cells, or the plain text."""
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        pages = PdfReader(str(path)).pages
        return "\n".join(p.extract_text() or "" for p in pages), len(pages)
    if path.suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in d.paragraphs] + cells), 1
    return path.read_text(encoding="utf-8"), 1


def render(letter_id: str, out: Path) -> Path:
    """Write the letter in its format under ``out`` and return the file's path."""
    source, meta = load(letter_id)
    out.mkdir(parents=True, exist_ok=True)
    fmt = meta.get("format", "pdf")
    if fmt == "pdf":
        return render_pdf(letter_id, source, out)
    if fmt == "docx":
        return render_docx(letter_id, source, out)
    if fmt == "txt":
        path = out / f"{letter_id}.txt"
        path.write_text(plain_text(source), encoding="utf-8")
        return path
    raise ValueError(f"{letter_id}: unknown format {fmt!r}")


def render_all(out: Path) -> dict[str, Path]:
    return {i: render(i, out) for i in letter_ids()}


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="heldout-"))
    for lid, p in render_all(target).items():
        print(lid, p)
