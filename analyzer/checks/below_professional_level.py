"""OC203 below-professional-level: the duties match a NOC unit group below the level the
category requires."""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.checks._data import display_name, noc_groups, teer_of
from analyzer.checks._occupation import below_level
from analyzer.checks._specificity import is_vague, words
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.types import Evidence, Finding, NocCandidate

_DRAFTING = ("Draft equipment layouts in AutoCAD from engineers' mark-ups",
             "Perform routine maintenance on conveyors and pumps",
             "Keep the spare-parts inventory up to date")


class BelowProfessionalLevel(Rule):
    code = "OC203"
    name = "below-professional-level"
    severity = "error"
    summary = ("The duties match a NOC unit group whose TEER is below what the category requires: below the "
               "claimed CUSMA profession's own level (TEER 4-5 is outside what IRCC accepts at all), or outside "
               "CPTPP's professional (TEER 0-1) and technician (TEER 2-3) levels.")
    why = ("CUSMA professionals must provide professional-level services (an accountant, not a bookkeeper); IRCC "
           "accepts offers in TEER 0-3 and respects professions whose treaty level is technician-like "
           "(Scientific Technician/Technologist, Medical Laboratory Technologist). CPTPP covers TEER 0-1 "
           "professionals and TEER 2-3 technicians only.")
    bad = Example(title="Mechanical Engineer", duties=_DRAFTING,
                  cusma=(("engineer", 0.6),), title_cusma=(("engineer", 0.95),), noc=(("21301", 0.55),),
                  title_noc=(("21301", 0.9),), duties_noc=(("72400", 0.7), ("22101", 0.4)))
    good = Example(title="Mechanical Engineer",
                   duties=("Perform finite element stress analysis on pressure vessel nozzles using ANSYS",
                           "Size HVAC equipment for laboratory fume-hood exhaust systems"),
                   cusma=(("engineer", 0.9),), noc=(("21301", 0.85),))
    options = {"check_thresholds.json: occupation": "scores and ranks that decide the duties' level (documented there)"}
    references = ("IRCC PDI, CUSMA professionals: professional-level services; TEER 0, 1, 2 or 3",
                  "IRCC PDI, CPTPP: professionals TEER 0-1, technicians TEER 2-3")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        duties = ctx.extraction.duties
        if duties and sum(is_vague(d.text) for d in duties) * 2 >= len(duties):
            return  # mostly generic duties give the duties model nothing to read: vague-duty says so
        allowed, who = self._allowed(ctx)
        top = below_level(ctx, allowed)
        if top is None:
            return
        teer = teer_of(top.code)
        severity = "error" if teer >= 4 else "warning"
        evidence = _evidence(ctx, top)
        yield self.finding(
            f"The duties match NOC {top.code} ({top.title}), TEER {teer}, below the TEER {allowed} level "
            f"{who}.",
            f"Describe the {who[3:] if who.startswith('of ') else 'professional'} work actually done "
            f"(analysis, design, assessment, advice) and move routine tasks such as '{_short(evidence.text)}' "
            "out of the list or present them as a small share of the job.",
            evidence, severity)

    def _allowed(self, ctx: CheckContext) -> tuple[int, str]:
        if ctx.program == "cptpp":
            title = ctx.matches.title_noc or ctx.matches.noc
            if title and teer_of(title[0].code) <= 1:
                return 1, "of the professional the title describes (CPTPP professionals: TEER 0-1)"
            return 3, "that CPTPP covers (technicians: TEER 2-3)"
        prof = ctx.title_profession or ctx.profession  # the level the title claims, even if duties disagree
        if prof is None or not prof.noc_codes:
            return 3, "that IRCC accepts for CUSMA (TEER 0-3)"
        level = max(1, min(teer_of(c) for c in prof.noc_codes))
        return level, f"of {display_name(prof)}"


def _overlap(text: str, duties: tuple[str, ...]) -> int:
    mine = {w.lower() for w in words(text) if len(w) > 3}
    return max((len(mine & {w.lower() for w in words(d)}) for d in duties), default=0)


def _evidence(ctx: CheckContext, top: NocCandidate) -> Evidence:
    """The duty that reads most like the lower-level unit group's main duties."""
    group = noc_groups().get(top.code)
    if not ctx.extraction.duties:
        return ctx.anchor()
    if group is None:
        return ctx.extraction.duties[0].evidence
    best = max(ctx.extraction.duties, key=lambda d: _overlap(d.text, group.duties))
    return best.evidence


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"
