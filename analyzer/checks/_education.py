"""Reading education requirements: the lowest credential a letter accepts, and a profession's
treaty minimum, on one scale (lexicons/education_levels.json)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analyzer.checks._data import lexicon


@dataclass(frozen=True)
class Level:
    rank: int
    name: str
    start: int  # span of the words that set the level, in the text searched
    end: int


def levels(text: str) -> list[Level]:
    """Every credential level the text mentions (a span belongs to the highest level matching it)."""
    found: list[Level] = []
    taken: list[tuple[int, int]] = []
    for entry in lexicon("education_levels")["levels"]:
        for m in re.finditer(entry["regex"], text, re.IGNORECASE):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(Level(entry["rank"], entry["level"], m.start(), m.end()))
    return found


def lowest(text: str) -> Level | None:
    """The lowest level the letter accepts: with alternatives ('degree or diploma') the weakest wins."""
    found = levels(text)
    return min(found, key=lambda lv: lv.rank) if found else None


def required_rank(treaty_text: str) -> int | None:
    found = levels(treaty_text)
    return min(lv.rank for lv in found) if found else None


def experience_years(text: str) -> int:
    data = lexicon("education_levels")
    years = 0
    for m in re.finditer(data["experience_regex"], text, re.IGNORECASE):
        raw = m.group(1).lower()
        years = max(years, int(raw) if raw.isdigit() else data["numbers"].get(raw, 0))
    return years


def has_credential(profession_id: str, text: str) -> bool:
    pattern = lexicon("education_levels")["credentials"].get(profession_id)
    return bool(pattern and re.search(pattern, text, re.IGNORECASE))
