"""Letters written unlike the generator's: terms as list items and "Label: value" lines, duties
under other headings or in prose, titles in prose, credential spans that stop at the clause end."""

from __future__ import annotations

import pytest

from analyzer.extract import extract
from tests.extract_helpers import layout

D = "-"


def _items(*texts: str, marker: str = D) -> list[tuple[str, str, str]]:
    return [("list_item", f"{marker} {t}", marker) for t in texts]


def test_terms_list_is_read_as_terms_and_never_as_duties() -> None:
    ex = extract(layout(
        ("paragraph", "Hi Sam, here is the short version of what we discussed:"),
        *_items("Start: March 1, 2027", "Term: 2 years", "Pay: $98,500/yr", "Hours: 37.5/week",
                "Education: Bachelor of Engineering or similar"),
        ("paragraph", "What you'll be doing:"),
        *_items("Build ingestion pipelines for sensor data", "Tune warehouse queries", "Review schema changes"),
    ))
    assert [d.text for d in ex.duties] == [
        "Build ingestion pipelines for sensor data", "Tune warehouse queries", "Review schema changes"]
    assert ex.field("start_date") == "2027-03-01"
    assert ex.field("term_months") == 24
    assert ex.field("hours_per_week") == 37.5
    assert ex.field("wage")["amount"] == 98500.0 and ex.field("wage")["period"] == "year"
    assert ex.field("education") == "Bachelor of Engineering or similar"


def test_bulleted_terms_after_the_duties_are_read() -> None:
    ex = extract(layout(
        ("heading", "Responsibilities"),
        *_items("Calibrate field instruments", "Log survey readings", "Draft inspection summaries", marker="\u2022"),
        ("heading", "Terms"),
        *_items("Duration: 18 months", "Salary: $84,250 annually", "40 hours/week", marker="\u2022"),
    ))
    assert len(ex.duties) == 3
    assert ex.field("term_months") == 18
    assert ex.field("wage")["amount"] == 84250.0
    assert ex.field("hours_per_week") == 40.0


@pytest.mark.parametrize(("text", "hours"), [
    ("Your regular work week is 35 hours, Monday to Friday.", 35.0),
    ("Hours: 37.5 per week", 37.5),
    ("Hours of work: 40/week", 40.0),
])
def test_hours_written_other_ways(text: str, hours: float) -> None:
    assert extract(layout(("paragraph", text))).field("hours_per_week") == hours


def test_an_engagement_that_lasts_n_months_has_that_term() -> None:
    ex = extract(layout(("paragraph", "The assignment begins on May 3, 2027 and will last 9 months.")))
    assert ex.field("term_months") == 9


def test_experience_years_are_not_the_term() -> None:
    ex = extract(layout(("paragraph", "The position requires 5 years of experience in payroll.")))
    assert ex.field("term_months") is None
