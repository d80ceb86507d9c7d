"""The vague-duty measure's NOC vocabulary tables come precomputed (analyzer/checks/_vocabulary.json)
so that start-up does not tokenise the whole NOC; the file must equal what the corpus and the
tokeniser give now, and a file built from another corpus must never be used."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from analyzer import corpora
from analyzer.checks import _specificity, _vocabulary


@pytest.fixture
def fresh_tables():
    _vocabulary.tables.cache_clear()
    _specificity._idf.cache_clear()
    yield
    _vocabulary.tables.cache_clear()
    _specificity._idf.cache_clear()


def test_precomputed_file_equals_a_fresh_computation_from_the_corpus() -> None:
    expected = _vocabulary.to_json(_vocabulary.compute(corpora.noc().values()), _vocabulary.source_sha256())
    assert _vocabulary.TABLES_PATH.read_text(encoding="utf-8") == expected, (
        "analyzer/checks/_vocabulary.json is stale: run python -m analyzer.checks._vocabulary")


def test_the_file_is_what_start_up_reads(fresh_tables: None) -> None:
    from_file = _vocabulary.read(_vocabulary.TABLES_PATH, _vocabulary.source_sha256())
    assert from_file is not None
    assert _vocabulary.tables() == from_file
    assert from_file == _vocabulary.compute(corpora.noc().values())


def test_tables_hold_the_nocs_vocabulary() -> None:
    t = _vocabulary.compute(corpora.noc().values())
    assert t.statements == sum(len(g.duties) for g in corpora.noc().values())
    assert {"prepare", "review", "design"} <= t.noc_verbs  # openers of many main-duty statements
    assert "ownership" not in t.noc_verbs
    assert {"gro", "groun", "ground", "pay", "payrol"} <= t.title_prefixes  # 'groundwater', 'payroll'
    idf, idf_max = t.idf()
    assert idf_max == math.log(t.statements)
    assert 0 < idf["prepare"] < idf["groundwater"] <= idf_max  # common verbs weigh less than domain words


def test_a_file_built_from_another_corpus_is_ignored(tmp_path: Path, fresh_tables: None,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "_vocabulary.json"
    tiny = _vocabulary.Tables(1, {"zzz": 1}, frozenset({"zzz"}), frozenset({"zzz"}))
    other.write_text(_vocabulary.to_json(tiny, "0" * 64), encoding="utf-8")
    assert _vocabulary.read(other, "0" * 64) == tiny
    assert _vocabulary.read(other, _vocabulary.source_sha256()) is None
    monkeypatch.setattr(_vocabulary, "TABLES_PATH", other)
    assert _vocabulary.tables() == _vocabulary.compute(corpora.noc().values())  # computed, not the tiny file


def test_a_missing_or_broken_file_falls_back_to_computing(tmp_path: Path, fresh_tables: None,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "_vocabulary.json"
    broken.write_text("{not json", encoding="utf-8")
    assert _vocabulary.read(broken, _vocabulary.source_sha256()) is None
    assert _vocabulary.read(tmp_path / "missing.json", _vocabulary.source_sha256()) is None
    monkeypatch.setattr(_vocabulary, "TABLES_PATH", broken)
    assert _vocabulary.tables().noc_verbs == _vocabulary.compute(corpora.noc().values()).noc_verbs


def test_check_mode_reports_the_file_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert _vocabulary.main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_specificity_uses_the_tables(fresh_tables: None) -> None:
    t = _vocabulary.tables()
    assert _specificity._noc_verbs() is t.noc_verbs
    assert _specificity._idf() == t.idf()
    # a concrete object scores, generic filler does not (the measure works on the loaded tables)
    assert _specificity.measure("Design groundwater monitoring wells").score > \
        _specificity.measure("Support the team with various tasks").score
