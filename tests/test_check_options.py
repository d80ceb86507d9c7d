"""`offercheck check` rule options: --severity re-ranks, --write-baseline/--baseline silence known findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.cli import main

LETTER = """Maple Analytics Inc.
100 King St W, Toronto, ON M5X 1A9

Dear Jane Doe,

We are pleased to offer you the position of Computer Systems Analyst.

Duties:
- Analyse business requirements and design information systems for banking clients
- Perform other duties as assigned

Your employment will start on January 15, 2027 for a term of 24 months. You will work 40 hours per
week at an annual salary of $95,000 CAD in Toronto, Ontario. A Bachelor's degree in Computer Science
is required.

Sincerely,
John Smith
Director, Maple Analytics Inc.
"""


@pytest.fixture()
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "offer.txt"
    path.write_text(LETTER, encoding="utf-8")
    return path


def _findings(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    capsys.readouterr()
    main(["check", *args, "--format", "json", "--workers", "1", "--quiet"])
    return json.loads(capsys.readouterr().out)["reports"][0]["findings"]


def test_severity_override_by_name(letter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = [f for f in _findings(capsys, str(letter)) if f["rule"] == "vague-phrase"]
    assert before and all(f["severity"] == "warning" for f in before)
    after = [f for f in _findings(capsys, str(letter), "--severity", "vague-phrase=error") if f["rule"] == "vague-phrase"]
    assert after and all(f["severity"] == "error" for f in after)


def test_bad_severity_is_a_usage_error(letter: Path) -> None:
    assert main(["check", str(letter), "--severity", "vague-phrase=loud"]) == 2


def test_baseline_round_trip_silences_exactly_the_known_findings(
        letter: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    known = _findings(capsys, str(letter))
    assert known
    base = tmp_path / "baseline.json"
    assert main(["check", str(letter), "--write-baseline", str(base), "--workers", "1", "--quiet",
                 "--format", "jsonl"]) == 0
    assert len(json.loads(base.read_text())) == len({(f["rule"], f["evidence"]["text"] if f["evidence"] else "")
                                                     for f in known})
    assert _findings(capsys, str(letter), "--baseline", str(base)) == []
    # an edited letter is a different letter: the baseline no longer applies
    letter.write_text(LETTER.replace("banking clients", "insurance clients"), encoding="utf-8")
    assert _findings(capsys, str(letter), "--baseline", str(base))
