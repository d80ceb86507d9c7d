"""Education and licence values that end at the requirement: not run on into a purpose ("so that
you can ..."), a scope (", including authorization ..."), a grace period (", or obtain within 90
days ..."), an aside to the reader or the law's reach ("that anyone who ..."); an accreditation
that belongs to the degree stays; a requirement under "What we need from you" is found."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.extract import extract
from analyzer.ingest import read
from analyzer.segment import segment
from tests.extract_helpers import layout
from tests.heldout.render import render_docx, render_pdf


@pytest.mark.parametrize(("text", "education", "licence"), [
    ("You must hold a degree in landscape architecture from a LAAC-accredited program and be licensed by the "
     "Alberta Association of Landscape Architects, so that you can stamp planting plans.",
     "degree in landscape architecture from a LAAC-accredited program",
     "licensed by the Alberta Association of Landscape Architects"),
    ("You must be a registered member of the Nova Scotia College of Pharmacy, including authorization to "
     "prescribe for minor ailments.", None, "registered member of the Nova Scotia College of Pharmacy"),
    ("You must hold a licence from the Association of Professional Engineers of Yukon, or obtain within 60 "
     "days, a limited licence.", None, "a licence from the Association of Professional Engineers of Yukon"),
    ("You must be licensed by the Architectural Institute of British Columbia before you sign any "
     "permit drawings.", None, "licensed by the Architectural Institute of British Columbia"),
    ("You must hold registration as a Professional Forester that anyone who practises forestry in the "
     "province must hold.", None, "registration as a Professional Forester"),
    ("The appointment requires that you hold a Master's degree in Agricultural Economics, so that you can "
     "lead the farm income models.", "Master's degree in Agricultural Economics", None),
    ("As a condition of this offer, a Doctorate in Soil Science is required.", "Doctorate in Soil Science", None),
    ("The role requires a Bachelor's degree in Actuarial Science (we will confirm it with your university), and "
     "at least two years of pricing experience.", "Bachelor's degree in Actuarial Science", None),
    ("You must hold, or obtain within 60 days of your start date, a licence from Engineers Nova Scotia.",
     None, "a licence from Engineers Nova Scotia"),
    ("Provincial law requires that anyone who signs off on land surveys in Alberta hold a licence issued by "
     "the Alberta Land Surveyors' Association.", None, "a licence issued by the Alberta Land Surveyors' Association"),
    ("This offer is made on the basis that you hold a Master of Science in Soil Science, as confirmed by your "
     "transcript.", "Master of Science in Soil Science", None),
    ("The role requires a Diplôme d'études collégiales in Industrial Electronics (a three-year college "
     "technical diploma).", "Diplôme d'études collégiales in Industrial Electronics", None),
    ("The position requires a master's degree in landscape architecture from an accredited program.",
     "master's degree in landscape architecture from an accredited program", None),
    ("The role requires a Master of Public Health and a Certificate in Epidemiology, both of which you hold.",
     "Master of Public Health and a Certificate in Epidemiology", None),
    ("The position requires a Doctor of Dental Surgery degree from an accredited school, such as the one you "
     "completed in Michigan.", "Doctor of Dental Surgery degree from an accredited school", None),
    ("The role requires a Master of Urban Planning, together with at least four years of municipal planning "
     "experience.", "Master of Urban Planning", None),
    ("Before you sign plans you must also obtain a licence issued by the Ordre des architectes du Québec.",
     None, "a licence issued by the Ordre des architectes du Québec"),
    ("Before you sign any plan of survey you must be commissioned as a British Columbia Land Surveyor by the "
     "Association of BC Land Surveyors.", None,
     "commissioned as a British Columbia Land Surveyor by the Association of BC Land Surveyors"),
    ("You must hold a P.Eng. licence from Engineers Yukon or, until you do, work under a licensed engineer.",
     None, "a P.Eng. licence from Engineers Yukon"),
    ("You hold the title of Profesional Técnico en Electrónica Industrial from TECSUP, which meets the "
     "requirements of this position.", "Profesional Técnico en Electrónica Industrial from TECSUP", None),
])
def test_credential_spans_end_at_the_requirement(text: str, education: str | None, licence: str | None) -> None:
    ex = extract(layout(("paragraph", text)))
    assert ex.field("education") == education
    assert ex.field("licence") == licence
    for name in ("education", "licence"):
        value = ex.fields[name]
        if value is not None:
            assert value.evidence.text == value.value


LETTER = """Quillfeather Software Inc.
300 Water Street, St. John's, NL A1C 1B6

March 1, 2027

Jordan Alvarez
14 Birch Avenue
Portland, OR 97205

Dear Jordan,

We're excited to offer you the role of Software Developer on our payments team, starting April 5, 2027.

# What you'll do

- Design payment reconciliation services in Kotlin
- Review pull requests from the platform team
- Write integration tests for card network changes

# What we need from you

- A bachelor's degree in computer science or software engineering (we'll ask for a copy of your diploma before your first day)
- Proof that you may work in Canada

# What we offer

- Salary: $104,000 per year
- Hours: 37.5 per week

Cheers,

Morgan Lee
Head of Engineering
"""


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_education_under_a_what_we_need_heading(fmt: str, tmp_path: Path) -> None:
    render = render_pdf if fmt == "pdf" else render_docx
    ex = extract(segment(read(render("cr-01", LETTER, tmp_path))))
    assert ex.field("education") == "bachelor's degree in computer science or software engineering"
    assert ex.field("licence") is None
    assert len(ex.duties) == 3
