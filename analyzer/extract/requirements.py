"""Requirements the offer states: education, licence/registration, and the Employer Portal number.

A requirement is a sentence (or labelled line) holding a keyword of its kind (``fields.jsonl``:
"Bachelor", "degree", "diploma" ... / "licence", "registration", "P.Eng." ...).  Its value is the
credential as written: the words after the requiring phrase ("This position requires", "You must
hold", "Education Required:") up to a closing clause ("before your start date") or the sentence
end; the evidence is that span.  A sentence with a licence keyword is a licence requirement even
when it also names a degree ("a degree and registration with ...") only if the licence word comes
first; otherwise it is the education requirement.
"""

from __future__ import annotations

import re

from analyzer.extract.body import Body, Part
from analyzer.extract.cues import phrase_re, phrases, sentences
from analyzer.types import Value

PORTAL_NUMBER = re.compile(r"\bA\d{7}\b")
# "Education: ...", also as a list item ("- Minimum education: ...", "(c) Licence: ...")
_LABEL = re.compile(r"^\s*(?:[\u2022\u25aa*\-\u2013\u2014]\s*|\(?[a-z0-9]{1,2}[.)]\s+)?"
                    r"(?P<label>[A-Z][A-Za-z'/& ]{1,40}):\s*")
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.I)
# "on your holding a ...", "your registration ...": who holds it is not part of the credential
_HOLDER = re.compile(r"(?:that\s+)?(?:(?:on|upon)\s+)?(?:your|you)\s+(?:(?:holding|having|obtaining|maintaining|being|"
                     r"hold|have|possess|already\s+hold|already\s+have)\s+)?", re.I)
# "As a condition of this offer, a Master's degree ...": an opening phrase before the credential
_PREAMBLE = re.compile(r"(?:as|for|in|to|under|before|prior|at|by|upon|on)\b[^,]{0,60},\s+", re.I)
# "You must hold, or obtain within 90 days, a licence ...": a clause set off between verb and credential
_INTERPOSED = re.compile(r",?\s*(?:or|and)\s+[^,]{1,60},\s*", re.I)
_WHO = re.compile(r"\b(?:anyone|everyone|whoever|who|all\s+persons?|every\s+person|basis\s+that|provided\s+that)\b", re.I)
_HOLDING_VERB = re.compile(r"\b(?:hold|holds|have|has|possess|possesses|obtain|maintain|holding|having)\s+", re.I)
MAX_LEAD_WORDS = 6  # more words than this before the keyword, with no requiring phrase: a preamble
_BULLET = re.compile(r"[\u2022\u25aa*\-\u2013\u2014]\s+")
_REQUIRING = re.compile(r"requir|minimum|must|need|mandatory|essential|condition|expected|"
                        r"basis\s+that|provided\s+that|subject\s+to", re.I)
_LABEL_WORDS = {"education": re.compile(r"education|qualification|academic|credential", re.I),
                "licence": re.compile(r"licen[cs]|registration|certification|designation|professional", re.I)}
# "(you already have it)": an aside to the reader after the credential, not part of it
_ASIDE = re.compile(r"\s*\([^()]*\b(?:you|your|we|us)\b[^()]*\)\s*$", re.I)
# "(a two-year post-secondary technical qualification)": a gloss on a foreign credential, not part of it
_GLOSS = re.compile(r"\s*\((?:a|an|the|i\.e\.|equivalent\s+to|roughly|comparable\s+to)\s[^()]*\)\s*$", re.I)
_ASIDE_OPEN = re.compile(r"\s*\((?=[^()]*\b(?:you|your|we|we'll|us|our)\b)", re.I)
_NOT_REQUIREMENT = re.compile(r"work\s+permit|driver'?s\s+licen[cs]e", re.I)
# A licence clause opens at these words ("... and registration with ...", "register with ... as ..."),
# so the value starts there rather than at the sentence's requiring verb.
_LICENCE_HEAD = re.compile(r"regist|licensed|admission|member", re.I)
_LICENCE_CLAUSE = re.compile(r"regist|licen|admission|member|certif|commission|permit", re.I)
_CLAUSE_BREAK = re.compile(r";\s+|,?\s+and\s+(?:on\s+|upon\s+)?(?:your\s+)?|,\s+")


def _value_span(part: Part, s: int, e: int, kind: str, m: re.Match[str]) -> tuple[int, int]:
    """The credential inside sentence [s, e) whose keyword is ``m``: after the label, requiring
    phrase or (licence) the clause's head word; before a tail clause ("; ...", " is required",
    "Please sign", "which must ...") or, for education, before a licence clause."""
    text = part.text[s:e]
    label = _LABEL.match(text)
    cue = phrase_re("requirement").search(text, label.end() if label else 0)
    start = label.end() if label else 0
    if cue and cue.start() <= max(start, m.start()) and (not label or not text[start:cue.start()].strip()):
        start = cue.end()
    if kind == "licence" and _LICENCE_HEAD.match(m.group()) and m.start() >= start:
        start = m.start()
    while start < len(text) and text[start] == " ":
        start += 1
    for lead in (_BULLET, _PREAMBLE, _INTERPOSED):
        skip = lead.match(text, start)
        start = skip.end() if skip and skip.end() <= m.start() else start
    start = _at_holding_verb(text, start, m.start())
    holder = _HOLDER.match(text, start)
    start = holder.end() if holder else start
    end = len(text.rstrip().rstrip("."))
    low = text.lower()
    for tail in phrases("requirement_tail"):
        pos = low.find(tail, max(start, m.end() - 1))  # a tail ends the value only after its keyword
        if 0 <= pos < end:
            end = pos
    return s + start, s + end


def _at_holding_verb(text: str, start: int, key: int) -> int:
    """"requires that anyone who practises in Ontario hold a licence ...", "on the basis that you
    hold a Ph.D. ...": when the words before the keyword are a clause about who must hold it (or
    no requiring phrase was found), the credential starts after the last holding verb."""
    prefix = text[start:key]
    if not (_WHO.search(prefix) or len(prefix.split()) > MAX_LEAD_WORDS):
        return start
    verbs = list(_HOLDING_VERB.finditer(text, start, key))
    return verbs[-1].end() if verbs else start


def _clause_break(text: str, m: re.Match[str], other: re.Match[str] | None) -> re.Match[str] | None:
    """The clause break ("; ", " and ", ", ") between keyword ``m`` and a later keyword ``other`` of
    the other kind ("... law degree and on your admission as ...", "...; registration with ...")."""
    if other is None or other.start() < m.end():
        return None
    breaks = list(_CLAUSE_BREAK.finditer(text, m.end(), other.start() + 1))
    return breaks[-1] if breaks else None


def _requirement(text: str, kind: str) -> bool:
    """A requirement sentence, or a line whose label names this kind ("Licence:", "Education:")."""
    label = _LABEL.match(text)
    if label:
        name = label.group("label")
        # "Qualifications: B.Eng. ... and eligibility for licensure ...": a requirements label states both
        if phrase_re(kind).search(name) or any(w.search(name) for w in _LABEL_WORDS.values()):
            return True
    return bool(_REQUIRING.search(text))


HEADING_REACH = 8  # blocks back from a bare line to the heading of its section


def _under_heading(body: Body, part: Part, kind: str) -> bool:
    """A bare line right under an "Education" / "Licensing" heading states that requirement, and
    so does a line anywhere in a section headed as requirements ("What we need from you")."""
    prev = body.parts[part.index - 1] if part.index > 0 else None
    if (prev is not None and prev.kind == "heading" and len(prev.text.split()) <= 4
            and bool(_LABEL_WORDS[kind].search(prev.text))):
        return True
    for p in reversed(body.parts[max(0, part.index - HEADING_REACH):part.index]):
        if p.kind == "heading" or _bare_title(p):
            return len(p.text.split()) <= 8 and bool(phrase_re("requirement_heading").search(p.text))
    return False


def _bare_title(part: Part) -> bool:
    """A plain-text heading read as a paragraph: a few words with no closing punctuation."""
    text = part.text.strip()
    return part.kind in {"paragraph", "other"} and len(text.split()) <= 8 and not text.endswith((".", ",", ";"))


def _from_row(body: Body, part: Part, kind: str) -> Value | None:
    """A terms-table row whose first cell names the requirement ("Education | B.Sc. in Geology |
    5.1"): the value is the second cell (a third holds a section number or a note)."""
    cells = part.block.cells
    if len(cells) < 2 or not _LABEL_WORDS[kind].search(cells[0]) or len(cells[0].split()) > 4:
        return None
    value = cells[1].strip()
    at = part.text.find(value, len(cells[0]))
    if not value or at < 0:
        return None
    a, b = at, at + len(value)
    low = part.text.lower()
    for tail in phrases("requirement_tail"):
        pos = low.find(tail, a, b)
        b = pos if pos > a else b
    lead = _ARTICLE.match(part.text[a:b])
    a += lead.end() if lead else 0
    b = a + len(part.text[a:b].rstrip(" ,;:."))
    return Value(part.text[a:b], body.evidence(part, a, b)) if b > a else None


def _find(body: Body, kind: str, other: str) -> Value | None:
    mine, theirs = phrase_re(kind), phrase_re(other)
    for part, s, e in sentences(body):
        if part.kind in {"letterhead", "signature", "addressee", "subject", "salutation"}:
            continue
        row = _from_row(body, part, kind) if part.kind == "table_row" else None
        if row is not None:
            return row
        text = part.text[s:e]
        label = _LABEL.match(text)
        m = mine.search(text)
        if m and label and m.start() < label.end():  # "Licence: member of ...": the keyword in the value
            m = mine.search(text, label.end()) or m
        if not m or _unrelated(text, m):
            continue
        if not (_requirement(text, kind) or _under_heading(body, part, kind)):
            continue
        o = theirs.search(text)
        floor = 0
        if o and o.start() < m.start() and kind == "licence":
            brk = _licence_clause(text, o, m)
            if brk is None:
                continue
            floor = brk.end()  # the licence clause after the degree
        a, b = _value_span(part, s, e, kind, m)
        a = max(a, s + floor)
        if kind == "education":
            brk = _clause_break(text, m, o) if o is not None and _LICENCE_CLAUSE.match(o.group()) else None
            b = min(b, s + brk.start()) if brk is not None else b
            lead = _ARTICLE.match(part.text[a:b])
            a += lead.end() if lead else 0
        aside = _ASIDE.search(part.text, a, b) or _GLOSS.search(part.text, a, b)
        b = aside.start() if aside and aside.end() == b else b
        opened = _ASIDE_OPEN.search(part.text, a, b)  # "(we'll ask for a copy" cut short by a tail
        b = opened.start() if opened else b
        b = a + len(part.text[a:b].rstrip(" ,;:"))
        if b <= a:
            continue
        return Value(part.text[a:b], body.evidence(part, a, b))
    return None


def _unrelated(text: str, m: re.Match[str]) -> bool:
    """The keyword is part of a work permit or driver's licence ("a valid driver's licence"), or a
    licence keyword shares its sentence with a work permit; a degree beside a work permit ("your
    holding a PhD ..., and on your obtaining a work permit") is still the education requirement."""
    found = list(_NOT_REQUIREMENT.finditer(text))
    if any(n.start() <= m.start() < n.end() + 2 for n in found):
        return True
    return bool(found) and phrase_re("licence").fullmatch(m.group()) is not None and \
        phrase_re("education").search(text) is None


def _licence_clause(text: str, edu: re.Match[str], lic: re.Match[str]) -> re.Match[str] | None:
    """The break before a licence clause that follows the degree ("...; registration with ...",
    "... and eligibility for licensure with ..."), or None when the licence word only qualifies the
    degree ("a degree from a registered institution")."""
    brk = _clause_break(text, edu, lic)
    return brk if brk is not None and _LICENCE_CLAUSE.match(lic.group()) else None


def education(body: Body) -> Value | None:
    return _find(body, "education", "licence")


def licence(body: Body) -> Value | None:
    return _find(body, "licence", "education")


def portal_offer_number(body: Body) -> Value | None:
    for part, m in body.finditer(PORTAL_NUMBER):
        return Value(m.group(), body.evidence(part, m.start(), m.end()))
    return None
