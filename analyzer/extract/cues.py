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
    """(part, start, end) of every sentence of the body in letter order; a labelled line
    ("Start Date: ...") inside a block is its own sentence even without a full stop."""
    for part in body.parts:
        if kinds is not None and part.kind not in kinds:
            continue
        for s, e in part.sentences():
            yield from _split_labels(part, s, e)


_LABEL = re.compile(r"(?:(?<=\s)|^)(?=[A-Z][A-Za-z'/& ]{1,38}:\s)")


def _split_labels(part: Part, s: int, e: int) -> Iterator[tuple[Part, int, int]]:
    """Split a sentence before each "Label:" that starts one of the block's lines."""
    cuts = {s, e}
    line_starts = _line_starts(part)
    for m in _LABEL.finditer(part.text, s, e):
        if m.start() in line_starts:
            cuts.add(m.start())
    points = sorted(cuts)
    for a, b in zip(points, points[1:], strict=False):
        if part.text[a:b].strip():
            yield part, a, b


def _line_starts(part: Part) -> set[int]:
    """Clean offsets where the block's document lines start."""
    offs = part.clean.offsets
    starts = {ln.start + len(ln.text) - len(ln.text.lstrip()) for ln in part.block.lines}
    return {i for i, o in enumerate(offs[:-1]) if o in starts} | {0}
