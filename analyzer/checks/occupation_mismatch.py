"""OC202 occupation-mismatch: the duties point to a different occupation than the title or the
claimed profession."""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.checks._data import norm_id, threshold
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.types import Finding

_SALES_DUTIES = ("Sell accounting software subscriptions to small businesses",
                 "Meet monthly quotas for new customer accounts",
                 "Demonstrate the product at trade shows")


class OccupationMismatch(Rule):
    code = "OC202"
    name = "occupation-mismatch"
    severity = "warning"
    summary = ("The duties fit a different CUSMA profession or NOC unit group than the title does; the finding "
               "names the occupation the duties fit.")
    why = ("Officers assess the job by its duties, not its title (IRCC: alternative titles are allowed only where "
           "duties are interchangeable, confirmed by the NOC). A title that the duties do not support reads as "
           "an attempt to fit the list.")
    bad = Example(title="Accountant", duties=_SALES_DUTIES,
                  cusma=(("accountant", 0.6),), title_cusma=(("accountant", 0.95),),
                  duties_cusma=(("management_consultant", 0.2),),
                  noc=(("11100", 0.5),), title_noc=(("11100", 0.9),), duties_noc=(("64101", 0.8),))
    good = Example(title="Accountant",
                   duties=("Prepare consolidated financial statements in accordance with IFRS",
                           "Prepare corporate income tax returns (T2)"),
                   cusma=(("accountant", 0.9),), noc=(("11100", 0.85),))
    options = {"check_thresholds.json: mismatch_min_score": "both sides must be at least this confident"}
    references = ("IRCC PDI, CUSMA professionals: alternative titles where duties are interchangeable",
                  "NOC 2021 unit group main duties")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        finding = self._profession(ctx) or self._noc(ctx)
        if finding is not None:
            yield finding

    def _profession(self, ctx: CheckContext) -> Finding | None:
        claimed, duties = ctx.title_profession, ctx.matches.duties_cusma
        floor = threshold("mismatch_min_score")
        if claimed is None or not duties or duties[0].score < floor:
            return None
        if norm_id(duties[0].id) == norm_id(claimed.id):
            return None
        own = next((c.score for c in duties if norm_id(c.id) == norm_id(claimed.id)), 0.0)
        if own >= floor:
            return None
        return self.finding(
            f"The title names {claimed.name}, but the duties fit {duties[0].name} "
            f"(duties score {duties[0].score:.2f}; {claimed.name} {own:.2f}).",
            f"Either retitle the position '{duties[0].name}' or rewrite the duties to describe the "
            f"{claimed.name} work actually done (the analysis, design or advice and its subject).",
            ctx.anchor())

    def _noc(self, ctx: CheckContext) -> Finding | None:
        title, duties = ctx.matches.title_noc, ctx.matches.duties_noc
        floor = threshold("mismatch_min_score")
        if not title or not duties or title[0].score < floor or duties[0].score < floor:
            return None
        t, d = title[0], duties[0]
        if t.code[:4] == d.code[:4] or t.code in {c.code for c in duties[:3]} or \
                d.code in {c.code for c in title[:3]}:
            return None
        return self.finding(
            f"The title fits NOC {t.code} ({t.title}) but the duties fit NOC {d.code} ({d.title}).",
            f"Rewrite the duties to describe NOC {t.code} work, or retitle the position to match NOC {d.code} "
            f"({d.title}) if that is the real job and it is eligible.",
            ctx.anchor())
