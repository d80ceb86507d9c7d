"""Title normalisation: the same clean form for a letter's title and for every index title.

The word lists (abbreviations, gendered forms, spellings, level words) live in
``corpora/lexicons/title_normalisation.json`` so a reviewer can correct them without touching code.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

from analyzer import corpora

_PAREN = re.compile(r"\([^)]*\)")
_SLASH_GENDER = re.compile(r"\b(\w+?)(man|woman|men|women)/(wo)?m[ae]n\b", re.I)
_TOKEN = re.compile(r"[a-z0-9][a-z0-9&+#.'-]*")
_COMPOUND = re.compile(r"\s+(?:/|-|–|—|\||and/or)\s+|\s*/\s*|;\s*")


@functools.cache
def lexicon() -> dict[str, Any]:
    with corpora.path("lexicons/title_normalisation.json").open(encoding="utf-8") as fh:
        return json.load(fh)


@functools.cache
def _maps() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    lex = lexicon()
    words: dict[str, str] = {}
    for key in ("spelling", "gendered", "abbreviations"):
        words.update({k.lower(): v.lower() for k, v in lex.get(key, {}).items()})
    keep = frozenset(w.lower() for w in lex.get("level_words_keep", []))
    drop = frozenset(w.lower() for w in lex.get("level_words", [])) - keep
    noise = frozenset(w.lower() for w in lex.get("noise_words", []))
    return words, drop, noise


def uninvert(title: str) -> str:
    """'engineer, civil' -> 'civil engineer' (index style); a comma followed by more than three
    words is a qualifier, not an inversion, and stays."""
    head, sep, tail = title.partition(",")
    if sep and tail.strip() and len(tail.split()) <= 3 and " - " not in tail:
        return f"{tail.strip()} {head.strip()}"
    return title


def _tokens(text: str) -> list[str]:
    text = _SLASH_GENDER.sub(lambda m: m.group(1) + m.group(2), text)
    return _TOKEN.findall(text.lower().replace("’", "'"))


def normalise(title: str, keep_level: bool = False) -> str:
    """Lower case, no punctuation, abbreviations expanded, gendered forms neutral, level words
    (senior, II, ...) dropped unless that would leave nothing."""
    words, drop, noise = _maps()
    out: list[str] = []
    for tok in _tokens(_PAREN.sub(" ", uninvert(title))):
        tok = tok.strip(".'-")
        bare = tok.replace(".", "")
        if not bare:
            continue
        word = words.get(tok) or words.get(bare) or bare
        if bare.endswith("s") and bare[:-1] in words and len(bare) > 3:
            word = words[bare[:-1]] + "s"
        out.extend(word.split())
    kept = [w for w in out if w not in noise and (keep_level or w not in drop)]
    return " ".join(kept or out)


def split_compound(title: str) -> list[str]:
    """'Systems Analyst / Developer' -> [whole, 'Systems Analyst', 'Developer']; parts shorter than
    two letters are dropped.  The whole title always comes first."""
    plain = _SLASH_GENDER.sub(lambda m: m.group(1) + m.group(2), title)
    parts = [p.strip(" ,") for p in _COMPOUND.split(plain) if p and len(p.strip(" ,")) > 1]
    return [title] + parts if len(parts) > 1 else [title]
