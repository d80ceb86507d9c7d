"""Segmentation on real PDFs, DOCX and text: roles, lists, tables, furniture, hyphenation."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from rapidfuzz import fuzz

from analyzer.ingest import read
from analyzer.segment import join_lines, segment
from analyzer.types import Layout
from tests.pdfs import L, flow_pdf, platypus_letter

BULLET = "\u2022"


def _kinds(layout: Layout) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in layout.blocks]


def _of(layout: Layout, kind: str) -> list[str]:
    return [b.text for b in layout.blocks if b.kind == kind]


def _check_spans(layout: Layout) -> None:
    text = layout.document.text
    for b in layout.blocks + layout.furniture:
        assert text[b.start:b.end] == text[b.lines[0].start:b.lines[-1].end]
        assert b.lines[0].start == b.start and b.lines[-1].end == b.end


def letter_pdf() -> bytes:
    page1 = [
        L("Maple Analytics Inc.", size=16, font="Helvetica-Bold", cells=((400, "Tel: 416-555-0100"),)),
        L("100 King St W, Suite 500", cells=((400, "hr@maple.example"),)),
        L("Toronto, ON M5X 1A9", cells=((400, "www.maple.example"),)),
        L("January 5, 2027", gap=2),
        L("Jane Doe", gap=1), L("12 Elm Street"), L("Austin, TX 78701"),
        L("Re: Offer of Employment", gap=1, font="Helvetica-Bold"),
        L("Dear Ms. Doe,", gap=1),
        L("We are pleased to offer you the position of Computer Systems Analyst with our team in", gap=1),
        L("Toronto. The role requires careful require-"),
        L("ments management."),
        L("Key Responsibilities", font="Helvetica-Bold", gap=1),
        L(f"{BULLET}  Analyse business requirements and design information systems that", gap=0.3),
        L("meet the needs of our clients", x=86),
        L(f"{BULLET}  Lead cross-"),
        L("functional project teams", x=86),
        L(f"{BULLET}  Develop and test system specifications and integration plans for the"),
        L("data warehouse", x=86),
    ]
    page2 = [
        L("and reporting platform", x=86),
        L(f"{BULLET}  Train users on new systems"),
        L("Duty", font="Helvetica-Bold", gap=1, cells=((450, "% of time"),)),
        L("Evaluate vendor software", cells=((450, "30%"),)),
        L("Prepare technical documentation and", cells=((450, "70%"),)),
        L("user guides"),
        L("Sincerely,", gap=1), L("John Smith", gap=2), L("Director, Human Resources"),
    ]
    return flow_pdf([page1, page2], footer="Maple Analytics Inc. - Confidential", page_numbers=True)


def test_pdf_letter_roles():
    layout = segment(read(letter_pdf(), name="letter.pdf"))
    _check_spans(layout)
    assert " ".join(_of(layout, "letterhead")) == (
        "Maple Analytics Inc. 100 King St W, Suite 500 Toronto, ON M5X 1A9 "
        "Tel: 416-555-0100 hr@maple.example www.maple.example")
    assert _of(layout, "date") == ["January 5, 2027"]
    assert _of(layout, "addressee") == ["Jane Doe 12 Elm Street Austin, TX 78701"]
    assert _of(layout, "subject") == ["Re: Offer of Employment"]
    assert _of(layout, "salutation") == ["Dear Ms. Doe,"]
    assert _of(layout, "heading") == ["Key Responsibilities"]
    assert _of(layout, "signature") == ["Sincerely,", "John Smith Director, Human Resources"]
    para = _of(layout, "paragraph")[0]
    assert para.endswith("Toronto. The role requires careful requirements management.")


def test_wrapped_items_and_list_across_page_break_with_footer():
    layout = segment(read(letter_pdf(), name="letter.pdf"))
    items = [b for b in layout.blocks if b.kind == "list_item"]
    assert [b.text for b in items] == [
        "Analyse business requirements and design information systems that meet the needs of our clients",
        "Lead cross-functional project teams",
        "Develop and test system specifications and integration plans for the data warehouse "
        "and reporting platform",
        "Train users on new systems",
    ]
    assert all(b.marker == BULLET for b in items)
    assert [b.page for b in items] == [1, 1, 1, 2]
    # the item spanning the page break is one block; the footer between is furniture only
    assert len(items[2].lines) == 3
    assert {b.kind for b in layout.furniture} == {"footer", "page_number"}
    assert all("Confidential" not in b.text and "Page" not in b.text for b in layout.blocks)
    kinds = [b.kind for b in layout.blocks]
    first, last = kinds.index("list_item"), len(kinds) - kinds[::-1].index("list_item")
    assert set(kinds[first:last]) == {"list_item"}  # one uninterrupted list


def test_pdf_table_rows_have_cells_and_wrapped_cells():
    layout = segment(read(letter_pdf(), name="letter.pdf"))
    rows = [b for b in layout.blocks if b.kind == "table_row"]
    assert [b.cells for b in rows] == [("Duty", "% of time"), ("Evaluate vendor software", "30%"),
                                       ("Prepare technical documentation and user guides", "70%")]


def test_sections_group_blocks_under_headings():
    layout = segment(read(letter_pdf(), name="letter.pdf"))
    duties = next(s for s in layout.sections if s.heading and s.heading.text == "Key Responsibilities")
    assert [b.kind for b in duties.blocks][:4] == ["list_item"] * 4
    assert layout.sections[0].heading is None
    assert sum(len(s.blocks) + (1 if s.heading else 0) for s in layout.sections) == len(layout.blocks)


def test_list_markers_of_every_kind_in_text():
    text = ("Dear Jane,\n\nYour duties:\n"
            "1. first numbered\n2) second numbered\n(a) lettered\nb) lettered two\n"
            "i. roman\n(iv) roman four\n* star\n\u25e6 hollow\n\u25aa square\n\u2013 en dash\n- hyphen dash\n")
    layout = segment(read(text.encode(), name="markers.txt"))
    items = [b for b in layout.blocks if b.kind == "list_item"]
    assert [b.marker for b in items] == ["1.", "2)", "(a)", "b)", "i.", "(iv)", "*", "\u25e6", "\u25aa",
                                         "\u2013", "-"]
    assert items[0].text == "first numbered" and items[-1].text == "hyphen dash"
    assert _of(layout, "heading") == ["Your duties:"]


def test_text_letter_headings_tables_and_page_number():
    text = ("Maple Analytics Inc.\n100 King St W\n\nJanuary 5, 2027\n\nDear Jane:\n\n"
            "We are pleased to offer you this position.\n\n"
            "KEY RESPONSIBILITIES\n"
            "- Analyse business requirements and design solutions for clients and\n"
            "  stakeholders\n- Write reports\n\n"
            "Duty\t% of time\nAnalyse requirements\t30%\nDesign systems\t70%\n"
            "\fPage 2\nPosition Details\nThe position is full time.\n\nYours truly,\n\nJohn Smith\n")
    layout = segment(read(text.encode(), name="t.txt"))
    _check_spans(layout)
    assert _of(layout, "heading") == ["KEY RESPONSIBILITIES", "Position Details"]
    assert _of(layout, "list_item") == [
        "Analyse business requirements and design solutions for clients and stakeholders", "Write reports"]
    assert [b.cells for b in layout.blocks if b.kind == "table_row"] == [
        ("Duty", "% of time"), ("Analyse requirements", "30%"), ("Design systems", "70%")]
    assert [(b.kind, b.text) for b in layout.furniture] == [("page_number", "Page 2")]
    assert _of(layout, "signature") == ["Yours truly,", "John Smith"]
    assert _of(layout, "letterhead") == ["Maple Analytics Inc. 100 King St W"]


def test_running_header_repeated_on_each_page_is_furniture():
    bodies = ["Dear Jane, we offer you the job.", "The salary is fair.", "We look forward to it."]
    pages = [[L("ACME Corp | Offer of employment", size=8), L(body, gap=1)] for body in bodies]
    layout = segment(read(flow_pdf(pages), name="h.pdf"))
    assert [(b.kind, b.page) for b in layout.furniture] == [("header", 1), ("header", 2), ("header", 3)]
    assert all("ACME" not in b.text for b in layout.blocks)


def test_big_letterhead_repeated_on_each_page_stays_letterhead_on_page_one():
    bodies = ["Dear Jane, we offer you the job.", "The salary is fair.", "We look forward to it."]
    pages = [[L("ACME Corp", size=16, font="Helvetica-Bold"), L(body, gap=1)] for body in bodies]
    layout = segment(read(flow_pdf(pages), name="h.pdf"))
    assert [(b.kind, b.page) for b in layout.furniture] == [("header", 2), ("header", 3)]
    assert layout.blocks[0].text == "ACME Corp" and layout.blocks[0].page == 1


def test_docx_letter():
    d = docx.Document()
    d.add_paragraph("Maple Analytics Inc.")
    d.add_paragraph("January 5, 2027")
    d.add_paragraph("Dear Jane,")
    d.add_paragraph("We are pleased to offer you the position of Analyst.")
    d.add_paragraph("Duties:")
    d.add_paragraph("Analyse requirements", style="List Bullet")
    d.add_paragraph("Design systems", style="List Number")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Duty", "% of time"
    t.cell(1, 0).text, t.cell(1, 1).text = "Test systems", "40%"
    d.add_paragraph("Sincerely,")
    d.add_paragraph("John Smith")
    buf = io.BytesIO()
    d.save(buf)
    layout = segment(read(buf.getvalue(), name="d.docx"))
    assert _kinds(layout) == [
        ("letterhead", "Maple Analytics Inc."), ("date", "January 5, 2027"), ("salutation", "Dear Jane,"),
        ("paragraph", "We are pleased to offer you the position of Analyst."), ("heading", "Duties:"),
        ("list_item", "Analyse requirements"), ("list_item", "Design systems"),
        ("table_row", "Duty | % of time"), ("table_row", "Test systems | 40%"),
        ("signature", "Sincerely,"), ("signature", "John Smith"),
    ]


def test_lone_label_value_line_is_not_a_table():
    text = "Dear Jane,\n\nSalary:     $95,000 per year\n\nWe look forward to working with you.\n"
    layout = segment(read(text.encode(), name="s.txt"))
    assert "table_row" not in [b.kind for b in layout.blocks]


def test_hyphenation_rule():
    assert join_lines(["the manage-", "ment team"]) == "the management team"
    assert join_lines(["a cross-", "functional team"]) == "a cross-functional team"
    assert join_lines(["Toronto-", "Based firm"]) == "Toronto-Based firm"
    assert join_lines(["ends here -", "and goes on"]) == "ends here - and goes on"


# ---------------------------------------------------------------- the labelled letters

def _labelled() -> list[dict]:
    from tests.lettergen import load_specs

    return load_specs(Path(__file__).parent / "labelled" / "letters")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    from tests.lettergen import render

    out = tmp_path_factory.mktemp("letters")
    for spec in _labelled():
        render(spec, out)
    return out


@pytest.mark.parametrize("spec", _labelled(), ids=lambda s: s["id"])
def test_labelled_letter_duties_are_whole_blocks(spec, rendered):
    """Every duty of every generated layout (wrapped, hyphenated, split by a page break, in a
    table, behind a two-column letterhead) is one list item / table row, or lies inside the
    paragraphs for prose duties; no running header, footer or page number leaks into them."""
    from tests.lettergen import expected

    path = next(rendered.glob(spec["id"] + ".*"))
    layout = segment(read(path))
    items = [b for b in layout.blocks if b.kind in ("list_item", "table_row")]
    texts = [b.cells[0] if b.cells else b.text for b in items]
    prose = " ".join(b.text for b in layout.blocks if b.kind == "paragraph")
    for duty in expected(spec)["duties"]:
        if spec["layout"] == "paragraph":
            assert fuzz.partial_ratio(duty["text"], prose) >= 90, duty["text"]
        else:
            assert max(fuzz.ratio(duty["text"], t) for t in texts) >= 90, duty["text"]
    running = [f.text for f in layout.furniture if f.kind != "other" and len(f.text) > 6]
    assert not [t for t in texts if any(f in t for f in running)]
    kinds = {b.kind for b in layout.blocks}
    assert {"date", "salutation"} <= kinds
    if "signature" not in spec.get("omit", []):
        assert "signature" in kinds


def test_bold_numbered_heading_is_a_heading_not_a_list_item():
    pdf = flow_pdf([[L("Dear Jane,"), L("1. Summary of Duties", font="Helvetica-Bold", gap=1),
                     L("1.  Analyse business requirements", gap=0.5), L("2.  Design systems"),
                     L("2. Terms and Conditions", font="Helvetica-Bold", gap=1),
                     L("The position is full time.", gap=0.5)]])
    layout = segment(read(pdf, name="n.pdf"))
    heads = [b for b in layout.blocks if b.kind == "heading"]
    assert [(b.marker, b.text) for b in heads] == [("1.", "Summary of Duties"), ("2.", "Terms and Conditions")]
    assert _of(layout, "list_item") == ["Analyse business requirements", "Design systems"]
    assert [b.heading.text for b in layout.sections if b.heading] == ["Summary of Duties", "Terms and Conditions"]


def test_small_print_at_page_edges_of_a_one_page_letter_is_furniture():
    pdf = flow_pdf([[L("CONFIDENTIAL - prepared for Jane Doe", size=7),
                     L("Maple Analytics Inc.", size=14, gap=3), L("Dear Jane,", gap=1),
                     L("We are pleased to offer you the position of Computer Systems Analyst.", gap=1),
                     L("You will analyse requirements and design information systems for clients."),
                     L("Sincerely,", gap=1), L("John Smith", gap=1),
                     L("Maple Analytics Inc. 100 King St W, Toronto, ON www.maple.example", size=7, gap=6)]])
    layout = segment(read(pdf, name="one.pdf"))
    assert [(b.kind, b.text[:12]) for b in layout.furniture] == [("header", "CONFIDENTIAL"), ("footer", "Maple Analyt")]
    assert _of(layout, "letterhead") == ["Maple Analytics Inc."]
    assert _of(layout, "signature") == ["Sincerely,", "John Smith"]


def test_markdown_style_headings_in_text():
    text = "Dear Jane,\n\n# Responsibilities\nThe table below lists them.\n\n- Analyse requirements\n"
    layout = segment(read(text.encode(), name="md.txt"))
    assert _of(layout, "heading") == ["Responsibilities"]
    assert _of(layout, "paragraph") == ["The table below lists them."]


def test_closing_not_in_the_word_list_is_found_by_its_shape():
    text = ("Estimada Sra. Ochoa / Dear Ms. Ochoa,\n\nWe are delighted to offer you the position of "
            "Hotel Manager at our Canmore property.\n\nUn abrazo fuerte,\n\nGraham Ostler\nManaging Partner\n")
    layout = segment(read(text.encode(), name="es.txt"))
    assert _of(layout, "salutation") == ["Estimada Sra. Ochoa / Dear Ms. Ochoa,"]
    assert " ".join(_of(layout, "signature")) == "Un abrazo fuerte, Graham Ostler Managing Partner"


def test_platypus_letter_with_justified_text_lists_and_gridded_table():
    duties = ["Analyse business requirements and design information systems that meet the needs of our "
              "clients across Canada and the United States",
              "Develop and test system specifications, data models and integration plans",
              "Evaluate vendor software and recommend improvements to existing systems, including "
              "cost-benefit analyses",
              "Prepare technical documentation and train users on new systems"]
    layout = segment(read(platypus_letter(duties, [40, 30, 20, 10]), name="platypus.pdf"))
    assert _of(layout, "list_item") == duties
    rows = [b.cells for b in layout.blocks if b.kind == "table_row"]
    assert rows == [("Duty", "% of time")] + [(d, f"{p}%") for d, p in zip(duties, (40, 30, 20, 10), strict=True)]
    assert _of(layout, "heading") == ["Key Responsibilities", "Time allocation"]
    assert _of(layout, "addressee") == ["Jane Doe 12 Elm Street Austin, TX 78701"]
    assert all(b.kind != "table_row" for b in layout.blocks if b.text.startswith("We are pleased"))


def test_wrapped_first_cell_in_capitals_stays_in_its_row():
    """A first cell that wraps onto a line of capitals (a standard's name) is still that cell:
    not a heading, and the rows after it stay in the same table."""
    rows = [L("Activity", cells=((430, "Share"),), gap=1),
            L("Audit supplier production lines and quality records against", cells=((430, "40%"),)),
            L("ISO 13485"),
            L("Validate sterilisation cycles for implant packaging", cells=((430, "35%"),)),
            L("Train technicians on deviation reporting", cells=((430, "25%"),)),
            L("Working Conditions", font="Helvetica-Bold", gap=1),
            L("The laboratory operates weekdays from 8:00 to 16:00.")]
    pdf = flow_pdf([[L("Dear Mr. Osei,"), L("Your work will be divided as follows.", gap=1),
                     L("Time Allocation", font="Helvetica-Bold", gap=1), *rows]])
    layout = segment(read(pdf, name="wrapped-cell.pdf"))
    assert [b.cells for b in layout.blocks if b.kind == "table_row"] == [
        ("Activity", "Share"),
        ("Audit supplier production lines and quality records against ISO 13485", "40%"),
        ("Validate sterilisation cycles for implant packaging", "35%"),
        ("Train technicians on deviation reporting", "25%")]
    assert _of(layout, "heading") == ["Time Allocation", "Working Conditions"]
    table = next(s for s in layout.sections if s.heading and s.heading.text == "Time Allocation")
    assert [b.kind for b in table.blocks] == ["table_row"] * 4



def _subject_letter(subject: list[L], before_salutation: bool) -> bytes:
    dear = [L("Dear Dr. Lindqvist,", gap=1)]
    head = [L("Arbutus Marine Labs", size=16, font="Helvetica-Bold"), L("April 9, 2027", gap=1)]
    body = [L("We are glad to confirm the details of your appointment below.", gap=1),
            L("Remuneration", font="Helvetica-Bold", gap=1), L("The annual salary is $96,000.")]
    return flow_pdf([head + (subject + dear if before_salutation else dear + subject) + body])


@pytest.mark.parametrize("before_salutation", [True, False])
def test_bold_subject_that_wraps_is_one_subject(before_salutation):
    """The second line of a wrapped bold subject continues it: it is no heading, whether the
    first line ran to the margin or stopped on a joining word."""
    full = [L("Subject: Appointment as Marine Biologist, Coastal Ecology Program, Nanaimo Field", gap=1,
              font="Helvetica-Bold", size=12),
            L("Station 3", font="Helvetica-Bold", size=12)]
    layout = segment(read(_subject_letter(full, before_salutation), name="subject.pdf"))
    assert _of(layout, "subject") == [
        "Subject: Appointment as Marine Biologist, Coastal Ecology Program, Nanaimo Field Station 3"]
    assert _of(layout, "heading") == ["Remuneration"]
    short = [L("Subject: Appointment of Marine Biologist and", gap=1, font="Helvetica-Bold"),
             L("Field Station Lead", font="Helvetica-Bold")]
    layout = segment(read(_subject_letter(short, before_salutation), name="subject2.pdf"))
    assert _of(layout, "subject") == ["Subject: Appointment of Marine Biologist and Field Station Lead"]


def test_short_subject_then_bold_heading_stay_apart():
    lines = [L("RE: Offer of Appointment", gap=1, font="Helvetica-Bold"),
             L("Position Summary", font="Helvetica-Bold")]
    layout = segment(read(_subject_letter(lines, False), name="subject3.pdf"))
    assert _of(layout, "subject") == ["RE: Offer of Appointment"]
    assert _of(layout, "heading") == ["Position Summary", "Remuneration"]


# ---------------------------------------------------------------- where the signature ends

B = "Helvetica-Bold"
ROLE_DUTIES = ["Survey nesting colonies of shorebirds along the tidal flats",
               "Maintain the banding database and publish quarterly summaries",
               "Supervise two seasonal field assistants"]


def _signed_page(extra: list[L]) -> list[L]:
    return [L("Dear Mr. Haddad,"),
            L("We are pleased to appoint you as Wildlife Biologist at our Tofino station.", gap=1),
            L("Please sign and return one copy by June 1, 2027.", gap=1),
            L("With warm regards,", gap=1), L("Mireille Ouellet", gap=2), L("Station Director"),
            L("Pacific Rim Field Studies Society"), *extra]


def _duty_page(heading: str) -> list[L]:
    return [L(heading, font=B, size=12), L("Position: Wildlife Biologist", gap=1),
            L("Reports to: Station Director"), L("Core responsibilities:", font=B, gap=1),
            *[L(f"{BULLET} {d}") for d in ROLE_DUTIES],
            L("The field season runs from April to September each year.", gap=1)]


def _signature_ok(layout: Layout, extra: tuple[str, ...] = ()) -> None:
    assert _of(layout, "signature")[:2] == ["With warm regards,",
                                            "Mireille Ouellet Station Director Pacific Rim Field Studies Society"]
    assert tuple(_of(layout, "signature")[2:]) == extra
    assert _of(layout, "list_item") == ROLE_DUTIES


@pytest.mark.parametrize("heading", ["Appendix 1 \u2013 Role Profile", "ROLE PROFILE"])
def test_content_on_a_page_after_the_signature_is_segmented_as_body(heading):
    """A schedule after the signature (named as one, or any heading starting a new page) is
    body: its heading, labels and list items keep their roles."""
    layout = segment(read(flow_pdf([_signed_page([]), _duty_page(heading)]), name="appendix.pdf"))
    _signature_ok(layout)
    assert _of(layout, "heading") == [heading, "Core responsibilities:"]
    assert "Position: Wildlife Biologist" in _of(layout, "paragraph")
    section = next(s for s in layout.sections if s.heading and s.heading.text == "Core responsibilities:")
    assert [b.kind for b in section.blocks] == ["list_item"] * 3 + ["paragraph"]


def test_acceptance_lines_stay_in_the_signature_and_an_appendix_on_the_same_page_does_not():
    accept = [L("Accepted and agreed:", gap=1), L("Employee signature: ____________________"),
              L("Date: ______________")]
    page = _signed_page(accept) + [L(ln.text, x=ln.x, size=ln.size, font=ln.font, gap=ln.gap or 0)
                                   for ln in _duty_page("Schedule B: Role Profile")]
    page[len(_signed_page(accept))].gap = 2
    layout = segment(read(flow_pdf([page]), name="same-page.pdf"))
    _signature_ok(layout, ("Accepted and agreed:", "Employee signature: ____________________",
                           "Date: ______________"))
    assert _of(layout, "heading") == ["Schedule B: Role Profile", "Core responsibilities:"]


def test_acceptance_block_after_the_schedule_is_a_signature_again():
    tail = [L("Acknowledged and accepted by the employee:", gap=2), L("Signature: ____________________")]
    layout = segment(read(flow_pdf([_signed_page([]), _duty_page("Appendix A") + tail]), name="tail.pdf"))
    _signature_ok(layout, ("Acknowledged and accepted by the employee:", "Signature: ____________________"))
    assert [b.page for b in layout.blocks if b.kind == "signature"] == [1, 1, 2, 2]


def test_signatory_carried_to_the_next_page_stays_in_the_signature():
    page1 = _signed_page([])[:4]
    page2 = [L("Mireille Ouellet", font=B), L("Station Director"), L("Pacific Rim Field Studies Society")]
    layout = segment(read(flow_pdf([page1, page2]), name="carried.pdf"))
    assert _of(layout, "signature") == ["With warm regards,", "Mireille Ouellet",
                                        "Station Director Pacific Rim Field Studies Society"]
    assert _of(layout, "heading") == []


def test_docx_schedule_after_a_page_break_is_body():
    d = docx.Document()
    for text in ("Dear Ms. Tran,", "We offer you the position of Hydrologist.", "Yours sincerely,",
                 "Arjun Mehta", "Chief Scientist"):
        d.add_paragraph(text)
    d.add_page_break()
    d.add_heading("Schedule 1 \u2013 Duties", level=2)
    for duty in ("Model groundwater flow in fractured bedrock", "Install and log piezometers"):
        d.add_paragraph(duty, style="List Bullet")
    buf = io.BytesIO()
    d.save(buf)
    layout = segment(read(buf.getvalue(), name="schedule.docx"))
    assert _of(layout, "signature") == ["Yours sincerely,", "Arjun Mehta", "Chief Scientist"]
    assert _of(layout, "heading") == ["Schedule 1 \u2013 Duties"]
    assert _of(layout, "list_item") == ["Model groundwater flow in fractured bedrock", "Install and log piezometers"]


# ---------------------------------------------------------------- closings

@pytest.mark.parametrize("closing", ["Atentamente / Yours truly,", "Bien à vous | Kind regards,",
                                     "Warmest regards,", "With appreciation,"])
def test_bilingual_and_less_common_closings_start_the_signature(closing):
    """The signatory line here is too long for the by-shape fallback: only the word list (with
    its slash-separated bilingual forms) finds the closing."""
    d = docx.Document()
    for text in ("Dear Mr. Okafor,", "We are pleased to offer you the role of Urban Forester in Sherbrooke.",
                 closing, "Lucía Ferrer, directrice des ressources humaines / Human Resources Director, "
                 "Boisvert Arboriculture inc."):
        d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    layout = segment(read(buf.getvalue(), name="closing.docx"))
    assert _of(layout, "signature")[0] == closing
    assert len(_of(layout, "signature")) == 2
    assert _of(layout, "paragraph") == ["We are pleased to offer you the role of Urban Forester in Sherbrooke."]


@pytest.mark.parametrize("line", ["Salary / Salaire", "Toronto / Vancouver,", "Regards to your family / team members "
                                  "at the new site,"])
def test_slash_lines_that_are_no_valediction_are_not_closings(line):
    from analyzer.segment import is_closing
    from analyzer.types import Line

    assert not is_closing(Line(page=1, text=line, start=0, end=len(line)))


def test_wrapped_first_cell_in_a_text_table_stays_in_its_row():
    text = ("Dear Ms. Varga,\n\nDuties\n"
            "Inspect gas appliances for compliance with    50%\n"
            "Provincial Code\n"
            "Issue permits for new installations           50%\n\nKind regards,\n\nOlu Bamidele\n")
    layout = segment(read(text.encode(), name="wrapped.txt"))
    assert [b.cells for b in layout.blocks if b.kind == "table_row"] == [
        ("Inspect gas appliances for compliance with Provincial Code", "50%"),
        ("Issue permits for new installations", "50%")]
    assert _of(layout, "heading") == ["Duties"]


@pytest.mark.parametrize("date", ["Montréal, le 3 février 2027 / February 3, 2027", "le 1er août 2027",
                                  "Guadalajara, 12 de marzo de 2027 | March 12, 2027"])
def test_french_spanish_and_bilingual_date_lines(date):
    """A date in French or Spanish, or written in two languages, is the date, not part of the
    addressee's block."""
    d = docx.Document()
    for text in ("Boisvert Arboriculture inc.", date, "M. Idris Okafor", "88 rue Principale", "Dear Mr. Okafor,",
                 "We are pleased to offer you the role of Urban Forester."):
        d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    layout = segment(read(buf.getvalue(), name="date.docx"))
    assert _of(layout, "date") == [date]
    assert _of(layout, "addressee") == ["M. Idris Okafor 88 rue Principale"]
    assert _of(layout, "letterhead") == ["Boisvert Arboriculture inc."]


def test_corporate_signing_lines_on_the_next_page_stay_in_the_signature():
    page2 = [L("For and on behalf of Pacific Rim Field Studies Society"), L("By: ______________________", gap=1),
             L("Title: Station Director"), L("Date: ______________")]
    layout = segment(read(flow_pdf([_signed_page([]), page2]), name="signing.pdf"))
    kinds = [b.kind for b in layout.blocks]
    closing = _of(layout, "signature").index("With warm regards,")
    assert set(kinds[kinds.index("signature"):]) == {"signature"}
    assert " ".join(_of(layout, "signature")[closing:]).endswith(
        "By: ______________________ Title: Station Director Date: ______________")


def test_enclosure_list_after_the_closing_stays_in_the_signature():
    extra = [L("Enclosures:", gap=1), L(f"{BULLET} Benefits enrolment guide"), L(f"{BULLET} Field safety manual")]
    layout = segment(read(flow_pdf([_signed_page(extra)]), name="encl.pdf"))
    assert _of(layout, "signature")[2:] == ["Enclosures:", "Benefits enrolment guide", "Field safety manual"]
    assert _of(layout, "list_item") == []


def test_closing_found_by_shape_before_an_appendix():
    """A valediction not in the word list is still found when an appendix with long lines
    follows the signature on a new page."""
    text = ("Dear Ms. Adeyemi,\n\nWe are delighted to offer you the position of Soil Scientist in Saskatoon.\n\n"
            "Un abrazo grande,\n\nNadia Brunet\nResearch Director\n\f"
            "APPENDIX B\n\n- Sample and classify agricultural soils across the prairie research plots\n"
            "- Report nutrient trends to the agronomy team every quarter\n")
    layout = segment(read(text.encode(), name="shape.txt"))
    assert " ".join(_of(layout, "signature")) == "Un abrazo grande, Nadia Brunet Research Director"
    assert _of(layout, "heading") == ["APPENDIX B"]
    assert len(_of(layout, "list_item")) == 2


@pytest.mark.parametrize(("line", "closing"), [
    ("Veuillez agréer, Docteure, l'expression de nos sentiments distingués.", True),
    ("Je vous prie d'agréer, Madame, mes salutations respectueuses.", True),
    ("Recevez, Monsieur, nos meilleures salutations.", True),
    ("Veuillez agréer les conditions de l'annexe A avant le 1er mars et nous retourner le formulaire signé.", False),
])
def test_french_closing_formulas_start_the_signature(line: str, closing: bool) -> None:
    from analyzer.segment import is_closing
    from analyzer.types import Line

    assert is_closing(Line(page=1, text=line, start=0, end=len(line))) is closing
