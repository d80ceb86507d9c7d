"""DOCX rendering with python-docx: real Word list styles, a real table, header/footer fields."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .model import Element, Letter

LIST_STYLES = {"bullet": "List Bullet", "number": "List Number"}


class _Doc:
    """A python-docx document plus the one pending page break (applied to the next paragraph)."""

    def __init__(self, letter: Letter) -> None:
        self.letter = letter
        self.doc = Document()
        self.break_next = False
        self.doc.styles["Normal"].font.name = "Calibri"
        self.doc.styles["Normal"].font.size = Pt(11)

    def para(self, text: str = "", style: str | None = None, bold: bool = False, after: float = 8):
        p = self.doc.add_paragraph(style=style)
        if text:
            p.add_run(text).bold = bold
        p.paragraph_format.space_after = Pt(after)
        if self.break_next:
            p.paragraph_format.page_break_before = True
            self.break_next = False
        return p


def _field(paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) with a cached result, as Word itself saves it."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", shown),
                       ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        elif kind == "text":
            run.text = text
            continue
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


def _running(d: _Doc) -> None:
    section = d.doc.sections[0]
    head = section.header.paragraphs[0]
    head.text = d.letter.footer_text
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _page_numbers(section.footer.paragraphs[0])


def _page_numbers(foot) -> None:
    """'Page N of M' with Word's PAGE and NUMPAGES fields."""
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run("Page ")
    _field(foot, "PAGE", "1")
    foot.add_run(" of ")
    _field(foot, "NUMPAGES", "1")


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "nil")
        borders.append(b)
    table._tbl.tblPr.append(borders)


def _header_letterhead(d: _Doc, el: Element) -> None:
    """The letterhead in the first page's header (a Word letter template); later pages keep the
    running header, if any."""
    section = d.doc.sections[0]
    section.different_first_page_header_footer = True
    head = section.first_page_header
    first = head.paragraphs[0]
    if el.text:
        first.add_run(el.text).bold = True
        first.runs[0].font.size = Pt(14)
        head.add_paragraph(" · ".join(el.lines)).runs[0].font.size = Pt(8.5)
    else:
        first.add_run(" · ".join(el.lines)).font.size = Pt(8.5)
    if d.letter.running:
        _page_numbers(section.first_page_footer.paragraphs[0])


def _letterhead(d: _Doc, el: Element) -> None:
    if d.letter.letterhead_in_header and not d.letter.twocolumn:
        _header_letterhead(d, el)
        return
    if d.letter.twocolumn:
        t = d.doc.add_table(rows=1, cols=2)
        _no_borders(t)
        left, right = t.rows[0].cells
        left.paragraphs[0].add_run(el.text).bold = True
        left.paragraphs[0].runs[0].font.size = Pt(16)
        right.paragraphs[0].text = el.lines[0]
        for line in el.lines[1:]:
            right.add_paragraph(line)
        for p in right.paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p.paragraph_format.space_after = Pt(0)
        d.para()
        return
    if el.text:
        d.para(el.text, bold=True, after=2).runs[0].font.size = Pt(16)
    d.para(" · ".join(el.lines), after=14).runs[0].font.size = Pt(9)


def _table(d: _Doc, el: Element) -> None:
    t = d.doc.add_table(rows=len(el.rows), cols=2)
    t.style = d.doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    for r, row in enumerate(el.rows):
        for c, text in enumerate(row):
            cell = t.rows[r].cells[c]
            cell.width = Cm(12.5 if c == 0 else 3)
            cell.paragraphs[0].add_run(text).bold = r == 0
    d.para()


def _place(d: _Doc, el: Element) -> None:
    k = el.kind
    if k == "letterhead":
        _letterhead(d, el)
    elif k == "line":
        for text in (el.text, *el.lines):
            d.para(text, after=0)
        d.para(after=0)
    elif k == "gap":
        pass
    elif k in ("subject", "heading"):
        d.para(el.text, bold=True, after=4)
    elif k == "label":
        label, _, value = el.text.partition(": ")
        p = d.para(label + (":\t" if d.letter.label_column else ": "), bold=True, after=4)
        if d.letter.label_column:
            p.paragraph_format.tab_stops.add_tab_stop(Cm(6))
        p.add_run(value)
    elif k == "para":
        d.para(el.text)
    elif k == "item":
        _item(d, el)
    elif k == "table":
        _table(d, el)
    elif k == "break":
        # Word decides where pages end; a page-number condition becomes a plain break here.
        d.break_next = True
    elif k == "signature":
        d.para(el.text, after=30)
        for line in el.lines:
            d.para(line, after=0)
        d.para()
    else:
        raise ValueError(f"unknown element kind {k!r}")


def _item(d: _Doc, el: Element) -> None:
    style = LIST_STYLES.get(d.letter.list_kind)
    if style:
        d.para(el.text, style=style, after=2)
    else:  # dash lists are typed by hand in real letters
        p = d.para(f"{el.marker} {el.text}", after=2)
        p.paragraph_format.left_indent = Cm(0.6)


def render(letter: Letter, path: Path, title: str = "Offer of Employment") -> Path:
    d = _Doc(letter)
    if letter.running:
        _running(d)
    for el in letter.elements:
        _place(d, el)
    props = d.doc.core_properties
    props.title, props.author = title, letter.employer or ""
    props.created = props.modified = datetime(2026, 1, 1)
    buf = io.BytesIO()
    d.doc.save(buf)
    path.write_bytes(_stable_zip(buf.getvalue()))
    return path


def _stable_zip(data: bytes) -> bytes:
    """The same package with fixed entry timestamps, so committed examples only change when
    their content does."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0)),
                         src.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
