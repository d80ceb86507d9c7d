"""Duties from list items and table rows: marker and share of time taken out, evidence kept."""

from __future__ import annotations

import re

from analyzer.extract.body import Body, Part
from analyzer.types import Duty

_MARKER = re.compile(r"^\s*(?:[\u2022\u25e6\u25aa\u2023\u2043\u00b7*\-\u2013\u2014o]|\(?\d{1,2}[.)]|"
                     r"\(?[a-zA-Z][.)]|\(?[ivxIVX]{1,4}[.)])\s+")
_SHARE = re.compile(r"[\(\[]?\s*(?:approx(?:imately|\.)?\s*)?(?P<n>\d{1,3}(?:\.\d+)?)\s*%"
                    r"(?:\s*of\s+(?:the\s+|my\s+|your\s+)?(?:working\s+)?time)?\s*[\)\]]?", re.I)
SHARE_CELL = re.compile(r"^\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*%?\s*$")
_CONJ_TAIL = re.compile(r"[;,]\s*(?:and|or)$")  # "...developers; and" closing a list item
EDGE_PUNCT = " \t-\u2013\u2014:;,"


def strip_marker(part: Part) -> int:
    """Clean offset where the item text starts (after its list marker)."""
    text = part.text
    marker = part.block.marker
    if marker and text.startswith(marker):
        pos = len(marker)
    else:
        m = _MARKER.match(text) if part.kind == "list_item" else None
        pos = m.end() if m else 0
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def make_duty(body: Body, part: Part, s: int, e: int, share: float | None = None) -> Duty | None:
    """A duty from clean span [s, e) of ``part``: its share of time (if written) is taken out."""
    text = part.text[s:e]
    m = _SHARE.search(text) if share is None else None
    if m and part.kind == "list_item" and _inside(text, m):
        m = None  # "Achieve 95% on-time delivery", "Cut scrap by 20% ...": a figure of the duty
    if m:
        share = float(m.group("n"))
        head = text[:m.start()].rstrip(EDGE_PUNCT + " (")
        tail = text[m.end():].lstrip(EDGE_PUNCT + " )")
        if not tail:
            e = s + len(head)
        elif not head.strip():
            s = s + len(text) - len(tail)
        else:  # a wrapped table row: "Analyse ... information 15% system requirements ..."
            joined = f"{head} {tail}"
            lead = len(text) - len(text.lstrip(" \t"))
            return Duty(joined.strip(), body.evidence(part, s + lead, e), share)
        text = part.text[s:e]
    lead = len(text) - len(text.lstrip(" \t"))
    s += lead
    e = s + len(_CONJ_TAIL.sub("", text.strip(" \t")).rstrip(" \t;,"))
    if e <= s or not any(c.isalpha() for c in part.text[s:e]):
        return None
    return Duty(part.text[s:e], body.evidence(part, s, e), share)


def _inside(text: str, m: re.Match[str]) -> bool:
    """A bare "NN%" with words on both sides, neither bracketed nor "of time": part of the duty."""
    bracketed = m.group().lstrip()[:1] in "([" or "time" in m.group().lower()
    return not bracketed and bool(text[:m.start()].strip(EDGE_PUNCT)) and bool(text[m.end():].strip(EDGE_PUNCT))


def item_duties(body: Body, part: Part) -> list[Duty]:
    if part.kind == "table_row":
        d = row_duty(body, part)
        return [d] if d else []
    d = make_duty(body, part, strip_marker(part), len(part.text))
    return [d] if d else []


def row_duty(body: Body, part: Part) -> Duty | None:
    """The duty cell (the longest) of a table row, and its share from a "%" (or last, numeric) cell."""
    cells = [c for c in part.block.cells if c.strip()]
    if not cells:
        cells = [c for c in re.split(r"\s*\|\s*|\t|\s{3,}", part.text) if c.strip()]
    share = None
    texts = []
    for k, c in enumerate(cells):
        m = SHARE_CELL.match(c)
        # A bare number is a share only in a last column ("30"); in a first column it numbers the row.
        if m and share is None and ("%" in c or (k == len(cells) - 1 and k > 0)):
            share = float(m.group("n"))
        elif not (m and k == 0):
            texts.append(c)
    if not texts:
        return None
    cell = max(texts, key=len)
    if share is None and is_header_row(part.text):
        return None
    span = find_cell(part.text, cell)
    if span is None:
        return None
    return make_duty(body, part, span[0], span[1], share)


def is_header_row(text: str) -> bool:
    low = text.lower()
    return len(low.split()) <= 8 and any(w in low for w in ("duty", "duties", "responsibilit", "% of", "time", "task"))


def find_cell(text: str, cell: str) -> tuple[int, int] | None:
    """Span of a cell's text inside the row's clean text (cells may have been wrapped differently)."""
    norm = " ".join(cell.split())
    pos = text.find(norm)
    if pos >= 0:
        return pos, pos + len(norm)
    words = norm.split()
    if not words:
        return None
    first = text.find(words[0])
    last = text.rfind(words[-1])
    if first < 0 or last < first:
        return None
    return first, last + len(words[-1])


def join(body: Body, duty: Duty, part: Part) -> Duty:
    """``duty`` continued by the text of ``part`` (evidence from the duty's start to the part's end)."""
    _, raw_end = part.clean.raw_span(0, len(part.text))
    ev = body.raw_evidence(duty.evidence.start, raw_end)
    return Duty(f"{duty.text} {part.text}", ev, duty.share)
