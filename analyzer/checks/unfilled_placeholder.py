"""OC502 unfilled-placeholder: template text left in a draft."""

from __future__ import annotations

import re
from collections.abc import Iterator

from analyzer.checks._data import lexicon
from analyzer.checks._phrases import regex_hits
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.types import Finding

_DUTIES = ("Analyse business requirements for the claims-processing system and write functional specifications",)


class UnfilledPlaceholder(Rule):
    code = "OC502"
    name = "unfilled-placeholder"
    severity = "error"
    summary = ("Template text left in the letter: '[Employee Name]', '$xx,xxx', 'JOB TITLE', "
               "'<insert duties>', 'TBD', blanks to fill in.")
    why = ("A letter with template fields is a draft: the officer cannot tell the wage, date or title offered, "
           "and reads it as a sign the offer is not genuine.")
    bad = Example(title="Computer Systems Analyst", duties=_DUTIES,
                  paragraphs=("Dear [Employee Name],", "Your salary will be $xx,xxx per year, starting TBD."),
                  cusma=(("computer_systems_analyst", 0.9),), noc=(("21222", 0.8),))
    good = Example(title="Computer Systems Analyst", duties=_DUTIES,
                   paragraphs=("Dear Ms. Doe,", "JOB TITLE: Computer Systems Analyst",
                               "Your salary will be $95,000 per year, starting 2027-01-15.",
                               "From: Dana Roy <dana.roy@maple.example.ca>; see <https://maple.example.ca/careers>."),
                   cusma=(("computer_systems_analyst", 0.9),), noc=(("21222", 0.8),))
    options = {"placeholders.json": "the template patterns (regular expressions)"}
    references = ("IRCC Employer Portal offer of employment: every position detail must be stated",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.body_text
        for hit in regex_hits(text, lexicon("placeholders")["patterns"]):
            if hit.entry.get("not_heading") and _is_heading(text, hit.start, hit.end):
                continue
            if hit.entry.get("skip_near") and re.search(hit.entry["skip_near"], _context(text, hit.start)):
                continue
            words = ctx.text[hit.start:hit.end]
            if hit.entry.get("not_if") and re.search(hit.entry["not_if"], words, re.IGNORECASE):
                continue  # an address in brackets ('<jane@example.com>') is filled in, not a blank
            yield self.finding(f"'{words}' is template text ({hit.entry.get('what', 'placeholder')}) left in "
                               "the letter.",
                               f"Replace '{words}' with the actual value before the letter is signed.",
                               ctx.evidence(hit.start, hit.end))


def _is_heading(text: str, start: int, end: int) -> bool:
    """'JOB TITLE:' or a line holding only 'JOB TITLE' is a label, not a blank."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return text[end:end + 3].lstrip().startswith(":") or line.strip() == text[start:end]


def _context(text: str, start: int) -> str:
    """The match's line and the two lines before it."""
    end = text.find("\n", start)
    begin = start
    for _ in range(3):
        begin = text.rfind("\n", 0, begin - 1) if begin > 0 else -1
        if begin < 0:
            break
    return text[max(begin, 0):end if end >= 0 else len(text)]
