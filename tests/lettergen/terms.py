"""Wording of the offer's terms (start, term, hours, wage, worksite, education, licence, portal number).

Each term is stated once, either as a sentence or as a labelled line; the phrasing varies with the
spec's seeded generator so the reader sees the different ways employers write the same fact.
"""

from __future__ import annotations

import random
import re
from datetime import date
from typing import Any

PROVINCES = {
    "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories",
    "NU": "Nunavut", "ON": "Ontario", "PE": "Prince Edward Island", "QC": "Quebec",
    "SK": "Saskatchewan", "YT": "Yukon",
}
PERIOD_WORDS = {"hour": ["per hour", "an hour"], "week": ["per week"], "month": ["per month"],
                "year": ["per year", "per year", "per annum"]}


def fmt_date(iso: str, style: int) -> str:
    """A date as letters write it: 0 'January 15, 2027', 1 '15 January 2027', 2 '2027-01-15'."""
    d = date.fromisoformat(iso)
    if style == 1:
        return f"{d.day} {d:%B %Y}"
    if style == 2:
        return d.isoformat()
    return f"{d:%B} {d.day}, {d.year}"


def article(text: str) -> str:
    """'a '/'an ' for a job title or credential (by its first letter; good enough for letters)."""
    if re.match(r"(?i)(a|an|the)\s", text):
        return ""
    return "an " if text[:1].lower() in "aeiou" else "a "


def money(amount: float, period: str) -> str:
    if period == "hour" or amount != int(amount):
        return f"${amount:,.2f}"
    return f"${amount:,.0f}"


def hours_text(h: float) -> str:
    return str(int(h)) if float(h).is_integer() else str(h)


def place(city: str, prov: str, rng: random.Random) -> str:
    return f"{city}, {rng.choice([prov, PROVINCES.get(prov, prov)])}"


def term_items(s: dict[str, Any], rng: random.Random, date_style: int) -> list[tuple[str, str, str]]:
    """(label, value, sentence) for each term the letter states, in letter order."""
    t, omit, emp = s["terms"], set(s["omit"]), s["employer"]
    items: list[tuple[str, str, str]] = []
    if t.get("start_date") and "start_date" not in omit:
        d = fmt_date(t["start_date"], date_style)
        items.append(("Start Date", d, rng.choice([
            f"Your employment will begin on {d}.", f"Your anticipated start date is {d}.",
            f"The start date for this position is {d}."])))
    if "term" not in omit:
        items += _term(t, rng, date_style)
    if t.get("hours_per_week"):
        h = hours_text(t["hours_per_week"])
        items.append(("Hours of Work", f"{h} hours per week", rng.choice([
            f"You will work {h} hours per week.",
            f"The normal hours of work are {h} hours per week, Monday to Friday."])))
    if t.get("wage") and "wage" not in omit:
        items.append(_wage(t["wage"], rng))
    site = t.get("worksite") or {"city": emp.get("city"), "province": emp.get("province")}
    if "worksite" not in omit and site.get("city"):
        where = place(site["city"], site.get("province", ""), rng)
        items.append(("Work Location", where, rng.choice([
            f"You will work at our office in {where}.", f"The position is located in {where}.",
            f"Your place of work will be {where}."])))
    if t.get("education"):
        e = t["education"]
        items.append(("Education Required", e, rng.choice([
            f"This position requires {article(e)}{e}.",
            f"The minimum education required for this role is {article(e)}{e}."])))
    if t.get("licence"):
        lic = t["licence"]
        items.append(("Licence", lic, rng.choice([
            f"You must hold {lic} before your start date.", f"This position requires {lic}."])))
    if t.get("portal_offer_number"):
        n = t["portal_offer_number"]
        items.append(("Employer Portal Offer Number", n, rng.choice([
            f"Employer Portal offer number: {n}.",
            f"This offer has been submitted through the IRCC Employer Portal under offer number {n}."])))
    return items


def _term(t: dict[str, Any], rng: random.Random, date_style: int) -> list[tuple[str, str, str]]:
    months, end = t.get("term_months"), t.get("end_date")
    end_text = fmt_date(end, date_style) if end else None
    if t.get("permanent"):
        return [("Term", "Permanent, full-time", rng.choice([
            "This is a permanent, full-time position.",
            "This is a full-time, permanent position with no fixed end date."]))]
    if months and end_text:
        return [("Term", f"{months} months (ending {end_text})",
                 f"This is a temporary, full-time position for a period of {months} months, "
                 f"ending on {end_text}.")]
    if months:
        return [("Term", f"{months} months", rng.choice([
            f"This is a temporary position for a period of {months} months.",
            f"The position is offered on a fixed-term basis for {months} months."]))]
    if end_text:
        return [("End Date", end_text,
                 f"This is a temporary position; your employment will end on {end_text}.")]
    return []


def _wage(wage: dict[str, Any], rng: random.Random) -> tuple[str, str, str]:
    period = wage["period"]
    amount = money(float(wage["amount"]), period)
    cur = rng.choice(["", "", " CAD"]) if wage.get("currency", "CAD") == "CAD" else f" {wage['currency']}"
    value = f"{amount}{cur} {rng.choice(PERIOD_WORDS[period])}"
    label = "Salary" if period in ("year", "month") else "Wage"
    return (label, value, rng.choice([
        f"Your {'salary' if label == 'Salary' else 'wage'} will be {value}.",
        f"You will be paid {value}, less applicable deductions.",
        f"The {label.lower()} for this position is {value}."]))
