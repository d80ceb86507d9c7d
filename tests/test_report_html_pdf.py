"""HTML pages parsed back (highlights, links, escaping, index order) and the annotated PDF
reopened with pdfplumber (each highlight sits on its finding's evidence box)."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path

import pdfplumber

from analyzer.report import html as html_report
from analyzer.report import pdf as pdf_report
from analyzer.report import sorted_findings
from tests.test_report import build_document, build_pdf, build_report, error_report


class Page(HTMLParser):
    """Collects marks (their text and attributes), element ids, links and script bodies."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.scripts: list[str] = []
        self.rows: list[list[str]] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "mark":
            self.marks.append({**a, "text": ""})
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if tag == "tr":
            self.rows.append([])
        self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self._stack and self._stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if "mark" in self._stack:
            self.marks[-1]["text"] += data
        if "script" in self._stack:
            self.scripts.append(data)
        if "td" in self._stack and self.rows:
            self.rows[-1].append(data)


def subtype(annot: dict) -> str:
    """The annotation's /Subtype name (pdfminer gives a PSLiteral)."""
    value = annot["data"]["Subtype"]
    return getattr(value, "name", str(value))


def parse(html: str) -> Page:
    p = Page()
    p.feed(html)
    return p


def test_letter_page_highlights_each_findings_words_and_links_them() -> None:
    report = build_report(build_document())
    d = report.to_dict(include_text=True)
    page = parse(html_report.render(report, links=[("JSON report", "letter.json")]))
    findings = sorted_findings(d)
    for i, f in enumerate(findings, start=1):
        assert f"f{i}" in page.ids  # every finding is listed
        ev = f["evidence"]
        if ev is None:
            continue
        assert f"m{i}" in page.ids and f"#m{i}" in page.hrefs
        covered = "".join(m["text"] for m in page.marks if f"f{i}" in m["data-findings"].split())
        assert covered == ev["text"]  # the highlighted words are exactly the evidence
    for m in page.marks:  # each mark links to a listed finding of its severity colour
        target = m["data-findings"].split()[0]
        assert target in page.ids and m["class"].startswith("sev-")
    assert "letter.json" in page.hrefs


def test_letter_page_escapes_letter_text_and_messages() -> None:
    html = html_report.render(build_report(build_document()))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>too generic</b>" not in html and "&lt;b&gt;too generic&lt;/b&gt;" in html
    assert parse(html).scripts == []  # a letter page runs no script at all
    assert "Content-Security-Policy" in html and "http" not in html.split("<body>")[0].replace(
        'http-equiv', '')  # self-contained: nothing loaded from elsewhere


def test_overlapping_evidence_is_cut_not_nested() -> None:
    html = html_report.highlight("abcdefghij", [
        {"severity": "error", "rule": "r1", "message": "m", "evidence": {"start": 2, "end": 6}},
        {"severity": "info", "rule": "r2", "message": "m", "evidence": {"start": 4, "end": 9}},
        {"severity": "info", "rule": "r3", "message": "m", "evidence": {"start": 50, "end": 60}},
    ])
    marks = parse(f"<pre>{html}</pre>").marks
    assert [(m["text"], m["data-findings"]) for m in marks] == [("cd", "f1"), ("ef", "f1 f2"), ("ghi", "f2")]


def test_error_report_page_names_the_problem() -> None:
    html = html_report.render(error_report("bad <x>.pdf"))
    assert "corrupt" in html and "bad &lt;x&gt;.pdf" in html and "<x>" not in html


def test_index_lists_letters_worst_verdict_first_with_links() -> None:
    failing = build_report(build_document(), file="b.txt")
    passing = build_report(build_document(), file="a.txt").to_dict()
    passing["findings"], passing["verdict"] = [], "pass"
    page = parse(html_report.render_index([passing, error_report("c.pdf"), failing],
                                          ["a.html", "c.html", "b&x.html"]))
    files = [row[0] for row in page.rows if row]
    assert files == ["b.txt", "c.pdf", "a.txt"]  # fail, error, pass
    assert "b%26x.html" in page.hrefs
    assert page.scripts and "aria-sort" in page.scripts[0]  # click-to-sort columns


def _annots(data: bytes) -> tuple[list[dict], pdfplumber.page.Page, pdfplumber.PDF]:
    pdf = pdfplumber.open(io.BytesIO(data))
    return pdf.pages[0].annots, pdf.pages[0], pdf


def _by_name(annots: list[dict]) -> dict[str, dict]:
    def name(a: dict) -> str:
        value = a["data"]["NM"]
        return value.decode() if isinstance(value, bytes) else str(value)

    return {name(a): a for a in annots}


def _near(got: tuple, want: tuple, tol: float = 0.5) -> bool:
    return all(abs(g - w) <= tol for g, w in zip(got, want, strict=True))


def test_annotated_pdf_from_report_dict_uses_the_evidence_boxes(tmp_path: Path) -> None:
    doc, data = build_pdf(tmp_path / "letter.pdf")
    d = build_report(doc, file="letter.pdf").to_dict()  # a dict: only the evidence box is known
    annots, page, pdf = _annots(pdf_report.annotate(data, d))
    findings = sorted_findings(d)
    assert "Computer Systems Analyst" in page.extract_text()  # the letter itself is unchanged
    assert len(annots) == len(findings)
    by_name = _by_name(annots)
    for n, f in enumerate(findings, start=1):
        annot = by_name[f"offercheck-{n}-{f['code']}"]
        assert f["message"] in annot["contents"] and f["fix"] in annot["contents"]
        if f["evidence"] is None:
            assert subtype(annot) == "Text"  # a sticky note for what is absent
            continue
        assert subtype(annot) == "Highlight"
        assert _near((annot["x0"], annot["top"], annot["x1"], annot["bottom"]), tuple(f["evidence"]["bbox"]))
    pdf.close()


def test_annotated_pdf_from_report_highlights_just_the_quoted_words(tmp_path: Path) -> None:
    doc, data = build_pdf(tmp_path / "letter.pdf")
    report = build_report(doc, file="letter.pdf")
    annots, page, pdf = _annots(pdf_report.annotate(data, report))
    by_name = _by_name(annots)
    for n, f in enumerate(sorted_findings(report.to_dict()), start=1):
        ev = f["evidence"]
        if ev is None:
            continue
        annot = by_name[f"offercheck-{n}-{f['code']}"]
        x0, top, x1, bottom = ev["bbox"]  # the highlight lies within the evidence's box
        assert annot["x0"] >= x0 - 0.5 and annot["x1"] <= x1 + 0.5
        assert annot["top"] >= top - 0.5 and annot["bottom"] <= bottom + 0.5
        quads = annot["data"]["QuadPoints"]
        lines = len({ln.start for ln in doc.lines() if ln.start < ev["end"] and ln.end > ev["start"]})
        assert len(quads) == 8 * lines  # one quad per line of the quote
        if lines == 1:  # and the words under it are the quote, no more
            inside = page.crop((annot["x0"] - 0.2, annot["top"], annot["x1"] + 0.2, annot["bottom"])).extract_text()
            assert " ".join(inside.split()) == " ".join(ev["text"].split())
    pdf.close()


def test_page_rules_mark_where_each_page_begins() -> None:
    html = html_report.highlight("one\ntwo\nthree\n", [
        {"severity": "error", "rule": "r", "message": "m", "evidence": {"start": 2, "end": 6}}],
        pages={4: 2, 8: 3})
    page = parse(f"<pre>{html}</pre>")
    assert {"page2", "page3"} <= page.ids
    assert [m["text"] for m in page.marks] == ["e\n", "tw"]  # evidence cut at the page start
    assert html.index('id="page2"') < html.index("tw")
