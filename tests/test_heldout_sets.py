"""The third and fourth held-out sets (tests/heldout3, tests/heldout4: the same format, the same
shape) are well-formed and every letter renders.  Like tests/test_heldout_set.py this checks the
sets, never the analyzer's accuracy on them (``python -m tests.eval_heldout3`` / ``eval_heldout4``
measure that)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from analyzer import corpora
from analyzer.checks import rules
from analyzer.types import FIELD_NAMES
from tests.heldout import render as heldout_render
from tests.heldout.render import rendered_text

TESTS = Path(__file__).resolve().parent
SETS = {name: TESTS / name for name in ("heldout3", "heldout4")}
LETTERS = [(name, p.stem) for name, here in SETS.items() for p in sorted(here.glob("*.txt"))]
PROVINCES = {"AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"}
REQUIRED = {"id", "format", "program", "citizenship", "title", "duties", "fields", "expect_findings",
            "may_findings", "expect_cusma", "notes"}


def squash(text: str) -> str:
    """Whitespace folded, heading marks dropped: how a value must appear in the letter's text."""
    return " ".join(text.replace("# ", "").split())


def meta_of(name: str, letter_id: str) -> dict:
    return json.loads((SETS[name] / f"{letter_id}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", SETS)
def test_set_shape(name: str) -> None:
    ids = [i for n, i in LETTERS if n == name]
    assert len(ids) == 18
    assert {p.stem for p in SETS[name].glob("*.json")} == set(ids)
    assert Counter(meta_of(name, i)["format"] for i in ids) == {"pdf": 11, "docx": 4, "txt": 3}
    assert Counter(meta_of(name, i)["program"] for i in ids) == {"cusma": 16, "cptpp": 2}
    clean = sum(1 for i in ids if not meta_of(name, i)["expect_findings"])
    assert clean == 12


@pytest.mark.parametrize(("name", "letter_id"), LETTERS)
def test_expected_values_are_in_the_letter(name: str, letter_id: str) -> None:
    text = squash((SETS[name] / f"{letter_id}.txt").read_text(encoding="utf-8"))
    meta = meta_of(name, letter_id)
    assert set(meta) >= REQUIRED and meta["id"] == letter_id
    assert meta["format"] in ("pdf", "docx", "txt") and meta["program"] in ("cusma", "cptpp")
    assert squash(meta["title"]) in text
    assert meta["duties"] and len(set(meta["duties"])) == len(meta["duties"])
    assert all(squash(d) in text for d in meta["duties"])
    fields = meta["fields"]
    assert set(fields) <= set(FIELD_NAMES)
    if "start_date" in fields:
        date.fromisoformat(fields["start_date"])
    if "worksite" in fields:
        assert fields["worksite"]["province"] in PROVINCES
    if "wage" in fields:
        assert fields["wage"]["period"] in ("hour", "week", "month", "year")
    for name in ("education", "licence", "portal_offer_number"):
        if name in fields:
            assert squash(fields[name]) in text, name


@pytest.mark.parametrize(("name", "letter_id"), LETTERS)
def test_names_exist(name: str, letter_id: str) -> None:
    meta = meta_of(name, letter_id)
    names = {r.name for r in rules(None)}
    assert set(meta["expect_findings"]) | set(meta["may_findings"]) <= names
    assert not set(meta["expect_findings"]) & set(meta["may_findings"])
    assert meta["expect_cusma"] is None or meta["expect_cusma"] in corpora.cusma()
    assert (meta["expect_cusma"] is None) == (meta["program"] == "cptpp")
    if meta["program"] == "cptpp":
        assert meta["citizenship"] in corpora.cptpp_countries()
    else:
        assert meta["citizenship"] in ("US", "MX")


@pytest.mark.parametrize(("name", "letter_id"), LETTERS)
def test_every_letter_renders(name: str, letter_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heldout_render, "HERE", SETS[name])
    source, meta = heldout_render.load(letter_id)
    path = heldout_render.render(letter_id, tmp_path)
    assert path.suffix == "." + meta["format"] and path.stat().st_size > 0
    text, pages = rendered_text(path)
    assert squash(meta["title"]) in squash(text)
    # The last duty's last words survive rendering (lists, tables and later pages are not dropped).
    assert " ".join(meta["duties"][-1].split()[-3:]) in squash(text)
    if meta["format"] == "pdf":
        assert pages >= 1 + source.count("\f")
