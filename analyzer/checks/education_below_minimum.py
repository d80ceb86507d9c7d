"""OC401 education-below-minimum: the education the letter requires is below the profession's
treaty minimum (and its alternative credentials)."""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.checks import _education as edu
from analyzer.checks._data import display_name, norm_id
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.types import Finding

_DUTIES = ("Prepare consolidated financial statements in accordance with IFRS",)


class EducationBelowMinimum(Rule):
    code = "OC401"
    name = "education-below-minimum"
    severity = "error"
    summary = ("The education the letter requires (its lowest accepted alternative) is below the CUSMA "
               "profession's minimum education and does not meet an alternative credential; 'or equivalent "
               "experience' counts as no credential.")
    why = ("Appendix 2 sets a minimum education (or alternative credential) for each profession. An offer that "
           "accepts less tells the officer the job does not need a professional, even if the applicant holds "
           "the degree.")
    bad = Example(title="Accountant", duties=_DUTIES,
                  fields={"education": "College diploma in bookkeeping or equivalent experience"},
                  cusma=(("accountant", 0.9),), noc=(("11100", 0.8),))
    good = Example(title="Accountant", duties=_DUTIES,
                   fields={"education": "Bachelor's degree in Accounting; CPA designation preferred"},
                   cusma=(("accountant", 0.9),), noc=(("11100", 0.8),))
    options = {"education_levels.json": "credential levels, profession-specific degrees, experience wording"}
    references = ("CUSMA Appendix 2: minimum education requirements and alternative credentials",
                  "IRCC PDI: a required baccalaureate must be in the specific or a closely related field")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        prof = ctx.claimed_profession
        text = ctx.extraction.field("education")
        evidence = ctx.field_evidence("education")
        if prof is None or not text or evidence is None:
            return
        text = str(text)
        pid = norm_id(prof.id)
        if edu.has_credential(pid, text) or _meets(prof, text):
            return
        letter = edu.lowest(text)
        if letter is None:
            return
        span = ctx.evidence(evidence.start + letter.start, evidence.start + letter.end) \
            if ctx.text[evidence.start:evidence.end] == text else evidence
        yield self.finding(
            f"The letter accepts {_article(letter.name)} ('{span.text}'), below the CUSMA minimum for {display_name(prof)}: "
            f"{prof.min_education}"
            + (f" (or {'; '.join(prof.alternative_credentials)})." if prof.alternative_credentials else "."),
            f"Require at least the treaty minimum, e.g. 'A {prof.min_education} in a field related to "
            f"{display_name(prof).lower()} is required', and delete any lower alternative such as '{span.text}'.",
            span)


def _meets(prof: object, text: str) -> bool:
    letter = edu.lowest(text)
    required = edu.required_rank(getattr(prof, "min_education", ""))
    if letter is None or required is None:
        return True  # nothing to compare: missing-element or the reader decides
    if letter.rank >= required:
        return True
    for alt in getattr(prof, "alternative_credentials", ()):
        alt_rank = edu.required_rank(alt)
        if alt_rank is not None and letter.rank >= alt_rank and \
                edu.experience_years(text) >= edu.experience_years(alt):
            return True
        if "licen" in alt.lower() and "licen" in text.lower():
            return True
    return False


def _article(name: str) -> str:
    if name.startswith("experience"):
        return name
    return ("an " if name[0] in "aeiou" else "a ") + name
