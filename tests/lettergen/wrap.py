"""Greedy line breaking shared by the PDF and TXT renderers, with optional hyphenation noise."""

from __future__ import annotations

from collections.abc import Callable

Measure = Callable[[str], float]


def _split(word: str, line: str, width: float, measure: Measure) -> tuple[str, str] | None:
    """Break a long plain word so its head plus a hyphen fits; keep 3+ letters on each side."""
    core = word.rstrip(".,;:")
    if len(core) < 8 or not core.isalpha():
        return None
    for i in range(len(core) - 3, 2, -1):
        if measure(f"{line} {word[:i]}-") <= width:
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
