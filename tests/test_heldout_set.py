"""The held-out letter set is well-formed and every letter renders.

These tests check the set itself (files, expected values, rule and profession names, rendering),
never the analyzer's accuracy on it: that is measured by ``python -m tests.eval_heldout``.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import docx
import pytest

from analyzer import corpora
from analyzer.checks import rules
from analyzer.types import FIELD_NAMES
from tests.heldout.render import HERE, letter_ids, load, parse, plain_text, render, rendered_text

IDS = letter_ids()
PROVINCES = {"AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"}
REQUIRED = {"id", "format", "program", "citizenship", "title", "duties", "fields", "expect_findings",
            "expect_cusma"}


def squash(text: str) -> str:
    return " ".join(text.split())


def test_set_shape() -> None:
    assert len(IDS) == 24
    assert {p.stem for p in HERE.glob("*.json")} == set(IDS)
    formats = Counter(load(i)[1]["format"] for i in IDS)
    assert formats == {"pdf": 16, "docx": 4, "txt": 4}
    clean = sum(1 for i in IDS if not load(i)[1]["expect_findings"])
    assert 10 <= clean <= 14


@pytest.mark.parametrize("letter_id", IDS)
def test_expected_values_match_the_text(letter_id: str) -> None:
    text, meta = load(letter_id)
    assert set(meta) >= REQUIRED and meta["id"] == letter_id
    flat = squash(text)
    assert squash(meta["title"]) in flat
    assert meta["duties"] and len(set(meta["duties"])) == len(meta["duties"])
    for duty in meta["duties"]:
        assert squash(duty) in flat, duty
    fields = meta["fields"]
    assert set(fields) <= set(FIELD_NAMES)
    if "worksite" in fields:
        assert fields["worksite"]["province"] in PROVINCES
    if "start_date" in fields:
        date.fromisoformat(fields["start_date"])
    if "wage" in fields:
        assert fields["wage"]["period"] in ("hour", "week", "month", "year")
    for name in ("education", "licence", "portal_offer_number"):
        if name in fields:
            assert squash(fields[name]) in flat, name


@pytest.mark.parametrize("letter_id", IDS)
def test_names_exist(letter_id: str) -> None:
    _, meta = load(letter_id)
    catalogue = {r.name for r in rules(None)}
    assert set(meta["expect_findings"]) <= catalogue
    assert set(meta.get("may_findings", [])) <= catalogue
    assert not set(meta["expect_findings"]) & set(meta.get("may_findings", []))
    assert meta["expect_cusma"] is None or meta["expect_cusma"] in corpora.cusma()
    assert meta["program"] in ("cusma", "cptpp")
    if meta["program"] == "cptpp":
        assert meta["citizenship"] in corpora.cptpp_countries()


@pytest.mark.parametrize("letter_id", IDS)
def test_every_letter_renders(letter_id: str, tmp_path: Path) -> None:
    source, meta = load(letter_id)
    path = render(letter_id, tmp_path)
    assert path.suffix == "." + meta["format"] and path.stat().st_size > 0
    text, pages = rendered_text(path)
    assert squash(meta["title"]) in squash(text)
    # The last duty's last words survive rendering (lists and tables are not dropped).
    tail = " ".join(meta["duties"][-1].split()[-3:])
    assert tail in squash(text)
    if meta["format"] == "pdf":
        assert pages >= 1 + source.count("\f")  # long letters also overflow


def test_markup_parsing() -> None:
    pieces = parse("# Duties\n- one\n• two\nDuty | % of time\nA | 50%\nB | 50%\n\f\nplain")
    assert [p.kind for p in pieces] == ["heading", "bullet", "bullet", "table", "break", "para"]
    assert pieces[3].rows == (("Duty", "% of time"), ("A", "50%"), ("B", "50%"))
    assert pieces[1].marker == "-" and pieces[2].marker == "•"
    assert plain_text("# Head\nbody") == "Head\nbody\n"


def test_docx_uses_real_lists_and_tables(tmp_path: Path) -> None:
    styles = Counter()
    for letter_id in IDS:
        if load(letter_id)[1]["format"] == "docx":
            d = docx.Document(str(render(letter_id, tmp_path)))
            styles.update(p.style.name for p in d.paragraphs)
            assert not any(re.match(r"^(?:- |• )", p.text) for p in d.paragraphs)
    assert styles["List Bullet"] >= 10
