"""OC102 vague-phrase: catch-all, hedging or filler wording, from a lexicon kept as data."""

from __future__ import annotations

import re
from collections.abc import Iterator

from analyzer.checks._phrases import find
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.types import Finding

_DUTIES = (
    "Analyse business requirements for the claims-processing system and write functional specifications",
    "Design relational data models for the finance data warehouse",
)


class VaguePhrase(Rule):
    code = "OC102"
    name = "vague-phrase"
    severity = "warning"
    summary = ("Catch-all or hedging wording such as 'other duties as assigned', 'as needed', 'etc.' or "
               "'various tasks' anywhere in the letter's body.")
    why = ("Officers read catch-alls as an admission that the real job is undefined, and hedges as room for "
           "non-professional work; either can tip a borderline letter into a refusal.")
    bad = Example(title="Computer Systems Analyst", duties=_DUTIES + ("Perform other duties as assigned",),
                  cusma=(("computer_systems_analyst", 0.9),), noc=(("21222", 0.8),))
    good = Example(title="Computer Systems Analyst", duties=_DUTIES,
                   cusma=(("computer_systems_analyst", 0.9),), noc=(("21222", 0.8),))
    options = {"vague_phrases.json": "the phrases, each with its kind, fix and optional severity"}
    references = ("Practitioner guidance on CUSMA offer letters: avoid open-ended duty wording",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for hit in find(ctx.body_text, "vague_phrases", "phrases"):
            after = hit.entry.get("unless_followed_by")
            if after and re.match(after, ctx.body_text[hit.end:hit.end + 20], re.IGNORECASE):
                continue
            words = ctx.text[hit.start:hit.end]
            kind = hit.entry.get("kind", "catch-all")
            yield self.finding(f"'{words}' is {kind} wording that leaves the job open-ended.",
                               hit.entry.get("fix", f"Delete '{words}' or replace it with the specific duty."),
                               ctx.evidence(hit.start, hit.end), hit.entry.get("severity"))
