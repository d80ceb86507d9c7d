"""The wage among other amounts (rent, allowances, learning budgets, bonuses), a wage left "TBD",
and open-ended employment written without the word "permanent"."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.extract import extract
from analyzer.ingest import read
from analyzer.segment import segment
from tests.extract_helpers import layout
from tests.heldout.render import render_docx, render_pdf

LODGE = """Aurora Peaks Lodge
1 Summit Road, Lake Louise, AB T0L 1E0

October 4, 2027

Mr. Kai Brennan
300 Pine Street
Missoula, MT 59801

Re: Offer of Employment - Executive Sous Chef

Dear Mr. Brennan,

Glacier Hospitality Holdings Ltd., which owns and operates Aurora Peaks Lodge, is pleased to offer you the position of Executive Sous Chef. This is an ongoing, full-time position: your employment will carry on until it is ended by you or by the Company under the terms below.

# Responsibilities

- Plan seasonal menus with the Executive Chef
- Supervise a kitchen brigade of fourteen cooks
- Control food costs and supplier orders

# Terms

- Start date: January 10, 2028
- Hours: 44 hours per week
- Salary: $84,000 per year, with a tool allowance of $400 per year
- Staff housing is available in the lodge dormitory; rent of $550 per month is deducted from pay

We offer ongoing training in food safety and access to ongoing projects in our events kitchen.

Sincerely,

Mira Solberg
General Manager
"""


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_wage_is_the_salary_not_an_allowance_or_rent(fmt: str, tmp_path: Path) -> None:
    render = render_pdf if fmt == "pdf" else render_docx
    ex = extract(segment(read(render("pay-01", LODGE, tmp_path))))
    wage = ex.field("wage")
    assert (wage["amount"], wage["period"]) == (84000.0, "year")
    assert ex.fields["wage"].evidence.text.startswith("$84,000")
    assert ex.field("permanent") is True
    assert "ongoing, full-time position" in ex.fields["permanent"].evidence.text


@pytest.mark.parametrize(("text", "amount"), [
    ("Your annual salary will be $92,000. A furnished suite is provided; its rent of $700 per month "
     "is deducted from your pay.", 92000.0),
    ("You will be paid $38.50 per hour. A $300 monthly phone allowance is also provided.", 38.5),
    ("We will reimburse moving costs of up to $5,000. Your salary will be $81,000 per year.", 81000.0),
    ("Compensation: $72,000 annually plus a signing bonus of $3,000.", 72000.0),
    ("In addition to the car allowance, your base salary will be $66,500 per year.", 66500.0),
    ("Your salary: $90,000 to $95,000 per year depending on certification.", 90000.0),
])
def test_the_amount_tied_to_pay_is_the_wage(text: str, amount: float) -> None:
    assert extract(layout(("paragraph", text))).field("wage")["amount"] == amount


@pytest.mark.parametrize("blocks", [
    (("paragraph", "Salary: TBD, to be confirmed once your level is set. You will also have a $1,500 yearly "
                   "learning budget."),),
    (("paragraph", "Your compensation is to be determined after the assessment period."),
     ("paragraph", "A per diem of $60 per day applies while travelling.")),
    (("paragraph", "A relocation allowance of $4,000 will be paid on arrival."),),
    (("paragraph", "You will manage an annual marketing budget of $250,000."),),
])
def test_no_wage_when_only_other_amounts_are_stated(blocks: tuple) -> None:
    assert extract(layout(*blocks)).field("wage") is None


def test_dash_list_salary_with_allowance_in_the_same_item() -> None:
    ex = extract(layout(
        ("paragraph", "The terms of your employment:"),
        ("list_item", "- Salary: $97,500 per year, with a vehicle allowance of $600 per month", "-"),
        ("list_item", "- Hours: 40 per week", "-"),
    ))
    assert (ex.field("wage")["amount"], ex.field("wage")["period"]) == (97500.0, "year")


@pytest.mark.parametrize(("text", "cue"), [
    ("Your employment will continue until it is terminated by either party in accordance with this letter.",
     "continue until it is terminated by either party"),
    ("This is a regular, ongoing role in our Winnipeg office.", "ongoing role"),
    ("The appointment has no fixed end date.", "no fixed end date"),
    ("This position is ongoing and full-time.", "position is ongoing"),
    ("Your employment with us will continue indefinitely.", "employment with us will continue indefinitely"),
    ("You are hired under the Temporary Foreign Worker Program into an ongoing position.", "ongoing position"),
])
def test_open_ended_wording_is_permanent(text: str, cue: str) -> None:
    ex = extract(layout(("paragraph", text)))
    assert ex.field("permanent") is True
    assert ex.fields["permanent"].evidence.text == cue


@pytest.mark.parametrize("text", [
    "You will receive ongoing training and support from the team.",
    "You will contribute to ongoing projects in the research group.",
])
def test_ongoing_training_or_projects_say_nothing_about_permanence(text: str) -> None:
    assert extract(layout(("paragraph", text))).field("permanent") is None


def test_a_fixed_term_outweighs_open_ended_wording() -> None:
    ex = extract(layout(("paragraph", "This is a term position of 24 months. Either party may end the contract, "
                                      "and it will otherwise continue until ended by you or by the Company.")))
    assert ex.field("permanent") is False
    assert ex.field("term_months") == 24


def test_feedback_on_an_ongoing_basis_is_not_permanence() -> None:
    assert extract(layout(("paragraph", "Your manager will give you feedback on an ongoing basis."))).field(
        "permanent") is None
    ex = extract(layout(("paragraph", "You will be employed on an ongoing basis from your start date.")))
    assert ex.field("permanent") is True


@pytest.mark.parametrize(("text", "hours"), [
    ("Flexible hours, about 40 per week.", 40.0),
    ("Your hours are flexible, around 37.5 a week.", 37.5),
    ("Your regular hours of work are 35 per week.", 35.0),
    ("Office hours are 9 to 5.", None),
])
def test_hours_named_before_the_number(text: str, hours: float | None) -> None:
    assert extract(layout(("paragraph", text))).field("hours_per_week") == hours
