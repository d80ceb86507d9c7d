"""What the employer does: the sentence or clause that says so, with its evidence.

Two places state it.  A sentence of the body whose subject is the employer (its name as the letter
writes it, the name without "Inc."/"Ltd.", or "We" / "Our firm" / "The Company") and whose verb
says what it is or does: "Maple Analytics Inc. is a data-analytics consultancy based in Toronto",
"Northwind Robotics designs autonomous inspection drones for the energy sector", "We are one of
Canada's largest ..."; a "which owns and operates ..." clause after the name counts too.  Else a
letterhead tagline: a line under the name that is neither address nor contact and reads as a
phrase ("Engineering the prairies' water systems since 1978").  None when the letter says neither.
The matcher takes the value as context for the occupation, so it is kept as the letter words it.
"""

from __future__ import annotations

import re

from analyzer.extract.body import Body, Part
from analyzer.extract.cues import phrase_re, phrases, sentences
from analyzer.extract.text import clean
from analyzer.types import Value

MAX_CHARS = 300  # a longer sentence is cut at its first ";" or clause break
MIN_TAGLINE_WORDS = 3
_IS = re.compile(r"\s+(?:is|are)\s+(?:a|an|one\s+of|the|Canada's|among|North\s+America's)\b", re.I)
_APPOSITIVE = re.compile(r"\s*,\s*(?P<clause>(?:which|who|that)\s+[^,;]{3,160}|(?:a|an|the)\s+[^,;]{3,120}),")
# "X offers you the position ...", "We provide you with ...": the offer to the reader, not the business
_TO_READER = re.compile(r"\s+(?:to\s+)?(?:you|your|this|these|the\s+(?:position|role|following|terms))\b", re.I)
_LEAD = re.compile(r"(?:(?:Founded|Established|Incorporated|Headquartered|Based)\b[^,]{0,60},\s+|"
                   r"(?:Since|For|Over|In)\s[^,]{0,50},\s+)?")
# contact details, a street line ("12 Main St"), a postal code, a phone number: not a tagline
_NOT_TAGLINE = re.compile(r"^\s*\d|@|www\.|https?:|\.(?:ca|com|org)\b|\btel\b|\bphone\b|\bfax\b|confidential|"
                          r"\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|(?:\d\D?){5}", re.I)
_SUFFIX = re.compile(r"[\s,]+(?:Inc|Ltd|Corp|Co|LLP|ULC|LP|Limited|Incorporated|Corporation|Ltée)\.?$", re.I)


def _subjects(employer: str | None) -> re.Pattern[str]:
    """The employer's name as the letter may head a sentence with it, or a word standing for it."""
    names = []
    if employer:
        # "Kittiwake Marine designs ..." for Kittiwake Marine Systems Ltd.: the name's leading words
        words = _SUFFIX.sub("", employer).split()
        names += [employer] + [" ".join(words[:k]) for k in range(len(words), 0, -1)
                               if k > 1 or (len(words[0]) >= 4 and words[0][:1].isupper() and words[0] != "The")]
        if len(words) > 1:  # "The Council is a provincial Crown agency ..." for ... Research Council
            names.append(f"the {words[-1]}")
    alt = [r"\s+".join(re.escape(w) for w in n.split()) for n in names if n]
    alt += [r"\s+".join(re.escape(w) for w in p.split()) for p in phrases("business_subject")]
    return re.compile(rf"(?:{'|'.join(alt)})(?![\w-])", re.I)


def _value_end(text: str, pos: int, end: int) -> int | None:
    """End of the value when the words after the subject (which ends at ``pos``) say what the
    employer is or does: the end of an appositive "..., which owns and operates X," or the end of
    the sentence for a predicate ("is a ...", "designs ..."); None when they say neither."""
    app = _APPOSITIVE.match(text, pos)
    if app:
        clause = app.group("clause")
        if phrase_re("business_verb").match(clause, len(clause.split()[0]) + 1):
            return app.end("clause")
    at = app.end() if app else pos
    verb = re.match(r"\s+(?:also\s+)?", text[at:end])
    v = phrase_re("business_verb").match(text, at + verb.end(), end) if verb else None
    if _IS.match(text, at, end) or (v and not _TO_READER.match(text, v.end(), end)):
        return end
    return None


def _from_sentence(body: Body, part: Part, s: int, e: int, subject: re.Pattern[str]) -> Value | None:
    lead = _LEAD.match(part.text, s)
    m = subject.match(part.text, lead.end() if lead else s)
    end = _value_end(part.text, m.end(), e) if m else None
    if end is None:
        return None
    text = part.text[s:end].rstrip(" .;:")
    if len(text) > MAX_CHARS:
        cut = re.search(r";|\s+-\s+|,\s+(?:and|but)\s", text[:MAX_CHARS])
        text = text[:cut.start()] if cut else text[:MAX_CHARS].rsplit(" ", 1)[0]
    return Value(text, body.evidence(part, s, s + len(text)))


def _tagline(body: Body, employer: str | None) -> Value | None:
    """A letterhead line that is a phrase, not the name, an address or contact details."""
    heads = [p for p in body.parts if p.kind == "letterhead"]
    for line in (ln for p in heads for ln in p.block.lines):
        ct = clean(line.text, line.start)
        text = ct.text.strip(" |\u00b7\u2022")
        low_words = [w for w in text.split() if w[:1].islower()]
        if (not text or _NOT_TAGLINE.search(text) or len(text.split()) < MIN_TAGLINE_WORDS or len(low_words) < 2
                or (employer and text.lower().startswith(employer.lower()))):
            continue
        pos = ct.text.find(text)
        s, e = ct.raw_span(pos, pos + len(text))
        return Value(text, body.raw_evidence(s, e))
    return None


def employer_business(body: Body, employer: str | None) -> Value | None:
    """The body's sentence saying what the employer is or does, else a letterhead tagline."""
    subject = _subjects(employer)
    for part, s, e in sentences(body, {"paragraph", "other", "list_item"}):
        if body.in_duty(part, s, e):
            continue
        found = _from_sentence(body, part, s, e, subject)
        if found is not None:
            return found
    return _tagline(body, employer)
