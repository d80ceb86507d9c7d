"""OC604 analyst-coding-duties: Computer Systems Analyst or Engineer duties that are mostly coding."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from analyzer.checks._data import display_name
from analyzer.checks._duty_share import DutyShareRule
from analyzer.checks.base import Example
from analyzer.types import Duty

_CSA = {"cusma": (("computer_systems_analyst", 0.8),), "noc": (("21222", 0.6),)}


class AnalystCodingDuties(DutyShareRule):
    code = "OC604"
    name = "analyst-coding-duties"
    severity = "warning"
    programs = ("cusma",)
    summary = ("Half or more of a Computer Systems Analyst's or Engineer's duties (or time) is writing, "
               "debugging or maintaining code.")
    why = ("Programmers and software developers (NOC 21230-21234) are not Appendix 2 professions. Officers "
           "refuse 'Systems Analyst' letters whose duties describe a developer's work.")
    bad = Example(title="Computer Systems Analyst",
                  duties=("Write Java code for new features of the online banking platform",
                          "Debug and fix defects reported by the QA team",
                          "Analyse business requirements for the claims-processing system"), **_CSA)
    good = Example(title="Computer Systems Analyst",
                   duties=("Analyse business requirements for the claims-processing system",
                           "Design relational data models for the finance data warehouse",
                           "Write SQL queries to validate data migrated from the legacy CRM"), **_CSA)
    options = {"coding_duties.json": "coding patterns and the professions checked",
               "check_thresholds.json: analyst_coding_share": "share of duties (or time) that fires"}
    references = ("NOC 2021 21222 vs 21231/21232/21234",
                  "corpora cusma_professions.json note for Computer Systems Analyst")

    lexicon_name, include, exclude = "coding_duties", "regex", "not_coding_regex"
    share_key = "analyst_coding_share"

    def describe(self, chosen: Sequence[Duty], duties: Sequence[Duty], part: float, prof: Any) -> tuple[str, str]:
        return (f"{len(chosen)} of {len(duties)} duties ({part:.0%}) are programming work, e.g. "
                f"'{chosen[0].text}'; programmers and developers are not an Appendix 2 profession.",
                f"Describe the {display_name(prof)} work (requirements analysis, system design, specifications, "
                "testing strategy) as the main share of time and keep coding as a minor, supporting share.")
