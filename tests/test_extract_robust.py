"""Extraction never crashes on odd text, and every evidence span it gives indexes the document."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.extract import extract
from analyzer.types import FIELD_NAMES, InputError
from tests.extract_helpers import layout

WORDS = ["Position:", "Duties", "offer", "you", "the", "position", "of", "Analyst", "$", "95,000", "per", "year",
         "40", "hours", "week", "January", "15,", "2027", "Toronto,", "ON", "•", "-", "1.", "30%", "Sincerely,",
         "A1234567", "requires", "Bachelor's", "degree", "licence", "permanent", "24", "months", "ﬁ", "“", "\t",
         "start", "date", "until", "Re:", "Offer", "of", "Employment", "–", "(", ")", ":", ";", "\u00ad", "é"]
KINDS = ["paragraph", "heading", "list_item", "table_row", "signature", "letterhead", "subject", "other"]
line = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join)
block = st.tuples(st.sampled_from(KINDS), st.lists(line, min_size=1, max_size=3).map("\n".join))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(block, min_size=1, max_size=8))
def test_extract_is_total_and_evidence_is_exact(blocks: list[tuple[str, str]]) -> None:
    lay = layout(*blocks)
    try:
        ex = extract(lay)
    except InputError as err:  # only a language verdict may stop extraction
        assert err.code == "unsupported_language"
        return
    assert set(ex.fields) == set(FIELD_NAMES)
    text = lay.document.text
    values = [ex.title, *ex.fields.values()]
    spans = [v.evidence for v in values if v is not None and v.evidence is not None]
    spans += [d.evidence for d in ex.duties]
    for ev in spans:
        assert 0 <= ev.start <= ev.end <= len(text)
        assert text[ev.start:ev.end] == ev.text
    for d in ex.duties:
        assert d.text.strip() and (d.share is None or 0 <= d.share <= 999)
