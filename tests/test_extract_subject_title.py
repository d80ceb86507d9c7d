"""Subject lines that do not hold the job title as the body writes it: a document type ("Letter of
Offer - Fixed-Term Appointment"), the title in capitals with a department after it, a title
followed by a territory ("Sales Engineer, Western Canada")."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.extract import extract
from analyzer.ingest import read
from analyzer.segment import segment
from analyzer.types import Extraction
from tests.extract_helpers import layout
from tests.heldout.render import render_docx, render_pdf

HEAD = """Northfield Energy Corporation
900 Main Street, Regina, SK S4P 0A1

June 2, 2027

Tom Reyes
12 Cedar Road
Denver, CO 80201

{subject}

Dear Mr. Reyes,

{opening}

# Duties

- Model surface water flows at the reservoirs
- Prepare flood risk assessments for the dam safety review
- Maintain the hydrometric station network

Yours truly,

Ann Cole
Director, Water Resources
"""


def _letter(tmp_path: Path, fmt: str, subject: str, opening: str) -> Extraction:
    render = render_pdf if fmt == "pdf" else render_docx
    source = HEAD.format(subject=subject, opening=opening)
    return extract(segment(read(render("st-01", source, tmp_path))))


@pytest.mark.parametrize("subject", [
    "Re: Letter of Offer - Fixed-Term Appointment",
    "Re: Conditional Offer",
    "Subject: Offer of Temporary Full-Time Employment",
    "Letter of Offer \u2013 Term Appointment",
])
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_subject_naming_the_kind_of_letter_gives_way_to_the_body(subject: str, fmt: str, tmp_path: Path) -> None:
    ex = _letter(tmp_path, fmt, subject, "I am pleased to offer you a fixed-term appointment to the position of "
                 "Hydrologist with Northfield Energy Corporation, beginning on August 1, 2027.")
    assert ex.title is not None and ex.title.value == "Hydrologist"
    assert ex.title.evidence.text == "Hydrologist"


def test_a_capitalised_subject_with_a_department_takes_the_bodys_title(tmp_path: Path) -> None:
    ex = _letter(tmp_path, "pdf", "RE: SR HYDROLOGIST, DAM SAFETY",
                 "We are delighted to offer you the position of Sr Hydrologist in our Dam Safety "
                 "section, starting August 1, 2027.")
    assert ex.title is not None and ex.title.value == "Sr Hydrologist"


def test_a_capitalised_subject_alone_is_still_the_title(tmp_path: Path) -> None:
    ex = _letter(tmp_path, "pdf", "RE: HYDROLOGIST", "Welcome aboard. Your first day is August 1, 2027.")
    assert ex.title is not None and ex.title.value == "HYDROLOGIST"


@pytest.mark.parametrize(("blocks", "title"), [
    ((("subject", "Re: Offer of Employment \u2013 Field Service Engineer, Northern Alberta"),), "Field Service Engineer"),
    ((("paragraph", "Position: Controls Engineer, Eastern Canada"),), "Controls Engineer"),
    ((("paragraph", "We are pleased to offer you the role of Account Manager, Western Canada, reporting "
                    "to the Vice-President of Sales."),), "Account Manager"),
    # a function after the comma is part of the title (the Canadian inverted form)
    ((("paragraph", "Position: Manager, Quality Assurance"),), "Manager, Quality Assurance"),
    ((("paragraph", "We are pleased to offer you the role of Director, Finance, reporting to the CEO."),),
     "Director, Finance"),
])
def test_a_territory_after_the_comma_is_not_part_of_the_title(blocks: tuple, title: str) -> None:
    ex = extract(layout(*blocks))
    assert ex.title is not None and ex.title.value == title


@pytest.mark.parametrize(("blocks", "title"), [
    ((("paragraph", "Position: Data Analyst, Pricing Department"),), "Data Analyst"),
    ((("paragraph", "We are pleased to offer you the position of Data Analyst, Pricing Division, reporting to "
                    "the Director."),), "Data Analyst"),
])
def test_a_department_after_the_comma_is_not_part_of_the_title(blocks: tuple, title: str) -> None:
    ex = extract(layout(*blocks))
    assert ex.title is not None and ex.title.value == title


@pytest.mark.parametrize("subject", [
    "Re: Employment Offer \u2013 Term Position (12 months)",
    "Re: Offer of Employment \u2013 24-Month Term",
    "Re: Secondment Agreement",
    "Re: Offer of Employment \u2013 CUSMA Professional",
    "RE: TEMPORARY FULL-TIME APPOINTMENT",
])
def test_lengths_programs_and_arrangements_in_the_subject_are_not_titles(subject: str) -> None:
    ex = extract(layout(("subject", subject),
                        ("paragraph", "We are pleased to offer you the position of Hydrologist with us.")))
    assert ex.title is not None and ex.title.value == "Hydrologist"


def test_a_real_title_in_the_subject_still_wins() -> None:
    ex = extract(layout(("subject", "Re: Job Offer - Senior Hydrologist"),
                        ("paragraph", "We are pleased to offer you this position with us.")))
    assert ex.title is not None and ex.title.value == "Senior Hydrologist"


def test_a_unit_the_body_names_as_such_is_cut_from_the_subject() -> None:
    ex = extract(layout(("subject", "RE: STATISTICIAN, CLAIMS MODELLING"),
                        ("paragraph", "Welcome aboard. You will join the Claims Modelling team on March 1, 2027.")))
    assert ex.title is not None and ex.title.value == "STATISTICIAN"
