"""Independent evidence that a letter states an element the extractors did not read.

missing-element must not report a wage missing because the wage sat in a list item the extractor
skipped: before reporting, it looks at the whole letter text for cue patterns (``evidence`` in
``lexicons/missing_elements.json``; ``{date}`` stands for a written date) and, for duties, for
several duty-like sentences (opening with an action verb).  A cue inside a sentence that says the
value is still open ('salary to be discussed') is no evidence."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from analyzer.checks._data import lexicon

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(•\-])|\n")


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    return lexicon("missing_elements")


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace("{date}", _config()["date"]))


def _sentence(text: str, start: int, end: int) -> str:
    """The line-or-sentence around a match (for the 'still open' test)."""
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start))
    right_candidates = [i for i in (text.find("\n", end), text.find(". ", end)) if i >= 0]
    return text[left + 1:min(right_candidates) if right_candidates else len(text)]


def cue(text: str, element: dict[str, Any]) -> tuple[int, int] | None:
    """The span of the first cue for ``element`` in ``text`` that is not voided, else None."""
    void = re.compile(_config()["void_if"])
    # an element's own voids: a '$' amount in a sentence about a bonus or moving costs is no wage
    own = _compiled(element["void_if"]) if element.get("void_if") else None
    for pattern in element.get("evidence", ()):
        for m in _compiled(pattern).finditer(text):
            sentence = _sentence(text, m.start(), m.end())
            if m.end() > m.start() and not void.search(sentence) and not (own and own.search(sentence)):
                return m.start(), m.end()
    if element["element"] == "duties":
        spans = duty_like_sentences(text)
        if len(spans) >= int(_config()["duty_like"]["min_sentences"]):
            return spans[0]
    return None


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    from analyzer.checks._specificity import _noc_verbs

    cfg = _config()["duty_like"]
    return frozenset((set(_noc_verbs()) | set(cfg["extra_verbs"])) - set(cfg["not_verbs"]))


def _is_verb(word: str) -> bool:
    """'prepares', 'preparing' and 'prepare' are one verb."""
    w = word.lower()
    forms = {w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w}
    if w.endswith("ing"):
        forms |= {w[:-3], w[:-3] + "e"}
    return bool(forms & _verbs())


def duty_like_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the lines or sentences that read like a duty: an action verb first (after a list
    marker and 'You will'), and at least ``min_words`` words."""
    cfg = _config()["duty_like"]
    clause = re.compile(cfg["clause_split"])
    out: list[tuple[int, int]] = []
    for start, end in _pieces(text, _SENTENCE_END):
        # A run-on sentence of duties ("…, build prototypes, and prepare drawings") counts clause by clause.
        for c_start, c_end in _pieces(text[start:end], clause):
            if _duty_like(text[start + c_start:start + c_end], cfg):
                out.append((start + c_start, start + c_end))
    return out


def _pieces(text: str, splitter: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` between the matches of ``splitter``."""
    out, pos = [], 0
    for m in splitter.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _duty_like(piece: str, cfg: dict[str, Any]) -> bool:
    stripped = re.sub(r"^(?:and|or)\s+", "", piece.strip())
    lead = re.match(cfg["lead"], stripped)
    rest = stripped[lead.end():] if lead else stripped
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", rest)
    return len(words) >= int(cfg["min_words"]) and _is_verb(words[0])
