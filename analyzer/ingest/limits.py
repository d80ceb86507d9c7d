"""Limits that keep a hostile or broken file from eating memory or time (all configurable)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from analyzer.types import InputError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20 * MB  # the file as uploaded
    max_pages: int = 50  # offer letters are 1-5 pages; 50 leaves room for annexes
    timeout_s: float = 30.0  # per file, checked between pages
    ocr: bool = False  # OCR scanned PDFs when tesseract is installed
    max_unzipped_bytes: int = 100 * MB  # DOCX: sum of uncompressed members (zip bombs)
    max_zip_ratio: float = 200.0  # DOCX: uncompressed/compressed size of any one member
    max_line_chars: int = 2000  # longer text lines are wrapped so later stages stay linear
    ocr_timeout_s: float = 20.0  # one tesseract run (one page)
    max_page_content_bytes: int = 10 * MB  # a PDF page's inflated drawing instructions
    max_page_chars: int = 60_000  # a dense letter page has < 10,000
    max_page_paths: int = 40_000  # path operators on a page; a detailed vector logo has a few thousand
    max_text_chars: int = 2_000_000  # the whole document's text (~400 dense pages)


@dataclass
class Deadline:
    """The per-file time budget; ``check`` raises ``InputError("timeout")`` once it is spent."""

    name: str
    seconds: float
    started: float = field(default_factory=time.monotonic)

    def remaining(self) -> float:
        return self.seconds - (time.monotonic() - self.started)

    def check(self, where: str = "") -> None:
        if self.remaining() <= 0:
            at = f" ({where})" if where else ""
            raise InputError(
                "timeout", f"{self.name}: reading took longer than the {self.seconds:g} s limit{at}."
            )
