"""Dates and durations as letters write them.

Dates: "January 15, 2027", "Jan. 15th, 2027", "15 January 2027", "2027-01-15", "2027/01/15",
"01/15/2027" and "15/01/2027".  A numeric date with both parts <= 12 ("03/04/2027") is ambiguous;
it is read month-first (the North American habit of most Canadian offer letters) unless
``day_first`` is given, which ``extract`` sets when another date of the same letter can only be
day-first.  Durations: "24 months", "two (2) years", "a 3-year term", "18-month".
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from analyzer.nlp import load_patterns

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
DATE_RE = re.compile(
    rf"\b(?:{_MON}\s+{_DAY},?\s+{_YEAR}"
    rf"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+(?:day\s+)?of)?[\s-]+(?P<mon2>[A-Za-z]{{3,9}})\.?,?[\s-]+(?P<year2>(?:19|20)\d\d)"
    rf"|(?P<iy>(?:19|20)\d\d)[-/.](?P<im>[01]?\d)[-/.](?P<id>[0-3]?\d)"
    rf"|(?P<a>[0-3]?\d)[/.-](?P<b>[0-3]?\d)[/.-](?P<ny>(?:19|20)\d\d))\b",
    re.I,
)


def month_number(word: str) -> int | None:
    """1-12 for a month name or its abbreviation of three or more letters ("Sept."), else None."""
    w = word.lower().rstrip(".")
    if len(w) < 3:
        return None
    return next((i + 1 for i, name in enumerate(MONTHS) if name.startswith(w)), None)


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_date(m: re.Match[str], day_first: bool = False) -> date | None:
    """The date of a ``DATE_RE`` match (None for impossible dates such as February 30)."""
    g = m.groupdict()
    if g["mon"] or g["mon2"]:
        mon = month_number(g["mon"] or g["mon2"])
        year, day = (g["year"], g["day"]) if g["mon"] else (g["year2"], g["day2"])
        return _make(int(year), mon, int(day)) if mon else None
    if g["iy"]:
        return _make(int(g["iy"]), int(g["im"]), int(g["id"]))
    a, b, y = int(g["a"]), int(g["b"]), int(g["ny"])
    if a > 12 or (day_first and b <= 12):
        return _make(y, b, a)
    return _make(y, a, b)


def only_day_first(m: re.Match[str]) -> bool:
    """A numeric date that can only be read day-first ("15/01/2027")."""
    return bool(m.group("a")) and int(m.group("a")) > 12 >= int(m.group("b"))


def months_between(start: date, end: date) -> int:
    """Whole months of a term from its first to its last day ("2027-01-15" to "2029-01-14": 24)."""
    after = end + timedelta(days=1)
    months = (after.year - start.year) * 12 + (after.month - start.month)
    if after.day - start.day > 15:
        months += 1
    elif start.day - after.day > 15:
        months -= 1
    return max(months, 0)


@cache
def number_words() -> dict[str, float]:
    return {r["word"]: float(r["value"]) for r in load_patterns("numbers")}


def number_alternation() -> str:
    """Regex alternation of the number words, longest first."""
    words = sorted(number_words(), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


@cache
def duration_re() -> re.Pattern[str]:
    """'24 months', 'two (2) years', 'a 3-year term', 'eighteen-month', '1.5 years'."""
    num = rf"(?P<num>\d{{1,3}}(?:\.\d+)?|(?:{number_alternation()}))"
    return re.compile(
        rf"\b{num}(?:\s*\(\s*(?P<paren>\d{{1,3}}(?:\.\d+)?)\s*\))?[\s-]*(?P<unit>months?|years?|yrs?)\b",
        re.I,
    )


def duration_months(m: re.Match[str]) -> int | None:
    raw = m.group("paren") or m.group("num")
    try:
        n = float(raw)
    except ValueError:
        n = number_words().get(" ".join(raw.lower().split()), 0.0)
    if not n:
        return None
    months = n * 12 if m.group("unit").lower().startswith("y") else n
    return round(months)
