"""The pipeline hands the employer's business description (extraction field ``employer_business``)
to the matcher as ``context``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from analyzer import match as match_module
from analyzer import pipeline

LETTER = """Harbourline Geoscience Ltd.
200 Water Street, St. John's, NL A1C 1A1

January 5, 2027

Dear Ms. Okafor,

Harbourline Geoscience Ltd. provides marine seismic surveys and seabed mapping to offshore energy operators.

We are pleased to offer you the position of Data Processing Specialist at our St. John's office, starting
March 1, 2027, for a term of 24 months. Your salary will be $98,000 per year for 37.5 hours per week.

Duties:
- Process and interpret marine seismic reflection data
- Build velocity models and depth-convert seismic horizons
- Write interpretation reports for clients

Sincerely,

Marta Lee
Director, Human Resources
"""


def test_employer_business_reaches_the_matcher(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    real = match_module.match

    def spy(title: str | None, duties: Any, context: str | None = None) -> Any:
        seen["context"] = context
        return real(title, duties, context)

    monkeypatch.setattr(match_module, "match", spy)
    path = tmp_path / "offer.txt"
    path.write_text(LETTER, encoding="utf-8")
    report = pipeline.analyse(path, citizenship="US")
    assert report.error is None
    business = report.extraction.field("employer_business")
    assert business and "marine seismic surveys" in business
    assert seen["context"] == business
