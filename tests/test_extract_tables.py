"""Terms set out in a table of three columns (item | terms | section of the agreement), with cells
that wrap onto a second line: each row is read cell by cell, and the middle cell is the value."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.extract import extract
from analyzer.ingest import read
from analyzer.segment import segment
from analyzer.types import Extraction
from tests.heldout.render import render_docx, render_pdf

LETTER = """Tamarack Basin Minerals Ltd.
410 Elm Street, Sudbury, ON P3C 1V1

February 8, 2027

Mr. Owen Castillo
19 Juniper Court
Boise, ID 83702

Re: Offer of Employment

Dear Mr. Castillo,

Tamarack Basin Minerals Ltd. is pleased to offer you the position of Mine Geologist. Your terms are set out below.

Item | Terms | Agreement section
Place of work | Blackwater Narrows Mine, near Kirkland Lake, Ontario, with a bunkhouse on site | 2.1
Commencement | Monday, April 12, 2027, or the day your work permit is issued if that is later | 2.2
Term | 30 months | 2.3
Hours | 40 hours per week | 3.1
Salary | $121,500 per year | 4.1
Education required | Bachelor of Science in Geology or Geological Engineering | 5.1
Professional licence | Registration as a Professional Geoscientist with the Professional Geoscientists of Ontario | 5.2

# Your duties

- Map underground headings and log diamond drill core
- Maintain the geological block model for the open stopes
- Supervise grade control sampling crews

Sincerely,

Lena Moreau
Chief Geologist
Tamarack Basin Minerals Ltd.
"""


def _read(fmt: str, tmp_path: Path) -> Extraction:
    render = render_pdf if fmt == "pdf" else render_docx
    return extract(segment(read(render("t3-01", LETTER, tmp_path))))


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_three_column_terms_table_is_read_from_the_middle_column(fmt: str, tmp_path: Path) -> None:
    ex = _read(fmt, tmp_path)
    assert ex.field("start_date") == "2027-04-12"
    assert ex.field("term_months") == 30
    assert ex.field("wage")["amount"] == 121500.0
    assert ex.field("education") == "Bachelor of Science in Geology or Geological Engineering"
    assert ex.field("licence") == ("Registration as a Professional Geoscientist with the Professional "
                                   "Geoscientists of Ontario")
    assert ex.field("worksite") == {"city": "Kirkland Lake", "province": "ON"}


def test_a_wrapped_row_keeps_each_cell_whole_and_its_evidence_exact(tmp_path: Path) -> None:
    ex = _read("pdf", tmp_path)
    education = ex.fields["education"]
    assert education is not None
    # the evidence runs from the cell's first word to its last (on the next line), not into the
    # section number or the next row
    words = education.evidence.text.split()
    assert (words[0], words[-1]) == ("Bachelor", "Engineering")
    assert [d.text for d in ex.duties][0] == "Map underground headings and log diamond drill core"


def test_rows_labelled_start_and_end_give_the_dates() -> None:
    from tests.extract_helpers import layout

    ex = extract(layout(
        ("table_row", "Item | Terms | Clause", None, ("Item", "Terms", "Clause")),
        ("table_row", "Start | Monday, June 7, 2027 | 1.2", None, ("Start", "Monday, June 7, 2027", "1.2")),
        ("table_row", "End | June 6, 2029 | 1.3", None, ("End", "June 6, 2029", "1.3")),
        ("table_row", "Professional registration | Member of the Ordre des ingénieurs du Québec | 5.2", None,
         ("Professional registration", "Member of the Ordre des ingénieurs du Québec", "5.2")),
    ))
    assert ex.field("start_date") == "2027-06-07"
    assert ex.field("end_date") == "2029-06-06"
    assert ex.field("term_months") == 24
    assert ex.field("licence") == "Member of the Ordre des ingénieurs du Québec"
