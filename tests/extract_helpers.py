"""Hand-built layouts for extraction tests: blocks of lines, without ingest or segment."""

from __future__ import annotations

from analyzer.types import Block, Document, Layout, Line, Page, Section


def layout(*blocks: tuple, source: str = "letter.txt") -> Layout:
    """``layout(("paragraph", "Some text\\nwrapped"), ("list_item", "Do X", "•"), ...)``.

    Each tuple is (kind, text[, marker[, cells]]); a text's lines become Document lines, and a
    "furniture:<kind>" kind puts the block in ``Layout.furniture``.
    """
    text_parts: list[str] = []
    lines_all: list[Line] = []
    body: list[Block] = []
    furniture: list[Block] = []
    pos = 0
    page = 1
    for spec in blocks:
        kind, raw = spec[0], spec[1]
        if kind == "pagebreak":
            page += 1
            continue
        marker = spec[2] if len(spec) > 2 else None
        cells = tuple(spec[3]) if len(spec) > 3 else ()
        lines = []
        for ln in raw.split("\n"):
            line = Line(page=page, text=ln, start=pos, end=pos + len(ln))
            text_parts.append(ln + "\n")
            pos += len(ln) + 1
            lines.append(line)
        lines_all += lines
        clean_text = " ".join(ln.text.strip() for ln in lines)
        if marker and clean_text.startswith(marker):
            clean_text = clean_text[len(marker):].strip()
        block_kind = kind.split(":", 1)[-1]
        block = Block(kind=block_kind, text=clean_text, start=lines[0].start, end=lines[-1].end, page=page,
                      lines=tuple(lines), marker=marker, cells=cells)
        (furniture if kind.startswith("furniture:") else body).append(block)
    pages = tuple(Page(number=n, width=612, height=792, lines=tuple(ln for ln in lines_all if ln.page == n))
                  for n in range(1, page + 1))
    doc = Document(source=source, kind="text", text="".join(text_parts), pages=pages)
    return Layout(document=doc, blocks=tuple(body), sections=(Section(None, tuple(body)),),
                  furniture=tuple(furniture))
