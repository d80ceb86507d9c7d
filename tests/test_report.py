"""Report formats rendered from hand-built reports (no analysis stage involved): JSON against the
schema, JSON Lines, CSV parsed back, terminal text, and the helpers other report tests share."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pdfplumber
import pytest
from reportlab.lib.pagesizes import letter as LETTER
from reportlab.pdfgen import canvas

from analyzer.report import csv as csv_report
from analyzer.report import json as json_report
from analyzer.report import text as text_report
from analyzer.types import (
    CusmaCandidate,
    Document,
    Duty,
    Extraction,
    Finding,
    InputError,
    Line,
    Matches,
    NocCandidate,
    Page,
    Report,
    Value,
    Word,
)

SCHEMA = json_report.schema()

LINES = (
    "Maple Analytics Inc.",
    "Job title: Computer Systems Analyst",
    "Duties:",
    "- Analyse business requirements & <script>alert(1)</script> \"systems\"",
    "- Other duties as assigned.",
    "Salary: $xx,xxx per year",
)


def build_document(lines: tuple[str, ...] = LINES, boxes: list[list[tuple]] | None = None,
                   source: str = "letter.txt", kind: str = "text") -> Document:
    """A one-page Document from lines; ``boxes[i]`` gives line i's word boxes when known."""
    text, built = "", []
    for i, line_text in enumerate(lines):
        start = len(text)
        words, pos = [], start
        for j, w in enumerate(line_text.split(" ")):
            bbox = boxes[i][j] if boxes else None
            words.append(Word(text=w, start=pos, end=pos + len(w), bbox=bbox))
            pos += len(w) + 1
        built.append(Line(page=1, text=line_text, start=start, end=start + len(line_text),
                          words=tuple(words)))
        text += line_text + "\n"
    return Document(source=source, kind=kind, text=text,  # type: ignore[arg-type]
                    pages=(Page(number=1, width=612, height=792, lines=tuple(built)),))


def span(doc: Document, phrase: str) -> tuple[int, int]:
    start = doc.text.index(phrase)
    return start, start + len(phrase)


def build_report(doc: Document, file: str = "letter.txt") -> Report:
    """A report as the pipeline would make it, with overlapping evidence and hostile text."""
    ev = doc.evidence
    duty1 = span(doc, "Analyse business requirements & <script>alert(1)</script> \"systems\"")
    duty2 = span(doc, "Other duties as assigned.")
    title = span(doc, "Computer Systems Analyst")
    wage = span(doc, "$xx,xxx")
    fields: dict[str, Value | None] = dict.fromkeys(
        ("employer", "worksite", "start_date", "end_date", "term_months", "permanent",
         "hours_per_week", "wage", "education", "licence", "portal_offer_number"))
    fields["employer"] = Value("Maple Analytics Inc.", ev(*span(doc, "Maple Analytics Inc.")))
    extraction = Extraction(language="en", title=Value("Computer Systems Analyst", ev(*title)),
                            duties=(Duty("Analyse business requirements", ev(*duty1), 60.0),
                                    Duty("Other duties as assigned.", ev(*duty2))), fields=fields)
    noc = tuple(NocCandidate(code, name, teer, score, "both") for code, name, teer, score in (
        ("21222", "Information systems specialists", 1, 0.81), ("21223", "Database analysts", 1, 0.4),
        ("21211", "Data scientists", 1, 0.2), ("21231", "Software engineers", 1, 0.1),
        ("22220", "Computer network technicians", 2, 0.05)))
    cusma = (CusmaCandidate("computer_systems_analyst", "Computer Systems Analyst", 0.9, "title"),)
    findings = (
        Finding("vague-phrase", "OC102", "warning", "Catch-all wording: \"Other duties as assigned\".",
                "Delete it or name the duties.", ev(duty2[0], duty2[0] + len("Other duties as assigned"))),
        Finding("unfilled-placeholder", "OC501", "error", "Template text left in the letter: $xx,xxx.",
                "Replace it with the annual salary, e.g. $95,000.", ev(*wage)),
        Finding("vague-duty", "OC101", "info", "Duty <b>too generic</b> & vague.",
                "Say what is analysed, for whom and with which tools.", ev(duty1[0], duty2[1])),
        Finding("missing-element", "OC503", "error", "The letter gives no start date.",
                "Add the start date.", None),
    )
    return Report(file=file, program="cusma", citizenship="US", document=doc,
                          extraction=extraction, matches=Matches(noc=noc, cusma=cusma), findings=findings)


def error_report(file: str = "broken.pdf") -> Report:
    return Report(file=file, error=InputError("corrupt", f"{file}: the PDF is damaged and cannot be read."))


def build_pdf(path: Path, lines: tuple[str, ...] = LINES) -> tuple[Document, bytes]:
    """A real PDF of ``lines`` (reportlab) and a Document whose word boxes pdfplumber measured."""
    c = canvas.Canvas(str(path), pagesize=LETTER)
    c.setFont("Helvetica", 11)
    for i, line in enumerate(lines):
        c.drawString(72, 720 - 18 * i, line)
    c.save()
    with pdfplumber.open(path) as pdf:
        words = pdf.pages[0].extract_words(use_text_flow=True)
    boxes: list[list[tuple]] = []
    it = iter(words)
    for line in lines:  # pdfplumber splits on spaces exactly as build_document does
        boxes.append([(float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]))
                      for w in (next(it) for _ in line.split(" "))])
    return build_document(lines, boxes, source=str(path), kind="pdf"), path.read_bytes()


@pytest.fixture()
def report() -> Report:
    return build_report(build_document())


def test_json_validates_against_schema(report: Report) -> None:
    one = json.loads(json_report.render_one(report, include_text=True))
    jsonschema.validate(one, SCHEMA)
    assert one["text"] == report.document.text  # type: ignore[union-attr]
    doc = json.loads(json_report.render([report, error_report()]))
    jsonschema.validate(doc, SCHEMA)
    assert doc["summary"]["files"] == 2 and doc["summary"]["errors"] == 1
    assert doc["summary"]["findings"] == {"error": 2, "warning": 1, "info": 1}
    assert "text" not in doc["reports"][0]


def test_schema_rejects_a_report_missing_a_contract_field(report: Report) -> None:
    d = report.to_dict()
    del d["verdict"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, SCHEMA)
    bad = report.to_dict()
    bad["findings"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)


def test_evidence_offsets_index_the_included_text(report: Report) -> None:
    d = json.loads(json_report.render_one(report, include_text=True))
    for f in d["findings"]:
        if f["evidence"]:
            assert d["text"][f["evidence"]["start"]:f["evidence"]["end"]] == f["evidence"]["text"]


def test_jsonl_is_one_valid_object_per_line_in_input_order(report: Report) -> None:
    out = json_report.render_lines([error_report("a.pdf"), report, error_report("z.pdf")])
    lines = out.splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    for r in records:
        jsonschema.validate(r, SCHEMA)
    assert [r["file"] for r in records] == ["a.pdf", "letter.txt", "z.pdf"]
    assert records[0]["status"] == "error" and records[0]["error"]["code"] == "corrupt"


def test_csv_parses_back_one_row_per_letter(report: Report) -> None:
    hostile = build_report(build_document(), file="=cmd.txt").to_dict()
    hostile["title"]["text"] = "@SUM(A1:A9)"
    rows = list(csv.DictReader(io.StringIO(csv_report.render([report, error_report(), hostile]))))
    assert len(rows) == 3
    first = rows[0]
    assert first["file"] == "letter.txt" and first["verdict"] == "fail"
    assert first["title"] == "Computer Systems Analyst"
    assert first["cusma_id"] == "computer_systems_analyst" and float(first["cusma_score"]) == 0.9
    assert first["noc_code"] == "21222" and float(first["noc_score"]) == 0.81
    assert (first["errors"], first["warnings"], first["infos"]) == ("2", "1", "1")
    assert first["rules"].split(";") == ["missing-element", "unfilled-placeholder", "vague-duty",
                                         "vague-phrase"]
    assert first["codes"] == "OC101;OC102;OC501;OC503"
    assert rows[1]["status"] == "error" and rows[1]["error_code"] == "corrupt"
    assert rows[2]["file"] == "'=cmd.txt"  # formula injection neutralised
    assert rows[2]["title"] == "'@SUM(A1:A9)"


def test_text_groups_findings_by_severity_with_quote_and_fix(report: Report) -> None:
    out = text_report.render(report, colour=False)
    assert "\x1b[" not in out
    assert out.index("Errors") < out.index("Warnings") < out.index("Notes")
    assert "\u201c$xx,xxx\u201d" in out and "Replace it with the annual salary" in out
    assert "21222 Information systems specialists (TEER 1) 0.81" in out
    assert "Computer Systems Analyst (computer_systems_analyst) 0.90" in out
    assert "\x1b[31;1m" in text_report.render(report, colour=True)


def test_summary_line_for_ok_and_error_reports(report: Report) -> None:
    line = text_report.summary_line(report)
    assert line.startswith("letter.txt  FAIL  Computer Systems Analyst  2 errors, 1 warning, 1 info")
    assert "\n" not in line
    assert "corrupt" in text_report.summary_line(error_report())


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert text_report.use_colour(_Tty()) and not text_report.use_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not text_report.use_colour(_Tty())


def test_pipeline_report_keeps_include_text_choice(report: Report) -> None:
    assert "text" not in report.to_dict()
    with_text = Report(file="x.txt", document=report.document, include_text=True)
    assert with_text.to_dict()["text"] == report.document.text  # type: ignore[union-attr]


def test_schema_checks_field_value_shapes(report: Report) -> None:
    d = report.to_dict()
    d["fields"]["wage"] = {"value": {"amount": "95k", "currency": "CAD", "period": "year"}, "evidence": None}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, SCHEMA)
    d["fields"]["wage"] = {"value": {"amount": 95000, "currency": "CAD", "period": "year",
                                     "hourly": 45.67, "annual": 95000}, "evidence": None}
    jsonschema.validate(d, SCHEMA)
    del d["fields"]["licence"]  # every contract field is present, null when absent
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, SCHEMA)


def test_cusma_candidates_scored_zero_are_not_listed() -> None:
    from analyzer.report.html import _matches
    from analyzer.report.text import _candidates

    r = {"cusma": [{"name": "Librarian", "id": "librarian", "score": 0.001, "basis": "title"}],
         "noc": [{"code": "31103", "title": "Veterinarians", "teer": 1, "score": 0.81, "basis": "both"}]}
    assert _candidates(r)[0] == "  CUSMA: (none above 0.00)"
    assert "Librarian" not in _matches(r) and "none above 0.00" in _matches(r)
    r["cusma"][0]["score"] = 0.62
    assert "Librarian (librarian) 0.62" in _candidates(r)[0]
