"""The employer's business: the body's sentence saying what the employer is or does, a "which
owns and operates ..." clause, or a letterhead tagline; None when the letter says none of these."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.extract import extract
from analyzer.ingest import read
from analyzer.segment import segment
from analyzer.types import FIELD_NAMES
from tests.extract_helpers import layout
from tests.heldout.render import render_docx, render_pdf
from tests.lettergen import expected

LETTER = """Kittiwake Marine Systems Ltd.
{tagline}
88 Harbour Road, Dartmouth, NS B2Y 4A1

September 14, 2027

Dr. Elena Varga
20 Shore Lane
Gloucester, MA 01930

Dear Dr. Varga,

{background}We are pleased to offer you the position of Naval Architect, starting November 1, 2027.

# Duties

- Prepare hull form and stability calculations for patrol vessels
- Review shipyard drawings against class society rules
- Lead inclining experiments at delivery

Sincerely,

Owen MacLeod
Engineering Director
"""


def _read(tmp_path: Path, fmt: str, tagline: str = "", background: str = ""):
    render = render_pdf if fmt == "pdf" else render_docx
    source = LETTER.format(tagline=tagline, background=background)
    return extract(segment(read(render("bz-01", source.replace("\n\n\n", "\n\n"), tmp_path))))


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_body_sentence_that_says_what_the_employer_does(fmt: str, tmp_path: Path) -> None:
    ex = _read(tmp_path, fmt, background="Kittiwake Marine designs and refits research and patrol vessels "
                                         "for coast guards in the North Atlantic. ")
    business = ex.fields["employer_business"]
    assert business is not None
    assert business.value == ("Kittiwake Marine designs and refits research and patrol vessels for coast guards "
                              "in the North Atlantic")
    assert " ".join(business.evidence.text.split()) == business.value


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_letterhead_tagline_when_the_body_says_nothing(fmt: str, tmp_path: Path) -> None:
    ex = _read(tmp_path, fmt, tagline="Naval architecture and marine engineering since 1986")
    assert ex.field("employer_business") == "Naval architecture and marine engineering since 1986"
    assert ex.field("employer_address") == "88 Harbour Road, Dartmouth, NS B2Y 4A1"


def test_none_when_the_letter_does_not_say(tmp_path: Path) -> None:
    ex = _read(tmp_path, "pdf")
    assert ex.field("employer_business") is None
    assert "employer_business" in FIELD_NAMES and "employer_business" in ex.fields


@pytest.mark.parametrize(("text", "business"), [
    ("We are one of Atlantic Canada's largest independent marine survey firms, with offices in three provinces.",
     "We are one of Atlantic Canada's largest independent marine survey firms, with offices in three provinces"),
    ("Founded in 1952, the Company operates four ferries between Nova Scotia and Newfoundland.",
     "Founded in 1952, the Company operates four ferries between Nova Scotia and Newfoundland"),
    ("Bayline Transit Corp., which owns and operates the Halifax harbour ferries, is pleased to offer you "
     "this position.", "Bayline Transit Corp., which owns and operates the Halifax harbour ferries"),
])
def test_other_ways_of_saying_it(text: str, business: str) -> None:
    ex = extract(layout(("letterhead", "Bayline Transit Corp."), ("paragraph", text)))
    assert ex.field("employer_business") == business


@pytest.mark.parametrize("text", [
    "We are pleased to offer you the position of Deck Officer.",
    "The Company will provide safety boots and a survival suit.",
    "This is a temporary position of twelve months.",
    "Bayline Transit Corp. offers you the position of Deck Officer on the terms below.",
    "We provide you with a parking space at the terminal.",
])
def test_sentences_that_do_not_say_what_the_employer_does(text: str) -> None:
    ex = extract(layout(("letterhead", "Bayline Transit Corp."), ("paragraph", text)))
    assert ex.field("employer_business") is None


def test_the_generator_expects_the_background_sentence_where_it_prints_one() -> None:
    spec = {"id": "bz-gen", "layout": "pagebreak", "employer": {"name": "Tern Analytics Inc.", "city": "Halifax",
            "province": "NS", "business": "a fisheries data consultancy"}, "title": "Data Analyst",
            "duties": ["Analyse landing records"]}
    assert expected(spec)["fields"]["employer_business"] == ("Tern Analytics Inc. is a fisheries data consultancy "
                                                             "based in Halifax")
    assert expected({**spec, "layout": "bullets"})["fields"]["employer_business"] is None


def test_the_operating_company_behind_a_letterhead_brand_is_the_employer() -> None:
    ex = extract(layout(
        ("letterhead", "Harbourfront Suites\n15 Water Street, Saint John, NB E2L 1A1"),
        ("paragraph", "Tidewater Hospitality Group Inc., which owns and operates Harbourfront Suites, is pleased "
                      "to offer you the position of Hotel Manager."),
    ))
    assert ex.field("employer") == "Tidewater Hospitality Group Inc."
    assert ex.fields["employer"].evidence.text == "Tidewater Hospitality Group Inc."
    assert ex.field("employer_business") == ("Tidewater Hospitality Group Inc., which owns and operates "
                                             "Harbourfront Suites")


def test_the_letterhead_name_stays_without_owner_or_operator_wording() -> None:
    ex = extract(layout(
        ("letterhead", "Harbourfront Suites Ltd.\n15 Water Street, Saint John, NB E2L 1A1"),
        ("paragraph", "We are pleased to offer you the position of Hotel Manager. You will work with Bayline "
                      "Transit Corp. on guest shuttles."),
    ))
    assert ex.field("employer") == "Harbourfront Suites Ltd."


def test_a_client_that_operates_the_site_is_not_the_employer() -> None:
    ex = extract(layout(
        ("letterhead", "Staffwise Placements Inc.\n200 City Centre Drive, Mississauga, ON L5B 2C9"),
        ("paragraph", "You will be placed with our client. Vireo Foods Ltd., which operates the Guelph plant, "
                      "will direct your daily work."),
    ))
    assert ex.field("employer") == "Staffwise Placements Inc."
