"""The offer's terms: start and end dates, term length, permanent wording, weekly hours, wage.

A date counts as the start (end) date only when a start (end) cue precedes it in the same
sentence, or a terms-table row is labelled so ("Start | June 7, 2027 | 1.2"), so the letter's own
date at the top is never taken for either.  The wage is the amount a pay cue ties to (see
:func:`wage`).  Wages are normalised
with the letter's weekly hours (40 when it gives none) and 52 weeks a year; an amount paid
bi-weekly (a period the report does not have) is stated per year (x 26).  Terms are read
wherever they are written, list items and "Label: value" lines included; only the text taken as a
duty (and table rows with a share of time) is skipped, since a duty may mention a budget or
"engagements of two to six months".
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from analyzer.extract import dates
from analyzer.extract.body import Body, Part
from analyzer.extract.cues import continuation, phrase_re, regexes, sentences
from analyzer.types import Value

DEFAULT_HOURS = 40.0
WEEKS_PER_YEAR = 52
_SHARE_CELL = re.compile(r"^\s*\d{1,3}(?:\.\d+)?\s*%\s*$")
CUE_WINDOW = 80  # characters between a cue and its date
_RANGE = re.compile(r"\bfrom\s+(?P<a>.{6,30}?)\s+(?:to|until|through|-|\u2013)\s+(?P<b>.{6,30})", re.I)
_NOT_TERM = re.compile(r"probation|vacation|notice|warranty|within|benefit|review|experience", re.I)
# "last(s) 12 months", "runs for two years": the length of the engagement however it is named
_TERM_CONTEXT = re.compile(r"term|period|contract|temporary|position|employment|basis|ending|duration|"
                           r"appointment|assignment|length|\b(?:last(?:s|ing)?|run(?:s|ning)?\s+for)\s+"
                           r"(?:for\s+)?(?:about\s+)?\w+\s+(?:\(\d+\)\s+)?(?:months?|years?)\b", re.I)
_HOURS_TEMPLATE = (
    r"\b(?P<n>\d{{1,2}}(?:\.\d{{1,2}})?|{words})(?:\s*\(\s*(?P<paren>\d{{1,2}}(?:\.\d{{1,2}})?)\s*\))?"
    r"[\s-]*(?:hours?|hrs?\.?)(?:\s+of\s+work)?\s*(?:per|a|each|every|/)\s*(?:week|wk)\b|"
    r"\b(?P<n2>\d{{1,2}}(?:\.\d{{1,2}})?)[\s-]*hours?\s+weekly|"
    r"\b(?P<n3>\d{{1,2}}(?:\.\d{{1,2}})?)[\s-]*hour\s+(?:work\s*)?week|"
    # "Hours: 37.5 per week", "Hours of work: 40/week": the label names what the number counts
    r"\bhours(?:\s+of\s+work)?\s*:\s*(?P<n4>\d{{1,2}}(?:\.\d{{1,2}})?)\s*(?:per|a|each|every|/)\s*week|"
    # "Your normal hours of work are 36.25 per week", "hours will be 37.5 hours a week"
    r"\bhours(?:\s+of\s+work)?\s+(?:are|is|will\s+be)\s+(?:(?:approximately|about)\s+)?"
    r"(?P<n6>\d{{1,2}}(?:\.\d{{1,2}})?)\s*(?:hours\s*)?(?:per|a|each|every|/)\s*week|"
    # "Flexible hours, about 40 per week": the hours named before the number
    r"\bhours\b[^.;:\d$]{{0,25}}?\b(?:about|approximately|around|roughly)\s+"
    r"(?P<n7>\d{{1,2}}(?:\.\d{{1,2}})?)\s*(?:per|a|each|every|/)\s*week|"
    # "your normal work week is 37.5 hours", "a work week of 40 hours", "the work week for librarians is 35 hours"
    r"\b(?:work\s*week(?:\s+for\s+[a-z]+(?:\s+[a-z]+)?)?|weekly\s+workload)\s+(?:is|of|will\s+be)\s+(?:(?:approximately|about)\s+)?"
    r"(?P<n5>\d{{1,2}}(?:\.\d{{1,2}})?|{words})\s+hours\b|"
    # "7.5 hours per day, five days a week": the week's hours are their product
    r"\b(?P<day>\d{{1,2}}(?:\.\d{{1,2}})?)[\s-]*hours?\s*(?:per|a|each)\s*day,?\s*(?:and\s+)?"
    r"(?P<days>\d|{words})\s+days?\s*(?:per|a|each)\s*week")
_AMOUNT = r"(?P<amt>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)"
_MONEY = re.compile(
    rf"(?P<pre>\b(?:CAD|CDN|USD|US|C)\s?\$?|\$)\s?{_AMOUNT}(?P<k>[kK]\b)?"
    rf"(?:\s?(?P<post>CAD|CDN|USD|US\s?dollars|dollars|Canadian\s+dollars))?"
    rf"|\b{_AMOUNT.replace('amt', 'amt2')}\s?(?P<post2>CAD|CDN|USD)\b", re.I)
_PERIOD_AFTER = re.compile(
    r"\s*(?:CAD|CDN|USD|Canadian\s+dollars|dollars)?\s*(?:gross\s+)?(?:(?:per|an|a|each|every|/)\s*"
    r"(?P<unit>hour|hr|week|month|year|annum|yr)|(?P<adv>hourly|weekly|monthly|annually|yearly|bi-?weekly))\b",
    re.I)
_PERIOD_BEFORE = re.compile(r"\b(?P<adj>hourly|weekly|monthly|annual|yearly|annualized|base)\s+"
                            r"(?:base\s+|gross\s+)?(?:salary|wage|rate|pay|compensation)\b[^$]{0,25}$", re.I)
_RANGE_WORD = re.compile(r"\s*(?:to|-|\u2013|and)\s*", re.I)
_CLAUSE_END = re.compile(r"[,;.()]|\s(?:and|plus|with|or)\s", re.I)
AFTER_WINDOW = 40  # characters after an amount that may say what it pays for ("$1,500 yearly learning budget")
BIWEEKLY_PAYS = 26
THOUSAND = 1000
_PERIODS = {"biweekly": "biweekly", "hour": "hour", "hr": "hour", "hourly": "hour", "week": "week", "weekly": "week",
            "month": "month", "monthly": "month", "year": "year", "annum": "year", "yr": "year",
            "annually": "year", "yearly": "year", "annual": "year", "annualized": "year"}


def _dates_after(body: Body, cue: str, day_first: bool) -> Value | None:
    for part, s, e in sentences(body):
        for m in phrase_re(cue).finditer(part.text, s, e):
            found = _date_in(body, part, m.end(), min(e, m.end() + CUE_WINDOW), day_first)
            nxt = continuation(body, part, e) if found is None else None
            if nxt is not None and e - m.end() < CUE_WINDOW:
                found = _date_in(body, nxt[0], nxt[1], min(nxt[2], nxt[1] + CUE_WINDOW), day_first)
            if found:
                return found
    return None


def _date_in(body: Body, part: Part, s: int, e: int, day_first: bool) -> Value | None:
    d = dates.DATE_RE.search(part.text, s, e)
    parsed = dates.parse_date(d, day_first) if d else None
    return Value(parsed.isoformat(), body.evidence(part, d.start(), d.end())) if d and parsed else None


def _range(body: Body, day_first: bool) -> tuple[Value, Value] | None:
    """"from January 15, 2027 to January 14, 2029"."""
    for part, s, e in sentences(body):
        found = [d for d in dates.DATE_RE.finditer(part.text, s, e)]
        for a, b in zip(found, found[1:], strict=False):
            between = part.text[a.end():b.start()].strip().lower()
            before = part.text[max(s, a.start() - 12):a.start()].lower()
            if between in {"to", "until", "through", "-", "\u2013", "and"} and "from" in before:
                da, db = dates.parse_date(a, day_first), dates.parse_date(b, day_first)
                if da and db:
                    return (Value(da.isoformat(), body.evidence(part, a.start(), a.end())),
                            Value(db.isoformat(), body.evidence(part, b.start(), b.end())))
    return None


def day_first(body: Body) -> bool:
    """Numeric dates are read day-first when any date of the letter can only be day-first."""
    return any(dates.only_day_first(m) for p in body.parts for m in dates.DATE_RE.finditer(p.text))


def _row_date(body: Body, label: str, day_first: bool) -> Value | None:
    """The date in the second cell of a terms-table row whose first cell names it ("Start | June 7,
    2027 | 1.2", "End date | ...")."""
    for part in body.parts:
        cells = part.block.cells
        if part.kind != "table_row" or len(cells) < 2 or not phrase_re(label).fullmatch(cells[0].strip(" :")):
            continue
        at = part.text.find(cells[1].strip(), len(cells[0]))
        found = _date_in(body, part, at, at + len(cells[1].strip()), day_first) if at >= 0 else None
        if found:
            return found
    return None


def start_end(body: Body) -> tuple[Value | None, Value | None]:
    df = day_first(body)
    start = _row_date(body, "start_label", df) or _dates_after(body, "start_cue", df)
    end = _row_date(body, "end_label", df) or _dates_after(body, "end_cue", df)
    if start is None or end is None:
        rng = _range(body, df)
        if rng:
            start, end = start or rng[0], end or rng[1]
    if start and end and end.value == start.value:
        end = None
    return start, end


def _is_duty_like(body: Body, part: Part, s: int, e: int) -> bool:
    """Text read as a duty, and rows with a share of time, hold duties ("engagements of two to six
    months"), not the terms; other list items ("- Term: 3 years") and a "Term: | 36 months" row of
    a details table do hold terms."""
    return body.in_duty(part, s, e) or (part.kind == "table_row"
                                        and any(_SHARE_CELL.match(c) for c in part.block.cells))


def term_months(body: Body, start: Value | None, end: Value | None) -> Value | None:
    for part, s, e in sentences(body):
        text = part.text[s:e]
        if _is_duty_like(body, part, s, e) or _NOT_TERM.search(text) or not _TERM_CONTEXT.search(text):
            continue
        m = dates.duration_re().search(part.text, s, e)
        if m:
            months = dates.duration_months(m)
            if months:
                return Value(months, body.evidence(part, m.start(), m.end()))
    if start and end:
        months = dates.months_between(date.fromisoformat(start.value), date.fromisoformat(end.value))
        ev = end.evidence
        return Value(months, ev) if months else None
    return None


def permanent(body: Body, term: Value | None) -> Value | None:
    """True for permanent/indefinite wording; False for temporary wording or a fixed term (whose
    evidence it then shares); None when the letter says neither.  Open-ended wording ("an ongoing,
    full-time position", "continue until ended by you or by the Company") counts as permanent only
    when the letter states no fixed term ("temporary" then only names a work permit or a program)."""
    temp: Value | None = None
    opened: Value | None = None
    for part, s, e in sentences(body):
        if _is_duty_like(body, part, s, e):
            continue  # a duty's "permanent sample plots" or "ongoing monitoring" is the work, not the contract
        text = part.text[s:e]
        masked = phrase_re("not_permanent").sub(lambda m: "#" * len(m.group()), text)
        m = phrase_re("permanent").search(masked)
        if m:
            return Value(True, body.evidence(part, s + m.start(), s + m.end()))
        if opened is None and term is None:
            o = next((x for rx in regexes("permanent_open") for x in [rx.search(masked)] if x), None)
            opened = Value(True, body.evidence(part, s + o.start(), s + o.end())) if o else None
        unrelated = phrase_re("not_temporary").sub(lambda x: "#" * len(x.group()), text)
        t = phrase_re("temporary").search(unrelated) if temp is None else None
        if t:
            temp = Value(False, body.evidence(part, s + t.start(), s + t.end()))
    if opened or temp:
        return opened or temp
    return Value(False, term.evidence) if term else None


@cache
def _hours_re() -> re.Pattern[str]:
    return re.compile(_HOURS_TEMPLATE.format(words=dates.number_alternation()), re.I)


def hours_per_week(body: Body) -> Value | None:
    for part, m in body.finditer(_hours_re()):
        if _is_duty_like(body, part, m.start(), m.end()):
            continue
        value = _number(next((g for g in (m.group(k) for k in ("paren", "n", "n2", "n3", "n4", "n5", "n6", "n7")) if g), None))
        if m.group("day"):
            value = (_number(m.group("day")) or 0) * (_number(m.group("days")) or 0)
        if value and 1 <= value <= 80:
            return Value(value, body.evidence(part, m.start(), m.end()))
    return None


def _number(text: str | None) -> float | None:
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return dates.number_words().get(" ".join(text.lower().split()))


def wage(body: Body, hours: float | None) -> Value | None:
    """The amount the letter ties to the wage: an amount whose nearest cue before it is a pay word
    ("Salary:", "paid", "rate") and that has a pay period beats one with a period alone, which beats
    one in a sentence about pay; the earliest breaks a tie.  An amount whose nearest cue is an
    allowance, rent, budget, bonus ... (``not_pay`` in ``fields.jsonl``) or that is followed by one
    ("$1,500 yearly learning budget") is never the wage, and nor is anything in a duty.  When the
    letter leaves the wage to be set ("Salary: TBD"), only a pay-cued amount with a period counts."""
    best: tuple[int, Value] | None = None
    tbd = False
    for part, s, e in sentences(body):
        if _is_duty_like(body, part, s, e):
            continue
        text = part.text[s:e]
        tbd = tbd or any(rx.search(text) for rx in regexes("pay_tbd"))
        prev: re.Match[str] | None = None
        for m in _MONEY.finditer(part.text, s, e):
            period = _period(part.text, m, s)
            ranged = prev is not None and _RANGE_WORD.fullmatch(part.text[prev.end():m.start()])
            cue = _cue_before(part.text, prev.end() if prev is not None and not ranged else s, m.start())
            if ranged:
                m = prev  # "$90,000 to $100,000 per year": the range's lower end, the period after it
            prev = m
            if cue == "not_pay" and period == "hour" and any(
                    rx.search(part.text, s, m.start()) for rx in regexes("fee_rate")):
                cue = "pay_cue"  # "a fee of $72.00 per hour": a contractor's pay (self-employment flags it)
            if cue == "not_pay" or (cue is None and _not_pay_after(part.text, _period_end(part.text, m), e)):
                continue
            rank = 2 * (cue == "pay_cue") + (period is not None)
            if rank == 0 and not phrase_re("pay_cue").search(text):
                continue
            value = _wage_value(body, part, m, period, hours)
            if value is not None and (best is None or rank > best[0]):
                best = (rank, value)
    if best is None or (tbd and best[0] < 3):
        return None
    return best[1]


def _cue_before(text: str, start: int, end: int) -> str | None:
    """"pay_cue" or "not_pay": whichever kind of cue comes last in text[start:end], else None."""
    found = [(m.end(), kind) for kind in ("pay_cue", "not_pay") for m in phrase_re(kind).finditer(text, start, end)]
    return max(found)[1] if found else None


def _not_pay_after(text: str, pos: int, end: int) -> bool:
    stop = _CLAUSE_END.search(text, pos, min(end, pos + AFTER_WINDOW))
    return bool(phrase_re("not_pay").search(text, pos, stop.start() if stop else min(end, pos + AFTER_WINDOW)))


def _wage_value(body: Body, part: Part, m: re.Match[str], period: str | None, hours: float | None) -> Value | None:
    amount = float((m.group("amt") or m.group("amt2")).replace(",", ""))
    amount *= THOUSAND if m.group("k") else 1  # "$95k/yr"
    if amount <= 0:
        return None
    cur = _currency(m.group("pre") or "", m.group("post") or m.group("post2") or "")
    if period == "biweekly":  # no such period in the report: state it per year
        amount, period = round(amount * BIWEEKLY_PAYS, 2), "year"
    return Value(normalise_wage(amount, cur, period or _guess_period(amount), hours),
                 body.evidence(part, m.start(), _period_end(part.text, m)))


def _period(text: str, m: re.Match[str], sent_start: int) -> str | None:
    after = _PERIOD_AFTER.match(text, m.end())
    if after:
        word = (after.group("unit") or after.group("adv")).lower().replace("-", "")
        return _PERIODS.get(word)
    before = _PERIOD_BEFORE.search(text[sent_start:m.start()])
    if before and before.group("adj").lower() != "base":
        return _PERIODS.get(before.group("adj").lower())
    return None


def _period_end(text: str, m: re.Match[str]) -> int:
    after = _PERIOD_AFTER.match(text, m.end())
    return after.end() if after else m.end()


def _guess_period(amount: float) -> str:
    """No period written: an amount under 200 is a rate per hour, else a yearly salary."""
    return "hour" if amount < 200 else "year"


def _currency(pre: str, post: str) -> str:
    both = f"{pre} {post}".upper()
    return "USD" if "US" in both.replace("USD", "US") and "CAD" not in both else "CAD"


def normalise_wage(amount: float, currency: str, period: str, hours: float | None) -> dict[str, object]:
    """Wage with its hourly and annual equivalents (weekly hours default to 40, 52 weeks a year)."""
    h = hours or DEFAULT_HOURS
    per_year = {"hour": h * WEEKS_PER_YEAR, "week": WEEKS_PER_YEAR, "month": 12, "year": 1}[period]
    annual = amount * per_year
    return {"amount": amount, "currency": currency, "period": period,
            "hourly": round(annual / (h * WEEKS_PER_YEAR), 2), "annual": round(annual, 2)}
