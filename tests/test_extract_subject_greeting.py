"""A subject line that greets the reader ("Re: Welcome to the Data team!") names no job: the title
comes from the body."""

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
