"""Terms wording: 'permanent' inside a duty describes the work ("permanent sample plots", "permanent monitoring
wells"), not the contract: only the terms can make an offer permanent; a work week stated for a
group of staff is the position's hours."""

from __future__ import annotations

from pathlib import Path

from analyzer import pipeline

LETTER = """Boreal Forest Analytics Inc.
88 Cumberland Street, Thunder Bay, ON P7A 4L8

February 2, 2027

Dear Mr. Haines,

We are pleased to offer you the position of Forest Biometrician, for a term of 24 months starting
April 5, 2027. Your salary will be $91,000 per year for 40 hours per week.

Your duties will be to:
- Install and remeasure permanent sample plots across the licence area
- Analyse plot data to update the growth and yield curves
- Design the permanent monitoring network for the new harvest blocks

Sincerely,

Jo Tremblay
Vice-President, Operations
"""


def test_permanent_in_a_duty_does_not_make_the_offer_permanent(tmp_path: Path) -> None:
    path = tmp_path / "offer.txt"
    path.write_text(LETTER, encoding="utf-8")
    report = pipeline.analyse(path, citizenship="US")
    assert report.error is None
    assert any("permanent sample plots" in d.text for d in report.extraction.duties)
    assert report.extraction.field("permanent") is False  # the 24-month term
    assert "permanent-position" not in {f.rule for f in report.findings}


def test_permanent_in_the_terms_still_does(tmp_path: Path) -> None:
    path = tmp_path / "offer.txt"
    path.write_text(LETTER.replace("for a term of 24 months starting", "as a permanent employee starting"),
                    encoding="utf-8")
    report = pipeline.analyse(path, citizenship="US")
    assert report.extraction.field("permanent") is True
    assert "permanent-position" in {f.rule for f in report.findings}


def test_the_work_week_for_a_group_is_read_as_hours(tmp_path: Path) -> None:
    path = tmp_path / "offer.txt"
    path.write_text(LETTER.replace("for 40 hours per week.", ". The normal work week for forestry staff is 36 hours."),
                    encoding="utf-8")
    report = pipeline.analyse(path, citizenship="US")
    assert report.extraction.field("hours_per_week") == 36


def test_a_contractors_hourly_fee_and_a_term_counted_from_a_date(tmp_path: Path) -> None:
    path = tmp_path / "offer.txt"
    path.write_text(LETTER.replace(
        "for a term of 24 months starting\nApril 5, 2027. Your salary will be $91,000 per year for 40 hours per week.",
        "under a contract for services. The engagement will run for 24 months from April 5, 2027. The Company "
        "will pay your firm a fee of $68.50 per hour, plus GST, for about 40 hours per week."), encoding="utf-8")
    report = pipeline.analyse(path, citizenship="US")
    assert report.extraction.field("start_date") == "2027-04-05"
    assert report.extraction.field("wage")["amount"] == 68.5
    assert report.extraction.field("wage")["period"] == "hour"
    assert "self-employment" in {f.rule for f in report.findings}


def test_a_licence_fee_is_still_not_the_wage(tmp_path: Path) -> None:
    path = tmp_path / "offer.txt"
    path.write_text(LETTER.replace("Your salary will be $91,000 per year for 40 hours per week.",
                                   "We will pay your licence fee of $450 per year. You will work 40 hours per week."),
                    encoding="utf-8")
    report = pipeline.analyse(path, citizenship="US")
    assert report.extraction.field("wage") is None


def test_a_labelled_hourly_fee(tmp_path: Path) -> None:
    path = tmp_path / "offer.txt"
    path.write_text(LETTER.replace("Your salary will be $91,000 per year for 40 hours per week.",
                                   "\nFee: $85 per hour of fieldwork, invoiced monthly\n"), encoding="utf-8")
    report = pipeline.analyse(path, citizenship="US")
    assert report.extraction.field("wage")["amount"] == 85


def test_a_weekly_workload_is_the_hours(tmp_path: Path) -> None:
    path = tmp_path / "offer.txt"
    path.write_text(LETTER.replace("for 40 hours per week.", ". Your weekly workload will be 42 hours."),
                    encoding="utf-8")
    assert pipeline.analyse(path, citizenship="US").extraction.field("hours_per_week") == 42
