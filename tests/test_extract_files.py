"""End to end on real files: letters rendered as PDF, DOCX and TXT are read, segmented and extracted."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.extract import extract
from analyzer.ingest import read
from analyzer.segment import segment
from tests.eval_extraction import field_ok, match_duties, norm, truth_for
from tests.lettergen import load_specs, render

SPECS = {s["id"]: s for s in load_specs(Path(__file__).parent / "labelled" / "letters")}
# One letter per format, and the layouts that are hardest to read (table, paragraph, page breaks).
CASES = ["bullets-04", "paragraph-05", "table-01", "pagebreak-02", "twocolumn-03", "signed-page3-01"]


@pytest.mark.parametrize("spec_id", CASES)
def test_rendered_letter_is_extracted(spec_id: str, tmp_path: Path) -> None:
    spec = SPECS[spec_id]
    truth = truth_for(spec)
    layout = segment(read(render(spec, tmp_path)))
    ex = extract(layout)
    assert ex.title is not None and norm(ex.title.value) == norm(truth["title"])
    want = [d["text"] for d in truth["duties"]]
    assert match_duties([d.text for d in ex.duties], want) == len(want) == len(ex.duties)
    for name, expected in truth["fields"].items():
        assert field_ok(name, ex.field(name), expected), name
    text = layout.document.text
    for duty in ex.duties:  # evidence indexes the document text and names a real page
        assert text[duty.evidence.start:duty.evidence.end] == duty.evidence.text
        assert 1 <= duty.evidence.page <= len(layout.document.pages)
    if spec["layout"] == "table":
        assert [d.share for d in ex.duties] == [d["share"] for d in truth["duties"]]
