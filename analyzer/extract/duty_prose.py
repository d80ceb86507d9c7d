"""Duties from paragraphs: one sentence = one duty, list-like sentences split (see duties.py)."""

from __future__ import annotations

import re

from analyzer.extract.body import Body, Part
from analyzer.extract.duty_cues import (
    YOU_WILL,
    duty_cues,
    duty_verbs,
    is_intro,
    is_terms,
    opens_with_duty_verb,
)
from analyzer.extract.duty_items import make_duty
from analyzer.types import Duty

_COMMA = re.compile(r",\s*(?:(?:and|or)\s+)?")
_LAST_AND = re.compile(r"\s+(?:and|or)\s+(?=\w+ing\b)")
MIN_ITEM_WORDS = 2


def prose_duties(body: Body, part: Part, first: bool) -> list[Duty]:
    """Duties from a paragraph's sentences (see the module docstring for the rules)."""
    if is_terms(part.text) and not first:
        return []
    out: list[Duty] = []
    for s, e in part.sentences():
        text = part.text[s:e]
        if is_intro(text):
            out += _list_sentence(body, part, s, e)
            continue
        d = make_duty(body, part, s, e)
        if d:
            out.append(d)
    return out


def _gerund_items(rest: str) -> list[tuple[int, int]]:
    """"analysing data, preparing reports and presenting results": items split at commas and a
    final "and" only when every item starts with an -ing verb and has two words or more
    (otherwise the commas belong to one duty)."""
    cuts = [(m.start(), m.end()) for m in _COMMA.finditer(rest)]
    spans, pos = [], 0
    for a, b in cuts:
        spans.append((pos, a))
        pos = b
    last = (pos, len(rest.rstrip(" .")))
    m = _LAST_AND.search(rest, last[0], last[1])
    spans += [(last[0], m.start()), (m.end(), last[1])] if m else [last]
    texts = [rest[a:b].strip() for a, b in spans]
    if len(spans) >= 2 and all(len(t.split()) >= MIN_ITEM_WORDS and t.split()[0].lower().endswith("ing")
                               for t in texts):
        return spans
    return []


def _list_sentence(body: Body, part: Part, s: int, e: int) -> list[Duty]:
    """'Your duties will include: A; B; and C.' -> A, B, C.  An announcing sentence alone -> nothing."""
    text = part.text[s:e]
    low = text.lower()
    cue_end = max(low.find(i) + len(i) for i in duty_cues()[1] if i in low)
    colon = text.find(":", cue_end)
    rest_at = colon + 1 if colon >= 0 else cue_end
    rest = text[rest_at:].strip(" .:")
    if len(rest.split()) < 3 or rest.lower() in {"the following", "as follows"}:
        return []
    tail = text[rest_at:]
    pieces = [m.span() for m in re.finditer(r"[^;]+", tail)] if ";" in rest else _gerund_items(tail)
    if not pieces:  # not list-like: the whole sentence is one duty ("You will be responsible for X.")
        d = make_duty(body, part, s, e)
        return [d] if d else []
    out = []
    for a, b in pieces:
        ps, pe = s + rest_at + a, s + rest_at + b
        while pe > ps and part.text[pe - 1] in ". ":  # the sentence's full stop ends the last item only
            pe -= 1
        lead = re.match(r"\s*(?:and\s+|or\s+)?", part.text[ps:pe])
        ps += lead.end() if lead else 0
        d = make_duty(body, part, ps, pe)
        if d:
            out.append(d)
    return out


MIN_VERB_ITEMS = 3
_AND_VERB = re.compile(r"\s+(?:and|or)\s+(?=(?P<w>[a-z]+)\b)")


def _starts_with_verb(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text)
    if words and words[0].lower() in {"and", "or"}:
        words = words[1:]
    return bool(words) and words[0].lower() in duty_verbs()


def _verb_items(rest: str) -> list[tuple[int, int]]:
    """"sketch A, build B, develop C, D and E, and prepare F": items split at commas that are
    followed by a duty verb (a comma inside an item, "C, D and E", stays), the last one also at
    its last "and <verb>"; three items or more, else nothing."""
    end = len(rest.rstrip(" ."))
    cuts = [m for m in _COMMA.finditer(rest, 0, end) if _starts_with_verb(rest[m.end():])]
    spans, pos = [], 0
    for m in cuts:
        spans.append((pos, m.start()))
        pos = m.end()
    closed = bool(cuts) and any(w in cuts[-1].group() for w in ("and", "or"))  # ", and prepare F"
    last = [] if closed else [m for m in _AND_VERB.finditer(rest, pos, end) if m.group("w") in duty_verbs()]
    if last:
        spans += [(pos, last[-1].start()), (last[-1].end(), end)]
    else:
        spans.append((pos, end))
    if len(spans) >= MIN_VERB_ITEMS and all(_starts_with_verb(rest[a:b]) for a, b in spans):
        return spans
    return []


def verb_sentence_duties(body: Body, part: Part) -> list[Duty]:
    """Prose with no duties heading: the sentences that open with a duty verb or "you will <verb>";
    one such sentence listing three verb phrases or more gives one duty per phrase."""
    out: list[Duty] = []
    for s, e in part.sentences():
        text = part.text[s:e]
        if is_terms(text) or not opens_with_duty_verb(text):
            continue
        m = YOU_WILL.match(text)
        at = s + len(text) - len(text.lstrip()) + (m.start("verb") if m else 0)
        pieces = _verb_items(part.text[at:e])
        if not pieces:
            d = make_duty(body, part, s, e)
            out += [d] if d else []
            continue
        for a, b in pieces:
            d = make_duty(body, part, at + a, at + b)
            out += [d] if d else []
    return out
