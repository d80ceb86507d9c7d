"""End to end on real files: letters rendered as PDF, DOCX and TXT are read, segmented and extracted."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from analyzer.extract import extract
from analyzer.ingest import read
from analyzer.segment import segment
from analyzer.types import InputError
from tests.eval_extraction import field_ok, match_duties, norm, truth_for
from tests.lettergen import load_specs, render
from tests.pdfs import L, flow_pdf

SPECS = {s["id"]: s for s in load_specs(Path(__file__).parent / "labelled" / "letters")}
# One letter per format, and the layouts that are hardest to read (table, paragraph, page breaks).
CASES = ["numbered-04", "paragraph-05", "table-01", "pagebreak-02", "twocolumn-03", "signed-page3-01"]


@pytest.mark.parametrize("spec_id", CASES)
def test_rendered_letter_is_extracted(spec_id: str, tmp_path: Path) -> None:
    spec = SPECS[spec_id]
    truth = truth_for(spec)
    layout = segment(read(render(spec, tmp_path)))
    ex = extract(layout)
    assert ex.title is not None and norm(ex.title.value) == norm(truth["title"])
    want = [d["text"] for d in truth["duties"]]
    assert match_duties([d.text for d in ex.duties], want) == len(want) == len(ex.duties)
    for name, expected in truth["fields"].items():
        assert field_ok(name, ex.field(name), expected), name
    text = layout.document.text
    for duty in ex.duties:  # evidence indexes the document text and names a real page
        assert text[duty.evidence.start:duty.evidence.end] == duty.evidence.text
        assert 1 <= duty.evidence.page <= len(layout.document.pages)
    if spec["layout"] == "table":
        assert [d.share for d in ex.duties] == [d["share"] for d in truth["duties"]]


# A letter in the numbered-section style of a law firm's template (TXT): numbered headings, an
# intro sentence before the bullets, "; and" list endings, a company line and "Per:" before the name.
SECTIONED_LETTER = """NORTHWIND SOLUTIONS LTD.
2500 Granville Street, Vancouver, BC V6H 3G8

June 3, 2026

PRIVATE AND CONFIDENTIAL

Mr. John Smith
123 Elm St.
Seattle, WA 98101

Dear Mr. Smith:

RE: OFFER OF EMPLOYMENT

Northwind Solutions Ltd. ("Northwind") is pleased to offer you employment in the position of Senior Software Developer, on the terms set out below.

1. Position and Duties

You will report to the Director of Engineering. Your responsibilities will include:

  • designing and implementing back-end services in Java;
  • reviewing code written by other developers; and
  • mentoring junior developers.

2. Term

Your employment will commence on August 1, 2026 and will continue for a fixed term of two (2) years, ending July 31, 2028.

3. Compensation

You will be paid an annual base salary of CAD $120,000, payable bi-weekly, less statutory deductions.

4. Hours of Work

Your regular hours of work will be 40 hours per week.

5. Location

You will work from our Vancouver office.

6. Qualifications

As a condition of this offer, you must hold a Bachelor's degree in Computer Science or a related field.

Please sign below to confirm your acceptance.

Yours very truly,

NORTHWIND SOLUTIONS LTD.

Per: ____________________
     Mary Jones
     Vice-President, People
"""


def test_numbered_section_letter_in_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "northwind.txt"
    path.write_text(SECTIONED_LETTER, encoding="utf-8")
    ex = extract(segment(read(path)))
    assert ex.title is not None and ex.title.value == "Senior Software Developer"
    assert [d.text for d in ex.duties] == ["designing and implementing back-end services in Java",
                                           "reviewing code written by other developers",
                                           "mentoring junior developers."]
    assert (ex.field("start_date"), ex.field("end_date"), ex.field("term_months")) == ("2026-08-01", "2028-07-31", 24)
    assert ex.field("permanent") is False
    assert ex.field("wage")["annual"] == 120000.0 and ex.field("hours_per_week") == 40.0
    assert ex.field("worksite") == {"city": "Vancouver", "province": "BC"}
    assert ex.field("employer") == "NORTHWIND SOLUTIONS LTD."
    assert ex.field("education") == "Bachelor's degree in Computer Science or a related field"
    assert ex.field("signatory") == "Mary Jones"


def test_docx_with_a_label_table_and_bold_duties_line(tmp_path: Path) -> None:
    doc = docx.Document()
    for text in ("Laurentian Health Partners", "880 Boulevard Saint-Laurent, Montréal, QC H2Z 1J3",
                 "12 February 2027", "Dr. Ana Lopez", "Dear Dr. Lopez,",
                 "Further to our discussions, we are happy to confirm your appointment as Clinical "
                 "Pharmacist at our Montréal clinic, effective 1 April 2027."):
        doc.add_paragraph(text)
    table = doc.add_table(rows=3, cols=2)
    for i, (label, value) in enumerate([("Position", "Clinical Pharmacist"), ("Salary", "$52.00 per hour"),
                                        ("Hours", "37.5 hours per week")]):
        table.cell(i, 0).text, table.cell(i, 1).text = label, value
    doc.add_paragraph().add_run("Main duties:").bold = True
    duties = ["Review medication orders for appropriateness and interactions.",
              "Counsel patients on the safe use of their medication."]
    for text in duties:
        doc.add_paragraph(text, style="List Bullet")
    doc.add_paragraph("This is a permanent, full-time position. You must be registered as a pharmacist "
                      "with the Ordre des pharmaciens du Québec before your start date.")
    for text in ("Sincerely,", "Marc Gagnon", "Director, Pharmacy Services"):
        doc.add_paragraph(text)
    path = tmp_path / "offer.docx"
    doc.save(str(path))
    layout = segment(read(path))
    ex = extract(layout)
    assert ex.title is not None and ex.title.value == "Clinical Pharmacist"
    assert [d.text for d in ex.duties] == duties
    assert ex.field("start_date") == "2027-04-01" and ex.field("permanent") is True
    assert ex.field("wage")["hourly"] == 52.0 and ex.field("hours_per_week") == 37.5
    assert ex.field("worksite") == {"city": "Montréal", "province": "QC"}
    assert ex.field("employer_address") == "880 Boulevard Saint-Laurent, Montréal, QC H2Z 1J3"
    assert ex.field("licence") == "registered as a pharmacist with the Ordre des pharmaciens du Québec"
    assert ex.field("signatory") == "Marc Gagnon"
    assert layout.document.text[ex.fields["licence"].evidence.start:ex.fields["licence"].evidence.end] \
        == ex.fields["licence"].evidence.text


def test_pdf_with_prose_duties_list_sentence_and_wage_range(tmp_path: Path) -> None:
    bold = "Helvetica-Bold"
    pages = [[
        L("ACME ROBOTICS CORP.", size=14, font=bold), L("77 Bay Street, Toronto, ON M5J 2N8", size=9),
        L("October 1, 2026", gap=2), L("Ms. Carla Ruiz", gap=1), L("Calle 5, Lima, Peru"),
        L("Dear Ms. Ruiz,", gap=1),
        L("We are pleased to offer you a full-time position as Robotics Engineer with Acme Robotics Corp.", gap=1),
        L("Responsibilities", font=bold, gap=1),
        L("In this role you will lead the design of robotic arms for warehouse automation. Your duties will",
          gap=0.5),
        L("include: developing motion-control software; integrating sensors and actuators; and validating"),
        L("prototypes in the test lab. You will also write technical reports for clients."),
        L("Compensation", font=bold, gap=1),
        L("Your salary will be in the range of $90,000 to $100,000 per year, depending on experience. The",
          gap=0.5),
        L("term of your employment is one year, starting November 16, 2026."),
        L("Sincerely,", gap=2), L("Pat Lee", gap=2), L("Chief Technology Officer"),
    ]]
    path = tmp_path / "acme.pdf"
    path.write_bytes(flow_pdf(pages))
    ex = extract(segment(read(path)))
    assert ex.title is not None and ex.title.value == "Robotics Engineer"
    assert [d.text for d in ex.duties] == [
        "In this role you will lead the design of robotic arms for warehouse automation.",
        "developing motion-control software", "integrating sensors and actuators",
        "validating prototypes in the test lab", "You will also write technical reports for clients."]
    assert ex.duties[3].evidence.text == "validating\nprototypes in the test lab"
    assert ex.duties[0].evidence.bbox is not None
    assert ex.field("wage")["amount"] == 90000.0 and ex.field("wage")["period"] == "year"
    assert (ex.field("start_date"), ex.field("term_months"), ex.field("permanent")) == ("2026-11-16", 12, False)
    assert ex.field("hours_per_week") is None and ex.field("signatory") == "Pat Lee"


def test_french_pdf_is_reported_as_french(tmp_path: Path) -> None:
    lines = [L("Société Boréale inc.", size=14), L("Montréal, le 3 mars 2027", gap=2), L("Madame,", gap=1),
             L("Nous avons le plaisir de vous offrir le poste d'analyste des systèmes informatiques au sein de",
               gap=1),
             L("notre équipe. Vos fonctions comprendront l'analyse des besoins des utilisateurs et la conception"),
             L("de solutions. Votre salaire sera de 95 000 $ par année et vous travaillerez 40 heures par semaine.")]
    path = tmp_path / "offre.pdf"
    path.write_bytes(flow_pdf([lines]))
    with pytest.raises(InputError) as err:
        extract(segment(read(path)))
    assert err.value.code == "unsupported_language"
    assert "the letter is in French (fr)" in err.value.message and "offre.pdf" in err.value.message
