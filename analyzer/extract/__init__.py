"""Extraction: a segmented letter -> title, duties and the offer's terms, each with its evidence.

``extract(layout)`` is the stage's one public function.  spaCy runs once per body block (so once
over the letter) in :mod:`analyzer.extract.body`; every extractor reads that shared result.
"""

from __future__ import annotations

from dataclasses import replace

from analyzer.extract import business, parties, requirements, terms
from analyzer.extract.body import Body, read_body
from analyzer.extract.duties import find_duties
from analyzer.extract.duty_cues import duty_verbs
from analyzer.extract.language import require_english
from analyzer.extract.title import find_title, looks_like_occupation
from analyzer.nlp import get_nlp
from analyzer.types import FIELD_NAMES, Extraction, Layout, Value

__all__ = ["extract", "prepare"]


def extract(layout: Layout) -> Extraction:
    """Title, duties and fields of an English letter; raises ``InputError("unsupported_language")``
    for a letter in another language (French)."""
    language = require_english(layout.document.text, layout.document.source)
    body = read_body(layout)
    duties = find_duties(body)
    body = replace(body, duty_spans=tuple((d.evidence.start, d.evidence.end) for d in duties))
    fields = _fields(body)
    return Extraction(language=language, title=find_title(body), duties=duties, fields=fields)


def prepare() -> None:
    """Load what extraction reads once per process (spaCy pipeline, the duty-verb and occupation
    lexicons built from the NOC corpus), so a first letter is not slower than the rest."""
    get_nlp()
    duty_verbs()
    looks_like_occupation("analyst")


def _fields(body: Body) -> dict[str, Value | None]:
    start, end = terms.start_end(body)
    term = terms.term_months(body, start, end)
    hours = terms.hours_per_week(body)
    employer = parties.employer(body)
    fields: dict[str, Value | None] = {
        "employer": employer,
        "employer_business": business.employer_business(body, employer.value if employer else None),
        "employer_address": parties.employer_address(body),
        "worksite": parties.worksite(body, employer.value if employer else ""),
        "start_date": start,
        "end_date": end,
        "term_months": term,
        "permanent": terms.permanent(body, term or end),
        "hours_per_week": hours,
        "wage": terms.wage(body, hours.value if hours else None),
        "education": requirements.education(body),
        "licence": requirements.licence(body),
        "portal_offer_number": requirements.portal_offer_number(body),
        "signatory": parties.signatory(body),
    }
    assert set(fields) == set(FIELD_NAMES)
    return fields
