"""OC301 self-employment: contractor, invoicing or own-business wording."""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.checks._phrases import find, negated
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.types import Finding

_DUTIES = ("Analyse business requirements for the claims-processing system and write functional specifications",)


class SelfEmployment(Rule):
    code = "OC301"
    name = "self-employment"
    severity = "error"
    summary = ("Wording that describes a contractor, invoicing, the professional's own business or clients, "
               "or no employer-employee relationship.")
    why = ("CUSMA and CPTPP professionals need pre-arranged employment with a Canadian enterprise; "
           "self-employment in Canada (soliciting business, a Canadian business the person controls) is "
           "refused.")
    bad = Example(title="Computer Systems Analyst", duties=_DUTIES,
                  paragraphs=("You will work as an independent contractor and invoice us monthly for hours worked.",),
                  cusma=(("computer_systems_analyst", 0.9),), noc=(("21222", 0.8),))
    good = Example(title="Computer Systems Analyst", duties=_DUTIES,
                   paragraphs=("You will be an employee of Maple Analytics Inc., paid through our payroll; you "
                               "will not be an independent contractor.",),
                   cusma=(("computer_systems_analyst", 0.9),), noc=(("21222", 0.8),))
    options = {"self_employment.json": "the phrases and why each points to self-employment"}
    references = ("IRCC PDI, CUSMA professionals: no self-employment in Canada",
                  "IRCC PDI, CPTPP professionals and technicians: no self-employment in Canada")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for hit in find(ctx.body_text, "self_employment", "phrases"):
            if not hit.entry.get("negation_ok") and negated(ctx.text, hit.start):
                continue
            words = ctx.text[hit.start:hit.end]
            yield self.finding(
                f"'{words}': {hit.entry.get('why', 'suggests self-employment')}; self-employment in Canada is "
                "not allowed in this category.",
                f"Replace '{words}' with an employment relationship: state that the professional will be an "
                "employee of the Canadian employer, paid salary through its payroll (or, for a contract, name "
                "the contracting enterprises and confirm the work is pre-arranged).",
                ctx.evidence(hit.start, hit.end))
