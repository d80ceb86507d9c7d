"""OC303 term-too-long: the term exceeds the category's maximum initial permit length."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from analyzer.checks._data import lexicon
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.types import Evidence, Finding

_DUTIES = ("Analyse business requirements for the claims-processing system and write functional specifications",)
_CSA = {"cusma": (("computer_systems_analyst", 0.9),), "noc": (("21222", 0.8),)}


class TermTooLong(Rule):
    code = "OC303"
    name = "term-too-long"
    severity = "error"
    summary = "The term of employment is longer than the category allows for one permit (CUSMA 36 months, CPTPP 12)."
    why = ("A permit cannot be issued for longer than the category's maximum; a longer term also suggests the "
           "job is not temporary. CUSMA allows up to 3 years per permit; CPTPP professionals and technicians up "
           "to 1 year (each renewable).")
    bad = Example(title="Computer Systems Analyst", duties=_DUTIES,
                  fields={"start_date": "2027-01-15", "end_date": "2031-01-14", "term_months": 48}, **_CSA)
    good = Example(title="Computer Systems Analyst", duties=_DUTIES,
                   fields={"start_date": "2027-01-15", "end_date": "2030-01-14", "term_months": 36}, **_CSA)
    options = {"check_thresholds.json: max_term_months": "maximum months per program ({'cusma': 36, 'cptpp': 12})"}
    references = ("IRCC PDI, CUSMA professionals: initial permits up to 3 years",
                  "IRCC PDI, CPTPP professionals and technicians: permits up to 1 year")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        months, evidence = _term(ctx)
        limit = int(lexicon("check_thresholds")["max_term_months"][ctx.program])
        if months is None or months <= limit:
            return
        start = ctx.extraction.field("start_date")
        example = f", e.g. ending {_add_months(start, limit)}" if start else ""
        yield self.finding(
            f"The term is {months} months; {ctx.program.upper()} allows at most {limit} months per permit.",
            f"Shorten the term to {limit} months or less{example}, and say an extension will be requested "
            "if the work continues.",
            evidence or ctx.anchor())


def _term(ctx: CheckContext) -> tuple[int | None, Evidence | None]:
    months = ctx.extraction.field("term_months")
    if isinstance(months, int | float):
        return int(months), ctx.field_evidence("term_months")
    start, end = ctx.extraction.field("start_date"), ctx.extraction.field("end_date")
    try:
        d0, d1 = date.fromisoformat(start), date.fromisoformat(end)
    except (TypeError, ValueError):
        return None, None
    # A term ending the day before an anniversary is whole months (2027-01-15 .. 2030-01-14 = 36);
    # any day past that starts another month.
    whole = (d1.year - d0.year) * 12 + d1.month - d0.month + (1 if d1.day >= d0.day else 0)
    return whole, ctx.field_evidence("end_date")


def _add_months(iso: str, months: int) -> str:
    """The last day of a term of ``months`` starting on ``iso`` (the day before the anniversary)."""
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return "within that limit"
    y, m = divmod(d.month - 1 + months, 12)
    end = date(d.year + y, m + 1, min(d.day, 28))
    return (end - timedelta(days=1)).isoformat()
