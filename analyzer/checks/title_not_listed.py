"""OC201 title-not-listed: the position matches no CUSMA profession (or nothing on the CPTPP
schedule for the applicant's country)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from analyzer import corpora
from analyzer.checks._data import cusma_accept, teer_of
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.types import Finding

_SALES = ("Sell software subscriptions to retail clients in Ontario",
          "Meet quarterly sales quotas for new accounts")


class TitleNotListed(Rule):
    code = "OC201"
    name = "title-not-listed"
    severity = "error"
    summary = ("Neither the title nor the duties match a CUSMA Appendix 2 profession (CUSMA), or the occupation "
               "is not on Canada's CPTPP schedule for the applicant's country (CPTPP).")
    why = ("Appendix 2 is a closed list of 63 professions that officers may not extend; CPTPP lists occupations "
           "per country. An offer outside the list is refused whatever its merits.")
    bad = Example(title="Sales Representative", duties=_SALES,
                  cusma=(("management_consultant", 0.12),), noc=(("64101", 0.7),))
    good = Example(title="Computer Systems Analyst",
                   duties=("Analyse business requirements for the claims-processing system",),
                   cusma=(("computer_systems_analyst", 0.9),), noc=(("21222", 0.8),))
    options = {"analyzer/match/thresholds.json (matcher) or check_thresholds.json: cusma_accept_default":
               "score at which a CUSMA candidate counts as a match"}
    references = ("CUSMA Chapter 16, Appendix 2 (closed list; IRCC: cannot be interpreted)",
                  "IRCC PDI, CPTPP professionals and technicians: occupations by country")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.extraction.title is None and not ctx.extraction.duties:
            return  # nothing to match: missing-element reports the absent title and duties
        if ctx.program == "cptpp":
            yield from self._cptpp(ctx)
        elif ctx.profession is None and ctx.title_profession is None and duties_profession(ctx) is None:
            closest = ctx.matches.cusma[0] if ctx.matches.cusma else None
            near = f" The closest profession is {closest.name} (score {closest.score:.2f})." if closest else ""
            what = f"'{ctx.title_text}'" if ctx.title_text else "The position"
            yield self.finding(
                f"{what} and its duties match no CUSMA Appendix 2 profession "
                f"(no candidate reaches {cusma_accept():.2f}).{near}",
                (f"If the work is {closest.name} work, rename the position '{closest.name}' and describe that "
                 f"profession's duties; otherwise use another work-permit route." if closest else
                 "Use another work-permit route, or describe a listed profession's work under its name."),
                ctx.anchor())

    def _cptpp(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.citizenship or not ctx.matches.noc or ctx.citizenship not in corpora.cptpp_countries():
            return  # no citizenship, or one outside CPTPP: citizenship-ineligible reports that
        top = ctx.matches.noc[0]
        if teer_of(top.code) >= 4:  # below-professional-level covers TEER 4-5
            return
        status = corpora.cptpp_status(top.code, ctx.citizenship, academic_employer(ctx))
        if status.status in ("not_listed", "not_covered"):
            yield self.finding(
                f"NOC {top.code} ({top.title}) is not open to citizens of {ctx.citizenship} under CPTPP: "
                f"{status.reason}",
                f"Check the CPTPP schedule for {ctx.citizenship}: describe a listed occupation under its own "
                "title if that is the real job, or use another work-permit route.",
                ctx.anchor())


def duties_profession(ctx: CheckContext) -> Any | None:
    """The duties' own best profession (see ``CheckContext.duties_profession``): a letter whose title
    names no profession but whose duties fit one needs a new title (title-not-profession-name), not
    another route."""
    return ctx.duties_profession


def academic_employer(ctx: CheckContext) -> bool | None:
    """Whether the employer is an academic entity (lifts some CPTPP exclusions); None when unknown."""
    employer = str(ctx.extraction.field("employer") or "")
    if not employer:
        return None
    return any(w in employer.lower() for w in ("university", "université", "college", "polytechnic"))
