"""Typed, cached access to the bundled reference data in ``corpora/`` (never the raw data).

Files are built by ``python -m corpora.build`` and listed with checksums in ``corpora/MANIFEST.json``.
Everything is loaded lazily, once per process.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

CORPORA_DIR = Path(os.environ.get("OFFERCHECK_CORPORA", Path(__file__).resolve().parent.parent / "corpora"))

CptppLevel = Literal["professional", "technician", "excluded", "not_covered", "not_listed"]


@dataclass(frozen=True)
class UnitGroup:
    code: str
    title: str
    teer: int
    lead_statement: str
    duties: tuple[str, ...]
    example_titles: tuple[str, ...]
    illustrative_titles: tuple[str, ...]
    requirements: tuple[str, ...]
    exclusions: tuple[tuple[str, str], ...]  # (excluded code, title text)
    additional_information: tuple[str, ...]
    inclusions: tuple[str, ...]
    minor_group: str
    minor_group_title: str
    sub_major_group_title: str
    major_group_title: str
    broad_category_title: str


@dataclass(frozen=True)
class Profession:
    id: str
    name: str
    category: Literal["general", "medical_allied", "scientist", "teacher"]
    credential_text: str
    min_education: str
    alternative_credentials: tuple[str, ...]
    conditions: str
    ircc_guidance: str
    noc_codes: tuple[str, ...]
    noc_related: tuple[str, ...]
    regulated: Literal["yes", "no", "varies"]
    aliases: tuple[str, ...]
    not_covered_titles: tuple[str, ...]


@dataclass(frozen=True)
class CptppStatus:
    status: CptppLevel
    reason: str
    conditions: tuple[str, ...] = ()

    @property
    def eligible(self) -> bool:
        return self.status in ("professional", "technician")


def path(name: str) -> Path:
    """A file under corpora/, e.g. ``path("lexicons/vague_phrases.json")``."""
    return CORPORA_DIR / name


def _json(name: str) -> Any:
    return json.loads(path(name).read_text(encoding="utf-8"))


@cache
def noc() -> dict[str, UnitGroup]:
    """The 516 NOC 2021 unit groups by 5-digit code."""
    out = {}
    for u in _json("noc2021/unit_groups.json")["unit_groups"]:
        fields = {k: tuple(v) if isinstance(v, list) else v for k, v in u.items()}
        fields["exclusions"] = tuple(tuple(e) for e in u["exclusions"])
        out[u["code"]] = UnitGroup(**fields)
    return out


@cache
def noc_titles() -> list[tuple[str, str]]:
    """The NOC 2021 job-title index: (title, code), 27,935 rows."""
    return [(t, code) for code, ug in noc().items() for t in ug.example_titles]


@cache
def cusma() -> dict[str, Profession]:
    """The 63 CUSMA Appendix 2 professions by id."""
    out = {}
    for p in _json("treaties/cusma_professions.json"):
        keep = {k: tuple(v) if isinstance(v, list) else v for k, v in p.items() if k in Profession.__annotations__}
        out[p["id"]] = Profession(**keep)
    return out


@cache
def concordance_2016() -> dict[str, tuple[str, ...]]:
    """NOC 2016 4-digit code -> the NOC 2021 codes it became."""
    out: dict[str, list[str]] = {}
    for row in _json("noc2021/concordance_2016_2021.json"):
        out.setdefault(row["noc2016"], []).append(row["noc2021"])
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


@cache
def conditions(program: Literal["cusma", "cptpp"]) -> dict[str, Any]:
    """The program's conditions as IRCC applies them (the bundled YAML)."""
    return yaml.safe_load(path(f"treaties/{program}_conditions.yaml").read_text(encoding="utf-8"))


@cache
def cptpp_rules() -> list[dict[str, Any]]:
    """The CPTPP schedule rows (country, category, rule, selector, codes, text, ...)."""
    return _json("treaties/cptpp_rules.json")


@cache
def cptpp_countries() -> dict[str, str]:
    """ISO 3166 alpha-2 -> country name, for every country in the CPTPP schedule."""
    return {r["country"]: r["country_name"] for r in cptpp_rules()}


def cptpp_status(noc_code: str, country: str, academic_employer: bool | None = None) -> CptppStatus:
    """Whether a NOC 2021 occupation is open to a citizen of ``country`` under CPTPP (T52), and why.

    Professionals: TEER 0/1, all such codes or the country's closed list, less its exclusions.
    Technicians: TEER 2/3 on the country's closed list.  Conditions (e.g. Japan's associate degree) ride along.
    ``academic_employer`` lifts exclusions that spare academic employers (Japan's researchers); unknown
    (None) counts as not academic, and the reason says so.
    """
    country = country.upper()
    rows = [r for r in cptpp_rules() if r["country"] == country]
    if not rows:
        return CptppStatus("not_covered", f"{country} is not a CPTPP party with a professionals/technicians "
                                          "schedule for Canada (IRCC T52).")
    if noc_code not in noc():
        return CptppStatus("not_listed", f"{noc_code} is not a NOC 2021 unit group.")
    name = rows[0]["country_name"]
    teer = noc()[noc_code].teer
    category = "professional" if teer in (0, 1) else "technician" if teer in (2, 3) else None
    if category is None:
        return CptppStatus("not_listed", f"NOC {noc_code} is TEER {teer}; CPTPP covers professionals (TEER 0-1) "
                                         "and technicians (TEER 2-3) only.")
    mine = [r for r in rows if r["category"] == category]
    uncovered = next((r for r in mine if r["rule"] == "not_covered"), None)
    if uncovered:
        return CptppStatus("not_covered", f"{name}, {category}s: {uncovered['text']} (IRCC CPTPP PDI)")
    includes = [r for r in mine if r["rule"] == "include"]
    hit = next((r for r in includes if noc_code in r["codes"] or (not r["codes"] and "all TEER" in r["selector"])),
               None)
    conds = [r["text"] for r in mine if r["rule"] == "condition"]
    excluded = None
    for r in mine:
        if r["rule"] != "exclude" or noc_code not in r["codes"]:
            continue
        if noc_code in r.get("partial", {}):
            conds.append(f"Partly excluded as '{r['selector']}': {r['partial'][noc_code]}.")
        elif r.get("unless") == "academic_employer" and academic_employer:
            conds.append(f"Allowed only because the employer is an academic entity ('{r['selector']}').")
        else:
            excluded = r
            break
    if excluded:
        return CptppStatus("excluded", f"{name}, {category}s: excluded as '{excluded['selector']}' (IRCC CPTPP "
                                       f"PDI; {excluded['confidence']} confidence mapping). {excluded['notes']}".strip())
    if hit is None:
        closed = next((r for r in mine if r.get("closed_list")), None)
        why = closed["text"] if closed else f"NOC {noc_code} is not on {name}'s {category} list."
        return CptppStatus("excluded" if closed else "not_listed", f"{name}, {category}s: {why} (IRCC CPTPP PDI)")
    return CptppStatus(category, f"{name}, {category}s: {hit['text']} (IRCC CPTPP PDI)", tuple(conds))


def manifest() -> dict[str, Any]:
    """The corpus manifest: version, attribution, fixes and one entry per file with its checksum."""
    return _json("MANIFEST.json")
