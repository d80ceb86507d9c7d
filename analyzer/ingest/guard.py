"""Cheap checks on a PDF page's drawing instructions *before* pdfplumber builds its objects.

pdfplumber keeps a Python dict per character: a page whose content stream draws millions of
characters (or inflates to hundreds of megabytes) would take minutes and gigabytes.  Here the
content streams are inflated with a size cap and their text strings and path operators counted
with regexes, so a hostile page is refused in milliseconds.  Form XObjects drawn by the page count once per ``Do``;
forms nested inside forms are not followed (their text still reaches pdfplumber).
"""

from __future__ import annotations

import re
import zlib
from typing import Any

from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1

from analyzer.ingest.limits import Limits
from analyzer.types import InputError

_PAREN = re.compile(rb"\\.|[()]", re.S)  # escapes are skipped; only the parentheses are visited
_PATH_OPS = re.compile(rb"(?<![A-Za-z0-9_/])(?:re|m|l|c|v|y)(?![A-Za-z0-9_])")
_HEX = re.compile(rb"<([0-9A-Fa-f\s]+)>")


def check_page(pdfpage: Any, number: int, name: str, limits: Limits) -> None:
    """Raise ``too_large`` when the page's content is far beyond any letter page."""
    budget = limits.max_page_content_bytes
    streams = [resolve1(s) for s in pdfpage.contents]
    data = b"".join(_decoded(s, budget, number, name) for s in streams if isinstance(s, PDFStream))
    if len(data) > budget:
        raise _too_big(name, number, f"{len(data) / 1048576:.0f} MB of drawing instructions")
    chars, paths = estimate_chars(data), estimate_paths(data)
    xobjects = resolve1((pdfpage.resources or {}).get("XObject")) or {}
    if isinstance(xobjects, dict):
        for key, ref in xobjects.items():
            form = resolve1(ref)
            if not isinstance(form, PDFStream) or getattr(resolve1(form.get("Subtype")), "name", "") != "Form":
                continue
            uses = len(re.findall(rb"/" + re.escape(str(key).encode()) + rb"\s+Do\b", data))
            if uses:
                inner = _decoded(form, budget, number, name)
                chars += uses * estimate_chars(inner)
                paths += uses * estimate_paths(inner)
    if chars > limits.max_page_chars:
        raise _too_big(name, number, f"about {chars:,} characters of text (limit {limits.max_page_chars:,})")
    if paths > limits.max_page_paths:
        raise _too_big(name, number, f"about {paths:,} drawn lines and shapes (limit {limits.max_page_paths:,})")


def estimate_paths(data: bytes) -> int:
    """Path-building operators (moveto, lineto, curves, rectangles): pdfplumber makes an object
    per painted path, so hundreds of thousands of them cost seconds and gigabytes."""
    return len(_PATH_OPS.findall(data))


def estimate_chars(data: bytes) -> int:
    """Characters drawn, roughly: bytes in literal strings plus half the hex digits."""
    literal, depth, start = 0, 0, 0
    for m in _PAREN.finditer(data):  # visits parentheses only, so a 5 MB string costs two steps
        token = m.group()
        if token == b"(":
            start = m.start() if depth == 0 else start
            depth += 1
        elif token == b")" and depth:
            depth -= 1
            literal += m.start() - start - 1 if depth == 0 else 0
    hexed = sum(len(re.sub(rb"\s", b"", m)) // 2 for m in _HEX.findall(data))
    return literal + hexed


def _decoded(stream: PDFStream, cap: int, number: int, name: str) -> bytes:
    if stream.data is not None:
        data = stream.data
    else:
        raw = stream.rawdata or b""
        if stream.decipher:
            raw = stream.decipher(stream.objid, stream.genno, raw, stream.attrs)
        filters = stream.get_filters()
        if not filters:
            data = raw
        elif len(filters) == 1 and filters[0][0] in LITERALS_FLATE_DECODE:
            try:
                data = zlib.decompressobj().decompress(raw, cap + 1)
            except zlib.error:
                return b""  # pdfminer has its own repair for broken streams
        else:
            data = stream.get_data()  # rare filters on page content: let pdfminer decode
    if len(data) > cap:
        raise _too_big(name, number, f"more than {cap / 1048576:.0f} MB of drawing instructions")
    return data


def _too_big(name: str, number: int, what: str) -> InputError:
    return InputError("too_large", f"{name}: page {number} holds {what}; not an offer-letter page.")
