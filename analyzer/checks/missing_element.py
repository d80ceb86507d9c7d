"""OC501 missing-element: a required element of the offer is absent (one finding per element)."""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.checks._data import lexicon
from analyzer.checks._evidence import cue
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
           "establish pre-arranged employment.  When the element was not read but the letter's wording shows it is there "
           "(a '$' amount, 'Sincerely', a date next to 'start', several verb-first duty sentences), the finding is "
           "info only: the element is probably present, and the lawyer should check it reads plainly.")
    bad = Example(title="Computer Systems Analyst", duties=_DUTIES,
                  fields={k: v for k, v in _FULL.items() if k != "wage"}, **_CSA)
    good = Example(title="Computer Systems Analyst", duties=_DUTIES, fields=_FULL, **_CSA)
    options = {"missing_elements.json": "the elements, the fields any one of which satisfies each, and fixes",
               "missing_elements.json: evidence, date, void_if, duty_like": (
                   "cue patterns showing the letter states an element offercheck could not read (then the finding "
                   "is info, not a warning), the date pattern, wording that leaves a value open ('salary to be "
                   "discussed': still missing), and how many verb-first sentences show duties")}
    references = ("IRCC PDI, CUSMA professionals: offer of employment contents",
                  "IRCC PDI, CPTPP: offer of employment through the Employer Portal")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        kinds = {b.kind for b in ctx.layout.blocks}
        for element in lexicon("missing_elements")["elements"]:
            if any(_present(ctx, name) for name in element["any_of"]):
                continue
            if element.get("layout_kind") in kinds:
                continue
            span = cue(ctx.body_text, element)
            if span is not None:
                # Words that state the element are there; only the reading failed.  Say so quietly: a
                # warning here would be a false alarm on a complete letter.
                evidence = ctx.evidence(*span)
                yield self.finding(
                    f"offercheck could not read the {element['label']} from the letter, though it seems to be "
                    f"stated ('{_short(evidence.text)}'); check it is stated plainly.",
                    element["fix"], evidence, severity="info")
                continue
            yield self.finding(f"The letter does not state the {element['label']}.", element["fix"], None)


def _present(ctx: CheckContext, name: str) -> bool:
    if name == "title":
        return ctx.extraction.title is not None
    if name == "duties":
        return bool(ctx.extraction.duties)
    return ctx.extraction.field(name) not in (None, "", {})


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"
