"""Small reportlab helpers that build real PDFs for tests (importable by any test module).

``flow_pdf`` lays out :class:`L` lines top-down, page by page, with optional running header,
footer and "Page n of m" numbers; ``image_pdf`` makes a scan-like PDF with no text layer;
``encrypt`` password-protects a PDF with pypdf.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

WIDTH, HEIGHT = LETTER
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


@dataclass
class L:
    """One line: ``gap`` blank lines before it; ``cells`` more texts at the given x positions."""

    text: str
    x: float = 72
    size: float = 11
    font: str = "Helvetica"
    gap: float = 0
    cells: tuple[tuple[float, str], ...] = ()


def dejavu() -> str | None:
    """Register DejaVu Sans (it has the ﬁ/ﬂ ligature glyphs) and return its name, if installed."""
    if not DEJAVU.exists():
        return None
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
        if DEJAVU_BOLD.exists():
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(DEJAVU_BOLD)))
    return "DejaVuSans"


def flow_pdf(pages: list[list[L]], header: str | None = None, footer: str | None = None,
             page_numbers: bool = False, leading: float = 1.25) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=LETTER)
    for n, lines in enumerate(pages, start=1):
        if header:
            c.setFont("Helvetica", 8)
            c.drawString(72, HEIGHT - 40, header)
        y = 72.0
        for line in lines:
            y += line.gap * line.size * leading
            c.setFont(line.font, line.size)
            c.drawString(line.x, HEIGHT - y - line.size, line.text)
            for x, text in line.cells:
                c.drawString(x, HEIGHT - y - line.size, text)
            y += line.size * leading
        if footer:
            c.setFont("Helvetica", 8)
            c.drawString(72, 36, footer)
        if page_numbers:
            c.setFont("Helvetica", 8)
            c.drawString(WIDTH / 2 - 20, 24, f"Page {n} of {len(pages)}")
        c.showPage()
    c.save()
    return buf.getvalue()


def image_pdf(pages: int = 1, stamp: str | None = None) -> bytes:
    """A 'scanned' PDF: each page is one generated PNG image, with no text layer at all (or
    only ``stamp``, e.g. a page number a scanner printed on it)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("RGB", (850, 1100), "white")
    draw = ImageDraw.Draw(img)
    for i in range(20):
        draw.rectangle((80, 100 + i * 40, 700 - (i % 4) * 90, 118 + i * 40), fill="black")
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=LETTER)
    for n in range(pages):
        c.drawImage(ImageReader(img), 0, 0, WIDTH, HEIGHT)
        if stamp:
            c.setFont("Helvetica", 8)
            c.drawString(WIDTH - 120, 20, f"{stamp} {n + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def text_image_pdf(lines: list[str]) -> bytes:
    """A scanned letter with real (rendered) words, for OCR tests."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader

    img = Image.new("L", (2550, 3300), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(DEJAVU), 42) if DEJAVU.exists() else ImageFont.load_default()
    for i, text in enumerate(lines):
        draw.text((250, 300 + i * 80), text, fill=0, font=font)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=LETTER)
    c.drawImage(ImageReader(img), 0, 0, WIDTH, HEIGHT)
    c.showPage()
    c.save()
    return buf.getvalue()


def encrypt(pdf: bytes, password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=password, owner_password=password + "-owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def many_pages(n: int) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=LETTER)
    for i in range(n):
        c.setFont("Helvetica", 11)
        c.drawString(72, 700, f"Annex page {i + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def raw_pdf(content: bytes, flate: bool = False) -> bytes:
    """A hand-written one-page PDF whose page draws ``content`` (optionally Flate-compressed)."""
    import zlib

    stream = zlib.compress(content) if flate else content
    filt = b" /Filter /FlateDecode" if flate else b""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + filt + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_from_objects(objs)


def pdf_from_objects(objs: list[bytes], header: bytes = b"%PDF-1.4\n") -> bytes:
    """A PDF file from numbered object bodies (object 1 is the catalog), with a correct xref table."""
    out = bytearray(header)
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def platypus_letter(duties: list[str], shares: list[int]) -> bytes:
    """A letter laid out by reportlab's Platypus (as document generators do): justified
    paragraphs, a bulleted ListFlowable with hanging indents, and a gridded duty / % table
    whose duty cells wrap."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import (
        ListFlowable,
        ListItem,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    ss = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=ss["Normal"], alignment=TA_JUSTIFY, fontSize=10.5, leading=13)
    offer = "We are pleased to offer you the position of Computer Systems Analyst with Maple Analytics Inc. "
    rows = [["Duty", "% of time"]] + [[Paragraph(d, body), f"{p}%"] for d, p in zip(duties, shares, strict=True)]
    story = [
        Paragraph("<b>Maple Analytics Inc.</b>", ss["Title"]), Paragraph("100 King St W, Toronto, ON", ss["Normal"]),
        Spacer(1, 12), Paragraph("January 5, 2027", body), Spacer(1, 12),
        Paragraph("Jane Doe<br/>12 Elm Street<br/>Austin, TX 78701", body), Spacer(1, 12),
        Paragraph("Dear Ms. Doe,", body), Spacer(1, 8), Paragraph(offer * 3, body),
        Paragraph("Key Responsibilities", ss["Heading3"]),
        ListFlowable([ListItem(Paragraph(d, body)) for d in duties], bulletType="bullet", start="\u2022",
                     leftIndent=18),
        Paragraph("Time allocation", ss["Heading3"]),
        Table(rows, colWidths=[360, 80], style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                                                           ("VALIGN", (0, 0), (-1, -1), "TOP")])),
        Spacer(1, 12), Paragraph("The position is full time. " * 5, body), Spacer(1, 12),
        Paragraph("Sincerely,", body), Spacer(1, 24), Paragraph("John Smith<br/>Director, Human Resources", body),
    ]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=LETTER).build(story)
    return buf.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A deflated ZIP archive of ``members`` (name -> bytes): DOCX parts, or a ZIP posing as a letter."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return out.getvalue()
