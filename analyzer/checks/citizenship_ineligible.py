"""OC304 citizenship-ineligible: the applicant's citizenship is not eligible for the category."""

from __future__ import annotations

from collections.abc import Iterator

from analyzer import corpora
from analyzer.checks._data import lexicon
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.types import Finding

_DUTIES = ("Analyse business requirements for the claims-processing system and write functional specifications",)
_CSA = {"cusma": (("computer_systems_analyst", 0.9),), "noc": (("21222", 0.8),)}


class CitizenshipIneligible(Rule):
    code = "OC304"
    name = "citizenship-ineligible"
    severity = "error"
    summary = ("The citizenship given with --citizenship is not eligible: CUSMA needs a US or Mexican citizen; "
               "CPTPP a citizen of a CPTPP party with a schedule for Canada (or an Australian permanent resident).")
    why = "Eligibility is by citizenship; permanent residents do not qualify (except Australian PRs under CPTPP)."
    bad = Example(title="Computer Systems Analyst", duties=_DUTIES, citizenship="IN", **_CSA)
    good = Example(title="Computer Systems Analyst", duties=_DUTIES, citizenship="MX", **_CSA)
    options = {"citizenship.json: cusma": "the CUSMA countries (CPTPP countries come from the corpora)"}
    references = ("IRCC PDI, CUSMA professionals: citizens of the United States or Mexico",
                  "IRCC PDI, CPTPP: citizens of CPTPP countries; Australian permanent residents")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        cc = (ctx.citizenship or "").upper()
        if not cc:
            return
        eligible = _eligible(ctx.program)
        if cc in eligible:
            return
        names = ", ".join(f"{v} ({k})" for k, v in sorted(eligible.items()))
        extra = " Australian permanent residents also qualify." if ctx.program == "cptpp" else ""
        yield self.finding(
            f"Citizenship {cc} is not eligible for {ctx.program.upper()}: it is open to citizens of {names}.{extra}",
            f"Use another work-permit route for a citizen of {cc} (e.g. an LMIA-based or another treaty "
            f"category), or check that {cc} is the applicant's citizenship.",
            ctx.anchor())


def _eligible(program: str) -> dict[str, str]:
    if program == "cptpp":
        return dict(corpora.cptpp_countries())
    return dict(lexicon("citizenship")["cusma"])
