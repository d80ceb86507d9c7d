"""Where the job is done: a studio or mine named in a sentence or a terms row, a city that is only a
word of the employer's name, and a staffing agency's client site."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.extract import extract
from analyzer.ingest import read
from analyzer.segment import segment
from tests.extract_helpers import layout
from tests.heldout.render import render_docx, render_pdf

AGENCY = """Staffwise Placements Inc.
200 City Centre Drive, Mississauga, ON L5B 2C9

May 3, 2027

Ms. Rosa Delgado
45 Elm Street
Detroit, MI 48201

Re: Offer of Employment - Quality Engineer

Dear Ms. Delgado,

Staffwise Placements Inc. is pleased to offer you the position of Quality Engineer. Please report to our Mississauga office for a half-day orientation on your first day.

You will then be assigned to our client's stamping plant in Windsor, Ontario, where you will work under the direction of the client's plant manager.

# Duties

- Run capability studies on new stamping dies
- Lead root cause investigations for customer complaints
- Maintain the control plans for each part family

Sincerely,

Grace Whitmore
Placement Manager
"""

STUDIO = """Lantern Row Architects
77 Richmond Street East, Toronto, ON M5C 1N5

April 9, 2027

Mr. Hugo Brandt
9 Pearl Street
Boston, MA 02110

Dear Mr. Brandt,

We are pleased to offer you the position of Architect. You will work at our Distillery District studio in Kingston, where the heritage projects team sits.

# Duties

- Prepare design development drawings
- Coordinate consultants on heritage projects

Sincerely,

Ines Park
Principal
"""


def _read(source: str, fmt: str, tmp_path: Path):
    render = render_pdf if fmt == "pdf" else render_docx
    return extract(segment(read(render("ws-01", source, tmp_path))))


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_an_agency_workers_site_is_the_clients_not_the_agency_office(fmt: str, tmp_path: Path) -> None:
    ex = _read(AGENCY, fmt, tmp_path)
    assert ex.field("worksite") == {"city": "Windsor", "province": "ON"}
    assert ex.fields["worksite"].evidence.text == "Windsor, Ontario"


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_studio_named_in_a_sentence_gives_its_city(fmt: str, tmp_path: Path) -> None:
    ex = _read(STUDIO, fmt, tmp_path)
    assert ex.field("worksite") == {"city": "Kingston", "province": "ON"}


def test_a_city_in_the_employers_name_is_not_the_worksite() -> None:
    ex = extract(layout(
        ("letterhead", "Fraser Delta Engineering Ltd.\n1200 West Georgia Street\nVancouver BC V6E 4R2"),
        ("paragraph", "Fraser Delta Engineering Ltd. is pleased to offer you a role at Fraser Delta's Vancouver "
                      "office."),
    ))
    assert ex.field("worksite") == {"city": "Vancouver", "province": "BC"}


def test_a_city_of_the_same_name_outside_the_employer_name_still_counts() -> None:
    ex = extract(layout(
        ("letterhead", "Fraser Delta Engineering Ltd."),
        ("paragraph", "The position is based in Delta, BC, at our river laboratory."),
    ))
    assert ex.field("worksite") == {"city": "Delta", "province": "BC"}


def test_a_site_row_of_a_terms_table_names_the_worksite() -> None:
    ex = extract(layout(
        ("letterhead", "Northgate Gold Ltd.\n12 Bay Street, Toronto, ON M5J 2S1"),
        ("table_row", "Item | Terms | Section", None, ("Item", "Terms", "Section")),
        ("table_row", "Site | Copperfield Mine, Timmins, Ontario | 2.1", None,
         ("Site", "Copperfield Mine, Timmins, Ontario", "2.1")),
    ))
    assert ex.field("worksite") == {"city": "Timmins", "province": "ON"}


@pytest.mark.parametrize(("text", "city"), [
    ("We are headquartered in Toronto, and you will be based at our Ottawa office.", "Ottawa"),
    ("You will join the surveying crew at the Moncton branch.", "Moncton"),
    ("You will be placed with our client, Vireo Foods Ltd., and will work at its processing plant in Guelph, "
     "Ontario.", "Guelph"),
])
def test_the_place_after_the_cue_is_the_worksite(text: str, city: str) -> None:
    ex = extract(layout(("letterhead", "Acme Staffing Inc.\n100 Queen Street, Toronto, ON M5H 2N2"),
                        ("paragraph", text)))
    assert ex.field("worksite")["city"] == city
