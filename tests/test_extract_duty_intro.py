"""A sentence that introduces a table or list of duties is not a duty; a duty that names an amount
of money ("Achieve an annual sales quota of $3.8 million") is still a duty."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.extract import extract
from analyzer.ingest import read
from analyzer.segment import segment
from tests.extract_helpers import layout
from tests.heldout.render import render_docx, render_pdf

LETTER = """Corvid Instruments Ltd.
5 Industrial Way, Burnaby, BC V5A 1A1

May 3, 2027

Mr. Jon Hale
12 Oak Street
Seattle, WA 98101

Dear Mr. Hale,

We are pleased to offer you the position of Applications Engineer, effective June 1, 2027.

# Key Responsibilities

The table below sets out the areas you will be accountable for and roughly how your time will be divided among them.

Area | Responsibilities | % of time
Revenue | Achieve an annual sales quota of $3.8 million across the Pacific territory | 40%
Technical | Prepare technical proposals and application drawings for instrumentation systems | 35%
Support | Train customer technicians on calibration of installed gas analysers | 25%

# Compensation

Your salary will be $96,000 per year.

Sincerely,

Ana Lopez
VP Sales
"""

DUTIES = [
    ("Achieve an annual sales quota of $3.8 million across the Pacific territory", 40.0),
    ("Prepare technical proposals and application drawings for instrumentation systems", 35.0),
    ("Train customer technicians on calibration of installed gas analysers", 25.0),
]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_table_intro_is_not_a_duty_and_money_duty_is_kept(fmt: str, tmp_path: Path) -> None:
    render = render_pdf if fmt == "pdf" else render_docx
    ex = extract(segment(read(render("du-01", LETTER, tmp_path))))
    assert [(d.text, d.share) for d in ex.duties] == DUTIES
    assert ex.field("wage")["amount"] == 96000.0  # the quota in a duty is never the wage


def test_a_list_intro_without_a_colon_is_not_a_duty() -> None:
    ex = extract(layout(
        ("heading", "Responsibilities"),
        ("paragraph", "Below is a summary of what the role involves day to day."),
        ("list_item", "\u2022 Grow the dealer network in the Maritimes", "\u2022"),
        ("list_item", "\u2022 Exceed a yearly bookings target of $1.2 million", "\u2022"),
        ("list_item", "\u2022 Negotiate distribution agreements with regional partners", "\u2022"),
    ))
    assert [d.text for d in ex.duties] == [
        "Grow the dealer network in the Maritimes",
        "Exceed a yearly bookings target of $1.2 million",
        "Negotiate distribution agreements with regional partners",
    ]


def test_a_duty_paragraph_before_a_list_is_still_a_duty() -> None:
    ex = extract(layout(
        ("heading", "Duties"),
        ("paragraph", "You will lead the structural design of mid-rise timber buildings."),
        ("list_item", "\u2022 Review shop drawings", "\u2022"),
        ("list_item", "\u2022 Inspect connections on site", "\u2022"),
    ))
    assert [d.text for d in ex.duties][0].startswith("You will lead the structural design")
    assert len(ex.duties) == 3


def test_a_terms_list_after_the_duties_still_ends_them() -> None:
    ex = extract(layout(
        ("heading", "Duties"),
        ("list_item", "- Review shop drawings", "-"),
        ("list_item", "- Inspect connections on site", "-"),
        ("list_item", "- Salary of $88,000 per year", "-"),
        ("list_item", "- Annual vacation of three weeks", "-"),
    ))
    assert [d.text for d in ex.duties] == ["Review shop drawings", "Inspect connections on site"]


def test_an_intro_before_a_header_row_read_as_a_heading_is_not_a_duty() -> None:
    ex = extract(layout(
        ("heading", "Duties"),
        ("paragraph", "Your work is divided among the areas shown in the table that follows."),
        ("heading", "Area | Duties | % of time"),
        ("table_row", "Design | Design drainage works for subdivisions | 60%", None,
         ("Design", "Design drainage works for subdivisions", "60%")),
        ("table_row", "Review | Review consultant submissions | 40%", None,
         ("Review", "Review consultant submissions", "40%")),
    ))
    assert [(d.text, d.share) for d in ex.duties] == [
        ("Design drainage works for subdivisions", 60.0), ("Review consultant submissions", 40.0)]


def test_a_percentage_inside_a_duty_is_a_figure_not_its_share() -> None:
    ex = extract(layout(
        ("heading", "Duties"),
        ("list_item", "- Achieve 95% on-time delivery across the region", "-"),
        ("list_item", "- Cut scrap by 20% within a year", "-"),
        ("list_item", "- Review supplier audits (20% of time)", "-"),
        ("list_item", "- Plan production - 30%", "-"),
    ))
    assert [(d.text, d.share) for d in ex.duties] == [
        ("Achieve 95% on-time delivery across the region", None),
        ("Cut scrap by 20% within a year", None),
        ("Review supplier audits", 20.0),
        ("Plan production", 30.0),
    ]
