"""DOCX letters via python-docx.

Choices (documented for the stages that read the result):

* One ``Line`` per paragraph, or per soft line break inside it.  A new paragraph gets
  ``gap_before`` 1.0 plus 1.0 per empty paragraph skipped; a soft break gets 0.0.
* List paragraphs (numbering set on the paragraph or its style) start with the marker Word
  would draw: "•" for bullets, "1." / "a)" / "iv." etc. from the level's format, counted here.
* A table row is one line: cell texts separated by " | " (merged cells once).
* Text boxes (a common home for a template's letterhead) are read, each of their paragraphs a
  line placed before the paragraph that anchors the box.
* The header Word draws on page 1 (the first-page header, else the default header) is read as
  the first lines of page 1: templates put the letterhead there.  Other headers and all footers
  are not body text: they stay out of ``Document.text``; every header/footer text is listed in
  ``meta["headers"]`` / ``meta["footers"]``.
* Pages follow explicit page breaks and section breaks (Word's own pagination is not known).
* Safety: member sizes are checked before anything is decompressed (zip bombs), and XML with
  DTD/entity declarations is refused (python-docx also parses with ``resolve_entities=False``).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from analyzer.ingest.build import DocumentBuilder, RawWord
from analyzer.ingest.limits import Deadline, Limits
from analyzer.types import Document, InputError

EMU_PER_PT = 12700
DEFAULT_SIZE = 11.0
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check_zip(data: bytes, name: str, limits: Limits) -> None:
    """Refuse zip bombs and entity tricks before python-docx decompresses anything."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        total = 0
        for info in zf.infolist():
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if total > limits.max_unzipped_bytes or (info.file_size > 1_000_000 and ratio > limits.max_zip_ratio):
                raise InputError("too_large", f"{name}: the DOCX expands to more than "
                                 f"{limits.max_unzipped_bytes / 1048576:.0f} MB (a zip bomb?); refused.")
        for member in zf.namelist():
            if member.endswith(".xml") or member.endswith(".rels"):
                with zf.open(member) as fh:
                    head = fh.read(4096)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise InputError("corrupt", f"{name}: the DOCX declares XML entities ({member}); "
                                     "refused for safety.")


def read_docx(data: bytes, name: str, limits: Limits, deadline: Deadline) -> Document:
    import docx

    check_zip(data, name, limits)
    document = docx.Document(io.BytesIO(data))
    sec = document.sections[0] if document.sections else None
    width = (sec.page_width or 0) / EMU_PER_PT if sec else 0.0
    height = (sec.page_height or 0) / EMU_PER_PT if sec else 0.0
    walker = _Walker(document, limits, name)
    builder = DocumentBuilder(name, limits.max_text_chars)
    page, gap = 1, 0.0
    for kind, payload in walker.items():
        deadline.check(f"page {page}")
        if kind == "page":
            builder.end_page(page, width, height)
            page += 1
            if page > limits.max_pages:
                raise InputError("too_many_pages", f"{name}: more than {limits.max_pages} pages; "
                                 f"the limit is {limits.max_pages}.")
            continue
        if not payload:  # an empty paragraph: vertical space
            gap += 1.0
            continue
        for i, words in enumerate(payload):
            if builder.add_words(page, words, gap_before=(1.0 + gap) if i == 0 else 0.0):
                gap = 0.0
    builder.end_page(page, width, height)
    if not builder.has_text:
        raise InputError("empty", f"{name}: the DOCX holds no text.")
    meta: dict[str, Any] = {"pages": page, **_furniture(document)}
    return builder.document(name, "docx", meta)


@dataclass
class _Walker:
    """Paragraphs and table rows in document order as lines of words; "page" at page breaks."""

    document: Any
    limits: Limits
    name: str
    numbering: dict[str, dict[int, tuple[str, str, int]]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.numbering = _numbering(self.document)

    def items(self) -> Iterator[tuple[str, list[list[RawWord]]]]:
        header = first_page_header(self.document)
        if header is not None:
            yield from self._blocks(header, pages=False)
        yield from self._blocks(self.document, pages=True)

    def _blocks(self, container: Any, pages: bool) -> Iterator[tuple[str, list[list[RawWord]]]]:
        from docx.table import Table

        for block in _body_items(container):
            if isinstance(block, Table):
                for row in block.rows:
                    words = _row_words(row)
                    yield "line", [words] if words else []
                continue
            if pages and _page_break_before(block):
                yield "page", []
            boxes = _text_box_lines(block)
            if boxes:
                yield "line", boxes
            lines, breaks = self._paragraph(block)
            yield "line", lines
            for _ in range(breaks if pages else 0):
                yield "page", []

    def _paragraph(self, para: Any) -> tuple[list[list[RawWord]], int]:
        runs = _runs(para)
        text = "".join(t for t, _ in runs)
        breaks = sum(1 for br in para._p.iter(f"{_W}br") if br.get(f"{_W}type") == "page")
        breaks += 1 if para._p.find(f"{_W}pPr/{_W}sectPr") is not None else 0
        if not text.strip():
            return [], breaks
        mark = self._marker(para)
        lines: list[list[RawWord]] = []
        for piece_start, piece in _split_keep(text, "\n"):
            words = _words(piece, piece_start, runs)
            if words:
                lines.append(words)
        if mark and lines:
            first = lines[0][0]
            lines[0].insert(0, RawWord(mark, font=first.font, size=first.size, bold=first.bold))
        return lines, breaks

    def _marker(self, para: Any) -> str | None:
        num = _num_pr(para)
        if num is None:
            return None
        num_id, ilvl = num
        levels = self.numbering.get(num_id)
        if not levels or ilvl not in levels:
            return "\u2022" if num_id != "0" and levels is None else None
        fmt, text, start = levels[ilvl]
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = 0
        if fmt == "bullet":
            return "\u2022"
        if fmt == "none":
            return None

        def level_value(m: re.Match[str]) -> str:
            lvl = int(m.group(1)) - 1
            lvl_fmt, _, lvl_start = levels.get(lvl, (fmt, text, start))
            return _format_number(max(counts[lvl], 1) + lvl_start - 1, lvl_fmt)

        return re.sub(r"%(\d)", level_value, text).strip() or None


def _body_items(container: Any) -> Iterator[Any]:
    """Paragraphs and tables in order, also inside block-level content controls (w:sdt), which
    python-docx's ``iter_inner_content`` skips."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    element = getattr(container, "element", None)
    element = getattr(container, "_element", element)
    if element is not None and element.tag.endswith("}document"):
        element = element.body

    def walk(node: Any) -> Iterator[Any]:
        for child in node:
            tag = str(child.tag)
            if tag == f"{_W}p":
                yield Paragraph(child, container)
            elif tag == f"{_W}tbl":
                yield Table(child, container)
            elif tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    yield from walk(content)

    yield from walk(element)


def _split_keep(text: str, sep: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for piece in text.split(sep):
        yield pos, piece
        pos += len(piece) + len(sep)


def _runs(para: Any) -> list[tuple[str, tuple[bool, float, str]]]:
    """(text, (bold, size, font)) per run, with style fallbacks for bold and size."""
    style_bold, style_size, style_font = _style_font(para.style)
    out = []
    for run in _all_runs(para):
        f = run.font
        bold = run.bold if run.bold is not None else style_bold
        size = f.size.pt if f.size is not None else style_size
        out.append((run.text, (bool(bold), float(size or DEFAULT_SIZE), f.name or style_font or "")))
    return out


_SKIP_UNDER = ("}txbxContent", "}del", "}Fallback", "}moveFrom")


def _all_runs(para: Any) -> list[Any]:
    """Every run Word shows in the paragraph: also those inside hyperlinks, content controls
    and tracked insertions (``para.runs`` has only the direct ones); not deleted text, and not
    text boxes (read separately)."""
    from docx.text.run import Run

    runs = []
    for r in para._p.iter(f"{_W}r"):
        ancestors = []
        for a in r.iterancestors():
            if a is para._p:
                break
            ancestors.append(str(a.tag))
        if not any(tag.endswith(_SKIP_UNDER) for tag in ancestors):
            runs.append(Run(r, para))
    return runs


def _style_font(style: Any) -> tuple[bool, float, str]:
    bold, size, font = None, None, None
    while style is not None and (bold is None or size is None or font is None):
        f = style.font
        bold = f.bold if bold is None else bold
        size = f.size.pt if size is None and f.size is not None else size
        font = f.name if font is None else font
        style = style.base_style
    return bool(bold), float(size or DEFAULT_SIZE), font or ""


def _words(piece: str, offset: int, runs: list[tuple[str, tuple[bool, float, str]]]) -> list[RawWord]:
    """Words of one line with the attributes of the run each starts in; a tab before a word is
    kept as its separator so tab-aligned columns survive as cells."""
    bounds, pos = [], 0
    for text, attrs in runs:
        bounds.append((pos, pos + len(text), attrs))
        pos += len(text)
    words, last_end = [], 0
    for m in re.finditer(r"\S+", piece):
        at = offset + m.start()
        bold, size, font = next((a for s, e, a in bounds if s <= at < e), (False, DEFAULT_SIZE, ""))
        sep = "\t" if "\t" in piece[last_end:m.start()] else " "
        words.append(RawWord(m.group(), font=font, size=size, bold=bold, sep=sep))
        last_end = m.end()
    return words


def _row_words(row: Any) -> list[RawWord]:
    words: list[RawWord] = []
    seen: set[int] = set()
    for cell in row.cells:
        if id(cell._tc) in seen:  # a merged cell repeats in row.cells
            continue
        seen.add(id(cell._tc))
        text = " ".join(p.text for p in cell.paragraphs).split()
        for i, w in enumerate(text):
            words.append(RawWord(w, size=DEFAULT_SIZE, bold=False, sep=" | " if i == 0 and words else " "))
    return words


def _text_box_lines(para: Any) -> list[list[RawWord]]:
    """Paragraphs inside text boxes anchored in this paragraph (templates often put the
    letterhead in one); python-docx does not read them.  Word stores each box twice (a modern
    copy and an ``mc:Fallback`` VML copy): the fallback is skipped."""
    lines: list[list[RawWord]] = []
    for box in para._p.iter(f"{_W}txbxContent"):
        if any(str(a.tag).endswith("}Fallback") for a in box.iterancestors()):
            continue
        for p in box.iter(f"{_W}p"):
            text = "".join(t.text or "" for t in p.iter(f"{_W}t"))
            bold = p.find(f".//{_W}rPr/{_W}b") is not None
            words = [RawWord(w, size=DEFAULT_SIZE, bold=bold) for w in text.split()]
            if words:
                lines.append(words)
    return lines


def _page_break_before(para: Any) -> bool:
    try:
        return bool(para.paragraph_format.page_break_before)
    except Exception:  # noqa: BLE001 - an odd style chain is not worth failing the letter
        return False


def _num_pr(para: Any) -> tuple[str, int] | None:
    """(numId, ilvl) from the paragraph, else from its style chain."""
    ppr = para._p.pPr
    candidates = [ppr] if ppr is not None else []
    style = para.style
    while style is not None:
        candidates.append(style.element.pPr)
        style = style.base_style
    for p in candidates:
        if p is None:
            continue
        num = p.find(f"{_W}numPr")
        if num is not None:
            nid = num.find(f"{_W}numId")
            lvl = num.find(f"{_W}ilvl")
            if nid is not None:
                ilvl = int(lvl.get(f"{_W}val", "0")) if lvl is not None else 0
                return nid.get(f"{_W}val", "0"), min(max(ilvl, 0), 8)
    return None


def _numbering(document: Any) -> dict[str, dict[int, tuple[str, str, int]]]:
    """numId -> level -> (numFmt, lvlText, start) from numbering.xml."""
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
    for a in root.findall(f"{_W}abstractNum"):
        levels = {}
        for lvl in a.findall(f"{_W}lvl"):
            fmt = lvl.find(f"{_W}numFmt")
            text = lvl.find(f"{_W}lvlText")
            start = lvl.find(f"{_W}start")
            levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                text.get(f"{_W}val", "") if text is not None else "",
                int(start.get(f"{_W}val", "1")) if start is not None else 1,
            )
        abstract[a.get(f"{_W}abstractNumId", "")] = levels
    out = {}
    for num in root.findall(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        if ref is not None:
            out[num.get(f"{_W}numId", "")] = abstract.get(ref.get(f"{_W}val", ""), {})
    return out


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s.upper() if fmt == "upperRoman" else s
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                       (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += sym
            n -= value
    return out


def first_page_header(document: Any) -> Any | None:
    """The header Word draws on page 1 (the first-page header when the section has one)."""
    if not document.sections:
        return None
    sec = document.sections[0]
    try:
        header = sec.first_page_header if sec.different_first_page_header_footer else sec.header
        return None if header.is_linked_to_previous else header
    except Exception:  # noqa: BLE001 - a damaged header part is not worth failing the letter
        return None


def _furniture(document: Any) -> dict[str, list[str]]:
    headers: list[str] = []
    footers: list[str] = []
    for sec in document.sections:
        parts = [(sec.header, headers), (sec.first_page_header, headers), (sec.even_page_header, headers),
                 (sec.footer, footers), (sec.first_page_footer, footers), (sec.even_page_footer, footers)]
        for part, out in parts:
            try:
                text = " ".join(p.text for p in part.paragraphs).strip()
            except Exception:  # noqa: BLE001 - a damaged header is not worth failing the letter
                continue
            if text and text not in out:
                out.append(text)
    return {"headers": headers, "footers": footers}
