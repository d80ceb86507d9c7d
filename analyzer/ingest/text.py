"""Plain text letters: decode, normalise newlines, blank lines -> ``gap_before``, form feed -> page."""

from __future__ import annotations

import codecs
import json
import re
from functools import lru_cache
from pathlib import Path

from analyzer.ingest.build import DocumentBuilder
from analyzer.ingest.limits import Deadline, Limits
from analyzer.types import Document, InputError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Control characters other than tab, newline, carriage return and form feed.
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_NUL_SHARE = 0.01  # a few stray NULs are stripped; more means a binary file
MAX_CONTROL_SHARE = 0.05


def decode(data: bytes, name: str) -> str:
    """Bytes -> str: BOM first, then UTF-16 without BOM, then strict UTF-8, else line by line
    UTF-8 / Windows-1252.  Raises ``unsupported_type`` for binary data."""
    text = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError("corrupt", f"{name}: the text file is not valid {codec} ({exc.reason}).") from None
            break
    if text is None:
        text = _utf16_without_bom(data)
    if text is None:
        if data.count(b"\x00") > MAX_NUL_SHARE * len(data):
            raise InputError("unsupported_type", f"{name}: binary data, not a PDF, DOCX or text letter.")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # Line by line: a file pasted together from UTF-8 and Windows sources stays readable.
            text = "\n".join(_legacy(line) for line in data.split(b"\n"))
    sample = text[:200_000]
    if sample and len(_BINARY.findall(sample.replace("\x00", ""))) > MAX_CONTROL_SHARE * len(sample):
        raise InputError("unsupported_type", f"{name}: binary data, not a PDF, DOCX or text letter.")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """Notepad's "Unicode" without a BOM: ASCII letters with a NUL on every other byte."""
    sample = data[:20_000]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    codec = "utf-16-le" if odd > 0.4 * half and even < 0.02 * half else (
        "utf-16-be" if even > 0.4 * half and odd < 0.02 * half else None)
    if codec is None:
        return None
    try:
        return data[: len(data) - len(data) % 2].decode(codec)
    except UnicodeDecodeError:
        return None


def _legacy(line: bytes) -> str:
    """One line that is not UTF-8 as a whole: UTF-8 if it is, else Windows-1252 (what Word's
    "Save as text" writes on Canadian machines); cp1252 leaves five bytes undefined, and a line
    holding one of those is read as Latin-1, so decoding never fails."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:
        return line.decode("latin-1")


def read_text(data: bytes, name: str, limits: Limits, deadline: Deadline) -> Document:
    text = decode(data, name).replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > limits.max_text_chars:  # refuse before building millions of words
        raise InputError("too_large", f"{name}: {len(text):,} characters of text; far longer than "
                         "any offer letter.")
    pages = text.split("\f")
    if len(pages) > limits.max_pages:
        raise InputError("too_many_pages",
                         f"{name}: {len(pages)} pages (form feeds); the limit is {limits.max_pages}.")
    builder = DocumentBuilder(name, limits.max_text_chars)
    for number, page in enumerate(pages, start=1):
        deadline.check(f"page {number}")
        blanks = 0
        raw_lines = page.split("\n")
        if number == 1:
            raw_lines = letterhead_columns(raw_lines)
        for count, raw in enumerate(raw_lines):
            if count % 1000 == 999:
                deadline.check(f"page {number}, line {count + 1}")
            if not raw.strip():
                blanks += 1
                continue
            for i, piece in enumerate(wrap(raw, limits.max_line_chars)):
                builder.add_text(number, piece, gap_before=float(blanks) if i == 0 else 0.0)
            blanks = 0
        builder.end_page(number)
    if not builder.has_text:
        raise InputError("empty", f"{name}: the file holds no text.")
    return builder.document(name, "text", {"pages": len(pages)})


_RIGHT = re.compile(r"(?:^|\S)( {3,})(\S)")  # a run of 3+ spaces before a right-hand column
MIN_RIGHT_COLUMN = 20


def letterhead_columns(lines: list[str]) -> list[str]:
    """A two-column letterhead typed with spaces ("Name      Street" / "          City") is read
    column by column: the left column's lines, then the right column's.  Only the first block
    of page 1 (up to the first blank line; after a one-line running header) is looked at, and
    only when at least two of its lines put text in one aligned right-hand column."""
    begin = next((i for i, ln in enumerate(lines) if ln.strip()), len(lines))
    end = next((i for i in range(begin, len(lines)) if not lines[i].strip()), len(lines))
    if any(_salutation(ln) for ln in lines[begin:end]):
        return lines  # the letter has begun ("Dear ..."): what follows is body, e.g. a table
    if end - begin == 1 and begin < 3:  # a one-line running header above the letterhead
        return lines[:end] + letterhead_columns(lines[end:])
    block = lines[begin:end]
    col = _right_column(block) if 2 <= len(block) <= 12 else None
    if col is None:
        return lines
    left = [ln[:col].rstrip() for ln in block]
    right = [ln[col:].strip() for ln in block]
    # The blank line between the columns makes the right column its own block.
    return lines[:begin] + [t for t in left if t.strip()] + [""] + [t for t in right if t] + lines[end:]


@lru_cache(maxsize=1)
def _salutations() -> tuple[str, ...]:
    path = Path(__file__).resolve().parent.parent / "data" / "headings.json"
    return tuple(json.loads(path.read_text(encoding="utf-8"))["salutations"])


def _salutation(line: str) -> bool:
    low = line.strip().lower()
    return len(low.split()) <= 12 and any(
        low == s or low.startswith((s + " ", s + ",")) for s in _salutations())


def _right_column(block: list[str]) -> int | None:
    """The column where an aligned right-hand column starts, if two or more lines use it and
    no line runs across the gutter."""
    starts: list[int | None] = []
    for ln in block:
        m = _RIGHT.search(ln, 1) or (_RIGHT.match(ln) if ln.startswith(" ") else None)
        starts.append(m.start(2) if m and m.start(2) >= MIN_RIGHT_COLUMN else None)
    cols = {c for c in starts if c is not None}
    if len(cols) != 1 or sum(c is not None for c in starts) < 2:
        return None
    col = cols.pop()
    if any(c is None and len(ln.rstrip()) > col for c, ln in zip(starts, block, strict=True)):
        return None
    return col


def wrap(line: str, limit: int) -> list[str]:
    """Split an over-long line at spaces (or hard, if it has none) into pieces of <= limit chars.
    Walks by index: re-slicing the rest of a 10 MB line each time would be quadratic."""
    line = line.rstrip()
    pieces: list[str] = []
    pos = 0
    while len(line) - pos > limit:
        cut = line.rfind(" ", pos + limit // 2, pos + limit)
        cut = cut if cut > pos else pos + limit
        pieces.append(line[pos:cut])
        pos = cut
        while pos < len(line) and line[pos] == " ":
            pos += 1
    pieces.append(line[pos:])
    return pieces
