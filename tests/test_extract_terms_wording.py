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
