"""PDF letters via pdfplumber: words with font and size, grouped into lines in reading order.

Each page is parsed once (``extract_words`` only), after ``guard.check_page`` has refused pages
far beyond any letter.  Lines are rows of words that share a vertical band.  A two-column
letterhead (company block on the left, contact block on the right, separated by a clear vertical
gutter at the top of page 1) is read column by column instead of row by row.  Also handled:
pages with /Rotate (read as written), overprinted text (deduplicated), sideways margin text
(dropped), unmapped bullet glyphs "(cid:N)" (read as "•"), and scanned pages (``scanned``
error, or OCR with ``Limits(ocr=True)``).
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
from pdfminer.pdfpage import PDFPage
from pdfplumber.page import Page as PlumberPage

from analyzer.ingest.build import DocumentBuilder, RawWord
from analyzer.ingest.guard import check_page
from analyzer.ingest.limits import Deadline, Limits
from analyzer.types import Document, InputError

_CID = re.compile(r"\(cid:\d+\)")
_SALUTATION = re.compile(r"^(dear|to whom)\b", re.I)
MIN_GUTTER = 18.0  # points of empty width between letterhead columns
COLUMN_BREAK_GAP = 1.0  # gap_before given to the first line of a column that starts higher up
BIG_GAP = 1.5  # a blank line this tall (in line heights) ends the letterhead band
SCAN_TEXT_CHARS = 100  # fewer characters than this over a page-sized picture: a scan

for _name in ("pdfminer", "pdfplumber"):  # pdfminer logs every odd object; the caller sees errors
    logging.getLogger(_name).setLevel(logging.ERROR)


@dataclass
class Row:
    words: list[RawWord] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(w.bbox[1] for w in self.words if w.bbox)

    @property
    def bottom(self) -> float:
        return max(w.bbox[3] for w in self.words if w.bbox)

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


def read_pdf(data: bytes, name: str, limits: Limits, deadline: Deadline) -> Document:
    pdf = _open(data, name)
    count = _page_count(pdf, limits, name)
    builder = DocumentBuilder(name, limits.max_text_chars)
    image_only: list[int] = []
    ocr_pages: list[int] = []
    sizes: list[tuple[float, float]] = []
    for number, pdfpage in enumerate(PDFPage.create_pages(pdf.doc), start=1):
        deadline.check(f"page {number} of {count}")
        if number > limits.max_pages:  # the page tree lied about its count
            raise _too_many(name, number, limits)
        check_page(pdfpage, number, name, limits)
        # A page shown rotated (/Rotate) was written upright: read it as written, so its lines
        # come out in order instead of one letter per line.
        pdfpage.rotate = 0
        if "Rotate" in pdfpage.attrs:
            pdfpage.attrs["Rotate"] = 0
        page = PlumberPage(pdf, pdfpage, page_number=number, initial_doctop=0)
        try:
            rows, scan = _page_rows(page, first=number == 1)
            sizes.append((float(page.width), float(page.height)))
            if scan:
                image_only.append(number)
                ocr = _ocr_rows(data, number, name, limits, deadline)
                if ocr:
                    rows = ocr
                    ocr_pages.append(number)
            _add_rows(builder, number, rows)
            builder.end_page(number, float(page.width), float(page.height))
        finally:
            page.close()
    pages_read = len(sizes)
    if not builder.has_text or (image_only and len(image_only) == pages_read and not ocr_pages):
        if image_only:
            raise InputError("scanned", f"{name}: the PDF has page images but no text layer; "
                             "it needs OCR (scan it with text recognition, or enable OCR).")
        raise InputError("empty", f"{name}: the PDF has no text.")
    meta: dict[str, Any] = {"pages": count, "image_only_pages": image_only, "ocr_pages": ocr_pages,
                            "page_sizes": sizes}
    return builder.document(name, "pdf", meta)


def _open(data: bytes, name: str) -> pdfplumber.PDF:
    try:
        return pdfplumber.PDF(io.BytesIO(data), stream_is_external=True)
    except Exception as exc:  # noqa: BLE001 - pdfminer raises anything on a broken file
        cause = exc.__cause__ or (exc.args[0] if exc.args else exc)
        kind = type(cause).__name__
        if "Password" in kind or "Encrypt" in kind:
            raise InputError("encrypted", f"{name}: the PDF is password-protected; "
                             "send an unprotected copy.") from None
        raise InputError("corrupt", f"{name}: the PDF is damaged or incomplete and cannot be read "
                         f"({kind}).") from None


def _page_count(pdf: pdfplumber.PDF, limits: Limits, name: str) -> int:
    """The page tree's /Count, read without parsing any page (a 500-page file is refused fast)."""
    try:
        count = int(pdf.doc.catalog["Pages"].resolve()["Count"])
    except Exception:  # noqa: BLE001 - unusual page tree: the page loop still enforces the limit
        return 0
    if count > limits.max_pages:
        raise _too_many(name, count, limits)
    return count


def _too_many(name: str, count: int, limits: Limits) -> InputError:
    return InputError("too_many_pages", f"{name}: {count} pages; the limit is {limits.max_pages} "
                      "(an offer letter is rarely longer than 5).")


def _page_rows(page: PlumberPage, first: bool) -> tuple[list[Row], bool]:
    if _overprinted(page.chars):  # fake bold / duplicated layers would read "ddoouubbllee"
        page = page.dedupe_chars(tolerance=1)  # slow (x6), so only when needed
    words = page.extract_words(extra_attrs=["fontname", "size", "upright"], keep_blank_chars=False)
    # Text set sideways in a margin ("Printed on recycled paper") would read one letter a line;
    # it is dropped when most characters read upright (a rotated page keeps all its text).
    upright = [w for w in words if w.get("upright", True)]
    if sum(len(w["text"]) for w in upright) * 2 > sum(len(w["text"]) for w in words):
        words = upright
    raw = [RawWord(w["text"], (float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"])),
                   str(w.get("fontname", "")), float(w.get("size", 0.0))) for w in words]
    rows = [r for r in (_cid_bullets(r) for r in group_rows(raw)) if r.words]
    rows = _shape_bullets(page, rows)
    if first:
        rows = letterhead_columns(rows, float(page.width), float(page.height))
    return rows, _scan_like(page, sum(len(w["text"]) for w in words))


def _scan_like(page: PlumberPage, chars: int) -> bool:
    """A page that is a picture: images but no text, or a picture covering most of the page
    with only a few words of text on it (a stamped page number, a file name)."""
    if chars >= SCAN_TEXT_CHARS or not page.images:
        return False
    if chars == 0:
        return True
    area = float(page.width) * float(page.height) or 1.0
    covered = sum(max(0.0, float(i["x1"]) - float(i["x0"])) * max(0.0, float(i["bottom"]) - float(i["top"]))
                  for i in page.images)
    return covered >= 0.5 * area


def _shape_bullets(page: PlumberPage, rows: list[Row]) -> list[Row]:
    """Browsers and some layout tools draw list bullets as small shapes, not glyphs: a small
    roughly square shape just left of a line's first word becomes its marker ("•" when filled,
    "◦" when only outlined), so segmentation sees the list."""
    shapes = [o for o in (*page.curves, *page.rects) if _bullet_sized(o)]
    if not shapes:
        return rows
    for row in rows:
        first = row.words[0]
        x0 = first.bbox[0]  # type: ignore[index]
        for o in shapes:
            mid = (float(o["top"]) + float(o["bottom"])) / 2
            if 0 <= x0 - float(o["x1"]) <= 30 and row.top <= mid <= row.bottom:
                mark = "\u2022" if o.get("fill") else "\u25e6"
                box = (float(o["x0"]), float(o["top"]), float(o["x1"]), float(o["bottom"]))
                row.words.insert(0, RawWord(mark, box, first.font, first.size, False))
                break
    return rows


def _bullet_sized(o: dict[str, Any]) -> bool:
    w, h = float(o["x1"]) - float(o["x0"]), float(o["bottom"]) - float(o["top"])
    return 1.5 <= w <= 8 and 1.5 <= h <= 8 and 0.5 <= w / h <= 2


def _overprinted(chars: Sequence[dict[str, Any]]) -> bool:
    """More than 5% of the characters are drawn twice at (nearly) the same place."""
    seen: set[tuple[str, int, int]] = set()
    dup = 0
    for c in chars:
        key = (c["text"], round(c["x0"]), round(c["top"]))
        dup += key in seen
        seen.add(key)
    return dup > 0.05 * len(chars)


def _cid_bullets(row: Row) -> Row:
    """Glyphs without a Unicode mapping come out as "(cid:N)": at the start of a line it is a
    bullet drawn from a symbol font; elsewhere it carries no text."""
    for i, w in enumerate(row.words):
        if "(cid:" in w.text:
            lead = i == 0 and w.text.startswith("(cid:")
            w.text = _CID.sub("", w.text).strip()
            if lead:
                w.text = f"\u2022 {w.text}".strip()
    return Row([w for w in row.words if w.text])


def group_rows(words: Sequence[RawWord]) -> list[Row]:
    """Words -> rows: a word joins the row whose vertical band holds its middle."""
    rows: list[Row] = []
    for w in sorted(words, key=lambda w: (w.bbox[1], w.bbox[0])):  # type: ignore[index]
        top, bottom = w.bbox[1], w.bbox[3]  # type: ignore[index]
        mid = (top + bottom) / 2
        row = rows[-1] if rows else None
        if row is not None and row.top <= mid <= row.bottom:
            row.words.append(w)
        else:
            rows.append(Row([w]))
    for row in rows:
        row.words.sort(key=lambda w: w.bbox[0])  # type: ignore[index]
    return rows


def letterhead_columns(rows: list[Row], width: float, height: float = 0.0) -> list[Row]:
    """Read a two-column band near the top of the page column by column.

    The band starts at one of the first rows (a small running header may sit above it) and grows
    row by row while one vertical gutter (>= MIN_GUTTER wide, in the middle 80% of the page)
    stays free of words and no tall blank space intervenes.  It is read as two columns when it
    has at least two rows, words on both sides of the gutter, and at least two rows with words
    right of it (so a single "name ... date" row is not enough).  A letterhead sits in the top
    third of the page, before any "Dear ..." line: a table further down is left alone."""
    for s in range(min(3, len(rows))):
        if _SALUTATION.match(_row_text(rows[s])):
            break
        band = _band(rows[s:], width)
        if band is not None and (not height or rows[s + band[0] - 1].bottom <= height / 3):
            k, x = band
            head, body, tail = rows[:s], rows[s:s + k], rows[s + k:]
            words = [w for r in body for w in r.words]
            # Regroup each side on its own: lines of different heights beside each other
            # (a 16 pt name next to 9 pt contact lines) must not share rows.
            left = group_rows([w for w in words if w.bbox[2] <= x])  # type: ignore[index]
            right = group_rows([w for w in words if w.bbox[0] >= x])  # type: ignore[index]
            return head + left + right + tail
    return rows


def _row_text(row: Row) -> str:
    return " ".join(w.text for w in row.words)


def _band(rows: list[Row], width: float) -> tuple[int, float] | None:
    best: tuple[int, float] | None = None
    for k in range(2, len(rows) + 1):
        if (rows[k - 1].top - rows[k - 2].bottom) / rows[k - 2].height > BIG_GAP:
            break
        gutter = find_gutter(rows[:k], width)
        if gutter is None or _SALUTATION.match(_row_text(rows[k - 1])):
            break
        sides = [_sides(r, gutter) for r in rows[:k]]
        if any(a for a, _ in sides) and sum(1 for _, b in sides if b) >= 2:
            # The band ends with the right column (and the left lines set close under it):
            # rows further down (date, address) keep their order.
            end = max(i for i, (_, b) in enumerate(sides) if b) + 1
            while end < k and not sides[end][1] and (rows[end].top - rows[end - 1].bottom) < rows[end - 1].height:
                end += 1
            best = (end, gutter)
    return best


def find_gutter(rows: Sequence[Row], width: float) -> float | None:
    """The middle x of the widest word-free vertical strip across these rows, if any."""
    spans = sorted((w.bbox[0], w.bbox[2]) for r in rows for w in r.words if w.bbox)
    best: tuple[float, float] | None = None
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= MIN_GUTTER:
            mid = (x0 + reach) / 2
            if 0.1 * width <= mid <= 0.9 * width and (best is None or x0 - reach > best[0]):
                best = (x0 - reach, mid)
        reach = max(reach, x1)
    return best[1] if best else None


def _sides(row: Row, x: float) -> tuple[bool, bool]:
    return (any(w.bbox[2] <= x for w in row.words if w.bbox),
            any(w.bbox[0] >= x for w in row.words if w.bbox))


def _add_rows(builder: DocumentBuilder, number: int, rows: Sequence[Row]) -> None:
    prev: Row | None = None
    for row in rows:
        if prev is None:
            gap = 0.0
        elif row.top < prev.bottom - prev.height / 2:  # up or beside: the next column of a band
            gap = COLUMN_BREAK_GAP
        else:
            gap = max(0.0, (row.top - prev.bottom) / prev.height)
        builder.add_words(number, row.words, gap_before=gap)
        prev = row


def _ocr_rows(data: bytes, number: int, name: str, limits: Limits, deadline: Deadline) -> list[Row]:
    if not limits.ocr:
        return []
    from analyzer.ingest import ocr

    rows = [Row(words) for words in ocr.page_lines(data, number, name, limits, deadline)]
    return sorted(rows, key=lambda r: r.top)
