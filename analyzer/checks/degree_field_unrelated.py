"""OC606 degree-field-unrelated: the letter requires a degree in a field unrelated to the profession
(or in any field)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from analyzer.checks import _education as edu
from analyzer.checks._data import display_name, lexicon, norm_id
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.types import Evidence, Finding

_DUTIES = ("Analyse business requirements for the claims-processing system and write functional specifications",)
_CSA = {"cusma": (("computer_systems_analyst", 0.85),), "noc": (("21222", 0.8),)}


class DegreeFieldUnrelated(Rule):
    code = "OC606"
    name = "degree-field-unrelated"
    severity = "warning"
    programs = ("cusma",)
    summary = "The degree the letter requires is in a field unrelated to the profession, or in any field."
    why = ("IRCC: where a baccalaureate is required it must be in the specific or a closely related field. A "
           "letter asking for 'a degree in any discipline' says the profession's knowledge is not needed.")
    bad = Example(title="Computer Systems Analyst", duties=_DUTIES,
                  fields={"education": "Bachelor's degree in any discipline"}, **_CSA)
    good = Example(title="Computer Systems Analyst", duties=_DUTIES,
                   fields={"education": "Bachelor's degree in Computer Science or a related field"}, **_CSA)
    options = {"degree_fields.json": "related fields per profession, and the patterns that find the field"}
    references = ("IRCC PDI, CUSMA professionals: degree in the specific or a closely related field",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        data = lexicon("degree_fields")
        prof = ctx.claimed_profession
        text, ev = ctx.extraction.field("education"), ctx.field_evidence("education")
        related = data["professions"].get(norm_id(prof.id)) if prof else None
        if not related or not text or ev is None:
            return
        text = str(text)
        if not _at_minimum(prof, text):
            return  # education-below-minimum reports a credential below the treaty level first
        aligned = ctx.text[ev.start:ev.end] == text
        m = re.search(data["any_field"], text, re.IGNORECASE)
        if m:
            span = ctx.evidence(ev.start + m.start(), ev.start + m.end()) if aligned else ev
            yield self._finding(prof, span.text, span, any_field=True)
            return
        fields = [f for f in re.finditer(data["field_regex"], text, re.IGNORECASE)]
        if not fields or any(_related(f.group(1), related) for f in fields):
            return
        f = fields[0]
        span = ctx.evidence(ev.start + f.start(1), ev.start + f.end(1)) if aligned else ev
        yield self._finding(prof, f.group(1).strip(), span)

    def _finding(self, prof: Any, field: str, span: Evidence, any_field: bool = False) -> Finding:
        suggest = lexicon("degree_fields")["suggest"].get(norm_id(prof.id), "the profession's field")
        what = (f"accepts a degree in '{field}'" if any_field
                else f"requires a degree in '{field}', which is not a field related to {display_name(prof)}")
        return self.finding(
            f"The letter {what}; the degree must be in the profession's field or a closely related one.",
            f"Require 'a Bachelor's degree in {suggest} or a closely related field' instead of '{field}'.",
            span)


def _at_minimum(prof: Any, text: str) -> bool:
    letter, required = edu.lowest(text), edu.required_rank(prof.min_education)
    return letter is None or required is None or letter.rank >= required


def _related(field: str, related: list[str]) -> bool:
    low = field.lower()
    return any(k in low for k in related)
