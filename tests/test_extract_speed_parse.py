"""The body blocks are read by spaCy as one text (analyzer.extract.parse); every block must get the
sentences and places its own ``nlp(text)`` Doc gives it."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.extract.body import read_body
from analyzer.extract.parse import parse_one, parse_texts
from analyzer.ingest import read
from analyzer.segment import segment
from tests.lettergen import load_specs, render

SPECS = {s["id"]: s for s in load_specs(Path(__file__).parent / "labelled" / "letters")}

TRICKY = [
    "Harlow Mine, Kirkland Lake, ON | 2.1",
    "You will be based in Halifax, N.S. and travel to St. John's, N.L. often.",
    "Our office at 100 King St W, Toronto, ON M5X 1A9. Start: June 1. (P.Eng.) or eligibility.",
    "Vancouver B.C. Calgary Alta. Regina, Sask. Quebec City, QC!  Two  spaces... Yes?!",
    "ON",
    "on the road to Ontario",
    "",
    " leading space from a dropped soft hyphen",
    "trailing space ",
    "Remote work: none. Location: Montréal, Québec; Winnipeg, Manitoba.",
    "e.g. the Yukon, NWT and Nunavut",
]


def test_each_text_reads_as_its_own_doc() -> None:
    joined = parse_texts(TRICKY)
    own = [parse_one(t) for t in TRICKY]
    assert joined == own
    # the texts hold places and several sentences, so the comparison covers both
    assert sum(len(p.ents) for p in own) >= 15
    assert sum(len(p.sents) > 1 for p in own) >= 3


@pytest.mark.parametrize("spec_id", ["pagebreak-02", "table-01", "twocolumn-03", "paragraph-05"])
def test_rendered_letter_blocks_read_as_their_own_docs(spec_id: str, tmp_path: Path) -> None:
    body = read_body(segment(read(render(SPECS[spec_id], tmp_path))))
    assert len(body.parts) > 10
    for part in body.parts:
        assert part.parsed == parse_one(part.text), part.text
    assert any(part.parsed.ents for part in body.parts)


def test_province_abbreviations_are_found_as_spacy_matcher_finds_them() -> None:
    from spacy.attrs import ORTH

    from analyzer.extract.parse import _token_matches, _token_patterns
    from analyzer.nlp import get_nlp

    nlp = get_nlp()
    patterns = _token_patterns(nlp)
    assert patterns is not None  # the bundled place patterns are exact word sequences
    matcher = nlp.get_pipe("entity_ruler").matcher
    found = 0
    for text in TRICKY:
        doc = nlp.make_doc(text)
        mine = _token_matches(doc.to_array([ORTH]).tolist(), patterns)
        assert sorted(mine) == sorted(matcher(doc)), text
        found += len(mine)
    assert found >= 8
