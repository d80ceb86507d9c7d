"""Greedy line breaking shared by the PDF and TXT renderers, with optional hyphenation noise."""

from __future__ import annotations

from collections.abc import Callable

Measure = Callable[[str], float]


VOWELS = set("aeiouy")
DIGRAPHS = {"ch", "sh", "th", "ph", "ck", "gh", "ng", "wh", "qu"}


def _syllable_break(word: str, i: int) -> bool:
    """A crude English syllable boundary (VC|CV as in 'ac-count', V|CV as in 'docu-ment'), so the
    noise looks like a word processor's hyphenation rather than a cut at any letter."""
    a, b, c = word[i - 1], word[i], word[i + 1]
    if a not in VOWELS and b not in VOWELS:
        return a + b not in DIGRAPHS and a != b or (a == b and a not in VOWELS)
    return a in VOWELS and b not in VOWELS and c in VOWELS


def _split(word: str, line: str, width: float, measure: Measure) -> tuple[str, str] | None:
    """Break a long plain word so its head plus a hyphen fits; keep 3+ letters on each side."""
    core = word.rstrip(".,;:")
    if len(core) < 7 or not core.isalpha():
        return None
    for i in range(len(core) - 3, 2, -1):
        if _syllable_break(core.lower(), i) and measure(f"{line} {word[:i]}-") <= width:
            return word[:i] + "-", word[i:]
    return None


def wrap(text: str, width: float, measure: Measure, hyphenate: bool = False) -> list[str]:
    """Lines of at most ``width`` (as ``measure`` counts it); a word longer than a line stays whole."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if measure(candidate) <= width:
            line = candidate
            continue
        parts = _split(word, line, width, measure) if hyphenate and line else None
        if parts:
            lines.append(f"{line} {parts[0]}")
            line = parts[1]
        else:
            if line:
                lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def hyphenated(lines: list[str]) -> bool:
    """Whether wrapping broke a word (no source word ends with a hyphen)."""
    return any(ln.endswith("-") for ln in lines[:-1])


def wrap_until_hyphenated(text: str, width: float, measure: Measure) -> list[str]:
    """Wrap with hyphenation, narrowing the measure by up to 20% until a word is broken, so a
    letter with the hyphenation noise really shows one (the renderer calls this until it has)."""
    for shrink in range(0, 21, 2):
        lines = wrap(text, width * (1 - shrink / 100), measure, True)
        if hyphenated(lines):
            return lines
    return wrap(text, width, measure, True)


class Breaker:
    """Line breaking for one letter: plain wrapping, or hyphenation noise on duty text that is
    guaranteed to break at least one word in the letter."""

    def __init__(self, hyphenate: bool) -> None:
        self.hyphenate = hyphenate
        self.done = False

    def __call__(self, text: str, width: float, measure: Measure, duty: bool = True) -> list[str]:
        if not (self.hyphenate and duty):
            return wrap(text, width, measure, False)
        lines = wrap(text, width, measure, True) if self.done else wrap_until_hyphenated(text, width, measure)
        self.done = self.done or hyphenated(lines)
        return lines
