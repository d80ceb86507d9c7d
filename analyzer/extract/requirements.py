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
_REQUIRING = re.compile(r"requir|minimum|must|need|mandatory|essential|condition", re.I)
_LABEL_WORDS = {"education": re.compile(r"education|qualification|academic|credential", re.I),
                "licence": re.compile(r"licen[cs]|registration|certification|designation|professional", re.I)}
_NOT_REQUIREMENT = re.compile(r"work\s+permit|driver'?s\s+licen[cs]e", re.I)


def _value_span(part: Part, s: int, e: int) -> tuple[int, int]:
    """The credential inside sentence [s, e): after the label or requiring phrase, before a tail."""
    text = part.text[s:e]
    label = _LABEL.match(text)
    if label:
        start = label.end()
    else:
        cue = phrase_re("requirement").search(text)
        start = cue.end() if cue else 0
    end = len(text.rstrip().rstrip("."))
    low = text.lower()
    for tail in phrases("requirement_tail"):
        pos = low.find(tail, start)
        if 0 <= pos < end:
            end = pos
    while start < end and text[start] == " ":
        start += 1
    return s + start, s + end


def _requirement(text: str, kind: str) -> bool:
    """A requirement sentence, or a line whose label names this kind ("Licence:", "Education:")."""
    label = _LABEL.match(text)
    if label:
        name = label.group("label")
        return bool(phrase_re(kind).search(name) or _LABEL_WORDS[kind].search(name))
    return bool(_REQUIRING.search(text))


def _find(body: Body, kind: str, other: str) -> Value | None:
    mine, theirs = phrase_re(kind), phrase_re(other)
    for part, s, e in sentences(body):
        if part.kind in {"letterhead", "signature", "addressee", "subject", "salutation"}:
            continue
        text = part.text[s:e]
        m = mine.search(text)
        if not m or _NOT_REQUIREMENT.search(text) or not _requirement(text, kind):
            continue
        o = theirs.search(text)
        if o and o.start() < m.start() and kind == "licence":
            continue
        a, b = _value_span(part, s, e)
        if b <= a:
            continue
        if kind == "education":
            lead = _ARTICLE.match(part.text[a:b])
            a += lead.end() if lead else 0
        return Value(part.text[a:b], body.evidence(part, a, b))
    return None


def education(body: Body) -> Value | None:
    return _find(body, "education", "licence")


def licence(body: Body) -> Value | None:
    return _find(body, "licence", "education")


def portal_offer_number(body: Body) -> Value | None:
    for part, m in body.finditer(PORTAL_NUMBER):
        return Value(m.group(), body.evidence(part, m.start(), m.end()))
    return None
