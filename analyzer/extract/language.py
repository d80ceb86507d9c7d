"""The letter's language, from the share of English and French function words among its words.

Why function words: they are the most frequent words of any text and differ between English and
French, so a few hundred words decide reliably without a trained model; names, titles and
addresses (which may be French in an English letter, e.g. "Montréal") barely move the counts.
"""

from __future__ import annotations

import re
from collections import Counter
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
    seen = Counter(_WORD.findall(text.lower()))
    counts = {lang: sum(n for w, n in seen.items() if w in vocab) for lang, vocab in _words().items()}
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
