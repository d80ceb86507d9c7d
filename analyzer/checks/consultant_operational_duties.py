"""OC603 consultant-operational-duties: a Management Consultant doing hands-on managerial or
operational work rather than advising."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from analyzer.checks._duty_share import DutyShareRule
from analyzer.checks.base import Example
from analyzer.types import Duty

_MC = {"cusma": (("management_consultant", 0.85),), "noc": (("11201", 0.8),)}


class ConsultantOperationalDuties(DutyShareRule):
    code = "OC603"
    name = "consultant-operational-duties"
    severity = "warning"
    programs = ("cusma",)
    summary = ("A Management Consultant whose duties are a substantial share operational or managerial "
               "(supervising staff, running daily operations, processing orders) rather than advisory.")
    why = ("IRCC: a management consultant improves performance by analysing and resolving strategic and "
           "operating problems, and does not take part in the company's production or perform its functional "
           "or operational work. Hands-on management reads as a manager, not a consultant.")
    bad = Example(title="Management Consultant",
                  duties=("Supervise warehouse staff and schedule shifts",
                          "Oversee day-to-day operations of the distribution centre",
                          "Analyse the client's procurement spend and recommend supplier consolidation"), **_MC)
    good = Example(title="Management Consultant",
                   duties=("Analyse the client's procurement spend and recommend supplier consolidation",
                           "Benchmark the client's operating costs against industry peers",
                           "Recommend changes to the client's organizational structure"), **_MC)
    options = {"consultant_duties.json": "operational and advisory patterns",
               "check_thresholds.json: consultant_operational_share": "share of duties (or time) that fires"}
    references = ("IRCC PDI, CUSMA professionals: note on Management Consultants",)

    lexicon_name, include, exclude = "consultant_duties", "operational", "advisory"
    share_key = "consultant_operational_share"

    def describe(self, chosen: Sequence[Duty], duties: Sequence[Duty], part: float, prof: Any) -> tuple[str, str]:
        return (f"{len(chosen)} of {len(duties)} duties ({part:.0%}) are hands-on operational or managerial "
                f"work, e.g. '{chosen[0].text}'; a Management Consultant advises.",
                "Rewrite these duties as advice to the client (diagnose, analyse, recommend, design the change), "
                "or remove them; if the person will run operations, the position is a manager, not a consultant.")
