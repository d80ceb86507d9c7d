"""The letter's language, from the share of English and French function words among its words.

Why function words: they are the most frequent words of any text and differ between English and
French, so a few hundred words decide reliably without a trained model; names, titles and
addresses (which may be French in an English letter, e.g. "Montréal") barely move the counts.
"""

from __future__ import annotations

import re
from functools import cache

from analyzer.nlp import load_patterns
from analyzer.types import InputError

MIN_WORDS = 12  # fewer function words than this: too little text to call it anything but English
FRENCH_SHARE = 0.5  # French share of the function words above which the letter is French
LANGUAGE_NAMES = {"fr": "French", "en": "English"}
_WORD = re.compile(r"[a-zàâäçéèêëîïôöùûüÿœæ]+'?", re.I)


@cache
def _words() -> dict[str, frozenset[str]]:
    return {row["lang"]: frozenset(row["words"]) for row in load_patterns("function_words")}


def detect(text: str) -> str:
    """ISO 639-1 code of the letter's language ("en" or "fr")."""
    words = _words()
    counts = dict.fromkeys(words, 0)
    for m in _WORD.finditer(text.lower()):
        w = m.group()
        for lang, vocab in words.items():
            if w in vocab:
                counts[lang] += 1
    total = sum(counts.values())
    if total < MIN_WORDS:
        return "en"
    return "fr" if counts.get("fr", 0) / total > FRENCH_SHARE else "en"


def require_english(text: str, source: str) -> str:
    """"en", or raise ``InputError("unsupported_language")`` naming the file and the language."""
    lang = detect(text)
    if lang != "en":
        name = LANGUAGE_NAMES.get(lang, lang)
        raise InputError("unsupported_language",
                         f"{source}: the letter is in {name} ({lang}); offercheck reads English letters only")
    return lang
