"""Optional OCR for scanned PDF pages (``Limits(ocr=True)`` and Debian's ``tesseract`` on PATH).

The page is rendered with pypdfium2 (already a pdfplumber dependency) and read by tesseract in a
subprocess: no shell, one thread (``OMP_THREAD_LIMIT=1``), a timeout.  Words come back with their
boxes in PDF points, so OCRed pages look like any other page to the later stages (their words
carry the font name ``"OCR"`` and size 0, i.e. unknown).  pypdfium2 is not thread-safe; OCR is
meant for the CLI and batch workers (processes), not for concurrent threads of the web server.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator

from analyzer.ingest.build import RawWord
from analyzer.ingest.limits import Deadline, Limits
from analyzer.types import InputError

DPI = 300
MIN_CONFIDENCE = 30.0  # tesseract's word confidence (0-100); lower is mostly speckle


def available() -> bool:
    return shutil.which("tesseract") is not None


def page_lines(data: bytes, number: int, name: str, limits: Limits, deadline: Deadline) -> list[list[RawWord]]:
    """OCR one page (1-based); returns its lines of words, top to bottom."""
    if not available():
        return []
    deadline.check(f"OCR of page {number}")
    png = _render(data, number)
    timeout = max(1.0, min(limits.ocr_timeout_s, deadline.remaining()))
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with tempfile.TemporaryDirectory(prefix="offercheck-ocr-") as tmp:
        image = os.path.join(tmp, "page.png")
        with open(image, "wb") as fh:
            fh.write(png)
        try:
            done = subprocess.run(["tesseract", image, "stdout", "-l", "eng", "--psm", "3", "tsv"],
                                  capture_output=True, timeout=timeout, env=env, check=False)
        except subprocess.TimeoutExpired:
            raise InputError("timeout", f"{name}: OCR of page {number} took longer than {timeout:.0f} s.") from None
    if done.returncode != 0:
        return []
    return list(_lines(done.stdout.decode("utf-8", errors="replace")))


def _render(data: bytes, number: int) -> bytes:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        bitmap = pdf[number - 1].render(scale=DPI / 72, grayscale=True)
        buf = io.BytesIO()
        bitmap.to_pil().save(buf, format="PNG")
        return buf.getvalue()
    finally:
        pdf.close()


def _lines(tsv: str) -> Iterator[list[RawWord]]:
    """Tesseract TSV rows (level 5 = word) grouped by block/paragraph/line, boxes in points."""
    scale = 72 / DPI
    current: tuple[str, str, str] | None = None
    words: list[RawWord] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text or float(row.get("conf") or -1) < MIN_CONFIDENCE:
            continue
        key = (row["block_num"], row["par_num"], row["line_num"])
        if key != current and words:
            yield words
            words = []
        current = key
        left, top = float(row["left"]) * scale, float(row["top"]) * scale
        width, height = float(row["width"]) * scale, float(row["height"]) * scale
        # size 0: a box height is not a font size, and heading rules must not compare them
        words.append(RawWord(text, (left, top, left + width, top + height), "OCR", 0.0, False))
    if words:
        yield words
