"""Reading text with a way back: a cleaned copy of a span of ``Document.text`` that remembers, for
every character, where it came from, so a match found in clean text becomes exact evidence.

Cleaning joins wrapped lines, repairs words hyphenated at a line end ("analy-\\nse" -> "analyse",
but "self-\\nemployed" and any compound the letter also writes on one line keep their hyphen),
expands ligatures, straightens quotes and collapses runs of spaces.  Ingest already normalises most
of this; doing it here again keeps extraction correct for any Document, however it was built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "st", "\ufb06": "st"}
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
           "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ad": "", "\u200b": ""}


@dataclass(frozen=True)
class CleanText:
    text: str
    offsets: tuple[int, ...]  # raw offset of each clean character; one extra entry: the raw end

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw [start, end) covering clean characters [start, end)."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


_PIECES = re.compile(r"\S+|\s+")
_SPECIAL = re.compile("[" + "".join(_LIGATURES) + "".join(_QUOTES) + "]")
_BREAK_HYPHENS = ("-", "\u2010")
_COMPOUND = re.compile(r"\b[A-Za-z]+(?:-[A-Za-z]+)+\b")
_WORD = re.compile(r"\S+")
# Whitespace that cleaning does more to than turn into one space: at an edge, or two in a row.
_UNEVEN_SPACE = re.compile(r"^\s|\s\s|\s$")
_OTHER_SPACE = re.compile(r"[^\S ]")
# A hyphen at the end of a word followed by a line break: a word that may join the next one.
_LINE_END_HYPHEN = re.compile(r"[-\u2010]\s*\n")


def _joins_next(word: str, space: str, nxt: str | None) -> bool:
    """A word hyphenated at a line end: "analy-" + line break + "se" (lower case) is one word."""
    return (word.endswith(_BREAK_HYPHENS) and len(word) > 1 and word[-2].isalpha() and "\n" in space
            and nxt is not None and nxt[:1].islower())


def compounds(doc_text: str) -> frozenset[str]:
    """Hyphenated words written on one line somewhere in the letter ("cost-benefit"): when one of
    them is broken at its hyphen at a line end, the hyphen is the word's own and stays."""
    return frozenset(m.group().lower() for m in _COMPOUND.finditer(doc_text))


def _keeps_hyphen(word: str, nxt: str, known: frozenset[str]) -> bool:
    head = word[:-1].lower().lstrip("(\"'")
    tail = re.match(r"[\w'-]+", nxt)
    return head in _hyphen_prefixes() or (tail is not None and f"{head}-{tail.group().lower()}" in known)


@cache
def _hyphen_prefixes() -> frozenset[str]:
    from analyzer.nlp import load_patterns  # data file; imported late to keep this module light

    return frozenset(r["prefix"] for r in load_patterns("hyphen_prefixes"))


def clean(raw: str, base: int = 0, known: frozenset[str] = frozenset()) -> CleanText:
    """Clean ``raw`` (which starts at offset ``base`` of the document text); ``known`` holds the
    letter's hyphenated compounds (see :func:`compounds`)."""
    same = _char_for_char(raw)
    if same is not None:
        return CleanText(same, tuple(range(base, base + len(raw) + 1)))
    if not _SPECIAL.search(raw) and not _LINE_END_HYPHEN.search(raw):
        return _clean_plain(raw, base)
    pieces = [(m.group(), m.start()) for m in _PIECES.finditer(raw)]
    out: list[str] = []
    offs: list[int] = []
    k = 0
    while k < len(pieces):
        piece, at = pieces[k]
        if piece[0].isspace():
            if out:
                out.append(" ")
                offs.append(base + at)
            k += 1
            continue
        nxt = pieces[k + 2][0] if k + 2 < len(pieces) else None
        if k + 1 < len(pieces) and _joins_next(piece, pieces[k + 1][0], nxt):
            assert nxt is not None
            piece = piece if _keeps_hyphen(piece, nxt, known) else piece[:-1]
            k += 1  # skip the line break: the next word continues this one
        _emit(piece, base + at, out, offs)
        k += 1
    while out and out[-1] == " ":
        out.pop()
        offs.pop()
    end = offs[-1] + 1 if offs else base
    return CleanText("".join(out), tuple(offs) + (end,))


def _char_for_char(raw: str) -> str | None:
    """The clean text of ``raw`` when cleaning maps it character for character (only single
    whitespace characters between words, each becoming a space); None otherwise."""
    if _SPECIAL.search(raw) or _LINE_END_HYPHEN.search(raw) or _UNEVEN_SPACE.search(raw):
        return None
    return _OTHER_SPACE.sub(" ", raw)


def _clean_plain(raw: str, base: int) -> CleanText:
    """:func:`clean` of a text with nothing to repair (no ligature or quote to replace, no word
    broken at a line end, which is nearly every block): its words joined by one space, each space
    mapped to where the run of whitespace it stands for starts."""
    words: list[str] = []
    offs: list[int] = []
    prev_end = 0
    for m in _WORD.finditer(raw):
        start, end = m.span()
        if words:
            offs.append(base + prev_end)
        words.append(m.group())
        offs.extend(range(base + start, base + end))
        prev_end = end
    end_at = offs[-1] + 1 if offs else base
    offs.append(end_at)
    return CleanText(" ".join(words), tuple(offs))


def _emit(piece: str, at: int, out: list[str], offs: list[int]) -> None:
    if not _SPECIAL.search(piece):
        out.append(piece)
        offs.extend(range(at, at + len(piece)))
        return
    for i, ch in enumerate(piece):
        rep = _LIGATURES.get(ch) or _QUOTES.get(ch, ch)
        out.append(rep)
        offs.extend([at + i] * len(rep))


def norm(text: str) -> str:
    """Whitespace-collapsed, quote-straightened text for comparisons and display."""
    return clean(text).text


def clean_lines(doc_text: str, spans: list[tuple[int, int]], known: frozenset[str] = frozenset()) -> CleanText:
    """Clean the text of several line spans read as one run (lines joined by a line break), so a
    block that straddles a page break leaves out the running footer and header between its lines."""
    return _clean_joined(doc_text, spans, {}, known)


def clean_cells(doc_text: str, cells: list[list[tuple[int, int]]], joins: list[str],
                known: frozenset[str] = frozenset()) -> CleanText:
    """Clean a table row cell by cell (each cell's line spans in order, a cell joined to the one
    before by ``joins[k]``), so a row whose cells wrap onto several lines reads "Site | Harlow
    Mine, Kirkland Lake, ON | 2.1", not the lines' mix of both cells."""
    spans: list[tuple[int, int]] = []
    seps: dict[int, str] = {}
    for k, cell in enumerate(cells):
        if cell and spans:
            seps[len(spans)] = joins[k]
        spans += cell
    return _clean_joined(doc_text, spans, seps, known)


def _clean_joined(doc_text: str, spans: list[tuple[int, int]], seps: dict[int, str],
                  known: frozenset[str]) -> CleanText:
    """The spans' text joined (before span k by ``seps[k]``, else a line break) and cleaned, with
    offsets into ``doc_text``: a separator maps to the end of the span before it."""
    pieces: list[str] = []
    where: list[int] = []
    for k, (start, end) in enumerate(spans):
        if k:
            sep = seps.get(k, "\n")
            pieces.append(sep)
            where.extend([spans[k - 1][1]] * len(sep))
        pieces.append(doc_text[start:end])
        where.extend(range(start, end))
    joined = "".join(pieces)
    same = _char_for_char(joined)
    if same is not None:  # the common case: clean offsets are the joined text's own
        offsets = tuple(where)
        text = same
    else:
        virtual = clean(joined, 0, known)
        where.append(spans[-1][1] if spans else 0)
        offsets = tuple(map(where.__getitem__, virtual.offsets[:-1]))
        text = virtual.text
    end = offsets[-1] + 1 if offsets else (spans[0][0] if spans else 0)
    return CleanText(text, offsets + (end,))
