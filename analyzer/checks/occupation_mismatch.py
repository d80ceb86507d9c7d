"""OC202 occupation-mismatch: the duties point to a different occupation than the title or the
claimed profession."""

from __future__ import annotations

from collections.abc import Iterator

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
    options = {"check_thresholds.json: occupation": "scores and ranks that decide a mismatch (documented there)"}
    references = ("IRCC PDI, CUSMA professionals: alternative titles where duties are interchangeable",
                  "NOC 2021 unit group main duties")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        found = ctx.occupation_conflict
        if found is not None:
            yield self.finding(found.message, found.fix, ctx.anchor())
