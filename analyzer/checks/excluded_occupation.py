"""OC204 excluded-occupation: the occupation is excluded for the applicant's country (CPTPP) or
fails a CUSMA profession's condition (Physician: teaching/research; Research Assistant:
post-secondary institution; claims adjuster: disaster relief)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from analyzer import corpora
from analyzer.checks._data import lexicon, norm_id
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.checks.title_not_listed import academic_employer
from analyzer.types import Finding

_CLINIC = ("Diagnose and treat patients at the family medicine clinic",
           "Prescribe medications and order diagnostic tests")


class ExcludedOccupation(Rule):
    code = "OC204"
    name = "excluded-occupation"
    severity = "error"
    summary = ("CPTPP: the occupation is excluded for the applicant's country. CUSMA: the offer fails a "
               "profession's condition (Physician only for teaching/research; Research Assistant only in a "
               "post-secondary institution; Disaster Relief Claims Adjuster only for disaster claims).")
    why = ("Each CPTPP party's schedule excludes occupations (e.g. health, education and social services for "
           "Australia); Appendix 2 footnotes restrict some CUSMA professions. Officers refuse offers outside "
           "these limits.")
    bad = Example(title="Physician", duties=_CLINIC, cusma=(("physician", 0.9),), noc=(("31102", 0.85),))
    good = Example(title="Physician (Clinical Associate Professor)",
                   duties=("Teach clinical pharmacology to medical residents",
                           "Lead the hypertension clinical trial and publish its results"),
                   cusma=(("physician", 0.9),), noc=(("31102", 0.8),))
    options = {"cusma_profession_conditions.json": "the CUSMA conditions, as patterns the letter must contain"}
    references = ("CUSMA Appendix 2 footnotes; IRCC PDI notes on Physician and Research Assistant",
                  "IRCC PDI, CPTPP: exclusions by country")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.program == "cptpp":
            yield from self._cptpp(ctx)
            return
        conditions = lexicon("cusma_profession_conditions")["professions"]
        # The profession the letter is held to and the one its title names: a letter titled "Research
        # Assistant" must meet that profession's condition even if the duties read otherwise.
        ids = dict.fromkeys(norm_id(p.id) for p in (ctx.claimed_profession, ctx.title_profession) if p)
        for pid in ids:
            rule = conditions.get(pid)
            if rule is None:
                continue
            text = " ".join(d.text for d in ctx.extraction.duties) if rule["where"] == "duties" else ctx.body_text
            if not re.search(rule["requires"], text, re.IGNORECASE):
                yield self.finding(f"{rule['reason']} The letter does not show that.", rule["fix"], ctx.anchor())

    def _cptpp(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.citizenship or not ctx.matches.noc or ctx.citizenship not in corpora.cptpp_countries():
            return  # no citizenship, or one outside CPTPP: citizenship-ineligible reports that
        top = ctx.matches.noc[0]
        status = corpora.cptpp_status(top.code, ctx.citizenship, academic_employer(ctx))
        if status.status == "excluded":
            yield self.finding(
                f"NOC {top.code} ({top.title}) is excluded for citizens of {ctx.citizenship} under CPTPP: "
                f"{status.reason}",
                "Use another work-permit route for this occupation, or, if the work is really a different "
                "listed occupation, describe that occupation's duties under its own title.",
                ctx.anchor())
