"""OC602 scrutinised-title: manager, supervisor, director, lead or sales titles draw scrutiny."""

from __future__ import annotations

import re
from collections.abc import Iterator

from analyzer.checks._data import display_name, lexicon, norm_id
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.types import Finding

_DUTIES = ("Analyse business requirements for the claims-processing system and write functional specifications",
           "Design relational data models for the finance data warehouse")
_CSA = {"cusma": (("computer_systems_analyst", 0.8),), "noc": (("21222", 0.8),)}


class ScrutinisedTitle(Rule):
    code = "OC602"
    name = "scrutinised-title"
    severity = "warning"
    summary = "The title is a manager, director, supervisor, lead or sales title."
    why = ("Managers, supervisors and sales staff are not Appendix 2 professions; practitioners report that "
           "officers question such titles and refuse when the duties are managerial or sales work rather than "
           "the profession's own work.")
    bad = Example(title="IT Project Manager", duties=_DUTIES, **_CSA)
    good = Example(title="Computer Systems Analyst", duties=_DUTIES, **_CSA)
    options = {"scrutinised_titles.json": "title patterns and professions whose treaty name is managerial"}
    references = ("IRCC PDI, CUSMA: a corporate executive qualifies only in the field of qualification",
                  "Practitioner reports on CUSMA refusals of manager and sales titles")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        title = ctx.title_text
        if not title:
            return
        data = lexicon("scrutinised_titles")
        prof = ctx.claimed_profession
        if prof is not None and norm_id(prof.id) in data["exempt_professions"]:
            return
        hit = next((p for p in data["patterns"] if re.search(p["regex"], title, re.IGNORECASE)), None)
        if hit is None:
            return
        name = display_name(prof) if prof is not None else "the profession"
        yield self.finding(
            f"'{title}' is a {hit['kind']} title, which officers scrutinise: {hit['kind']}s are not "
            "Appendix 2 professions.",
            f"Title the position by the profession ('{name}') and show that most of the time goes to "
            f"{name} duties; describe any {hit['kind']} role as a minor share of the job.",
            ctx.anchor())
