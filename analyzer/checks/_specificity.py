"""How specific a duty statement is, measured against the NOC 2021 main-duty vocabulary.

A professional duty names what is worked on (a system, a structure, a sample, a patient group, a
tax return).  Words that are rare across the ~4,000 NOC main-duty statements (high IDF) carry that
content; words in every unit group ("prepare", "reports", "plans") and the generic verbs and nouns
of ``lexicons/generic_words.json`` do not.  Words absent from the NOC vocabulary altogether are
usually product or domain names (SAP, ANSYS, HL7) and count as specific.

``score(text)`` is the sum of the IDF weights of the distinct specific words, so one very
technical word or two moderately specific ones pass; a duty made only of generic verbs and nouns
scores 0 however long it is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analyzer.checks._data import lexicon, threshold
from analyzer.checks._vocabulary import stem as _stem
from analyzer.checks._vocabulary import tables, words

__all__ = ["Specificity", "is_vague", "measure", "words"]

# Prose duties open with the subject ("You will also ..."); the verb follows it.
_LEAD = re.compile(r"^(?:you|the \w+|he|she|they)?\s*(?:will|shall|'ll)\s+(?:also\s+)?(?:be responsible for\s+)?",
                   re.IGNORECASE)


@lru_cache(maxsize=1)
def _idf() -> tuple[dict[str, float], float]:
    """IDF of every word stem over the NOC 2021 main-duty statements (document = one statement)."""
    return tables().idf()


def _title_words() -> frozenset[str]:
    """Prefixes (3-6 letters) of the words of the NOC example titles: the vocabulary that names
    occupations' objects and fields ("groundwater", "payroll", "bridge"), which job-advert filler
    ("ownership", "deadlines") is not."""
    return tables().title_prefixes


def _in_titles(word: str) -> bool:
    """'estimates' names an 'estimator''s work, 'decks' a 'deckhand''s: compare stems by prefix."""
    return _stem(word)[:6] in _title_words()


def _noc_verbs() -> frozenset[str]:
    """Words that open NOC main-duty statements at least 3 times: the action verbs ("prepare",
    "review", "design").  They say what is done, not what it is done to, so they never count."""
    return tables().noc_verbs


@lru_cache(maxsize=1)
def _generic() -> tuple[frozenset[str], frozenset[str]]:
    g = lexicon("generic_words")
    generic = frozenset(w.lower() for w in g["verbs"] + g["nouns"] + g["broad"])
    return generic, frozenset(w.lower() for w in g["stopwords"])


@lru_cache(maxsize=1)
def _broad() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon("generic_words")["broad"])


@dataclass(frozen=True)
class Specificity:
    score: float
    specific: tuple[str, ...]  # the words that carried the score, most specific first
    generic_only: bool  # no word outside the generic and stop lists


def _is_name(raw: str, first: bool) -> bool:
    """A product, standard or proper name: an acronym, a word with digits, or capitalised mid-sentence."""
    return ((raw.isupper() and len(raw) >= 2) or any(c.isdigit() for c in raw)
            or (not first and raw[:1].isupper()))


def _weight(raw: str, first: bool, verb_slot: bool, jargon: float = 0.0) -> float:
    """How much one word shows what the duty works on (0: nothing).  ``jargon`` > 0: the word sits in a
    domain noun phrase or is the opening verb's object (``_jargon_slots``), so a word outside the
    occupations' vocabulary ("witnesses", "migration") is taken for a domain term, up to that weight."""
    idf, idf_max = _idf()
    w = raw.lower()
    if _is_name(raw, first):
        return idf_max
    stem = _stem(w)
    if w.endswith("ly") and len(w) > 5:  # adverbs ("closely", "timely") say how, not what
        return 0.0
    if verb_slot and w in _noc_verbs():
        return 0.0
    if _generic_verb_form(w):  # "improving", "achieved": a generic verb however it is inflected
        return 0.0
    if not _in_titles(w):  # advert filler ("ownership", "deadlines") names no occupation's object
        return min(idf.get(stem, idf_max), jargon)
    weight = idf.get(stem, idf_max)
    return weight if weight >= threshold("vague_idf_min") else 0.0


def _generic_verb_form(word: str) -> bool:
    """An -ing/-ed/-s form of a generic verb ('improving', 'supported')."""
    generic_verbs = _generic_verbs()
    if word in generic_verbs:
        return True
    for suffix, repls in (("ing", ("", "e")), ("ed", ("", "e")), ("es", ("",)), ("s", ("",))):
        if word.endswith(suffix) and any(word[: -len(suffix)] + r in generic_verbs for r in repls):
            return True
    return False


@lru_cache(maxsize=1)
def _action_verbs() -> frozenset[str]:
    """Verbs whose first content word after them is the duty's object: the NOC opening verbs and
    ``generic_words.json`` 'action_verbs', less the generic verbs ('support', 'handle')."""
    extra = {w.lower() for w in lexicon("generic_words").get("action_verbs", [])}
    return frozenset((set(_noc_verbs()) | extra) - _generic_verbs())


@lru_cache(maxsize=1)
def _generic_verbs() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon("generic_words")["verbs"])


def _jargon_slots(tokens: list[str], content: list[bool], partner: list[bool]) -> dict[int, float]:
    """Token positions that read as a domain term, with the most weight each may carry: a word after a
    specific or field modifier ('data migration', 'seismic bracing') is capped at
    ``vague_jargon_weight`` (it needs a second specific word); the object of an opening action verb
    that is not generic ('Draft pleadings', 'Test firmware') is a concrete object in itself."""
    cap = threshold("vague_jargon_weight")
    slots = {i: cap for i in range(2, len(tokens)) if content[i] and partner[i - 1]}
    if tokens and tokens[0].lower() in _action_verbs():
        _, stop = _generic()
        nxt = next((i for i in range(1, len(tokens)) if tokens[i].lower() not in stop), None)
        if nxt is not None and content[nxt]:
            slots[nxt] = _idf()[1]
    return slots


def measure(text: str) -> Specificity:
    generic, stop = _generic()
    broad = _broad()
    weights: dict[str, float] = {}
    content = 0
    tokens = words(_LEAD.sub("", text.strip()))
    low = [t.lower() for t in tokens]
    is_content = [w not in stop and w not in generic and len(w) >= 2 and not _generic_verb_form(w) for w in low]
    # A modifier is a word that is specific in itself or a broad field word ("data migration", "seismic
    # bracing"); an evaluative word outside the occupations' vocabulary ("proactive attitude") is not.
    partner = [w in broad or (c and _weight(t, i == 0, i == 0) > 0)
               for i, (c, w, t) in enumerate(zip(is_content, low, tokens, strict=True))]
    jargon = _jargon_slots(tokens, is_content, partner)
    for i, raw in enumerate(tokens):
        w = low[i]
        # Only the opening word is taken as the verb: treating every word after "and"/"to" as one also
        # dropped nouns ("cost estimates and schedules") and raised false alarms on real letters.
        verb_slot = i == 0
        if w in stop or w in generic or len(w) < 2:
            continue
        content += 1
        weight = _weight(raw, i == 0, verb_slot, jargon=jargon.get(i, 0.0))
        if weight > 0:
            weights[w] = max(weights.get(w, 0.0), weight)
    ranked = sorted(weights.items(), key=lambda kv: -kv[1])
    # Diminishing returns: the third and later words add half, so a long list of mid-rare words does
    # not outscore one precise term by sheer length.
    score = sum(v if i < 2 else v / 2 for i, (_, v) in enumerate(ranked))
    return Specificity(score=score, specific=tuple(w for w, _ in ranked), generic_only=content == 0)


def is_vague(text: str, cutoff: float | None = None) -> bool:
    cutoff = threshold("vague_specificity") if cutoff is None else cutoff
    return measure(text).score < cutoff
