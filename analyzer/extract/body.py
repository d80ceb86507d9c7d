"""The letter's body blocks, each with its cleaned text and what spaCy reads in it (sentences and
places; spaCy runs once over the letter, see :mod:`analyzer.extract.parse`), shared by the title,
duty and field extractors."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from analyzer.extract.parse import Parsed, parse_texts
from analyzer.extract.text import CleanText, clean, clean_cells, clean_lines, compounds
from analyzer.types import Block, Evidence, Layout

_LABEL = re.compile(r"(?:(?<=\s)|^)(?=[A-Z][A-Za-z'/& ]{1,38}:\s)")
FURNITURE = {"header", "footer", "page_number"}


@dataclass(frozen=True)
class Part:
    """One body block: ``clean`` is its reading text, ``parsed`` spaCy's sentences and places in it."""

    index: int
    block: Block
    clean: CleanText
    parsed: Parsed

    @property
    def text(self) -> str:
        return self.clean.text

    @property
    def kind(self) -> str:
        return self.block.kind

    def sentences(self) -> tuple[tuple[int, int], ...]:
        return self._sentence_spans

    @cached_property
    def units(self) -> tuple[tuple[int, int], ...]:
        """Sentences split before each "Label:" that starts one of the block's lines, so a labelled
        line ("Start Date: ...") is its own unit even without a full stop."""
        starts = self._line_starts()
        out: list[tuple[int, int]] = []
        for s, e in self._sentence_spans:
            cuts = {s, e} | {m.start() for m in _LABEL.finditer(self.text, s, e) if m.start() in starts}
            points = sorted(cuts)
            out += [(a, b) for a, b in zip(points, points[1:], strict=False) if self.text[a:b].strip()]
        return tuple(out)

    def _line_starts(self) -> set[int]:
        """Clean offsets where the block's document lines start (first visible character)."""
        offsets = self.clean.offsets
        out = {0}
        for ln in self.block.lines:
            first = ln.start + len(ln.text) - len(ln.text.lstrip())
            i = bisect_left(offsets, first, 0, len(offsets) - 1)
            if offsets[i] == first:
                out.add(i)
        return out

    @cached_property
    def _sentence_spans(self) -> tuple[tuple[int, int], ...]:
        """Sentence spans (clean offsets).  The sentencizer ends a sentence at every full stop,
        so a piece that goes on in lower case ("P.Eng.) or eligibility ...") rejoins the one before."""
        spans: list[tuple[int, int]] = []
        for s, e in self.parsed.sents:
            first = self.text[s:e].lstrip()[:1]
            if spans and (first.islower() or first in ",;)"):
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
        return tuple(spans)


@dataclass(frozen=True)
class Body:
    layout: Layout
    parts: tuple[Part, ...]
    # Raw spans of the duties' evidence: the term readers skip text read as a duty (a duty may
    # mention a budget or "engagements of two to six months") and read everything else, list
    # items included.
    duty_spans: tuple[tuple[int, int], ...] = ()

    def in_duty(self, part: Part, start: int, end: int) -> bool:
        """Whether clean span [start, end) of ``part`` overlaps a duty's evidence."""
        raw_s, raw_e = part.clean.raw_span(start, end)
        return any(s < raw_e and raw_s < e for s, e in self.duty_spans)

    def evidence(self, part: Part, start: int, end: int) -> Evidence:
        """Evidence for clean characters [start, end) of ``part``."""
        raw_start, raw_end = part.clean.raw_span(start, end)
        return self.layout.document.evidence(raw_start, raw_end)

    def raw_evidence(self, start: int, end: int) -> Evidence:
        return self.layout.document.evidence(start, end)

    def finditer(self, pattern: re.Pattern[str], kinds: set[str] | None = None
                 ) -> Iterator[tuple[Part, re.Match[str]]]:
        for part in self.parts:
            if kinds is None or part.kind in kinds:
                for m in pattern.finditer(part.text):
                    yield part, m


def read_body(layout: Layout) -> Body:
    text = layout.document.text
    blocks = [b for b in layout.blocks if b.kind not in FURNITURE]
    known = compounds(text)
    cleans = [_clean_block(text, b, known) for b in blocks]
    parsed = parse_texts([c.text for c in cleans])
    parts = tuple(Part(i, b, c, p) for i, (b, c, p) in enumerate(zip(blocks, cleans, parsed, strict=True)))
    return Body(layout, parts)


def _clean_block(text: str, block: Block, known: frozenset[str]) -> CleanText:
    if not block.lines:
        return clean(text[block.start:block.end], block.start, known)
    cells = _row_spans(block) if block.kind == "table_row" and len(block.cells) > 1 else None
    if cells is not None:
        # "Start Date: | 2027-06-01" would read badly: a label cell joins its value with a space
        joins = [" " if k and block.cells[k - 1].rstrip().endswith(":") else " | " for k in range(len(cells))]
        return clean_cells(text, cells, joins, known)
    return clean_lines(text, [(ln.start, ln.end) for ln in block.lines], known)


def _row_spans(block: Block) -> list[list[tuple[int, int]]] | None:
    """Raw spans of each cell of a table row that wraps: the first line's words shared out to the
    cells in order, each later line to the cell it continues (segment puts a wrapped line in the
    nearest column).  None when the words do not line up with the cells (read line by line then)."""
    first = block.lines[0].words
    rest = [c.split() for c in block.cells]
    spans: list[list[tuple[int, int]]] = [[] for _ in block.cells]
    w = 0
    for k, toks in enumerate(rest):
        a, t = w, 0
        while w < len(first) and t < len(toks) and first[w].text == toks[t]:
            w, t = w + 1, t + 1
        if w > a:
            spans[k].append((first[a].start, first[w - 1].end))
        rest[k] = toks[t:]
    if not first or w != len(first):
        return None
    for ln in block.lines[1:]:
        toks = ln.text.split()
        k = next((i for i, r in enumerate(rest) if toks and r[:len(toks)] == toks), None)
        if k is None:
            return None
        lead = len(ln.text) - len(ln.text.lstrip())
        spans[k].append((ln.start + lead, ln.start + len(ln.text.rstrip())))
        rest[k] = rest[k][len(toks):]
    return None if any(rest) else spans
