"""``offercheck check`` through ``analyzer.cli.main``: formats on stdout, --output files, exit codes
(2 for unreadable input or usage errors, 1 for findings at --fail-on, else 0), select/ignore."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from analyzer.cli import main
from tests.test_report import SCHEMA
from tests.test_web_browser import LETTER, write_letter_pdf


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    (root / "in").mkdir()
    (root / "in" / "a-offer.txt").write_text("\n".join(LETTER) + "\n")
    write_letter_pdf(root / "in" / "b-offer.pdf")
    return root


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_single_letter_text_report_and_fail_on(letters: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letter = str(letters / "in" / "a-offer.txt")
    code, out, _ = run(capsys, letter, "--workers", "1")
    assert code == 1  # the placeholders are errors
    assert out.startswith(letter) and "Errors" in out and "fix:" in out and "\x1b[" not in out
    assert run(capsys, letter, "--fail-on", "never", "-j", "1")[0] == 0
    code, out, _ = run(capsys, letter, "--select", "OC999", "-j", "1")  # a selector matching no rule
    assert code == 0 and "no findings" in out
    code, out, _ = run(capsys, letter, "--ignore", "unfilled-placeholder", "--format", "json", "-j", "1")
    assert "unfilled-placeholder" not in {f["rule"] for f in json.loads(out)["reports"][0]["findings"]}


def test_jsonl_over_a_directory_with_a_broken_file_exits_2(letters: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for p in (letters / "in").iterdir():
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "c-broken.pdf").write_bytes(b"%PDF-1.7\n\x00\x01garbage")
    code, out, _ = run(capsys, str(folder), "--format", "jsonl", "--workers", "2", "--quiet")
    records = [json.loads(line) for line in out.splitlines()]
    for r in records:
        jsonschema.validate(r, SCHEMA)
    assert [Path(r["file"]).name for r in records] == ["a-offer.txt", "b-offer.pdf", "c-broken.pdf"]
    assert [r["status"] for r in records] == ["ok", "ok", "error"]
    assert code == 2


def test_csv_and_json_on_stdout(letters: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(letters / "in"), "--format", "csv", "--fail-on", "never", "-j", "1")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [Path(r["file"]).name for r in rows] == ["a-offer.txt", "b-offer.pdf"]
    assert all(r["title"] == "Computer Systems Analyst" for r in rows)
    code, out, _ = run(capsys, str(letters / "in"), "--format", "json", "--include-text", "-j", "1")
    doc = json.loads(out)
    jsonschema.validate(doc, SCHEMA)
    assert doc["summary"]["files"] == 2 and all("text" in r for r in doc["reports"])


def test_output_dir_gets_every_format_and_batch_files(letters: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "reports"
    code, out, err = run(capsys, str(letters / "in"), "--format", "json,csv,html,pdf,text",
                         "--output", str(out_dir), "-j", "2")
    assert code == 1
    names = sorted(p.name for p in out_dir.iterdir() if not p.name.startswith("."))
    assert names == ["a-offer.csv", "a-offer.html", "a-offer.json", "a-offer.txt", "b-offer.annotated.pdf",
                     "b-offer.csv", "b-offer.html", "b-offer.json", "b-offer.txt", "index.html",
                     "reports.jsonl", "summary.csv"]
    assert len(out.splitlines()) == 2 and "2 analysed, 0 up to date" in err
    pdf_page, txt_page = (out_dir / "b-offer.html").read_text(), (out_dir / "a-offer.html").read_text()
    assert 'href="b-offer.annotated.pdf"' in pdf_page and 'href="b-offer.json"' in pdf_page
    assert "annotated.pdf" not in txt_page
    again = run(capsys, str(letters / "in"), "--format", "json,csv,html,pdf,text", "--output", str(out_dir))
    assert again[0] == 1 and "0 analysed, 2 up to date" in again[2]


@pytest.mark.parametrize("argv", [
    ["--format", "json,csv"],  # several formats need --output
    ["--format", "yaml"],
    ["--format", "html"],  # two letters, one page each: needs --output
    ["--citizenship", "USA"],
    ["--workers", "0"],
    ["--config", "/nonexistent/offercheck.toml"],
])
def test_usage_errors_exit_2_with_a_message(letters: Path, capsys: pytest.CaptureFixture[str],
                                            argv: list[str]) -> None:
    code, out, err = run(capsys, str(letters / "in"), *argv)
    assert code == 2 and out == "" and err.startswith("offercheck check:")


def test_no_letters_found_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2 and "no letters" in err


def test_pdf_format_to_stdout_for_one_pdf(letters: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code = main(["check", str(letters / "in" / "b-offer.pdf"), "--format", "pdf", "-j", "1"])
    out = capsysbinary.readouterr().out
    assert out.startswith(b"%PDF-") and b"/Highlight" in out and code == 1


@pytest.mark.slow
def test_batch_with_broken_files_then_a_rerun_that_does_nothing(letters: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """The issue's acceptance run, scaled down: good letters plus 3 broken ones, real pipeline."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    text = (letters / "in" / "a-offer.txt").read_text()
    pdf = (letters / "in" / "b-offer.pdf").read_bytes()
    for i in range(9):
        if i % 3 == 0:
            (folder / f"offer-{i}.pdf").write_bytes(pdf)
        else:
            (folder / f"offer-{i}.txt").write_text(text.replace("Computer Systems Analyst", f"Analyst {i}"))
    (folder / "x-broken.pdf").write_bytes(b"%PDF-1.4\n garbage")
    (folder / "x-broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    (folder / "x-empty.txt").write_bytes(b"")
    out_dir = tmp_path / "reports"
    argv = [str(folder), "--output", str(out_dir), "--format", "jsonl,csv,html", "-j", "2"]
    code, out, err = run(capsys, *argv)
    records = [json.loads(line) for line in (out_dir / "reports.jsonl").read_text().splitlines()]
    assert code == 2 and len(records) == 12 and len(out.splitlines()) == 12
    assert sum(r["status"] == "ok" for r in records) == 9
    assert sorted(r["error"]["code"] for r in records if r["error"]) == ["corrupt", "corrupt", "empty"]
    assert len(list(csv.DictReader((out_dir / "summary.csv").open()))) == 12
    code, _, err = run(capsys, *argv)
    assert code == 2 and "0 analysed, 12 up to date" in err


def test_text_for_several_letters_is_one_line_each_then_totals(letters: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(letters / "in"), "-j", "1", "--fail-on", "never")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    verdicts = [line.split("  ")[1].lower() for line in lines[:2]]
    assert lines[0].startswith(str(letters / "in" / "a-offer.txt") + "  ")
    assert "Computer Systems Analyst" in lines[0]
    assert lines[1].startswith(str(letters / "in" / "b-offer.pdf") + "  ")
    totals = ", ".join(f"{verdicts.count(v)} {v}" for v in ("fail", "review", "pass") if v in verdicts)
    assert lines[2] == f"2 letters: {totals}"
