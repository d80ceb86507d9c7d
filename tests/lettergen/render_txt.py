"""Plain-text rendering: the letter as an e-mail body or a text export, pages split by form feeds."""

from __future__ import annotations

from pathlib import Path

from .model import Element, Letter
from .wrap import Breaker

WIDTH = 76
RIGHT_COLUMN = 46


def _para(letter: Letter, el: Element, brk: Breaker) -> list[str]:
    # Unwrapped paragraphs are one line each, as most mail clients save them; hyphenation noise
    # only touches duty text.
    if not (letter.wrap or letter.hyphenate):
        return [el.text]
    return brk(el.text, WIDTH, len, el.duty)


def _letterhead(letter: Letter, el: Element) -> list[str]:
    if letter.twocolumn:
        left = [el.text] + [""] * (len(el.lines) - 1)
        return [(lt.ljust(RIGHT_COLUMN) + rt).rstrip() for lt, rt in zip(left, el.lines, strict=True)] + [""]
    head = [el.text] if el.text else []
    return head + list(el.lines) + ["-" * 60, ""]


def _item(letter: Letter, el: Element, brk: Breaker) -> list[str]:
    lead = f"  {el.marker} "
    body = brk(el.text, WIDTH - len(lead), len) if (letter.wrap or letter.hyphenate) else [el.text]
    return [lead + body[0]] + [" " * len(lead) + ln for ln in body[1:]]


def _table(el: Element, brk: Breaker) -> list[str]:
    col = 58
    out = []
    for n, (duty, share) in enumerate(el.rows):
        cells = brk(duty, col, len, n > 0)
        out.append(f"{cells[0].ljust(col)}  {share}".rstrip())
        out += cells[1:]
        if n == 0:
            out.append("-" * (col + 12))
    return out + [""]


def _lines(letter: Letter, el: Element, brk: Breaker) -> list[str]:
    k = el.kind
    if k == "letterhead":
        return _letterhead(letter, el)
    if k == "label" and letter.label_column:
        label, _, value = el.text.partition(": ")
        return [f"{label + ':':<31}{value}"]
    if k in ("line", "subject", "label"):
        return [el.text, *el.lines] + ([""] if k != "label" else [])
    if k == "gap":
        return []
    if k == "heading":
        return [el.text]
    if k == "para":
        return _para(letter, el, brk) + [""]
    if k == "item":
        return _item(letter, el, brk)
    if k == "table":
        return _table(el, brk)
    if k == "signature":
        return ["", el.text, "", "", *el.lines, ""]
    raise ValueError(f"unknown element kind {k!r}")


def render(letter: Letter, path: Path) -> Path:
    pages: list[list[str]] = [[]]
    brk = Breaker(letter.hyphenate)
    for el in letter.elements:
        if el.kind == "break":
            if el.page == 0 or len(pages) < el.page:
                pages.append([])
            continue
        if el.kind == "heading" and pages[-1] and pages[-1][-1] != "":
            pages[-1].append("")
        pages[-1] += _lines(letter, el, brk)
    total = len(pages)
    chunks = []
    for n, lines in enumerate(pages, 1):
        if letter.running:
            lines = [letter.footer_text.rjust(WIDTH), "", *lines, "", f"Page {n} of {total}".center(WIDTH).rstrip()]
        chunks.append("\n".join(lines).rstrip("\n") + "\n")
    path.write_text("\f".join(chunks), encoding="utf-8")
    return path
