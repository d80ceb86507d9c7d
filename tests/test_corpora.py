"""Integrity of the bundled reference data and the CPTPP rule engine on known cases."""

from __future__ import annotations

import hashlib
import json

import pytest

from analyzer import corpora


def test_noc_has_516_unit_groups_with_teer_from_code() -> None:
    noc = corpora.noc()
    assert len(noc) == 516
    assert all(u.teer == int(code[1]) for code, u in noc.items())
    assert len(corpora.noc_titles()) == 27935
    assert noc["21222"].title.startswith("Information systems specialists")
    assert all(u.duties and u.example_titles and u.lead_statement for u in noc.values())


def test_mislabelled_duty_headings_are_dropped() -> None:
    assert "Managers in transportation operations" not in corpora.noc()["70020"].duties


def test_every_treaty_code_exists_in_noc_2021() -> None:
    noc = corpora.noc()
    for p in corpora.cusma().values():
        assert set(p.noc_codes + p.noc_related) <= set(noc), p.id
    for row in corpora.cptpp_rules():
        assert set(row["codes"]) <= set(noc), row


def test_cusma_professions_are_complete() -> None:
    professions = corpora.cusma()
    assert len(professions) == 63
    assert {p.category for p in professions.values()} == {"general", "medical_allied", "scientist", "teacher"}
    for p in professions.values():
        assert p.min_education.strip(), p.id
        assert p.noc_codes, p.id
        # IRCC accepts CUSMA offers in TEER 0-3 occupations; the mapping must respect that.
        assert all(corpora.noc()[c].teer <= 3 for c in p.noc_codes), p.id
    assert "bookkeeper" in professions["accountant"].not_covered_titles


def test_cptpp_codes_have_the_teer_of_their_category() -> None:
    noc = corpora.noc()
    for row in corpora.cptpp_rules():
        if row["rule"] == "include":
            allowed = (0, 1) if row["category"] == "professional" else (2, 3)
            assert all(noc[c].teer in allowed for c in row["codes"]), row["selector"]


def test_concordance_maps_every_noc_2016_code() -> None:
    conc = corpora.concordance_2016()
    assert len(conc) == 500
    assert all(len(code) == 4 and targets for code, targets in conc.items())
    assert {"21220", "21221", "21222"} <= set(conc["2171"])
    assert all(t in corpora.noc() for targets in conc.values() for t in targets)


@pytest.mark.parametrize(
    ("code", "country", "status"),
    [
        ("31301", "AU", "excluded"),  # registered nurse, Australian: health exclusion
        ("21110", "JP", "excluded"),  # biologist researcher outside academia, Japanese
        ("52120", "MX", "technician"),  # graphic designer, Mexican
        ("21300", "AU", "professional"),  # civil engineer
        ("21300", "MY", "professional"),  # on Malaysia's closed list
        ("11202", "MY", "excluded"),  # TEER 1 but not on Malaysia's closed list
        ("21332", "BN", "professional"),  # petroleum engineer, Brunei's only entry
        ("21300", "BN", "not_listed"),
        ("21300", "NZ", "not_covered"),
        ("21300", "US", "not_covered"),
        ("64100", "AU", "not_listed"),  # TEER 4: neither professional nor technician
    ],
)
def test_cptpp_known_cases(code: str, country: str, status: str) -> None:
    result = corpora.cptpp_status(code, country)
    assert result.status == status, result.reason
    assert result.reason


def test_japanese_researcher_is_allowed_at_an_academic_entity() -> None:
    assert corpora.cptpp_status("21110", "JP", academic_employer=True).status == "professional"


def test_japanese_technician_needs_associate_degree() -> None:
    result = corpora.cptpp_status("22310", "JP")
    assert result.status == "technician"
    assert any("associate" in c for c in result.conditions)


def test_australian_lawyer_is_not_excluded_but_the_note_is_kept() -> None:
    result = corpora.cptpp_status("41101", "AU")
    assert result.status == "professional"
    assert any("Quebec notaries" in c for c in result.conditions)


def test_cptpp_covers_the_member_countries() -> None:
    assert {"AU", "BN", "CL", "JP", "MY", "MX", "PE"} <= set(corpora.cptpp_countries())


def test_manifest_lists_every_data_file_with_its_checksum() -> None:
    manifest = corpora.manifest()
    listed = {f["file"]: f for f in manifest["files"]}
    on_disk = {
        p.relative_to(corpora.CORPORA_DIR).as_posix()
        for p in corpora.CORPORA_DIR.rglob("*")
        if p.is_file() and p.suffix not in {".py", ".pyc"} and p.name != "MANIFEST.json" and "__pycache__" not in p.parts
    }
    assert on_disk == set(listed)
    for rel, entry in listed.items():
        digest = hashlib.sha256((corpora.CORPORA_DIR / rel).read_bytes()).hexdigest()
        assert digest == entry["sha256"], f"{rel}: run `python -m corpora.build --manifest`"
        assert entry["licence"] and entry["sources"]
    assert "Statistics Canada" in manifest["attribution"]


def test_package_never_reads_shared_at_run_time() -> None:
    from pathlib import Path

    root = Path(corpora.__file__).parent
    offenders = [p for p in root.rglob("*.py") if "../shared" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_corpora_load_fast_in_a_fresh_process() -> None:
    import subprocess
    import sys

    code = ("import time; t=time.perf_counter(); from analyzer import corpora; corpora.noc(); corpora.cusma(); "
            "corpora.noc_titles(); corpora.cptpp_rules(); print(time.perf_counter()-t)")
    seconds = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    assert seconds < 1.0  # measured ~0.05 s; the budget is "well under a second"


def test_cli_corpora_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    from analyzer.cli import main

    assert main(["corpora", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["noc2021"]["unit_groups"] == 516 and data["cusma"]["professions"] == 63
    assert main(["--help"]) == 0
    assert "check" in capsys.readouterr().out
    assert main(["--version"]) == 0
    assert main(["no-such-command"]) == 2
