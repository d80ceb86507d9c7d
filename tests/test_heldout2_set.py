"""The second held-out set (tests/heldout2) is well-formed.  Like tests/test_heldout_set.py it checks
the set, never the analyzer's accuracy on it (``python -m tests.eval_heldout2`` measures that)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from analyzer import corpora
from analyzer.checks import rules
from analyzer.types import FIELD_NAMES

HERE = Path(__file__).resolve().parent / "heldout2"
IDS = sorted(p.stem for p in HERE.glob("*.txt"))
REQUIRED = {"id", "format", "program", "citizenship", "title", "duties", "fields", "expect_findings",
            "expect_cusma"}


def squash(text: str) -> str:
    return " ".join(text.replace("# ", "").split())


def test_set_shape() -> None:
    assert len(IDS) == 16
    assert {p.stem for p in HERE.glob("*.json")} == set(IDS)


@pytest.mark.parametrize("letter_id", IDS)
def test_expected_values_are_in_the_letter(letter_id: str) -> None:
    text = squash((HERE / f"{letter_id}.txt").read_text(encoding="utf-8"))
    meta = json.loads((HERE / f"{letter_id}.json").read_text(encoding="utf-8"))
    assert set(meta) >= REQUIRED and meta["id"] == letter_id
    assert meta["format"] in ("pdf", "docx", "txt") and meta["program"] in ("cusma", "cptpp")
    assert squash(meta["title"]) in text
    assert meta["duties"] and all(squash(d) in text for d in meta["duties"])
    assert set(meta["fields"]) <= set(FIELD_NAMES)
    if "start_date" in meta["fields"]:
        date.fromisoformat(meta["fields"]["start_date"])
    names = {r.name for r in rules()}
    assert set(meta["expect_findings"]) | set(meta.get("may_findings", [])) <= names
    assert meta["expect_cusma"] is None or meta["expect_cusma"] in corpora.cusma()
