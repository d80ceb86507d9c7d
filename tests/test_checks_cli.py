"""``offercheck rules`` and ``offercheck explain``."""

from __future__ import annotations

import json

from analyzer.checks import discover
from analyzer.cli import main


def test_rules_table_and_json(capsys) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert all(r.code in out and r.name in out for r in discover())
    assert main(["rules", "--format", "json", "--program", "cptpp"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["name"] for d in data} == {r.name for r in discover() if "cptpp" in r.programs}
    assert all(d["bad"] and d["good"] and d["why"] for d in data)


def test_explain_by_code_and_name(capsys) -> None:
    assert main(["explain", "OC604"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("# OC604 analyst-coding-duties")
    assert "## Why officers refuse" in page and "Finding:" in page
    assert main(["explain", "vague-phrase"]) == 0
    assert "other duties as assigned" in capsys.readouterr().out
    assert main(["explain", "OC999"]) == 2
    assert "no rule 'OC999'" in capsys.readouterr().err
