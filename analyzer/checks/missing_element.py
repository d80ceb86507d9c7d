"""OC501 missing-element: a required element of the offer is absent (one finding per element)."""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.checks._data import lexicon
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.types import Finding

_DUTIES = ("Analyse business requirements for the claims-processing system and write functional specifications",)
_FULL = {"employer": "Maple Analytics Inc.", "worksite": {"city": "Toronto", "province": "ON"},
         "start_date": "2027-01-15", "end_date": "2029-01-14", "term_months": 24,
         "wage": {"amount": 95000, "currency": "CAD", "period": "year", "hourly": 45.67, "annual": 95000},
         "education": "Bachelor's degree in Computer Science", "signatory": "Anna Li, Director of IT"}
_CSA = {"cusma": (("computer_systems_analyst", 0.9),), "noc": (("21222", 0.8),)}


class MissingElement(Rule):
    code = "OC501"
    name = "missing-element"
    severity = "warning"
    summary = ("A required element of the offer is absent: title, duties, employer, work location, start date, "
               "duration, wage, required education, signature. One finding per missing element.")
    why = ("IRCC's offer of employment must state the employer, the profession, the position's title, duties, "
           "duration and pay, the destination and the qualifications required; an incomplete offer does not "
           "establish pre-arranged employment.")
    bad = Example(title="Computer Systems Analyst", duties=_DUTIES,
                  fields={k: v for k, v in _FULL.items() if k != "wage"}, **_CSA)
    good = Example(title="Computer Systems Analyst", duties=_DUTIES, fields=_FULL, **_CSA)
    options = {"missing_elements.json": "the elements, the fields any one of which satisfies each, and fixes"}
    references = ("IRCC PDI, CUSMA professionals: offer of employment contents",
                  "IRCC PDI, CPTPP: offer of employment through the Employer Portal")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        kinds = {b.kind for b in ctx.layout.blocks}
        for element in lexicon("missing_elements")["elements"]:
            if any(_present(ctx, name) for name in element["any_of"]):
                continue
            if element.get("layout_kind") in kinds:
                continue
            yield self.finding(f"The letter does not state the {element['label']}.", element["fix"], None)


def _present(ctx: CheckContext, name: str) -> bool:
    if name == "title":
        return ctx.extraction.title is not None
    if name == "duties":
        return bool(ctx.extraction.duties)
    return ctx.extraction.field(name) not in (None, "", {})
