"""Cue phrases of ``fields.jsonl`` as compiled regexes, and sentence iteration over the body."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from analyzer.extract.body import Body, Part
from analyzer.nlp import load_patterns


@cache
def phrases(kind: str) -> tuple[str, ...]:
    rows = [r["phrase"] for r in load_patterns("fields") if r.get("kind") == kind and "phrase" in r]
    return tuple(sorted(rows, key=len, reverse=True))


@cache
def regexes(kind: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r["regex"]) for r in load_patterns("fields")
                 if r.get("kind") == kind and "regex" in r)


@cache
def phrase_re(kind: str) -> re.Pattern[str]:
    """Any phrase of ``kind`` as whole words, case-insensitive (longest first)."""
    alt = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases(kind))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I)


def sentences(body: Body, kinds: set[str] | None = None) -> Iterator[tuple[Part, int, int]]:
    """(part, start, end) of every sentence of the body in letter order (see ``Part.units``)."""
    for part in body.parts:
        if kinds is None or part.kind in kinds:
            for s, e in part.units:
                yield part, s, e


_TERMINAL = (".", "!", "?", ":", ";")


def continuation(body: Body, part: Part, end: int) -> tuple[Part, int, int] | None:
    """The first sentence of the next block when a sentence ending at ``end`` is the block's last
    and stops mid-sentence ("... will end on" | "16 August 2029."): a block broken in two."""
    if part.text[end:].strip() or part.text[:end].rstrip().endswith(_TERMINAL):
        return None
    nxt = part.index + 1
    if nxt >= len(body.parts) or body.parts[nxt].kind not in {"paragraph", "table_row", "other"}:
        return None
    following = body.parts[nxt]
    return (following, *following.units[0]) if following.units else None
