"""PDF rendering with reportlab's canvas and our own line layout (so page breaks, hyphenation and
running headers/footers happen exactly where the spec asks)."""

from __future__ import annotations

import glob
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from .model import Element, Letter
from .wrap import Breaker, wrap

W, H = LETTER
LEFT, RIGHT, TOP, BOTTOM = 72.0, 72.0, 66.0, 80.0
SIZE = 10.5
LH = SIZE * 1.45
REGULAR, BOLD = "Vera", "Vera-Bold"


@cache
def fonts() -> tuple[str, str]:
    """Register Bitstream Vera (bundled with reportlab, so every machine renders the same bytes;
    it has the ﬁ/ﬂ ligature, smart-quote and bullet glyphs the noise needs)."""
    folder = Path(reportlab.__file__).parent / "fonts"
    pdfmetrics.registerFont(TTFont(REGULAR, str(folder / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "VeraBd.ttf")))
    return REGULAR, BOLD


@cache
def marker_font(marker: str) -> tuple[str, str]:
    """(font, text) for a list marker: Vera lacks '◦', drawn with DejaVu Sans when the system has
    it (Debian fonts-dejavu-core), else replaced by '•'."""
    if marker != "◦":
        return REGULAR, marker
    found = glob.glob("/usr/share/fonts/**/DejaVuSans.ttf", recursive=True)
    if not found:
        return REGULAR, "•"
    pdfmetrics.registerFont(TTFont("DejaVuSans", found[0]))
    return "DejaVuSans", marker


def width(text: str, font: str = REGULAR, size: float = SIZE) -> float:
    return pdfmetrics.stringWidth(text, font, size)


@dataclass
class _Pages:
    """Drawing operations per page, laid out top-down before anything is drawn (for 'Page N of M')."""

    letter: Letter
    ops: list[list[tuple]] = field(default_factory=lambda: [[]])
    y: float = TOP
    breaker: Breaker = field(default_factory=lambda: Breaker(False))

    def new_page(self) -> None:
        self.ops.append([])
        self.y = TOP

    def ensure(self, h: float) -> None:
        if self.y + h > H - BOTTOM:
            self.new_page()

    def text(self, x: float, s: str, font: str = REGULAR, size: float = SIZE) -> None:
        self.ops[-1].append(("text", x, self.y + size, s, font, size))

    def line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.ops[-1].append(("line", x0, y0, x1, y1))

    def lines(self, x: float, texts: list[str], font: str = REGULAR, size: float = SIZE,
              justify: bool = False) -> None:
        for i, t in enumerate(texts):
            self.ensure(LH)
            if justify and self.letter.justify and i < len(texts) - 1:
                self.ops[-1].append(("justified", x, self.y + size, t, font, size, W - RIGHT - x))
            else:
                self.text(x, t, font, size)
            self.y += LH

    def wrapped(self, x: float, text: str, font: str = REGULAR, duty: bool = False) -> None:
        # Hyphenation noise only touches duty text: titles and terms stay whole words.
        self.lines(x, self.breaker(text, W - RIGHT - x, lambda s: width(s, font), duty), font,
                   justify=font == REGULAR)


def _letterhead(p: _Pages, el: Element) -> None:
    if p.letter.twocolumn:
        right = W - RIGHT - 170
        size = min(16.0, 16.0 * (right - LEFT - 18) / max(width(el.text, BOLD, 16), 1))
        p.text(LEFT, el.text, BOLD, size)
        y0 = p.y
        p.y += 2
        p.lines(right, list(el.lines), REGULAR, 8.5)
        p.y = max(p.y, y0 + 26) + LH
        return
    if el.text:
        p.text(LEFT, el.text, BOLD, 16)
        p.y += 24
    p.lines(LEFT, [" · ".join(el.lines[:2]), " · ".join(el.lines[2:])], REGULAR, 8.5)
    p.line(LEFT, p.y, W - RIGHT, p.y)
    p.y += LH


def _item(p: _Pages, el: Element) -> None:
    x_text = LEFT + 18 + max(18.0, width(el.marker) + 6)
    body = p.breaker(el.text, W - RIGHT - x_text, width)
    p.ensure(LH)
    font, marker = marker_font(el.marker)
    p.text(LEFT + 18, marker, font)
    p.lines(x_text, body, justify=True)
    p.y += LH * 0.2


def _table(p: _Pages, el: Element) -> None:
    widths, pad = (370.0, W - LEFT - RIGHT - 370.0), 4.0
    for n, (duty, share) in enumerate(el.rows):
        font = BOLD if n == 0 else REGULAR
        cells = p.breaker(duty, widths[0] - 2 * pad, lambda s, f=font: width(s, f), n > 0)
        h = len(cells) * LH + 2 * pad
        p.ensure(h)
        top = p.y
        p.y += pad
        p.text(LEFT + widths[0] + pad, share, font)
        p.lines(LEFT + pad, cells, font)
        p.y = top + h
        for x in (LEFT, LEFT + widths[0], W - RIGHT):
            p.line(x, top, x, p.y)
        p.line(LEFT, top, W - RIGHT, top)
        p.line(LEFT, p.y, W - RIGHT, p.y)
    p.y += LH


def _signature(p: _Pages, el: Element) -> None:
    p.ensure(LH * (4 + len(el.lines)))
    p.lines(LEFT, [el.text])
    p.y += LH * 1.5
    p.line(LEFT, p.y, LEFT + 160, p.y)
    p.y += LH * 0.3
    p.lines(LEFT, list(el.lines))
    p.y += LH


def _place(p: _Pages, el: Element) -> None:
    k = el.kind
    if k == "letterhead":
        _letterhead(p, el)
    elif k == "line":
        p.lines(LEFT, [el.text, *el.lines])
    elif k == "gap":
        p.y += LH * 0.6
    elif k in ("subject", "heading"):
        p.y += LH * (0.5 if k == "heading" else 0.2)
        p.ensure(LH * 3)  # keep a heading with what follows it
        p.wrapped(LEFT, el.text, BOLD)
        p.y += LH * 0.3
    elif k == "label":
        label, _, value = el.text.partition(": ")
        p.ensure(LH)
        p.text(LEFT, label + ":", BOLD)
        x = LEFT + width(label + ": ", BOLD)
        x = max(x, LEFT + 180) if p.letter.label_column else x
        p.lines(x, wrap(value, W - RIGHT - x, width, False))
    elif k == "para":
        p.wrapped(LEFT, el.text, duty=el.duty)
        p.y += LH * 0.6
    elif k == "item":
        _item(p, el)
    elif k == "table":
        _table(p, el)
    elif k == "break":
        if el.page == 0 or len(p.ops) < el.page:
            p.new_page()
    elif k == "signature":
        _signature(p, el)
    else:
        raise ValueError(f"unknown element kind {k!r}")


def _draw_justified(c: canvas.Canvas, x: float, y: float, s: str, font: str, size: float,
                    measure: float) -> None:
    """Spread the words of a full line to the right margin, word by word, as a word processor's
    justified text is drawn (wider gaps a reader must still read as one line)."""
    words = s.split(" ")
    natural = sum(width(w, font, size) for w in words)
    gap = (measure - natural) / max(len(words) - 1, 1)
    c.setFont(font, size)
    if len(words) < 2 or gap > 3 * width(" ", font, size):
        c.drawString(x, H - y, s)
        return
    for w in words:
        c.drawString(x, H - y, w)
        x += width(w, font, size) + gap


def render(letter: Letter, path: Path, title: str = "Offer of Employment") -> Path:
    fonts()
    p = _Pages(letter, breaker=Breaker(letter.hyphenate))
    for el in letter.elements:
        _place(p, el)
    c = canvas.Canvas(str(path), pagesize=LETTER, invariant=1)  # invariant: byte-stable output
    c.setTitle(title)
    total = len(p.ops)
    for n, ops in enumerate(p.ops, 1):
        if letter.running:
            c.setFont(REGULAR, 8)
            c.drawRightString(W - RIGHT, H - 40, letter.footer_text)
            c.drawCentredString(W / 2, 40, f"Page {n} of {total}")
        for op in ops:
            if op[0] == "text":
                _, x, y, s, font, size = op
                c.setFont(font, size)
                c.drawString(x, H - y, s)
            elif op[0] == "justified":
                _draw_justified(c, *op[1:])
            else:
                _, x0, y0, x1, y1 = op
                c.setLineWidth(0.5)
                c.line(x0, H - y0, x1, H - y1)
        c.showPage()
    c.save()
    return path
