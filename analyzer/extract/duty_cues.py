"""Cue lists of the duties section (``duty_cues.jsonl``, ``term_cues.jsonl``, ``headings.jsonl``)."""

from __future__ import annotations

import re
from functools import cache

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
    return key in heads or any(h in key for h in ("duties", "responsibilities")) or any(
        i in key for i in intros)


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
    return bool(m) and " ".join(m.group("label").lower().split()) in term_labels()
