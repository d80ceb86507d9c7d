"""Assemble a :class:`Document` from lines of words, keeping every offset consistent.

Each reader (PDF, DOCX, text) hands over lines of already-positioned words; this module
normalises their text (ligatures, smart quotes, invisible characters) *before* offsets are
assigned, so ``Document.text`` is built from the normalised texts and every ``Line``/``Word``
span indexes it exactly.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from analyzer.types import BBox, Document, InputError, Line, Page, Word

# Why: PDFs made with professional fonts carry ligature glyphs and typographic quotes; the
# later stages match words like "fifteen" or "employer's" and must not see "ﬁfteen".
_TRANSLATE = str.maketrans({
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
    "\x00": None,
    # Word's Symbol/Wingdings bullets arrive as private-use code points.
    "\uf0b7": "\u2022", "\uf0a7": "\u25aa", "\uf0d8": "\u2022", "\uf076": "\u2022", "\uf0fc": "\u2022",
    "\uf0a8": "\u2022", "\uf06e": "\u25aa", "\uf0e0": "\u2022",
})
# Other control characters (not tab) become spaces so they cannot split or hide words.
_CONTROL = re.compile(r"[\x01-\x08\x0b-\x1f\x7f]")
_BOLD = re.compile(r"bold|black|heavy|semibold|demibold", re.I)


def normalise(text: str) -> str:
    """Text as later stages expect it: ligatures expanded, straight quotes, no invisibles."""
    return _CONTROL.sub(" ", text.translate(_TRANSLATE))


def is_bold(font: str) -> bool:
    return bool(_BOLD.search(font or ""))


@dataclass
class RawWord:
    text: str
    bbox: BBox | None = None
    font: str = ""
    size: float = 0.0
    bold: bool | None = None  # None: decide from the font name
    sep: str = " "  # what separates it from the previous word in the line (DOCX: tab, " | ")


class DocumentBuilder:
    """Collects lines page by page and produces the frozen :class:`Document`."""

    def __init__(self, name: str = "<bytes>", max_chars: int = 0) -> None:
        self._name = name
        self._max_chars = max_chars  # 0: no limit
        self._parts: list[str] = []
        self._pos = 0
        self._lines: list[Line] = []
        self._pages: list[Page] = []

    def add_words(self, page: int, words: Sequence[RawWord], gap_before: float = 0.0) -> Line | None:
        """A line from positioned words (PDF, DOCX): words are joined by their ``sep`` (a space)."""
        out: list[Word] = []
        pieces: list[str] = []
        pos = self._pos
        for raw in words:
            text = normalise(raw.text).strip()
            if not text:
                continue
            if pieces:
                pieces.append(raw.sep)
                pos += len(raw.sep)
            bold = is_bold(raw.font) if raw.bold is None else raw.bold
            out.append(Word(text, pos, pos + len(text), raw.bbox, raw.font, raw.size, bold))
            pieces.append(text)
            pos += len(text)
        if not out:
            return None
        return self._emit(page, "".join(pieces), tuple(out), gap_before)

    def add_text(self, page: int, text: str, gap_before: float = 0.0) -> Line | None:
        """A line of plain text: spacing inside the line (indents, tabs) is kept as written."""
        text = normalise(text).rstrip()
        if not text.strip():
            return None
        words = tuple(
            Word(m.group(), self._pos + m.start(), self._pos + m.end()) for m in re.finditer(r"\S+", text)
        )
        return self._emit(page, text, words, gap_before)

    def _emit(self, page: int, text: str, words: tuple[Word, ...], gap_before: float) -> Line:
        boxes = [w.bbox for w in words if w.bbox]
        bbox = _union(boxes) if boxes else None
        sizes: Counter[float] = Counter()
        bold_chars = 0
        for w in words:
            sizes[round(w.size, 1)] += len(w.text)
            bold_chars += len(w.text) if w.bold else 0
        size = sizes.most_common(1)[0][0] if sizes else 0.0
        chars = sum(len(w.text) for w in words)
        line = Line(page=page, text=text, start=self._pos, end=self._pos + len(text), words=words,
                    bbox=bbox, size=size, bold=bold_chars * 2 > chars, gap_before=round(gap_before, 3))
        self._parts.append(text + "\n")
        self._pos = line.end + 1
        if self._max_chars and self._pos > self._max_chars:
            raise InputError("too_large", f"{self._name}: more than {self._max_chars:,} characters of "
                             "text; far longer than any offer letter.")
        self._lines.append(line)
        return line

    def end_page(self, number: int, width: float = 0.0, height: float = 0.0) -> None:
        self._pages.append(Page(number=number, width=width, height=height, lines=tuple(self._lines)))
        self._lines = []

    @property
    def has_text(self) -> bool:
        return self._pos > 0 or bool(self._lines)

    def document(self, source: str, kind: Literal["pdf", "docx", "text"],
                 meta: dict[str, Any] | None = None) -> Document:
        if self._lines:  # a reader forgot to close its last page
            self.end_page(len(self._pages) + 1)
        return Document(source=source, kind=kind, text="".join(self._parts),
                        pages=tuple(self._pages), meta=dict(meta or {}))


def _union(boxes: Sequence[BBox]) -> BBox:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))
