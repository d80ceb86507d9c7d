"""Phrase search for rules: spaCy PhraseMatcher over the letter text, spans in Document.text
coordinates, with a simple negation test ("not an independent contractor")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import spacy
from spacy.matcher import PhraseMatcher

from analyzer.checks._data import lexicon


@lru_cache(maxsize=1)
def nlp() -> spacy.Language:
    """The project's shared pipeline when the extraction engineer's module exists, else blank English."""
    try:
        from analyzer.nlp import get_nlp

        return get_nlp()
    except ImportError:
        return spacy.blank("en")


@dataclass(frozen=True)
class Hit:
    start: int  # offsets into the searched text (Document.text when searching a document)
    end: int
    entry: dict[str, Any]  # the lexicon entry that matched


@cache
def _matcher(lexicon_name: str, key: str) -> tuple[PhraseMatcher, tuple[dict[str, Any], ...]]:
    entries = tuple(_entries(lexicon(lexicon_name)[key]))
    tokenizer = nlp().tokenizer
    matcher = PhraseMatcher(nlp().vocab, attr="LOWER")
    for i, entry in enumerate(entries):
        matcher.add(str(i), [tokenizer(entry["phrase"])])
    return matcher, entries


def _entries(raw: list[Any]) -> list[dict[str, Any]]:
    return [e if isinstance(e, dict) else {"phrase": e} for e in raw]


def find(text: str, lexicon_name: str, key: str) -> list[Hit]:
    """Longest non-overlapping matches of the phrases in ``lexicon_name[key]``.

    Line breaks are replaced by spaces of the same length, so a phrase wrapped over two lines
    matches and offsets still index the original text."""
    matcher, entries = _matcher(lexicon_name, key)
    doc = _tokens(text)
    spans = [(doc[s:e].start_char, doc[s:e].end_char, int(nlp().vocab.strings[m]))
             for m, s, e in matcher(doc)]
    spans.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    hits: list[Hit] = []
    for start, end, idx in spans:
        if hits and start < hits[-1].end:
            continue
        hits.append(Hit(start, end, entries[idx]))
    return hits


@lru_cache(maxsize=4)
def _tokens(text: str) -> spacy.tokens.Doc:
    """One tokenisation per letter for all the phrase lists (the rules search the same body text)."""
    return nlp().tokenizer(text.replace("\n", " "))


_NEGATION = re.compile(
    r"\b(not|no|never|neither|nor|without|rather than|instead of|isn't|is not|are not|will not|won't)\b"
    r"[^.;:\n]{0,40}$", re.IGNORECASE)


def negated(text: str, start: int) -> bool:
    """True when a negation word closely precedes ``start`` within the same clause."""
    window = text[max(0, start - 60):start].replace("\n", " ")
    return bool(_NEGATION.search(window))


def regex_hits(text: str, patterns: list[dict[str, Any]]) -> list[Hit]:
    """Matches of lexicon regex entries (``{"regex": ..., "flags": "i"}``), non-overlapping."""
    found: list[Hit] = []
    for entry in patterns:
        flags = re.IGNORECASE if "i" in entry.get("flags", "") else 0
        for m in re.finditer(entry["regex"], text, flags | re.MULTILINE):
            found.append(Hit(m.start(), m.end(), entry))
    found.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[Hit] = []
    for h in found:
        if not out or h.start >= out[-1].end:
            out.append(h)
    return out
