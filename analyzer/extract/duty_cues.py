"""Cue lists of the duties section (``duty_cues.jsonl``, ``term_cues.jsonl``, ``headings.jsonl``)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from analyzer import corpora
from analyzer.extract.title import looks_like_occupation
from analyzer.nlp import load_patterns


@cache
def section_headings() -> frozenset[str]:
    return frozenset(r["heading"] for r in load_patterns("headings") if "heading" in r)


@cache
def duty_cues() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    duty = load_patterns("duty_cues")
    heads = tuple(r["heading"] for r in duty if "heading" in r)
    intros = tuple(r["intro"] for r in duty if "intro" in r)
    terms = tuple(r["cue"] for r in load_patterns("term_cues") if "cue" in r)
    return heads, intros, terms


def heading_key(text: str) -> str:
    text = re.sub(r"^\s*(?:\d+|[ivx]+|[a-z])[.)]\s+", "", text.lower())
    return " ".join(re.sub(r"[^\w%' ]", " ", text).split())


def is_duty_heading(text: str) -> bool:
    key = heading_key(text)
    heads, intros, _ = duty_cues()
    if len(key.split()) > 8:
        return False
    # "Schedule A – Job Description", "Appendix 2: Scope of Work": a duty heading after a label
    words = set(key.split())
    return key in heads or any(key.endswith(f" {h}") for h in heads) or bool(
        words & _heading_words()) or any(i in key for i in intros)


@cache
def _heading_words() -> frozenset[str]:
    """A word that makes any short heading a duties heading ("Main Tasks and Functions")."""
    return frozenset(r["heading_word"] for r in load_patterns("duty_cues") if "heading_word" in r)


def is_intro(text: str) -> bool:
    low = text.lower()
    return any(i in low for i in duty_cues()[1])


def is_terms(text: str) -> bool:
    low = text.lower()
    return any(c in low for c in duty_cues()[2]) or bool(re.search(r"\$\s?\d", text))


@cache
def term_labels() -> frozenset[str]:
    return frozenset(r["label"] for r in load_patterns("term_cues") if "label" in r)


_LABELLED = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z'/& ]{0,30}?)\s*:\s*\S")


def is_term_item(text: str) -> bool:
    """A "Label: value" line whose label names a term of the offer ("Term: 18 months", "Pay: ...")."""
    m = _LABELLED.match(text)
    if not m or " ".join(m.group("label").lower().split()) not in term_labels():
        return False
    return not opens_with_duty_verb(text[m.end() - 1:])  # "Schedule: maintain the project plan" is a duty


@cache
def duty_verbs() -> frozenset[str]:
    """Verbs that open a duty: the first words of the NOC 2021 main-duty statements ("Prepare",
    "Analyze", "Design" ...) that open two or more of them and are not plural nouns or adjectives
    ("Architects", "Medical"), with the British spelling ("analyse", "organise"); the
    ``{"verb": ...}`` rows of ``duty_cues.jsonl`` are added, its ``{"not_verb": ...}`` rows removed."""
    counts = Counter(d.split()[0].strip(",;:.").lower() for ug in corpora.noc().values() for d in ug.duties if d)
    words = {w for w, n in counts.items() if n >= 2 and w.isalpha()
             and not (w.endswith("s") and not w.endswith("ss")) and not w.endswith("al")}
    rows = load_patterns("duty_cues")
    words |= {r["verb"] for r in rows if "verb" in r}
    words |= {w[:-3] + "ise" for w in words if w.endswith("ize")} | {w[:-3] + "yse" for w in words if w.endswith("yze")}
    return frozenset(words - {r["not_verb"] for r in rows if "not_verb" in r})


# "[In this role,] you will design ...", "The incumbent will design ...", "You'd also design ..."
YOU_WILL = re.compile(r"^.{0,80}?\b(?:[Yy]ou|[Tt]he\s+(?:incumbent|employee|successful\s+candidate)|"
                      r"[Tt]he\s+(?P<who>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}))(?:\s+will|'ll|\s+would|\s+shall|'d)\s+"
                      r"(?:also\s+|then\s+|further\s+)?(?P<verb>[a-z]+)")


def opens_with_duty_verb(text: str) -> bool:
    """An imperative duty ("Design the schema ...") or "[In this role,] you will design ..."."""
    words = re.findall(r"[A-Za-z]+", text[:40])
    if words and words[0].lower() in duty_verbs():
        return True
    m = YOU_WILL.match(text.strip())
    if not m or m.group("verb").lower() not in duty_verbs():
        return False
    # "The Geologist will ..." is the worker; "The Company will provide ..." is the employer
    return m.group("who") is None or looks_like_occupation(m.group("who"))
