"""Wording of the offer's terms (start, term, hours, wage, worksite, education, licence, portal number).

Each term is stated once, either as a sentence or as a labelled line; the phrasing varies with the
spec's seeded choices so the reader meets the different ways employers write the same fact.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from .choose import Chooser

PROVINCES = {
    "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories",
    "NU": "Nunavut", "ON": "Ontario", "PE": "Prince Edward Island", "QC": "Quebec",
    "SK": "Saskatchewan", "YT": "Yukon",
}
PERIOD_WORDS = {"hour": ["per hour", "an hour"], "week": ["per week"], "month": ["per month"],
                "year": ["per year", "per year", "per annum", "annually"]}
YEAR_WORDS = {12: "one (1) year", 24: "two (2) years", 36: "three (3) years"}
Term = tuple[str, str, str]  # (label, value, sentence)


def fmt_date(iso: str, style: int) -> str:
    """0 'January 15, 2027', 1 '15 January 2027', 2 '2027-01-15', 3 'January 15th, 2027'."""
    d = date.fromisoformat(iso)
    if style == 1:
        return f"{d.day} {d:%B %Y}"
    if style == 2:
        return d.isoformat()
    if style == 3:
        suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
        return f"{d:%B} {d.day}{suffix}, {d.year}"
    return f"{d:%B} {d.day}, {d.year}"


def article(text: str) -> str:
    """'a '/'an ' for a job title or credential (by its first letter; good enough for letters)."""
    if re.match(r"(?i)(a|an|the)\s", text):
        return ""
    return "an " if text[:1].lower() in "aeiou" else "a "


def money(amount: float, period: str, cents: bool = False) -> str:
    if period == "hour" or amount != int(amount) or cents:
        return f"${amount:,.2f}"
    return f"${amount:,.0f}"


def hours_text(h: float) -> str:
    return str(int(h)) if float(h).is_integer() else str(h)


def term_items(s: dict[str, Any], choose: Chooser, date_style: int) -> list[Term]:
    """(label, value, sentence) for each term the letter states, in letter order."""
    t, omit = s["terms"], set(s["omit"])
    items: list[Term] = []
    if t.get("start_date") and "start_date" not in omit:
        d = fmt_date(t["start_date"], date_style)
        items.append(("Start Date", d, choose("start", [
            f"Your employment will begin on {d}.", f"Your anticipated start date is {d}.",
            f"The start date for this position is {d}.",
            f"Your employment with us will commence on {d}, subject to the approval of your work permit.",
            f"We anticipate that you will start on or about {d}."])))
    if "term" not in omit:
        items += _term(t, choose, date_style)
    if t.get("hours_per_week"):
        h = hours_text(t["hours_per_week"])
        items.append(("Hours of Work", f"{h} hours per week", choose("hours", [
            f"You will work {h} hours per week.",
            f"The normal hours of work are {h} hours per week, Monday to Friday.",
            f"This is a full-time position of {h} hours a week.",
            f"Your regular hours of work will be {h} hours per week, normally between 8:30 a.m. and 5:00 p.m."])))
    if t.get("wage") and "wage" not in omit:
        items.append(_wage(t["wage"], choose))
    if "worksite" not in omit:
        items += _worksite(s, choose)
    items += _requirements(t, choose)
    return items


def _term(t: dict[str, Any], choose: Chooser, date_style: int) -> list[Term]:
    months, end = t.get("term_months"), t.get("end_date")
    end_text = fmt_date(end, date_style) if end else None
    if t.get("permanent"):
        return [("Term", "Permanent, full-time", choose("permanent", [
            "This is a permanent, full-time position.",
            "This is a full-time, permanent position with no fixed end date."]))]
    length = f"{months} months"
    if months in YEAR_WORDS and choose.chance("year_words", 0.3):
        length = YEAR_WORDS[months]
    if months and end_text:
        return [("Term", f"{length} (ending {end_text})", choose("term_end", [
            f"This is a temporary, full-time position for a period of {length}, ending on {end_text}.",
            f"Your employment is for a fixed term of {length} and will end on {end_text}."]))]
    if months:
        return [("Term", length, choose("term", [
            f"This is a temporary position for a period of {length}.",
            f"The position is offered on a fixed-term basis for {length}."]))]
    if end_text:
        return [("End Date", end_text,
                 f"This is a temporary position; your employment will end on {end_text}.")]
    return []


def _wage(wage: dict[str, Any], choose: Chooser) -> Term:
    period = wage["period"]
    amount = money(float(wage["amount"]), period, choose.chance("cents", 0.2))
    cur = choose("currency", ["", "", " CAD"]) if wage.get("currency", "CAD") == "CAD" \
        else f" {wage['currency']}"
    value = f"{amount}{cur} {choose('period_word', PERIOD_WORDS[period])}"
    label = "Salary" if period in ("year", "month") else "Wage"
    noun = {"year": "an annual salary", "month": "a monthly salary", "week": "a weekly wage",
            "hour": "an hourly wage"}[period]
    return (label, value, choose("wage", [
        f"Your {'salary' if label == 'Salary' else 'wage'} will be {value}.",
        f"You will be paid {value}, less applicable deductions.",
        f"You will receive {noun} of {amount}{cur}, paid bi-weekly.",
        f"The {label.lower()} for this position is {value}."]))


def _worksite(s: dict[str, Any], choose: Chooser) -> list[Term]:
    emp = s["employer"]
    site = s["terms"].get("worksite") or {"city": emp.get("city"), "province": emp.get("province")}
    if not site.get("city"):
        return []
    prov = site.get("province", "")
    where = f"{site['city']}, {choose('province_form', [prov, PROVINCES.get(prov, prov)])}"
    sentences = [f"You will work at our office in {where}.", f"The position is located in {where}.",
                 f"Your place of work will be {where}."]
    if not s["terms"].get("worksite") and emp.get("address"):
        sentences.append(f"Your primary work location will be our office at {emp['address']}, {where}.")
    return [("Work Location", where, choose("worksite", sentences))]


def _requirements(t: dict[str, Any], choose: Chooser) -> list[Term]:
    items: list[Term] = []
    if t.get("education"):
        e = t["education"]
        items.append(("Education Required", e, choose("education", [
            f"This position requires {article(e)}{e}.",
            f"The minimum education required for this role is {article(e)}{e}."])))
    if t.get("licence"):
        lic = t["licence"]
        items.append(("Licence", lic, choose("licence", [
            f"You must hold {lic} before your start date.", f"This position requires {lic}."])))
    if t.get("portal_offer_number"):
        n = t["portal_offer_number"]
        items.append(("Employer Portal Offer Number", n, choose("portal", [
            f"Employer Portal offer number: {n}.",
            f"This offer has been submitted through the IRCC Employer Portal under offer number {n}.",
            f"Offer of employment number (IRCC Employer Portal): {n}."])))
    return items
