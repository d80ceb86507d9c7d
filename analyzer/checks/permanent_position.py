"""OC302 permanent-position: permanent, indefinite or no-end-date wording in a temporary category."""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.checks._phrases import find, negated
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.types import Finding

_DUTIES = ("Analyse business requirements for the claims-processing system and write functional specifications",)
_FIX = ("State a fixed temporary term instead, e.g. 'This is a temporary position for 36 months, from "
        "2027-01-15 to 2030-01-14'; say that any extension depends on a new work permit.")


class PermanentPosition(Rule):
    code = "OC302"
    name = "permanent-position"
    severity = "error"
    summary = "The offer is described as permanent, indefinite, ongoing or without an end date."
    why = ("CUSMA and CPTPP work permits are temporary entry. Officers must be satisfied the employment is "
           "temporary; a permanent or open-ended offer is a standard refusal ground.")
    bad = Example(title="Computer Systems Analyst", duties=_DUTIES,
                  paragraphs=("This is a permanent, full-time position with no end date.",),
                  cusma=(("computer_systems_analyst", 0.9),), noc=(("21222", 0.8),))
    good = Example(title="Computer Systems Analyst", duties=_DUTIES,
                   fields={"start_date": "2027-01-15", "end_date": "2029-01-14", "term_months": 24},
                   paragraphs=("This is a temporary, full-time position; it is not a permanent position.",),
                   cusma=(("computer_systems_analyst", 0.9),), noc=(("21222", 0.8),))
    options = {"permanent_wording.json": "the phrases that read as permanent"}
    references = ("IRCC PDI, CUSMA professionals: duration and temporary nature of entry",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        field_ev = ctx.field_evidence("permanent")
        seen: list[tuple[int, int]] = []
        if ctx.extraction.field("permanent") is True and field_ev is not None:
            seen.append((field_ev.start, field_ev.end))
            yield self.finding(f"The letter describes the position as permanent ('{field_ev.text}').",
                               _FIX, field_ev)
        for hit in find(ctx.body_text, "permanent_wording", "phrases"):
            # Wording within a sentence or so of the field's own evidence is the same statement.
            if negated(ctx.text, hit.start) or any(s - 150 < hit.end and hit.start < e + 150 for s, e in seen):
                continue
            words = ctx.text[hit.start:hit.end]
            yield self.finding(f"'{words}' makes the offer read as permanent or open-ended.", _FIX,
                               ctx.evidence(hit.start, hit.end))
