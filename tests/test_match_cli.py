"""``offercheck match``: one position (text and JSON) and many positions from CSV/JSONL files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from analyzer.cli import main


def test_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["match", "--title", "Senior Systems Analyst",
                 "--duty", "Analyse business requirements and write system specifications"]) == 0
    out = capsys.readouterr().out
    assert "Computer Systems Analyst [computer_systems_analyst]" in out.splitlines()[2]
    assert "21222" in out and "Title and duties agree" in out


def test_json_output_with_duties_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "duties.txt"
    f.write_text("- Maintain the company books using a computerized bookkeeping system\n"
                 "- Post journal entries, reconcile accounts and prepare trial balances\n",
                 encoding="utf-8")
    assert main(["match", "--title", "Accountant", "--duties-file", str(f), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title_cusma"][0] == "accountant"
    assert data["duties_noc"][0] == "12200"
    assert data["agreement"] is False
    assert len(data["noc"]) >= 5 and {"code", "title", "teer", "score", "basis"} <= set(data["noc"][0])


def test_many_positions_csv_and_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_path = tmp_path / "positions.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "title", "duties"])
        w.writerow(["p1", "Registered Nurse", "Assess patients; administer medications"])
        w.writerow(["p2", "Land Surveyor", "Conduct legal surveys of property boundaries\nPrepare plans of survey"])
    assert main(["match", "--input", str(csv_path)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["id"] for x in lines] == ["p1", "p2"]
    assert lines[0]["cusma"][0]["id"] == "registered_nurse"
    assert lines[1]["noc"][0]["code"] == "21203"
    jsonl = tmp_path / "positions.jsonl"
    jsonl.write_text(json.dumps({"id": "j1", "title": "Dentist", "duties": ["Treat diseases of the teeth"]}) + "\n",
                     encoding="utf-8")
    assert main(["match", "--input", str(jsonl)]) == 0
    assert json.loads(capsys.readouterr().out)["cusma"][0]["id"] == "dentist"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bad.jsonl", "{not json}\n", "line 1 is not valid JSON"),
    ("bad.csv", "name,age\nx,1\n", "needs a header"),
    ("bad.xlsx", "x", "unsupported file type"),
    ("empty.csv", "id,title,duties\n", "no positions"),
])
def test_bad_input_files_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str,
                                message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert main(["match", "--input", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and name in err


def test_missing_file_and_no_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["match", "--input", str(tmp_path / "nope.csv")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["match"]) == 2


def test_text_output_hides_candidates_whose_order_is_noise() -> None:
    from analyzer.commands.match import to_text
    from analyzer.types import CusmaCandidate, Matches, NocCandidate

    m = Matches(noc=(NocCandidate("31103", "Veterinarians", 1, 0.81, "both"),),
                cusma=(CusmaCandidate("librarian", "Librarian", 0.001, "title"),
                       CusmaCandidate("dietitian", "Dietitian", 0.0, "title")))
    text = to_text(m, 0.5)
    assert "Librarian" not in text and "(2 at 0.00 not shown)" in text
    assert "no CUSMA profession reaches the acceptance score" in text
