"""A title that literally names a CUSMA profession keeps it first in the fused ranking unless the
duties clearly point to another profession (analyzer/match/fuse.py: named_first)."""

from __future__ import annotations

from analyzer.match import acceptance, cusma, match
from analyzer.match.model import load


def _named_ids(title: str) -> set[str]:
    idx = cusma.index(load().codes)
    return {i for i, hit in zip(idx.ids, cusma.named(idx, title), strict=True) if hit}


def test_named_reads_the_title_as_an_officer_does() -> None:
    assert _named_ids("Sr. Technical Writer") == {"technical_publications_writer"}
    assert _named_ids("Computer Systems Analyst II (Contract)") == {"computer_systems_analyst"}
    assert _named_ids("Registered Nurse, Cardiac Care Unit") == {"registered_nurse"}
    assert _named_ids("Lead Economist") == {"economist"}
    assert not _named_ids("Network Engineer")  # names a speciality, not the profession word for word
    assert not _named_ids("Marketing Coordinator")


def test_writer_of_engineering_manuals_stays_a_writer() -> None:
    m = match("Technical Writer", ["Write step-by-step repair procedures for diesel generator sets",
                                   "Sit with the mechanical engineers to capture inspection intervals",
                                   "Update parts lists and exploded-view callouts for the service technicians"])
    assert m.cusma[0].id == "technical_publications_writer"
    assert m.title_cusma[0].id == "technical_publications_writer"


def test_analyst_who_only_codes_stays_first_but_is_not_accepted() -> None:
    m = match("Computer Systems Analyst", ["Build REST endpoints in Go for the payments service",
                                           "Fix defects found in nightly test runs",
                                           "Refactor legacy modules and review pull requests"])
    assert m.cusma[0].id == "computer_systems_analyst"
    assert m.cusma[0].score < acceptance()  # the duties do not support it: the rules flag it
    assert m.agreement is False


def test_duties_that_clearly_name_another_profession_win() -> None:
    m = match("Chemist", ["Run routine pH and moisture tests on incoming samples by standard methods",
                          "Clean and calibrate the lab balances and titrators",
                          "Log results in the LIMS and report out-of-spec values to the supervisor"])
    assert m.cusma[0].id == "scientific_technician_technologist"
    assert m.agreement is False
