"""Occupation matching on the known hard cases, the Matches shape, and the labelled set's coverage."""

from __future__ import annotations

import json
from pathlib import Path

from analyzer import corpora
from analyzer.match import acceptance, match

PAIRS = Path(__file__).resolve().parent / "labelled" / "match_pairs.jsonl"


def test_software_developer_is_no_cusma_profession() -> None:
    m = match("Software Developer", ["Design, code and test new features of our web application in Python",
                                     "Fix defects and review colleagues' code",
                                     "Write automated unit tests and deploy releases"])
    assert m.noc[0].code in {"21232", "21231", "21234"}
    assert all(c.score < acceptance() for c in m.cusma)


def test_accountant_title_with_bookkeeping_duties_disagrees() -> None:
    m = match("Accountant", ["Do the bookkeeping for our three stores in QuickBooks",
                             "Post sales and purchase entries and reconcile the bank accounts",
                             "Prepare monthly trial balances for our external accountant"])
    assert m.duties_noc[0].code == "12200"
    assert m.title_cusma[0].id == "accountant"
    assert m.title_noc[0].code == "11100"
    assert m.agreement is False


def test_computer_systems_analyst_first() -> None:
    m = match("Computer Systems Analyst", [])
    assert m.cusma[0].id == "computer_systems_analyst"
    assert m.cusma[0].score >= acceptance()
    assert m.noc[0].code == "21222"
    assert m.agreement is None  # no duties to compare with


def test_title_and_duties_agree_for_a_plain_letter() -> None:
    m = match("Registered Nurse", ["Assess patients and develop nursing care plans",
                                   "Administer medications and monitor vital signs"])
    assert m.agreement is True
    assert m.cusma[0].id == "registered_nurse"
    assert m.noc[0].code == "31301" and m.noc[0].basis == "both"


def test_duties_decide_when_the_title_is_not_the_profession() -> None:
    m = match("Slot Game Designer", ["Develop probability models for slot game payout tables",
                                     "Calculate return-to-player percentages with statistical simulation"])
    assert m.duties_noc[0].code == "21210"
    assert m.cusma[0].id == "mathematician"


def test_matches_shape() -> None:
    m = match("Sr. Civil Eng.", ["Design bridges and prepare engineering drawings"])
    units = corpora.noc()
    assert len(m.noc) >= 5 and len(m.title_noc) >= 5 and len(m.duties_noc) >= 5
    for c in m.noc:
        assert c.teer == units[c.code].teer and c.title == units[c.code].title
        assert 0.0 <= c.score <= 1.0 and c.basis in ("title", "duties", "both")
    assert [c.score for c in m.noc] == sorted((c.score for c in m.noc), reverse=True)
    assert m.cusma[0].id == "engineer"
    assert all(0.0 <= c.score <= 1.0 for c in m.cusma)


def test_title_only_and_duties_only() -> None:
    t = match("Pharmacist", [])
    assert t.noc[0].code == "31120" and t.noc[0].basis == "title" and not t.duties_noc
    d = match(None, ["Dispense prescription medications and counsel patients on drug interactions"])
    assert d.noc[0].code == "31120" and d.noc[0].basis == "duties" and not d.title_noc
    assert match("", []).noc == ()


def test_context_helps_a_vague_title() -> None:
    plain = match("Supervisor", [])
    hotel = match("Supervisor", [], context="a 200-room hotel offering accommodation and conference services")
    hotel_codes = [c.code for c in hotel.noc[:5]]
    assert any(code.startswith("6") for code in hotel_codes)
    assert hotel_codes != [c.code for c in plain.noc[:5]]


def test_labelled_pairs_cover_every_profession() -> None:
    rows = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 150
    assert {r["cusma"] for r in rows} - {None} == set(corpora.cusma())
    assert all(r["noc"] in corpora.noc() for r in rows)
    assert sum(r["agreement"] is False for r in rows) >= 10
    assert len({r["id"] for r in rows}) == len(rows)
