"""A Crown-agency letter: capitalised letterhead with a tagline and a building-first address, the
body naming the employer by its short form ("The Council is ..."), hours written as a sentence, and
the degree sharing its sentence with the work permit."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.extract import extract
from analyzer.ingest import read
from analyzer.segment import segment
from tests.heldout.render import render_docx, render_pdf

LETTER = """MUSKEG LAKES HYDROLOGY AUTHORITY
Measuring Manitoba's rivers since 1961
Riverside Centre, 210 Water Avenue, Winnipeg, MB R3C 0V4

4 March 2027

Dr. Felix Hartmann
77 Canal Street
Albany, NY 12207

Subject: Offer of Appointment

Dear Dr. Hartmann,

I am pleased to offer you a term appointment as Hydrologist in our Forecast Centre. The Authority is a provincial Crown agency that forecasts river flows and floods for the Province.

Your appointment will commence on 3 May 2027 and will end on 2 May 2029.

# Position Summary

- Calibrate river forecast models for the Red and Assiniboine basins
- Analyse snow survey and precipitation data each spring
- Prepare daily flood bulletins during the runoff season

# Conditions

Your salary will be $94,310 per annum, paid bi-weekly.
Your regular hours of work are 36.25 per week.
This offer is conditional on your holding a Doctorate in Civil Engineering or Hydrology, and on your obtaining a valid work permit.

Yours sincerely,

Ruth Ambrose
Director, Forecast Centre
"""


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_crown_agency_letter(fmt: str, tmp_path: Path) -> None:
    render = render_pdf if fmt == "pdf" else render_docx
    ex = extract(segment(read(render("ca-01", LETTER, tmp_path))))
    assert ex.field("employer_business") == ("The Authority is a provincial Crown agency that forecasts river flows "
                                             "and floods for the Province")
    assert ex.field("employer_address") == "Riverside Centre, 210 Water Avenue, Winnipeg, MB R3C 0V4"
    # the tagline names the province first; the address line's "city, province" is the better place
    assert ex.field("worksite") == {"city": "Winnipeg", "province": "MB"}
    assert ex.field("hours_per_week") == 36.25
    assert ex.field("education") == "Doctorate in Civil Engineering or Hydrology"
    assert ex.field("licence") is None
    assert ex.field("term_months") == 24
    assert ex.field("permanent") is False
