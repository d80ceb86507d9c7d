"""Reading text with a way back: a cleaned copy of a span of ``Document.text`` that remembers, for
every character, where it came from, so a match found in clean text becomes exact evidence.

Cleaning joins wrapped lines, repairs words hyphenated at a line end ("analy-\\nse" -> "analyse"),
expands ligatures, straightens quotes and collapses runs of spaces.  Ingest already normalises most
of this; doing it here again keeps extraction correct for any Document, however it was built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "st", "\ufb06": "st"}
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
           "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ad": "", "\u200b": ""}
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class CleanText:
    text: str
    offsets: tuple[int, ...]  # raw offset of each clean character; one extra entry: the raw end

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw [start, end) covering clean characters [start, end)."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def _hyphen_break(raw: str, i: int) -> bool:
    """A hyphen at a line end inside a word: a letter before it, a lower-case letter after the break."""
    if raw[i] not in "-\u2010" or i + 1 >= len(raw) or raw[i + 1] != "\n":
        return False
    if i == 0 or not raw[i - 1].isalpha():
        return False
    j = i + 2
    while j < len(raw) and raw[j] in " \t":
        j += 1
    return j < len(raw) and raw[j].islower()


def clean(raw: str, base: int = 0) -> CleanText:
    """Clean ``raw`` (which starts at offset ``base`` of the document text)."""
    out: list[str] = []
    offs: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if _hyphen_break(raw, i):
            i += 2
            while i < n and raw[i] in " \t":
                i += 1
            continue
        if _SPACE.match(ch):
            if out and out[-1] != " ":
                out.append(" ")
                offs.append(base + i)
            i += 1
            continue
        rep = _LIGATURES.get(ch) or _QUOTES.get(ch, ch)
        for c in rep:
            out.append(c)
            offs.append(base + i)
        i += 1
    while out and out[-1] == " ":
        out.pop()
        offs.pop()
    end = offs[-1] + 1 if offs else base
    return CleanText("".join(out), tuple(offs) + (end,))


def norm(text: str) -> str:
    """Whitespace-collapsed, quote-straightened text for comparisons and display."""
    return clean(text).text


def clean_lines(doc_text: str, spans: list[tuple[int, int]]) -> CleanText:
    """Clean the text of several line spans read as one run (lines joined by a line break), so a
    block that straddles a page break leaves out the running footer and header between its lines."""
    pieces: list[str] = []
    where: list[int] = []
    for k, (start, end) in enumerate(spans):
        if k:
            pieces.append("\n")
            where.append(spans[k - 1][1])
        pieces.append(doc_text[start:end])
        where.extend(range(start, end))
    virtual = clean("".join(pieces))
    where.append(spans[-1][1] if spans else 0)
    offsets = tuple(where[i] for i in virtual.offsets[:-1])
    end = offsets[-1] + 1 if offsets else (spans[0][0] if spans else 0)
    return CleanText(virtual.text, offsets + (end,))
