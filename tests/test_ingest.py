"""Ingestion: real PDFs (reportlab), DOCX (python-docx) and text files -> Document."""

from __future__ import annotations

import io

import docx
import pytest

from analyzer.ingest import Limits, read, sniff
from analyzer.ingest.build import normalise
from analyzer.types import Document
from tests.pdfs import L, dejavu, flow_pdf


def _consistent(doc: Document) -> None:
    """The offset contract: every line and word span indexes Document.text exactly."""
    for ln in doc.lines():
        assert doc.text[ln.start:ln.end] == ln.text
        assert doc.text[ln.end] == "\n"
        for w in ln.words:
            assert doc.text[w.start:w.end] == w.text


def letterhead_pdf() -> bytes:
    return flow_pdf([[
        L("Maple Analytics Inc.", size=16, font="Helvetica-Bold", cells=((400, "Tel: 416-555-0100"),)),
        L("100 King St W, Suite 500", cells=((400, "hr@maple.example"),)),
        L("Toronto, ON M5X 1A9", cells=((400, "www.maple.example"),)),
        L("January 5, 2027", gap=2),
        L("Dear Ms. Doe,", gap=1),
        L("We are pleased to offer you the position of Computer Systems Analyst.", gap=1),
    ]])


def test_pdf_words_keep_box_font_size_and_bold(tmp_path):
    path = tmp_path / "offer.pdf"
    path.write_bytes(letterhead_pdf())
    doc = read(path)
    assert doc.kind == "pdf" and doc.source == str(path) and len(doc.pages) == 1
    _consistent(doc)
    first = doc.pages[0].lines[0]
    assert first.text == "Maple Analytics Inc."
    assert first.bold and first.size == pytest.approx(16.0)
    word = first.words[0]
    assert word.font.endswith("Helvetica-Bold") and word.bold
    x0, top, x1, bottom = word.bbox
    assert x0 == pytest.approx(72, abs=0.5) and 0 < top < bottom and x1 > x0
    body = next(ln for ln in doc.lines() if ln.text.startswith("We are"))
    assert not body.bold and body.size == pytest.approx(11.0)


def test_two_column_letterhead_reads_left_column_then_right():
    doc = read(letterhead_pdf(), name="two-col.pdf")
    texts = [ln.text for ln in doc.pages[0].lines]
    assert texts[:6] == ["Maple Analytics Inc.", "100 King St W, Suite 500", "Toronto, ON M5X 1A9",
                         "Tel: 416-555-0100", "hr@maple.example", "www.maple.example"]
    assert texts[6] == "January 5, 2027"
    assert doc.pages[0].lines[3].gap_before >= 1.0  # the jump up to the right column is a break


def test_table_rows_are_not_split_into_columns():
    pdf = flow_pdf([[L("Dear Jane,"), L("Duties", gap=1),
                     L("Analyse requirements", cells=((450, "30%"),)),
                     L("Design systems", cells=((450, "70%"),))]])
    texts = [ln.text for ln in read(pdf, name="t.pdf").lines()]
    assert "Analyse requirements 30%" in texts and "Design systems 70%" in texts


def test_gap_before_measures_blank_lines():
    pdf = flow_pdf([[L("one"), L("two"), L("three", gap=2)]])
    lines = read(pdf, name="g.pdf").lines()
    assert lines[0].gap_before == 0.0
    assert lines[1].gap_before < 0.5
    assert lines[2].gap_before > 2.0


@pytest.mark.skipif(dejavu() is None, reason="DejaVu Sans not installed")
def test_ligatures_and_smart_quotes_are_normalised_with_consistent_offsets():
    font = dejavu()
    pdf = flow_pdf([[L("The \ufb01rst of\ufb01ce \ufb02oor: \u201cstaff\u201d and the employer\u2019s \ufb00ort.",
                       font=font)]])
    doc = read(pdf, name="lig.pdf")
    _consistent(doc)
    assert doc.lines()[0].text == "The first office floor: \"staff\" and the employer's ffort."
    assert "\ufb01" not in doc.text and "\u2019" not in doc.text


def test_normalise_expands_every_ligature():
    assert normalise("\ufb00\ufb01\ufb02\ufb03\ufb04") == "fffiflffiffl"
    assert normalise("\u2018a\u2019 \u201cb\u201d\u00a0c\u00ad") == "'a' \"b\" c"


def test_multi_page_pdf_pages_and_offsets():
    pdf = flow_pdf([[L("Page one text.")], [L("Page two text.")], [L("Page three text.")]])
    doc = read(pdf, name="three.pdf")
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert [ln.page for ln in doc.lines()] == [1, 2, 3]
    assert doc.text == "Page one text.\nPage two text.\nPage three text.\n"
    ev = doc.evidence(doc.text.index("two"), doc.text.index("two") + 3)
    assert ev.page == 2 and ev.text == "two" and ev.bbox is not None


def test_text_file_blank_lines_form_feed_and_crlf():
    data = b"Dear Jane,\r\n\r\n\r\nWe offer you\r\nthe job.\fPage two\n"
    doc = read(data, name="letter.txt")
    _consistent(doc)
    assert doc.kind == "text"
    assert [ln.text for ln in doc.lines()] == ["Dear Jane,", "We offer you", "the job.", "Page two"]
    assert [ln.gap_before for ln in doc.lines()] == [0.0, 2.0, 0.0, 0.0]
    assert [ln.page for ln in doc.lines()] == [1, 1, 1, 2]


def test_text_keeps_indentation_and_tabs():
    doc = read(b"Duty\t% of time\n  - wrapped item\n", name="t.txt")
    assert doc.lines()[0].text == "Duty\t% of time"
    assert doc.lines()[1].text == "  - wrapped item"
    assert doc.lines()[1].words[0].text == "-"


def test_text_encodings_utf16_bom_and_cp1252():
    utf16 = "Caf\u00e9 \u2013 offer".encode("utf-16")
    assert read(utf16, name="u16.txt").lines()[0].text == "Caf\u00e9 \u2013 offer"
    cp = "The employer\u2019s caf\u00e9".encode("cp1252")
    assert read(cp, name="cp.txt").lines()[0].text == "The employer's caf\u00e9"


def test_very_long_line_is_wrapped_not_refused():
    data = ("word " * 50_000).encode()
    doc = read(data, name="long.txt")
    assert max(len(ln.text) for ln in doc.lines()) <= Limits().max_line_chars
    assert len(doc.text.split()) == 50_000


def test_type_is_sniffed_from_bytes_not_name(tmp_path):
    path = tmp_path / "really-a-pdf.txt"
    path.write_bytes(flow_pdf([[L("Hello from a PDF.")]]))
    assert read(path).kind == "pdf"
    assert sniff(b"Dear Jane") == "text"


def _docx(build) -> bytes:
    d = docx.Document()
    build(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_lists_tables_and_headers():
    def build(d):
        d.sections[0].header.paragraphs[0].text = "Maple Analytics Inc. - Confidential"
        d.add_paragraph("Dear Jane,")
        p = d.add_paragraph()
        p.add_run("Position: ").bold = True
        p.add_run("Computer Systems Analyst")
        d.add_heading("Key Responsibilities", level=2)
        d.add_paragraph("Analyse requirements", style="List Bullet")
        d.add_paragraph("Design systems", style="List Number")
        d.add_paragraph("Test systems", style="List Number")
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).text, t.cell(0, 1).text = "Duty", "% of time"
        t.cell(1, 0).text, t.cell(1, 1).text = "Analyse requirements", "30%"
        d.add_page_break()
        d.add_paragraph("Sincerely,")

    doc = read(_docx(build), name="offer.docx")
    _consistent(doc)
    texts = [ln.text for ln in doc.lines()]
    assert texts == ["Maple Analytics Inc. - Confidential", "Dear Jane,", "Position: Computer Systems Analyst", "Key Responsibilities",
                     "\u2022 Analyse requirements", "1. Design systems", "2. Test systems",
                     "Duty | % of time", "Analyse requirements | 30%", "Sincerely,"]
    assert doc.meta["headers"] == ["Maple Analytics Inc. - Confidential"]
    position = doc.lines()[2]
    assert position.words[0].bold and not position.words[-1].bold
    heading = doc.lines()[3]
    assert heading.bold and heading.size > doc.lines()[1].size
    assert doc.lines()[-1].page == 2 and len(doc.pages) == 2


def test_docx_first_page_header_is_the_letterhead_and_footers_stay_out():
    def build(d):
        sec = d.sections[0]
        sec.different_first_page_header_footer = True
        sec.first_page_header.paragraphs[0].text = "Maple Analytics Inc."
        sec.header.paragraphs[0].text = "Maple Analytics - page header"
        sec.footer.paragraphs[0].text = "100 King St W, Toronto"
        d.add_paragraph("Dear Jane,")

    doc = read(_docx(build), name="hdr.docx")
    assert [ln.text for ln in doc.lines()] == ["Maple Analytics Inc.", "Dear Jane,"]
    assert "Maple Analytics - page header" in doc.meta["headers"]
    assert doc.meta["footers"] == ["100 King St W, Toronto"]


def test_docx_soft_breaks_and_tabs():
    def build(d):
        d.add_paragraph("100 King St W\nToronto, ON")
        d.add_paragraph("Analyse\t30%")

    lines = read(_docx(build), name="soft.docx").lines()
    assert [ln.text for ln in lines] == ["100 King St W", "Toronto, ON", "Analyse\t30%"]
    assert [ln.gap_before for ln in lines] == [1.0, 0.0, 1.0]


def test_pdf_speed_is_measured_per_page():
    """Not a timing assert: checks the reader handles a 20-page letter and reports page count."""
    pages = [[L(f"Paragraph {i} on page {n} with a few more words to read.") for i in range(40)]
             for n in range(20)]
    doc = read(flow_pdf(pages), name="twenty.pdf")
    assert doc.meta["pages"] == 20 and len(doc.lines()) == 800


def test_docx_text_box_letterhead_is_read_once():
    from docx.oxml import parse_xml

    box = ('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
           '<mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
           '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Maple Analytics Inc.</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>100 King St W</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>'
           '<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Maple Analytics Inc.</w:t></w:r>'
           '</w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>')

    def build(d):
        anchor = d.add_paragraph("January 5, 2027")
        anchor._p.append(parse_xml(box))
        d.add_paragraph("Dear Jane,")

    lines = read(_docx(build), name="box.docx").lines()
    assert [ln.text for ln in lines] == ["Maple Analytics Inc.", "100 King St W", "January 5, 2027", "Dear Jane,"]
    assert lines[0].bold and not lines[1].bold


def test_sideways_margin_text_is_dropped():
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("Helvetica", 11)
    for i, text in enumerate(["Dear Jane,", "We offer you the position of Analyst.", "Sincerely,"]):
        c.drawString(72, 700 - 20 * i, text)
    c.saveState()
    c.translate(30, 300)
    c.rotate(90)
    c.setFont("Helvetica", 7)
    c.drawString(0, 0, "Printed on recycled paper")
    c.restoreState()
    c.save()
    assert read(buf.getvalue(), name="side.pdf").text == "Dear Jane,\nWe offer you the position of Analyst.\nSincerely,\n"


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_rotated_page_is_read_as_written(degrees):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(letterhead_pdf())))
    writer.pages[0].rotate(degrees)
    out = io.BytesIO()
    writer.write(out)
    doc = read(out.getvalue(), name="rotated.pdf")
    assert doc.lines()[0].text == "Maple Analytics Inc."
    assert doc.lines()[-1].text.startswith("We are pleased to offer you")
    assert doc.lines()[0].bbox[1] > 0 and doc.pages[0].height == pytest.approx(792)


def test_docx_hyperlinks_content_controls_and_tracked_changes():
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    link = f'<w:hyperlink {w}><w:r><w:t>www.maple.example</w:t></w:r></w:hyperlink>'
    deleted = f'<w:del {w}><w:r><w:delText>old text</w:delText></w:r></w:del>'
    inserted = f'<w:ins {w}><w:r><w:t> new text</w:t></w:r></w:ins>'
    control = (f'<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>January 5, 2027</w:t></w:r></w:p>'
               '</w:sdtContent></w:sdt>')

    def build(d):
        p = d.add_paragraph("Web: ")
        p._p.append(parse_xml(link))
        q = d.add_paragraph("Kept")
        q._p.append(parse_xml(deleted))
        q._p.append(parse_xml(inserted))
        d.element.body.insert(0, parse_xml(control))

    texts = [ln.text for ln in read(_docx(build), name="word.docx").lines()]
    assert texts == ["January 5, 2027", "Web: www.maple.example", "Kept new text"]


def test_text_two_column_letterhead_is_read_column_by_column():
    text = ("                        Confidential - Maple Analytics Inc.\n\n"
            "Maple Analytics Inc.                          100 King Street West\n"
            "                                              Toronto, ON M5X 1A9\n"
            "                                              Tel. 416-555-0100\n\n"
            "January 5, 2027\n\nJane Doe          (no column: a single line)\n")
    texts = [ln.text.strip() for ln in read(text.encode(), name="two.txt").lines()]
    assert texts == ["Confidential - Maple Analytics Inc.", "Maple Analytics Inc.", "100 King Street West",
                     "Toronto, ON M5X 1A9", "Tel. 416-555-0100", "January 5, 2027",
                     "Jane Doe          (no column: a single line)"]


def test_bullets_drawn_as_shapes_become_markers():
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("Helvetica", 11)
    c.drawString(72, 720, "Your duties:")
    for i, (text, filled) in enumerate([("Analyse requirements", 1), ("Design systems", 0)]):
        y = 700 - 16 * i
        c.circle(84, y + 3.5, 2, stroke=1, fill=filled)  # as a browser draws list bullets
        c.drawString(96, y, text)
    c.rect(72, 600, 300, 0.5, fill=1)  # a rule: not bullet-sized
    c.save()
    texts = [ln.text for ln in read(buf.getvalue(), name="shapes.pdf").lines()]
    assert texts == ["Your duties:", "\u2022 Analyse requirements", "\u25e6 Design systems"]


def test_letterhead_columns_of_different_sizes_do_not_share_lines():
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)  # A4-ish default page; y grows upwards
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 770, "Maple Analytics Inc.")
    c.setFont("Helvetica", 9)
    c.drawString(72, 757, "100 King Street West")
    c.drawString(72, 747, "Toronto, ON M5X 1A9")
    for i, text in enumerate(["Tel. 416-555-0100", "hr@maple.example", "www.maple.example"]):
        c.drawString(446, 775 - 10 * i, text)
    c.setFont("Helvetica", 11)
    c.drawString(72, 715, "January 5, 2027")
    c.drawString(72, 690, "Dear Jane,")
    c.save()
    texts = [ln.text for ln in read(buf.getvalue(), name="cols.pdf").lines()]
    assert texts == ["Maple Analytics Inc.", "100 King Street West", "Toronto, ON M5X 1A9", "Tel. 416-555-0100",
                     "hr@maple.example", "www.maple.example", "January 5, 2027", "Dear Jane,"]


def test_text_table_after_the_salutation_is_not_taken_for_letterhead_columns():
    """Only a block before the letter begins can be a letterhead: a spaced table right after a
    one-line "Hello ..." keeps its rows whole."""
    text = ("Hello Dr. Ito,\n\n"
            "Calibrate spectrometers weekly               60%\n"
            "Train students on safe sample handling       40%\n")
    texts = [ln.text.strip() for ln in read(text.encode(), name="t.txt").lines()]
    assert texts == ["Hello Dr. Ito,", "Calibrate spectrometers weekly               60%",
                     "Train students on safe sample handling       40%"]
