"""``analyse`` end to end over the real stages: a report for a readable letter (valid against the
schema, evidence offsets and boxes consistent), an error report (never an exception) for a bad
one, and an internal error in a stage turned into an ``internal_error`` report naming the file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pdfplumber
import pytest

import analyzer
from analyzer import pipeline
from analyzer.report import pdf as pdf_report
from tests.test_report import SCHEMA
from tests.test_web_browser import LETTER, write_letter_pdf


@pytest.fixture(scope="module")
def letter_txt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("letters") / "offer.txt"
    path.write_text("\n".join(LETTER) + "\n")
    return path


def test_text_letter_report_is_valid_and_self_consistent(letter_txt: Path) -> None:
    report = pipeline.analyse(letter_txt, citizenship="us", include_text=True)
    d = report.to_dict()
    jsonschema.validate(d, SCHEMA)
    assert d["status"] == "ok" and d["file"] == str(letter_txt) and d["citizenship"] == "US"
    assert d["title"]["text"] == "Computer Systems Analyst"
    for f in d["findings"]:
        if f["evidence"]:
            assert d["text"][f["evidence"]["start"]:f["evidence"]["end"]] == f["evidence"]["text"]
    placeholders = {f["evidence"]["text"] for f in d["findings"] if f["rule"] == "unfilled-placeholder"}
    assert "[Employee Name]" in placeholders


def test_pdf_bytes_report_boxes_land_on_the_words(tmp_path: Path) -> None:
    data = write_letter_pdf(tmp_path / "offer.pdf").read_bytes()
    report = analyzer.analyse(data, name="offer.pdf", program="cptpp", citizenship="AU")
    assert report.status == "ok" and report.file == "offer.pdf" and report.program == "cptpp"
    boxed = [f for f in report.findings if f.evidence and f.evidence.bbox]
    assert boxed, "PDF evidence carries word boxes"
    with pdfplumber.open(io.BytesIO(pdf_report.annotate(data, report))) as pdf:
        page = pdf.pages[0]
        for f in boxed:
            x0, top, x1, bottom = f.evidence.bbox  # type: ignore[union-attr]
            inside = page.crop((x0 - 0.5, top - 0.5, x1 + 0.5, bottom + 0.5)).extract_text()
            first_word = f.evidence.text.split()[0]  # type: ignore[union-attr]
            assert first_word in inside
        assert len(page.annots) == len(report.findings)


@pytest.mark.parametrize(("name", "data", "code"), [
    ("empty.txt", b"", "empty"),
    ("broken.pdf", b"%PDF-1.4\nnot really a pdf", "corrupt"),
    ("image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "unsupported_type"),
])
def test_bad_files_give_error_reports(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    report = pipeline.analyse(path)
    assert report.status == "error" and report.error is not None
    assert report.error.code == code and name in report.error.message
    jsonschema.validate(report.to_dict(), SCHEMA)
    missing = pipeline.analyse(tmp_path / "nope.pdf")
    assert missing.error is not None and missing.error.code == "not_found"


def test_a_bug_in_a_stage_becomes_an_internal_error_report(letter_txt: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import analyzer.extract

    def broken(layout: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(analyzer.extract, "extract", broken)
    report = pipeline.analyse(letter_txt)
    assert report.error is not None and report.error.code == "internal_error"
    assert str(letter_txt) in report.error.message and "KeyError" in report.error.message
    assert json.loads(json.dumps(report.to_dict()))["verdict"] == "error"


def test_unknown_program_is_a_caller_error(letter_txt: Path) -> None:
    with pytest.raises(ValueError, match="program"):
        pipeline.analyse(letter_txt, program="h1b")
