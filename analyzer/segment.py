"""Segmentation: a :class:`Document`'s lines -> blocks with roles (:class:`Layout`).

Three passes, each a small function:

1. ``furniture``: running headers/footers (the same text at the top or bottom of several pages,
   digits ignored), page numbers ("Page 2 of 3", a lone "2"), small print set apart at a page
   edge (PDF) and rule lines ("-----") leave the body, so a page break can never put a footer
   inside a duty.  Page 1's top line stays letterhead when it is set larger than the body.
2. ``group``: body lines become blocks.  A new block starts at a blank gap, a list marker, a
   heading-like line, a date/subject/salutation/closing/notation line, a "Label: value" line
   after another, a table row, or after a short line that ends a sentence.  A list item keeps
   its wrapped lines (indented, starting lowercase, or following a line that ran to the right
   margin), also across a page break.  Table rows come from aligned column gaps (PDF), tabs,
   " | " or 3+ spaces (DOCX/text); a wrapped cell stays in its row, even when the wrapped part
   looks like a heading (capitals) while the cell has not ended a sentence.
3. ``classify``: the front matter (before "Dear ...") splits into letterhead / date / addressee /
   subject / other (notations such as "Private & Confidential"); from the closing ("Sincerely,",
   also bilingual "Cordialement / Sincerely,") the signature runs over the name, title, company
   and acceptance lines ("Accepted and agreed", "Signature: ____") and ends where new content
   starts: a schedule/appendix or known heading, or after a page break a heading with content,
   a list, a table or a full paragraph; a later acceptance block is a signature again.  A
   wrapped subject line keeps its second line.  The body is headings (bold, larger, ALL CAPS, trailing colon, known words, a
   bold "1. Summary of Duties", Title Case or "# Duties" in plain text), list items, table rows,
   paragraphs.
   Sections group blocks under the preceding heading.

``Block.text`` is the reading text: lines joined, list marker removed (kept in ``marker``), and
for table rows the cells joined by " | " (by a space after a "Label:" cell; ``cells`` has them).
Word lists and phrases (headings, salutations, closings, notations, abbreviations, hyphenated
prefixes) live in ``analyzer/data/headings.json``.

Hyphenation repair in ``Block.text``: a line ending "word-" followed by a line starting in
lowercase is joined without the hyphen ("manage-" + "ment" -> "management") unless the part before
the hyphen is in ``hyphen_keep_prefixes`` ("cross-" + "functional" -> "cross-functional"); a
continuation starting in uppercase keeps the hyphen ("Toronto-" + "Based").
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from analyzer.types import Block, BlockKind, Document, Layout, Line, Section, Word

BLANK = 0.8  # gap_before (in line heights) that counts as a blank line
TOP_ZONE = 3  # lines at the top/bottom of a page that may be running headers/footers
BOTTOM_ZONE = 3
FULL_LINE = 0.85  # a line this close to the right margin was wrapped, not ended
MARGIN_NOTE_POINTS = 1.5  # how much smaller than the body a margin note is set
MARGIN_NOTE_GAP = 2.0  # and how far (line heights) it stands from the body
SPLIT_FACTOR = 2.0  # a column gap is at least this many times the line's narrowest word space
TXT_CHAR_WIDTH = 5.0  # pseudo points per leading space in plain text (indentation)

MARKER = re.compile(
    r"^\s*(?P<m>[\u2022\u00b7\u25e6\u25aa\u25ab\u25cf\u25cb\u25a0\u25a1\u27a2\u25ba\u25b8\u2023\u2043\u2219"
    r"\u2013\u2014*\-]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\([A-Z]\)|\(?[ivx]{1,5}[.)])(?=\s)\s*(?=\S)"
)
PAGE_NUMBER = re.compile(r"^[-\u2013\s]*(?:page\s*)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?[-\u2013\s]*$", re.I)
PAGE_OF = re.compile(r"\bpage\s+\d{1,3}\s+(?:of|/)\s+\d{1,3}\b", re.I)
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
           # French and Spanish month names: bilingual letters date themselves in both languages
           r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|"
           r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\.?")
DATE_LINE = re.compile(
    rf"^(?:date[:\s]+|le\s+|[A-Z][\w .'-]{{1,30}},\s+(?:le\s+)?)?(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:de\s+)?{_MONTHS},?\s+(?:de\s+)?\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})\.?$",
    re.I,
)
LABEL = re.compile(r"^\s*[A-Z][\w'/()&.-]*(?:\s+[\w'/()&.-]+){0,4}\s*:\s+\S")  # "Start Date: May 4"
PERCENT_CELL = re.compile(r"^\s*\d{1,3}(?:\.\d+)?\s*%\s*$")
TXT_CELLS = re.compile(r"\t+|\s+\|\s+|(?<=\S)\s{3,}(?=\S)")
TERMINAL = (".", "!", "?", ":", ";")
_DATE_PARTS = re.compile(r"\s+[/|]\s+")
_SLASH_PARTS = re.compile(r"\s*[/|]\s*")
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_SUBJECT = re.compile(r"^\s*([A-Za-z]{2,9})\s*[:.]\s*\S")
# The line tests below depend on a line's text only, and _breaks asks them of each line twice
# (as the new line, then as the line before the next): their answers are kept for recent texts.
_LINE_CACHE = 4096
MD_HEADING = re.compile(r"^#{1,6}\s+\S")
_HYPHEN_END = re.compile(r"([A-Za-z]+)-$")
RULE_LINE = re.compile(r"^\s*[-=_*~.\u2013\u2014\u2500\u2501\u00b7\s]{3,}$")  # "-----" drawn as text


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    raw = json.loads((Path(__file__).parent / "data" / "headings.json").read_text(encoding="utf-8"))
    return {k: set(v) if isinstance(v, list) else v for k, v in raw.items()}


@lru_cache(maxsize=1)
def _closing_formulas() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(f) for f in _data().get("closing_formulas", ()))


@lru_cache(maxsize=_LINE_CACHE)
def is_date_line(text: str) -> bool:
    """A date alone on its line, also written twice ("le 5 mars 2027 / March 5, 2027")."""
    parts = [p for p in _DATE_PARTS.split(text.strip()) if p]
    return bool(parts) and len(parts) <= 3 and all(DATE_LINE.match(p) for p in parts)


def _key(text: str) -> str:
    return _SPACES.sub(" ", text.strip().strip(":.-\u2013 ").lower())


# ---------------------------------------------------------------- line features

@dataclass
class Stats:
    """Document-wide measures the line tests compare against."""

    body_size: float
    body_bold: bool
    right: dict[int, float]  # page -> right edge of the text (points, or characters for text)
    left: dict[int, float]
    kind: str = "pdf"
    splits: dict[int, tuple[int, ...]] = field(default_factory=dict)  # see column_splits


def _stats(lines: Sequence[Line], kind: str = "pdf") -> Stats:
    bold = 0
    right: dict[int, float] = {}
    left: dict[int, float] = {}
    for ln in lines:
        bold += len(ln.text) if ln.bold else -len(ln.text)
        right[ln.page] = max(right.get(ln.page, 0.0), _x1(ln))
        left[ln.page] = min(left.get(ln.page, 1e9), _x0(ln))
    return Stats(_body_size(lines), bold > 0, right, left, kind, column_splits(lines))


def _body_size(lines: Sequence[Line]) -> float:
    """The font size most characters are set in."""
    sizes: Counter[float] = Counter()
    for ln in lines:
        sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _x0(ln: Line) -> float:
    if ln.bbox:
        return ln.bbox[0]
    return (len(ln.text) - len(ln.text.lstrip())) * TXT_CHAR_WIDTH


def _x1(ln: Line) -> float:
    return ln.bbox[2] if ln.bbox else len(ln.text) * TXT_CHAR_WIDTH


def marker(ln: Line) -> str | None:
    m = MARKER.match(ln.text)
    return m.group("m") if m else None


def ends_sentence(ln: Line) -> bool:
    text = ln.text.rstrip()
    if not text.endswith(TERMINAL):
        return False
    last = text.split()[-1].lower()
    return last not in _data()["abbreviations"]


def is_label(ln: Line) -> bool:
    return bool(LABEL.match(ln.text)) and not is_subject(ln)


def is_full(ln: Line, st: Stats) -> bool:
    """The line ran to (near) the right edge: it was wrapped there, the sentence goes on."""
    left, right = st.left.get(ln.page, 0.0), st.right.get(ln.page, 0.0)
    return right > left and (_x1(ln) - left) >= FULL_LINE * (right - left)


def heading_like(ln: Line, st: Stats) -> bool:
    text = ln.text.strip()
    m = MARKER.match(ln.text)
    if m:  # "1. Summary of Duties" in bold is a numbered heading; a bullet never is
        if not any(c.isalnum() for c in m.group("m")):
            return False
        text = ln.text[m.end():].strip()
        if text.endswith(TERMINAL) or len(text.split()) > 8:
            return False
    if MD_HEADING.match(text) and len(text) <= 100:
        return True  # "# Duties" in a text or Markdown letter
    words = text.split()
    if not text or len(words) > 10 or len(text) > 80 or text[:1].islower():
        return False  # a line starting in lowercase continues something: never a heading
    if _key(text) in _data()["headings"]:
        return True
    if m:
        letters = [c for c in text if c.isalpha()]
        return bool((ln.bold and not st.body_bold) or (st.body_size and ln.size >= st.body_size + 1.5)
                    or (len(letters) >= 4 and all(c.isupper() for c in letters)))
    if text.endswith((".", ",", ";")) or is_date_line(text) or PAGE_NUMBER.match(text):
        return False
    if LABEL.match(text):  # "Start Date: May 4, 2027" is a labelled value, not a heading
        return False
    if st.body_size and ln.size >= st.body_size + 1.5:
        return True
    if ln.bold and not st.body_bold:
        return True
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):
        return True
    return text.endswith(":") and len(words) <= 6


def title_heading(ln: Line, prev: Line | None, st: Stats) -> bool:
    """Plain-text headings carry no font: a short Title Case line at the left margin, with no
    digits or end punctuation, after a line that did not run on ("Compensation and Hours")."""
    text = ln.text.strip()
    words = text.split()
    if not 1 <= len(words) <= 7 or text.endswith(TERMINAL + (",",)) or any(c.isdigit() for c in text):
        return False
    if marker(ln) or LABEL.match(text) or _x0(ln) > st.left.get(ln.page, 0.0) + 2:
        return False
    if prev is not None and is_full(prev, st):
        return False
    significant = [w for w in words if len(w) >= 4 or w[:1].isupper()]
    return bool(significant) and all(w[:1].isupper() for w in significant) and words[0][:1].isupper()


def _starts_with(text: str, phrases: set[str]) -> bool:
    low = text.strip().lower()
    return any(low == p or low.startswith(p + " ") or low.startswith(p + ",") for p in phrases)


def is_salutation(ln: Line) -> bool:
    return _salutation_text(ln.text)


@lru_cache(maxsize=_LINE_CACHE)
def _salutation_text(text: str) -> bool:
    return len(text.split()) <= 12 and _starts_with(text, _data()["salutations"])


def is_closing(ln: Line) -> bool:
    """A valediction line; a bilingual one ("Cordialement / Sincerely,") counts when one of its
    slash-separated parts is a valediction and every part is short."""
    return _closing_text(ln.text)


@lru_cache(maxsize=_LINE_CACHE)
def _closing_text(text: str) -> bool:
    parts = [_key(p.rstrip(" ,")) for p in _SLASH_PARTS.split(text.strip().rstrip(","))]
    parts = [p for p in parts if p]
    low = text.strip().lower()
    if len(low) <= 200 and any(f.search(low) for f in _closing_formulas()):
        return True  # "Veuillez agréer, Docteure, l'expression de nos sentiments distingués."
    if len(parts) == 1:
        return parts[0] in _data()["closings"]
    return 1 < len(parts) <= 3 and all(len(p.split()) <= 5 for p in parts) and any(
        p in _data()["closings"] for p in parts)


def is_notation(ln: Line) -> bool:
    return _notation_text(ln.text)


@lru_cache(maxsize=_LINE_CACHE)
def _notation_text(text: str) -> bool:
    return _key(text) in _data()["notations"]


def is_subject(ln: Line) -> bool:
    return _subject_text(ln.text)


@lru_cache(maxsize=_LINE_CACHE)
def _subject_text(text: str) -> bool:
    m = _SUBJECT.match(text)
    return bool(m and m.group(1).lower() in _data()["subject_labels"])


def column_splits(lines: Sequence[Line]) -> dict[int, tuple[int, ...]]:
    """PDF table columns: line start -> indexes of the words that start a new cell.

    A gap must be twice the line's narrowest word space (justified lines stretch all spaces
    alike).  A gap of two font sizes then separates cells.  A smaller gap (half a font size,
    about two spaces) does when the word after it lines up (left or right edge) with a cell on a nearby
    line of the same page: columns line up, prose does not."""
    strong: dict[int, list[int]] = {}
    weak: dict[int, list[int]] = {}
    for ln in lines:
        if not (ln.words and ln.words[0].bbox):
            continue
        gaps = [b.bbox[0] - a.bbox[2] for a, b in zip(ln.words, ln.words[1:], strict=False)]  # type: ignore[index]
        # The line's own word space: justified text stretches every space alike, so only a gap
        # twice the narrowest one can be a column boundary.
        space = min(gaps) if len(gaps) > 1 else 0.3 * (ln.words[0].size or 10.0)
        for i, gap in enumerate(gaps, start=1):
            size = ln.words[i].size or 10.0
            # A share of time ending a line may follow a justified (stretched) cell text: it
            # still needs to line up with a column nearby (weak), but not to beat the spaces.
            last_pct = i == len(gaps) and PERCENT_CELL.match(ln.words[i].text)
            if gap < SPLIT_FACTOR * max(space, 0.5) and not last_pct:
                continue
            if gap >= max(2.0 * size, 15.0):
                strong.setdefault(ln.start, []).append(i)
            elif gap >= max(0.5 * size, 4.0):
                weak.setdefault(ln.start, []).append(i)
    out: dict[int, tuple[int, ...]] = {}
    for n, ln in enumerate(lines):
        picked = list(strong.get(ln.start, ()))
        candidates = weak.get(ln.start, ())
        near = [o for o in lines[max(0, n - 8):n + 9] if o is not ln and o.page == ln.page] if candidates else []
        for i in candidates:
            box = ln.words[i].bbox
            if any(_aligned(o, box, strong) for o in near) or sum(_aligned(o, box, weak) for o in near) >= 2:
                picked.append(i)
        if picked:
            out[ln.start] = tuple(sorted(picked))
    return out


def _aligned(ln: Line, box: Any, splits: dict[int, list[int]]) -> bool:
    """A cell of ``ln`` starts at the same x as ``box`` (left-aligned column) or its first word
    ends at the same x (right-aligned numbers)."""
    for i in splits.get(ln.start, ()):
        other = ln.words[i].bbox
        if other and (abs(other[0] - box[0]) <= 2.0 or abs(other[2] - box[2]) <= 2.0):
            return True
    return False


def _cell_words(ln: Line, st: Stats) -> list[list[Word]]:
    cuts = (0, *st.splits.get(ln.start, ()), len(ln.words))
    return [list(ln.words[a:b]) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def cells(ln: Line, st: Stats) -> list[str]:
    """Cell texts when the line has table columns (aligned gaps in a PDF, tabs / " | " / 3+
    spaces in DOCX and text); one cell otherwise."""
    if ln.words and ln.words[0].bbox:
        return [" ".join(w.text for w in group) for group in _cell_words(ln, st)]
    return [c.strip() for c in TXT_CELLS.split(ln.text.strip()) if c.strip()]


def _cell_starts(ln: Line, st: Stats) -> list[float]:
    """x position where each cell starts (points, or pseudo points for text)."""
    if ln.words and ln.words[0].bbox:
        return [group[0].bbox[0] for group in _cell_words(ln, st)]  # type: ignore[index]
    starts = [_x0(ln)]
    for m in TXT_CELLS.finditer(ln.text):
        if m.start() > len(ln.text) - len(ln.text.lstrip()):
            starts.append(m.end() * TXT_CHAR_WIDTH)
    return starts


# ---------------------------------------------------------------- pass 1: furniture

def _zones(lines: Sequence[Line]) -> tuple[tuple[str, Sequence[Line]], ...]:
    """The top and bottom lines of a page, never overlapping on a short page."""
    half = len(lines) // 2
    return ("top", lines[:min(TOP_ZONE, half)]), ("bottom", lines[max(len(lines) - BOTTOM_ZONE, half):])

def _furniture(doc: Document) -> dict[int, BlockKind]:
    """Line start offset -> header/footer/page_number for running furniture."""
    out: dict[int, BlockKind] = {ln.start: "other" for ln in doc.lines() if RULE_LINE.match(ln.text)}
    pages = [p for p in doc.pages if p.lines]
    seen: dict[tuple[str, str], set[int]] = {}
    where: dict[tuple[str, str], list[int]] = {}  # the line's place in its zone, on each page
    for page in pages:
        lines = page.lines
        for zone, zlines in _zones(lines):
            for i, ln in enumerate(zlines if zone == "top" else zlines[::-1]):
                text = ln.text.strip()
                if PAGE_NUMBER.match(text) or (PAGE_OF.search(text) and len(text.split()) <= 6):
                    out[ln.start] = "page_number"
                    continue
                key = (zone, _DIGITS.sub("#", _key(text)))
                seen.setdefault(key, set()).add(page.number)
                where.setdefault(key, []).append(i)
    body_size = _body_size(doc.lines())
    for page in pages:
        out.update(_margin_notes(page.lines, body_size, out))
    if len(pages) < 2:
        return out
    for page in pages:
        lines = page.lines
        for zone, zlines in _zones(lines):
            for ln in zlines:
                key = (zone, _DIGITS.sub("#", _key(ln.text)))
                if ln.start in out or len(seen.get(key, ())) < 2:
                    continue
                if max(where[key]) - min(where[key]) > 1:
                    continue  # the letterhead's name on page 1 and the signature's on a short last page
                    # are the same words at different places: a running header keeps its place
                if zone == "top" and page.number == 1 and ln.size > body_size:
                    continue  # a big company name repeated on every page is still page 1's letterhead
                out[ln.start] = "header" if zone == "top" else "footer"
    return out


def _margin_notes(lines: Sequence[Line], body_size: float, known: dict[int, BlockKind]) -> dict[int, BlockKind]:
    """Small print set apart at the very top or bottom of a page (a one-page letter has no
    repetition to go by): a line two points smaller than the body, with a tall gap between it and
    the body, is a header or footer.  Needs font sizes, so PDF only."""
    out: dict[int, BlockKind] = {}
    if not body_size or len(lines) < 3:
        return out
    small = [ln.size and ln.size <= body_size - MARGIN_NOTE_POINTS for ln in lines]
    if small[0] and not small[1] and lines[1].gap_before >= MARGIN_NOTE_GAP and lines[0].start not in known:
        out[lines[0].start] = "header"
    tail = len(lines)
    while tail > 1 and small[tail - 1] and lines[tail - 1].start not in known:
        tail -= 1
    if tail < len(lines) and len(lines) - tail <= BOTTOM_ZONE and lines[tail].gap_before >= MARGIN_NOTE_GAP:
        out.update({ln.start: "footer" for ln in lines[tail:]})
    return out


# ---------------------------------------------------------------- pass 2: grouping

@dataclass
class Draft:
    lines: list[Line]
    kind: BlockKind = "paragraph"
    marker: str | None = None
    cells: list[str] | None = None
    col_starts: list[float] | None = None


def _breaks(ln: Line, prev: Line, cur: Draft, st: Stats) -> bool:
    """Whether ``ln`` starts a new block after ``prev`` (the last line of ``cur``)."""
    new_page = ln.page != prev.page
    if (ln.gap_before >= BLANK and not new_page) or marker(ln):
        return True
    if cur.kind == "table_row":  # a wrapped cell (even in a bold header row) stays in its row
        return not _continues_row(ln, cur, st)
    if any(f(ln) for f in (is_salutation, is_closing, is_subject, is_notation)) or is_date_line(ln.text.strip()):
        return True
    if any(f(prev) for f in (is_salutation, is_closing, is_notation)) or is_date_line(prev.text.strip()):
        return True
    if is_subject(cur.lines[0]) and _continues_subject(ln, prev, st):
        return False  # "RE: Offer ..., Unit" + "4 North": one subject, not a heading
    if heading_like(ln, st) or heading_like(prev, st):
        return True
    if st.kind == "text" and (title_heading(ln, prev, st) or (len(cur.lines) == 1 and title_heading(prev, None, st)
                                                              and cur.kind == "paragraph")):
        return True
    if is_label(ln) and (is_label(prev) or ln.words[0].bold):
        return True  # a run of "Label: value" lines: one block each
    if st.kind == "docx" and not new_page:  # a soft line break inside one Word paragraph
        return len(cells(ln, st)) > 1
    if len(cells(ln, st)) > 1:
        return True
    lowered = ln.text.strip()[:1].islower()
    if cur.kind == "list_item":
        indented = _x0(ln) > _x0(cur.lines[0]) + 2
        return not (indented or lowered or is_full(prev, st))
    if is_label(cur.lines[0]) and not lowered and not is_full(prev, st):
        return True  # "Offer Number: A8738599" then a sentence: the label's value has ended
    if new_page:
        return not (lowered or not ends_sentence(prev))
    # A short line that ends a sentence ends its paragraph.
    return ends_sentence(prev) and not is_full(prev, st)


def _continues_subject(ln: Line, prev: Line, st: Stats) -> bool:
    """The subject line wrapped: same page and style, and the line before it ran to the right
    margin or stopped on a joining word or mark ("and", "–", ",")."""
    if ln.page != prev.page or ln.bold != prev.bold or abs(ln.size - prev.size) >= 0.5 or marker(ln):
        return False
    if ends_sentence(prev):
        return False
    last = prev.text.rstrip().split()[-1].lower()
    return is_full(prev, st) or last in _data()["joining_words"] or prev.text.rstrip().endswith((",", "-", "\u2013", "&"))


def _continues_row(ln: Line, cur: Draft, st: Stats) -> bool:
    """A wrapped table cell: one cell, aligned with a column of the row, small gap."""
    if ln.gap_before >= BLANK or len(cells(ln, st)) > 1 or not cur.col_starts:
        return False
    if heading_like(ln, st) and (_set_apart(ln, cur.lines[-1]) or _cell_done(cur)):
        return False  # an ALL-CAPS wrap ("ASME B31.3") of an unfinished cell is still the cell
    if st.kind == "text" and title_heading(ln, cur.lines[-1], st) and _cell_done(cur):
        return False
    x = _x0(ln)
    for i, start in enumerate(cur.col_starts):
        if abs(x - start) <= 3.0:
            if i > 0:
                return True
            first = (cur.cells or [""])[0]
            return ln.text.strip()[:1].islower() or not first.rstrip().endswith(TERMINAL)
    return False


def _set_apart(ln: Line, prev: Line) -> bool:
    """The line is styled unlike the one before it (bold after plain, or larger), or is a
    known heading word: a heading, not a wrapped piece of text."""
    return ((ln.bold and not prev.bold) or ln.size >= prev.size + 1.5
            or _key(MD_HEADING.sub("", ln.text)) in _data()["headings"])


def _cell_done(cur: Draft) -> bool:
    """Every cell of the row so far ends a sentence: a new line is no wrap of it."""
    return all(c.rstrip().endswith(TERMINAL) for c in (cur.cells or [""]) if c.strip())


def group(lines: Sequence[Line], st: Stats) -> list[Draft]:
    drafts: list[Draft] = []
    for ln in lines:
        cur = drafts[-1] if drafts else None
        if cur is not None and not _breaks(ln, cur.lines[-1], cur, st):
            cur.lines.append(ln)
            if cur.kind == "table_row" and cur.cells is not None and cur.col_starts:
                col = min(range(len(cur.col_starts)), key=lambda i: abs(cur.col_starts[i] - _x0(ln)))
                cur.cells[col] = f"{cur.cells[col]}\n{ln.text.strip()}"
            continue
        draft = Draft([ln])
        m = marker(ln)
        row = cells(ln, st)
        if m and heading_like(ln, st):
            draft.marker = m  # a numbered heading: classify() makes it a heading
        elif m:
            draft.kind, draft.marker = "list_item", m
        elif len(row) > 1:
            draft.kind, draft.cells, draft.col_starts = "table_row", row, _cell_starts(ln, st)
        drafts.append(draft)
    _settle_tables(drafts)
    return drafts


def _settle_tables(drafts: list[Draft]) -> None:
    """A multi-cell line is a table row when it has a percentage cell or a neighbouring row;
    otherwise (e.g. "Salary:    $95,000" alone) it stays a paragraph."""
    for i, d in enumerate(drafts):
        if d.kind != "table_row":
            continue
        near = [drafts[j] for j in (i - 1, i + 1) if 0 <= j < len(drafts)]
        pct = any(PERCENT_CELL.match(c) for c in d.cells or ())
        if not pct and not any(n.kind == "table_row" for n in near):
            d.kind, d.cells = "paragraph", None


# ---------------------------------------------------------------- pass 3: classification

def _front_end(drafts: list[Draft]) -> int:
    """Index of the salutation (the front matter is everything before it)."""
    for i, d in enumerate(drafts):
        if is_salutation(d.lines[0]):
            return i
    for i, d in enumerate(drafts):  # no "Dear": the front ends at the first real paragraph
        if d.kind != "paragraph" or len(" ".join(ln.text for ln in d.lines).split()) > 14:
            return i
    return 0


def _closing_by_shape(drafts: list[Draft], front: int, st: Stats) -> int | None:
    """A valediction not in the word list ("Un abrazo,"): the last short line ending in a comma
    that only short lines (name, title, company) or acceptance lines follow, up to the end or
    to a schedule (a heading or new page after it: see ``_signature_end``)."""
    past_body = False
    for i in range(len(drafts) - 1, front, -1):
        first = drafts[i].lines[0]
        words = first.text.split()
        if len(drafts[i].lines) == 1 and 1 <= len(words) <= 4 and first.text.rstrip().endswith(","):
            end = _signature_end(drafts, i, st)
            after = [ln for d in drafts[i + 1:end] if not is_acceptance(d) for ln in d.lines]
            # Once long lines were passed, they must lie in a part after the letter.
            apart = end == len(drafts) or is_attachment_heading(drafts[end].lines[0], st) or (
                drafts[end].lines[0].page != drafts[end - 1].lines[-1].page)
            if after and all(len(ln.text.split()) <= 8 for ln in after) and (apart or not past_body):
                return i
        past_body = past_body or len(words) > 8
    return None


def _text(d: Draft) -> str:
    return " ".join(ln.text.strip() for ln in d.lines)


def is_acceptance(d: Draft) -> bool:
    """Part of a sign-off: "Accepted and agreed:", "I accept ...", "Signature: ____", "Date:"."""
    text = _text(d)
    low = text.lstrip("#* ").lower()
    return "___" in text or "\u2026\u2026" in text or any(
        low.startswith(p) and (len(low) == len(p) or not (p[-1].isalpha() and low[len(p)].isalpha()))
        for p in _data()["acceptance_phrases"])


def is_attachment_heading(ln: Line, st: Stats) -> bool:
    """A heading that opens a part after the letter: "Schedule A", "Appendix 1 - Duties"."""
    text = MD_HEADING.sub("", ln.text.strip())
    first = text.split()[0].lower().rstrip(":.") if text.split() else ""
    if not (first in _data()["attachment_words"] or _key(text) in _data()["headings"]):
        return False
    if heading_like(ln, st) or (st.kind == "text" and title_heading(ln, None, st)):
        return True
    # "Schedule A: Job Description" has a label's shape; set in bold or larger it is a heading.
    short = len(text.split()) <= 10 and not text.endswith((".", ";", ","))
    return short and first in _data()["attachment_words"] and bool(
        (ln.bold and not st.body_bold) or (st.body_size and ln.size >= st.body_size + 1.5))


def _long(d: Draft) -> bool:
    return any(len(ln.text.split()) > 10 for ln in d.lines)


def _starts_content(drafts: list[Draft], i: int, st: Stats) -> bool:
    """Whether drafts[i], met inside a signature, opens new content instead: a schedule or
    known heading, or (after a page break) a heading, list, table or full paragraph."""
    d, first = drafts[i], drafts[i].lines[0]
    if is_attachment_heading(first, st):
        return True
    if first.page == drafts[i - 1].lines[-1].page:
        return d.kind in ("list_item", "table_row") and not is_acceptance(d)
    nxt = drafts[i + 1] if i + 1 < len(drafts) else None
    followed = nxt is not None and (nxt.kind in ("list_item", "table_row") or _long(nxt) or is_label(nxt.lines[0]))
    return (d.kind in ("list_item", "table_row") or _long(d) or is_label(first)
            or (heading_like(first, st) and followed))


def _signature_end(drafts: list[Draft], start: int, st: Stats) -> int:
    """Index after the signature that starts at ``start`` (the closing or an acceptance line):
    it ends where new content starts (see ``_starts_content``)."""
    i, listing = start + 1, False
    while i < len(drafts):
        d = drafts[i]
        # "Enclosures:" / "cc:" then a list on the same page: the list is the enclosures.
        in_list = listing and d.kind == "list_item" and d.lines[0].page == drafts[i - 1].lines[-1].page
        if not (in_list or is_acceptance(d) or not _starts_content(drafts, i, st)):
            break
        listing = in_list or (is_acceptance(d) and _text(d).endswith(":"))
        i += 1
    return i


def _signature_indexes(drafts: list[Draft], front: int, st: Stats) -> set[int]:
    """The signature blocks: from the closing to where new content starts; after such content
    (a schedule), a later closing or "Accepted and agreed" line starts another signature."""
    closing = next((i for i in range(front, len(drafts)) if is_closing(drafts[i].lines[0])), None)
    if closing is None:
        closing = _closing_by_shape(drafts, front, st)
    out: set[int] = set()
    while closing is not None:
        end = _signature_end(drafts, closing, st)
        out.update(range(closing, end))
        closing = next((i for i in range(end, len(drafts))
                        if is_closing(drafts[i].lines[0]) or (is_acceptance(drafts[i]) and not _long(drafts[i - 1]))),
                       None)
    return out


CONTACT = re.compile(r"\bwww\.|https?://|\b[\w-]+\.[a-z]{2,6}(?=$|[\s|/,;])|\b(?:tel|phone|fax)\b", re.I)


def classify(drafts: list[Draft], st: Stats) -> None:
    front = _front_end(drafts)
    date_at = next((i for i in range(front) if is_date_line(drafts[i].lines[0].text.strip())), None)
    for i, d in enumerate(drafts[:front]):
        first = d.lines[0]
        if i == date_at:
            d.kind = "date"
        elif is_notation(first):
            d.kind = "other"
        elif is_subject(first):
            d.kind = "subject"
        elif date_at is not None and i > date_at and heading_like(first, st) and len(d.lines) == 1:
            d.kind = "heading"
        elif (date_at is not None and i < date_at) or (date_at is None and i == 0 and first.page == 1):
            d.kind = "letterhead"
        elif date_at is None and drafts[i - 1].kind == "letterhead" and first.gap_before < BLANK \
                and CONTACT.search(first.text):
            d.kind = "letterhead"  # no date line: the company's web/phone/address line right under its name
        else:
            d.kind = "addressee"
    signed = _signature_indexes(drafts, front, st)
    for i, d in enumerate(drafts[front:], start=front):
        first = d.lines[0]
        if i in signed:
            d.kind = "signature"
        elif i == front and is_salutation(first):
            d.kind = "salutation"
        elif is_subject(first):
            d.kind = "subject"
        elif d.kind in ("list_item", "table_row"):
            continue
        elif len(d.lines) == 1 and (heading_like(first, st) or is_attachment_heading(first, st) or (
                st.kind == "text" and title_heading(first, drafts[i - 1].lines[-1] if i else None, st))):
            d.kind = "heading"
        elif is_date_line(first.text.strip()) and len(d.lines) == 1:
            d.kind = "date"
        else:
            d.kind = "paragraph"


def merge_addressee(drafts: list[Draft]) -> list[Draft]:
    """The recipient's name and address lines are one block even when written as separate
    paragraphs (DOCX) or split by a title-case line (text)."""
    out: list[Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if prev and d.kind == prev.kind == "addressee" and d.lines[0].page == prev.lines[-1].page:
            prev.lines.extend(d.lines)
        else:
            out.append(d)
    return out


# ---------------------------------------------------------------- text cleaning and output

def join_lines(texts: Sequence[str]) -> str:
    """Lines -> one reading text, repairing hyphenation at line ends (rule in the module doc).
    Pieces are collected in a list: growing one string would be quadratic on a huge block."""
    keep = _data()["hyphen_keep_prefixes"]
    pieces: list[str] = []
    for raw in texts:
        t = " ".join(raw.split())
        if not t:
            continue
        m = _HYPHEN_END.search(pieces[-1][-64:]) if pieces and pieces[-1].endswith("-") else None
        if not pieces:
            pieces.append(t)
        elif m and not pieces[-1].endswith("--") and t[:1].isalpha():
            if m.group(1).lower() in keep or t[:1].isupper():
                pieces.append(t)
            else:
                pieces[-1] = pieces[-1][:-1]
                pieces.append(t)
        else:
            pieces.append(" ")
            pieces.append(t)
    return "".join(pieces)


def _block(d: Draft) -> Block:
    texts = [ln.text for ln in d.lines]
    if d.marker:
        m = MARKER.match(texts[0])
        texts[0] = texts[0][m.end():] if m else texts[0]
    cell_texts: tuple[str, ...] = ()
    if d.kind == "table_row" and d.cells:
        cell_texts = tuple(join_lines(c.split("\n")) for c in d.cells)
        # "Start Date: | 2027-06-01" would read badly: a label cell joins its value with a space.
        text = (" " if cell_texts[0].endswith(":") else " | ").join(cell_texts)
    else:
        text = join_lines(texts)
        if d.kind in ("heading", "letterhead"):  # Markdown "# " is markup, not text
            text = re.sub(r"^#{1,6}\s+", "", text)
    return Block(kind=d.kind, text=text, start=d.lines[0].start, end=d.lines[-1].end,
                 page=d.lines[0].page, lines=tuple(d.lines),
                 marker=d.marker if d.kind in ("list_item", "heading") else None,
                 cells=cell_texts)


def sections(blocks: Sequence[Block]) -> tuple[Section, ...]:
    out: list[Section] = []
    heading: Block | None = None
    members: list[Block] = []
    for b in blocks:
        if b.kind == "heading":
            if heading is not None or members:
                out.append(Section(heading, tuple(members)))
            heading, members = b, []
        else:
            members.append(b)
    if heading is not None or members:
        out.append(Section(heading, tuple(members)))
    return tuple(out)


def segment(doc: Document) -> Layout:
    """Split a document into role-labelled blocks; furniture is set aside, never in the body."""
    furn = _furniture(doc)
    lines = doc.lines()
    body = [ln for ln in lines if ln.start not in furn]
    st = _stats(body, doc.kind)
    drafts = group(body, st)
    classify(drafts, st)
    blocks = tuple(_block(d) for d in merge_addressee(drafts))
    furniture = tuple(
        Block(kind=furn[ln.start], text=" ".join(ln.text.split()), start=ln.start, end=ln.end,
              page=ln.page, lines=(ln,))
        for ln in lines if ln.start in furn
    )
    return Layout(document=doc, blocks=blocks, sections=sections(blocks), furniture=furniture)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m analyzer.segment FILE``: print the blocks (a debugging aid)."""
    import sys

    from analyzer.ingest import read

    for path in argv if argv is not None else sys.argv[1:]:
        layout = segment(read(path))
        for b in layout.blocks:
            extra = f" {b.marker}" if b.marker else (f" {list(b.cells)}" if b.cells else "")
            print(f"p{b.page} {b.kind:<11}{extra} {b.text[:110]}")
        for b in layout.furniture:
            print(f"p{b.page} [{b.kind}] {b.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
