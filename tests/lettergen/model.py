"""The format-neutral letter the wording builds and the renderers draw."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Element:
    """One piece of the letter.  ``kind`` decides how each renderer draws it."""

    kind: str  # letterhead|line|subject|heading|para|label|item|table|break|signature|gap
    text: str = ""
    lines: tuple[str, ...] = ()  # letterhead address/contact lines, signature lines
    marker: str = ""  # list marker as printed ("•", "3.", "(c)")
    rows: tuple[tuple[str, ...], ...] = ()  # table: header row first
    duty: bool = False  # duty text: hyphenation noise applies here
    page: int = 0  # break: start a new page unless already on this page or later (0: always)


@dataclass
class Letter:
    elements: list[Element]
    employer: str | None
    list_kind: str = "bullet"  # bullet|number|plain (DOCX list style)
    twocolumn: bool = False
    running: bool = False  # running header/footer with "Page N of M"
    hyphenate: bool = False
    wrap: bool = False
    justify: bool = False  # PDF: paragraphs and list items set flush left and right
    label_column: bool = False  # labelled lines with their values aligned in a column
    letterhead_in_header: bool = False  # DOCX: letterhead in the first page's header, as Word templates do
    noise: tuple[str, ...] = field(default_factory=tuple)

    @property
    def footer_text(self) -> str:
        return f"Confidential – {self.employer}" if self.employer else "Confidential"
