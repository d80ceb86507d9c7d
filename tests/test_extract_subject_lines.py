"""Subject lines: one that greets the reader ("Re: Welcome to the Data team!") or names the sender
("Your offer from ...") names no job, and a trailing "position" or "engagement" is not part of the
title; the title then comes from the body ("employment with X Ltd. as an Economist")."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer import pipeline

LETTER = """Northgate Analytics Ltd.
500 Granville Street, Vancouver, BC V6C 1W6

May 3, 2027

Re: {subject}

Dear Priya,

We are delighted to offer you the position of Economist with Northgate Analytics Ltd., starting
June 7, 2027, for a term of 18 months, at a salary of $102,000 per year for 37.5 hours per week.

Your duties:
- Build forecasting models of regional housing demand
- Analyse labour-market data and write quarterly outlook reports
- Advise clients on the economic effects of proposed policies

Sincerely,

Dana Whitfield
Chief Economist
"""


@pytest.mark.parametrize("subject", ["Welcome to the Data team!", "Congratulations, Priya", "Thank you for interviewing"])
def test_a_greeting_subject_is_not_the_title(tmp_path: Path, subject: str) -> None:
    path = tmp_path / "offer.txt"
    path.write_text(LETTER.format(subject=subject), encoding="utf-8")
    report = pipeline.analyse(path, citizenship="US")
    assert report.extraction.title is not None
    assert report.extraction.title.value == "Economist"


def test_a_subject_naming_the_job_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "offer.txt"
    path.write_text(LETTER.format(subject="Senior Economist, Housing Research").replace(
        "the position of Economist", "this position"), encoding="utf-8")
    report = pipeline.analyse(path, citizenship="US")
    assert report.extraction.title is not None
    assert report.extraction.title.value.startswith("Senior Economist")


@pytest.mark.parametrize("subject", ["Your offer from Northgate Analytics", "Offer from Northgate Analytics Ltd."])
def test_a_subject_naming_the_sender_is_not_the_title(tmp_path: Path, subject: str) -> None:
    path = tmp_path / "offer.txt"
    path.write_text(LETTER.format(subject=subject), encoding="utf-8")
    report = pipeline.analyse(path, citizenship="US")
    assert report.extraction.title is not None and report.extraction.title.value == "Economist"


@pytest.mark.parametrize(("subject", "title"), [("Economist position", "Economist"),
                                                ("SENIOR ECONOMIST ENGAGEMENT", "Senior Economist")])
def test_a_word_for_the_kind_of_post_after_the_title_is_dropped(tmp_path: Path, subject: str, title: str) -> None:
    body = LETTER.format(subject=subject).replace("the position of Economist", "this post")
    path = tmp_path / "offer.txt"
    path.write_text(body, encoding="utf-8")
    report = pipeline.analyse(path, citizenship="US")
    assert report.extraction.title is not None
    assert report.extraction.title.value.lower() == title.lower()


def test_employment_with_the_employer_as_a_title(tmp_path: Path) -> None:
    body = LETTER.format(subject="Offer of Employment").replace(
        "the position of Economist with Northgate Analytics Ltd.",
        "temporary employment with Northgate Analytics Ltd. as an Economist")
    path = tmp_path / "offer.txt"
    path.write_text(body, encoding="utf-8")
    report = pipeline.analyse(path, citizenship="US")
    assert report.extraction.title is not None and report.extraction.title.value == "Economist"
