"""Letter specs: loading, validation, defaults and the extraction a reader should recover.

The spec format is described in ``docs/architecture.md`` ("Letter specs") and, with the optional
fields this generator adds (``signatory``, ``date``, ``terms.worksite``, ``style``, ...), in
``tests/labelled/README.md``.  A spec is plain JSON so a lawyer can write one by hand.
"""

from __future__ import annotations

import copy
import hashlib
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

LAYOUTS: tuple[str, ...] = (
    "bullets", "numbered", "dashes", "table", "paragraph", "pagebreak", "twocolumn",
    "inline-title", "signed-page3",
)
FORMATS: tuple[str, ...] = ("pdf", "docx", "txt")
NOISES: tuple[str, ...] = ("wrapped", "hyphenation", "ligatures", "smart-quotes", "header-footer")
OMITTABLE: tuple[str, ...] = (
    "wage", "worksite", "start_date", "term", "employer", "signature", "duties", "title",
)
TITLE_PLACES: tuple[str, ...] = ("label", "subject", "sentence")
WAGE_PERIODS: dict[str, float] = {"hour": 0.0, "week": 52.0, "month": 12.0, "year": 1.0}

DEFAULT_SIGNATORY = {"name": "Sarah Thompson", "title": "Director, Human Resources"}


def seed_for(spec: dict[str, Any]) -> int:
    """A stable seed from the spec id (and optional ``seed``), so a spec always renders the same."""
    key = f"{spec['id']}:{spec.get('seed', 0)}".encode()
    return int.from_bytes(hashlib.sha256(key).digest()[:8], "big")


def validate(spec: dict[str, Any]) -> None:
    """Raise ValueError naming the spec and the problem; the generator trusts what passes."""
    sid = spec.get("id", "<no id>")
    problems = []
    if not spec.get("id"):
        problems.append("missing id")
    if spec.get("layout") not in LAYOUTS:
        problems.append(f"layout {spec.get('layout')!r} not in {LAYOUTS}")
    if spec.get("format", "pdf") not in FORMATS:
        problems.append(f"format {spec.get('format')!r} not in {FORMATS}")
    problems += [f"unknown noise {n!r}" for n in spec.get("noise", []) if n not in NOISES]
    problems += [f"unknown omit {o!r}" for o in spec.get("omit", []) if o not in OMITTABLE]
    if spec.get("language", "en") not in ("en", "fr"):
        problems.append(f"language {spec.get('language')!r} not in ('en', 'fr')")
    if spec.get("title_in", "label") not in TITLE_PLACES:
        problems.append(f"title_in {spec.get('title_in')!r} not in {TITLE_PLACES}")
    if not spec.get("employer", {}).get("name"):
        problems.append("employer.name missing")
    wage = spec.get("terms", {}).get("wage")
    if wage and wage.get("period") not in WAGE_PERIODS:
        problems.append(f"wage period {wage.get('period')!r} not in {tuple(WAGE_PERIODS)}")
    if "title" not in spec.get("omit", []) and not spec.get("title"):
        problems.append("no title (add one or omit 'title')")
    if "duties" not in spec.get("omit", []) and not spec.get("duties"):
        problems.append("no duties (add some or omit 'duties')")
    if problems:
        raise ValueError(f"spec {sid}: " + "; ".join(problems))


def normalise(spec: dict[str, Any]) -> dict[str, Any]:
    """A validated copy with every optional field filled in."""
    validate(spec)
    s = copy.deepcopy(spec)
    s.setdefault("format", "pdf")
    s.setdefault("noise", [])
    s.setdefault("omit", [])
    s.setdefault("extra_paragraphs", [])
    s.setdefault("program", "cusma")
    s.setdefault("style", {})
    s.setdefault("candidate", {"name": "Alex Morgan", "citizenship": "US"})
    s.setdefault("signatory", dict(DEFAULT_SIGNATORY))
    s.setdefault("terms", {})
    s["duties"] = [d if isinstance(d, dict) else {"text": d} for d in s.get("duties", [])]
    # The title only inside a sentence is what the inline-title layout tests.
    s["title_in"] = "sentence" if s["layout"] == "inline-title" else s.get("title_in", "label")
    return s


def load_specs(directory: str | Path) -> list[dict[str, Any]]:
    """Every spec in a directory (``*.json`` files, each one spec or a list; ``*.jsonl``), by id."""
    specs: list[dict[str, Any]] = []
    for path in sorted(Path(directory).iterdir()):
        if path.suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            specs += data if isinstance(data, list) else [data]
        elif path.suffix == ".jsonl":
            lines = path.read_text(encoding="utf-8").splitlines()
            specs += [json.loads(ln) for ln in lines if ln.strip()]
    for s in specs:
        validate(s)
    ids = [s["id"] for s in specs]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ValueError(f"{directory}: duplicate spec ids {dupes}")
    return sorted(specs, key=lambda s: s["id"])


def wage_value(wage: dict[str, Any], hours: float) -> dict[str, Any]:
    """The wage as the extraction reports it, normalised with the letter's weekly hours (52 weeks)."""
    amount, period = float(wage["amount"]), wage["period"]
    per_year = {"hour": hours * 52, "week": 52.0, "month": 12.0, "year": 1.0}[period]
    annual = amount * per_year
    return {"amount": amount, "currency": wage.get("currency", "CAD"), "period": period,
            "hourly": round(annual / (hours * 52), 2), "annual": round(annual, 2)}


def employer_address(employer: dict[str, Any]) -> str:
    """The address as the letterhead prints it, on one line."""
    parts = [employer.get("address"), employer.get("city"), employer.get("province")]
    text = ", ".join(p for p in parts if p)
    return f"{text} {employer['postal_code']}" if employer.get("postal_code") else text


def term_months(terms: dict[str, Any]) -> int | None:
    """The stated term, or the whole months from start to end date ("2027-01-15".."2029-01-14": 24)."""
    if terms.get("term_months") or not (terms.get("start_date") and terms.get("end_date")):
        return terms.get("term_months")
    start = date.fromisoformat(terms["start_date"])
    after = date.fromisoformat(terms["end_date"]) + timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month
    return months + round((after.day - start.day) / 30)


def _permanent(permanent: bool, terms: dict[str, Any]) -> bool | None:
    """True for a permanent offer, False when the letter states a fixed term, else None."""
    if permanent:
        return True
    return False if terms.get("term_months") or terms.get("end_date") else None


BACKGROUND_LAYOUTS = ("pagebreak", "signed-page3")  # the layouts whose opening says what the employer does


def employer_business(s: dict[str, Any]) -> str | None:
    """The background sentence's clause (``text.background``) as a reader extracts it: the employer
    (or "Our company") is its business, based in its city; None where the letter has no background."""
    if s["layout"] not in BACKGROUND_LAYOUTS or s.get("language", "en") != "en":
        return None
    emp = s["employer"]
    name = "our company" if "employer" in s["omit"] else emp["name"]
    return (f"{name[:1].upper()}{name[1:]} is {emp.get('business', 'a Canadian company')} based in "
            f"{emp.get('city', 'Canada')}")


def expected(spec: dict[str, Any]) -> dict[str, Any]:
    """What a perfect reader extracts from the rendered letter (noise removed, spec wording kept).

    Shape: {"id", "layout", "format", "language", "title": str|None,
    "duties": [{"text", "share"}], "fields": {name: value|None for every Extraction field}}.
    """
    s = normalise(spec)
    omit, terms, emp = set(s["omit"]), s["terms"], s["employer"]
    hours = terms.get("hours_per_week")
    permanent = bool(terms.get("permanent"))
    site = terms.get("worksite") or {"city": emp.get("city"), "province": emp.get("province")}
    fields: dict[str, Any] = {
        "employer": None if "employer" in omit else emp["name"],
        "employer_business": employer_business(s),
        "employer_address": employer_address(emp) or None,
        "worksite": None if "worksite" in omit else {"city": site.get("city"),
                                                     "province": site.get("province")},
        "start_date": None if "start_date" in omit else terms.get("start_date"),
        "end_date": None if "term" in omit or permanent else terms.get("end_date"),
        "term_months": None if "term" in omit or permanent else term_months(terms),
        "permanent": None if "term" in omit else _permanent(permanent, terms),
        "hours_per_week": float(hours) if hours else None,
        "wage": None,
        "education": terms.get("education"),
        "licence": terms.get("licence"),
        "portal_offer_number": terms.get("portal_offer_number"),
        "signatory": None if "signature" in omit else s["signatory"]["name"],
    }
    if terms.get("wage") and "wage" not in omit:
        fields["wage"] = wage_value(terms["wage"], float(hours or 40))
    duties = [] if "duties" in omit else [
        {"text": d["text"], "share": d.get("share") if s["layout"] == "table" else None}
        for d in s["duties"]
    ]
    return {"id": s["id"], "layout": s["layout"], "format": s["format"], "language": s.get("language", "en"),
            "title": None if "title" in omit else s["title"], "duties": duties, "fields": fields}
