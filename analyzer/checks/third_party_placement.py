"""OC607 third-party-placement: placement at a client site without the client and the control of
the work described."""

from __future__ import annotations

import re
from collections.abc import Iterator

from analyzer.checks._data import lexicon
from analyzer.checks._phrases import find, negated
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.types import Finding

_DUTIES = ("Analyse business requirements for the claims-processing system and write functional specifications",)
_CSA = {"cusma": (("computer_systems_analyst", 0.85),), "noc": (("21222", 0.8),)}


class ThirdPartyPlacement(Rule):
    code = "OC607"
    name = "third-party-placement"
    severity = "warning"
    summary = ("The professional will work at a client's site (staffing or IT-services placement) and the "
               "letter does not both name the client and say who directs and controls the work.")
    why = ("The offer must show pre-arranged employment with a Canadian employer. Practitioners report "
           "refusals of staffing-firm letters that place the worker with an unnamed client, since the real "
           "employer and the real job cannot be assessed.")
    bad = Example(title="Computer Systems Analyst", duties=_DUTIES,
                  paragraphs=("You will be assigned to one of our clients and work at the client site.",), **_CSA)
    good = Example(title="Computer Systems Analyst", duties=_DUTIES,
                   paragraphs=("You will work at the client site of Northern Trust Bank Ltd. (the client) in "
                               "Toronto; you will remain our employee and report to our delivery manager, "
                               "Anna Li, who directs your work.",), **_CSA)
    options = {"staffing.json": "placement phrases, named-client and control patterns"}
    references = ("IRCC PDI, CUSMA/CPTPP: pre-arranged employment with a Canadian enterprise",
                  "Practitioner reports on refusals of staffing-agency offers")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        data = lexicon("staffing")
        hits = [h for h in find(ctx.body_text, "staffing", "placement") if not negated(ctx.text, h.start)]
        if not hits:
            return
        named = re.search(data["named_client"], ctx.body_text)
        control = re.search(data["control"], ctx.body_text)
        if named and control:
            return
        missing = " and ".join(x for x, ok in (("names no client", named), ("says nothing about who directs "
                                                                             "the work", control)) if not ok)
        words = ctx.text[hits[0].start:hits[0].end]
        yield self.finding(
            f"The letter places the professional with a client ('{words}') but {missing}.",
            "Name the client organisation and site, and state who supervises and controls the work, e.g. 'You "
            "will work at Northern Trust Bank Ltd., Toronto, under the direction of our delivery manager, "
            "Anna Li; you remain our employee.'",
            ctx.evidence(hits[0].start, hits[0].end))
