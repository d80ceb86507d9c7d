"""OC601 title-not-profession-name: the duties fit a CUSMA profession but the title is not its name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from rapidfuzz import fuzz

from analyzer.checks._data import display_name, norm_id
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.types import Finding

_DUTIES = ("Analyse business requirements for the claims-processing system and write functional specifications",
           "Design relational data models for the finance data warehouse")


class TitleNotProfessionName(Rule):
    code = "OC601"
    name = "title-not-profession-name"
    severity = "warning"
    programs = ("cusma",)
    summary = ("The duties fit a CUSMA profession, but the job title is neither its Appendix 2 name nor one of "
               "its usual aliases (e.g. 'Business Solutions Specialist' for Computer Systems Analyst work). A "
               "title that names another listed profession ('Solutions Architect') is occupation-mismatch's case.")
    why = ("Officers compare the title with Appendix 2 first. Practitioners report refusals of letters whose "
           "duties fit a profession under an in-house title; naming the profession removes the doubt.")
    bad = Example(title="Business Solutions Specialist", duties=_DUTIES, cusma=(("computer_systems_analyst", 0.8),),
                  title_cusma=(("computer_systems_analyst", 0.3),), noc=(("21222", 0.8),))
    good = Example(title="Computer Systems Analyst", duties=_DUTIES, cusma=(("computer_systems_analyst", 0.9),),
                   noc=(("21222", 0.85),))
    options = {"corpora/treaties/cusma_professions.json: aliases": "the titles accepted as the profession's name"}
    references = ("CUSMA Appendix 2 profession names",
                  "IRCC PDI: alternative titles allowed where duties are interchangeable (confirmed by the NOC)")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        prof = ctx.profession or ctx.duties_profession
        named, title = ctx.title_profession, ctx.title_text
        if prof is None or not title or names_profession(title, prof):
            return
        if named is not None and norm_id(named.id) != norm_id(prof.id):
            return  # the title names another listed profession: occupation-mismatch's (or a level) question
        yield self.finding(
            f"The duties fit {display_name(prof)}, but the title '{title}' is not that profession's Appendix 2 name.",
            f"Rename the position '{_base(title)} (CUSMA: {display_name(prof)})', or use '{display_name(prof)}' "
            "as the title.",
            ctx.anchor())


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]+", " ", text.lower()).strip()


def names_profession(title: str, prof: Any) -> bool:
    """True when the title contains the profession's name or an alias (word-boundary, fuzzy for typos)."""
    t = f" {_norm(title)} "
    for name in (*profession_names(prof), *prof.aliases):
        n = _norm(name)
        if n and (f" {n} " in t or (6 < len(n) <= len(t) and fuzz.partial_ratio(n, t) >= 92)):
            return True
    return False


def profession_names(prof: Any) -> list[str]:
    """The Appendix 2 name and its parts: 'Physiotherapist/Physical Therapist' gives both; 'Physician
    (teaching or research only)' gives 'Physician'; a teacher's 'University' gives 'University Teacher'."""
    base = re.sub(r"\s*\(.*?\)", "", prof.name).strip()
    names = [prof.name, base, *[p.strip() for p in base.split("/") if p.strip()]]
    if getattr(prof, "category", "") == "teacher":
        names.append(f"{base} Teacher")
    return names


def _base(title: str) -> str:
    return re.sub(r"\s*\(.*?\)\s*", " ", title).strip()
