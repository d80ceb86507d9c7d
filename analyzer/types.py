"""The data model shared by every stage: ingest -> segment -> extract -> match -> checks -> report.

Every value a user sees keeps its :class:`Evidence` (page and character span in ``Document.text``),
so findings can point at the words that cause them.  Types are plain frozen dataclasses; their
``to_dict`` methods give the JSON shape of the report contract (see ``docs/report.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
SCHEMA_ID = "offercheck/report/v1"


class InputError(Exception):
    """A file that cannot be read as a letter.  ``code`` is stable; ``message`` names the file."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, origin top-left


@dataclass(frozen=True)
class Evidence:
    page: int  # 1-based
    start: int  # character offsets into Document.text
    end: int
    text: str
    bbox: BBox | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "bbox": list(self.bbox) if self.bbox else None,
        }


@dataclass(frozen=True)
class Word:
    text: str
    start: int  # offsets into Document.text
    end: int
    bbox: BBox | None = None
    font: str = ""
    size: float = 0.0
    bold: bool = False


@dataclass(frozen=True)
class Line:
    page: int
    text: str
    start: int  # Document.text[start:end] == text
    end: int
    words: tuple[Word, ...] = ()
    bbox: BBox | None = None
    size: float = 0.0  # dominant font size (0 when unknown, e.g. plain text)
    bold: bool = False  # most characters bold
    gap_before: float = 0.0  # blank space above the line, in line heights (TXT: blank lines)


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Document:
    """A letter as read: ``text`` is every line followed by "\\n"; pages follow one another."""

    source: str  # file name as given by the user
    kind: Literal["pdf", "docx", "text"]
    text: str
    pages: tuple[Page, ...]
    meta: dict[str, Any] = field(default_factory=dict)

    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for a span: the page where it starts, the union box of its words on that page."""
        lines = self.lines()
        page = next((ln.page for ln in lines if ln.end >= start), lines[-1].page if lines else 1)
        boxes = [
            w.bbox
            for ln in lines
            if ln.page == page and ln.start < end and ln.end > start
            for w in ln.words
            if w.bbox and w.end > start and w.start < end
        ]
        bbox = None
        if boxes:
            bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes),
                    max(b[2] for b in boxes), max(b[3] for b in boxes))
        return Evidence(page=page, start=start, end=end, text=self.text[start:end], bbox=bbox)


BlockKind = Literal[
    "letterhead", "date", "addressee", "subject", "salutation", "heading", "paragraph",
    "list_item", "table_row", "signature", "header", "footer", "page_number", "other",
]


@dataclass(frozen=True)
class Block:
    """A run of lines with one role.  ``text`` is cleaned for reading (lines joined, hyphenation
    repaired, list marker removed); ``start``/``end`` still index ``Document.text``."""

    kind: BlockKind
    text: str
    start: int
    end: int
    page: int
    lines: tuple[Line, ...]
    marker: str | None = None  # list marker as written: "•", "-", "3.", "(b)", ...
    cells: tuple[str, ...] = ()  # table rows: cell texts, left to right


@dataclass(frozen=True)
class Section:
    heading: Block | None  # None for text before the first heading
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Layout:
    """The segmented letter: body blocks in reading order (running headers, footers and page
    numbers moved to ``furniture`` so they never reach a duty) grouped under headings."""

    document: Document
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    furniture: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Value:
    """One extracted field.  ``value`` is JSON-ready (str, int, float, bool or a small dict)."""

    value: Any
    evidence: Evidence | None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "evidence": self.evidence.to_dict() if self.evidence else None}


@dataclass(frozen=True)
class Duty:
    text: str
    evidence: Evidence
    share: float | None = None  # percent of time, when the letter gives one

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "share": self.share, "evidence": self.evidence.to_dict()}


FIELD_NAMES: tuple[str, ...] = (
    "employer", "employer_business", "employer_address", "worksite", "start_date", "end_date",
    "term_months", "permanent", "hours_per_week", "wage", "education", "licence",
    "portal_offer_number", "signatory",
)


@dataclass(frozen=True)
class Extraction:
    """What the letter says.  ``fields`` has every name in FIELD_NAMES; absent ones are None.

    Value shapes: employer/employer_address/education/licence/portal_offer_number/signatory: str;
    worksite: {"city": str|None, "province": "ON"|...|None}; start_date/end_date: ISO "YYYY-MM-DD";
    term_months: int; permanent: bool; hours_per_week: float;
    wage: {"amount": float, "currency": "CAD", "period": "hour|week|month|year",
           "hourly": float, "annual": float}.
    """

    language: str
    title: Value | None
    duties: tuple[Duty, ...]
    fields: dict[str, Value | None]

    def field(self, name: str) -> Any:
        v = self.fields.get(name)
        return v.value if v is not None else None


@dataclass(frozen=True)
class NocCandidate:
    code: str
    title: str
    teer: int
    score: float  # calibrated 0..1
    basis: Literal["title", "duties", "both"]

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "title": self.title, "teer": self.teer,
                "score": round(self.score, 4), "basis": self.basis}


@dataclass(frozen=True)
class CusmaCandidate:
    id: str
    name: str
    score: float  # calibrated 0..1
    basis: Literal["title", "duties", "both"]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "score": round(self.score, 4), "basis": self.basis}


@dataclass(frozen=True)
class Matches:
    """Ranked candidates from title and duties together, plus each source alone so rules can
    see whether title and duties agree."""

    noc: tuple[NocCandidate, ...]
    cusma: tuple[CusmaCandidate, ...]
    title_noc: tuple[NocCandidate, ...] = ()
    duties_noc: tuple[NocCandidate, ...] = ()
    title_cusma: tuple[CusmaCandidate, ...] = ()
    duties_cusma: tuple[CusmaCandidate, ...] = ()
    agreement: bool | None = None  # None when title or duties are missing


@dataclass(frozen=True)
class Finding:
    rule: str  # stable name, e.g. "vague-duty"
    code: str  # stable code, e.g. "OC101"
    severity: Severity
    message: str
    fix: str
    evidence: Evidence | None  # None only for missing-element

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "code": self.code, "severity": self.severity,
                "message": self.message, "evidence": self.evidence.to_dict() if self.evidence else None,
                "fix": self.fix}


@dataclass(frozen=True)
class Report:
    """Everything known about one input file; every output format renders this one object."""

    file: str
    program: str = "cusma"
    citizenship: str | None = None
    error: InputError | None = None
    document: Document | None = None
    extraction: Extraction | None = None
    matches: Matches | None = None
    findings: tuple[Finding, ...] = ()
    include_text: bool = False  # whether to_dict() adds the document text (evidence offsets index it)

    @property
    def status(self) -> str:
        return "error" if self.error else "ok"

    @property
    def verdict(self) -> str:
        if self.error:
            return "error"
        worst = max((SEVERITY_RANK[f.severity] for f in self.findings), default=-1)
        return {2: "fail", 1: "review"}.get(worst, "pass")

    def to_dict(self, include_text: bool | None = None) -> dict[str, Any]:
        include_text = self.include_text if include_text is None else include_text
        ex, m = self.extraction, self.matches
        d: dict[str, Any] = {
            "schema": SCHEMA_ID,
            "file": self.file,
            "status": self.status,
            "error": self.error.to_dict() if self.error else None,
            "language": ex.language if ex else None,
            "title": None,
            "duties": [],
            "fields": {},
            "program": self.program,
            "citizenship": self.citizenship,
            "cusma": [c.to_dict() for c in m.cusma] if m else [],
            "noc": [c.to_dict() for c in m.noc] if m else [],
            "findings": [f.to_dict() for f in self.findings],
            "verdict": self.verdict,
        }
        if ex:
            d["title"] = ({"text": ex.title.value,
                           "evidence": ex.title.evidence.to_dict() if ex.title.evidence else None}
                          if ex.title else None)
            d["duties"] = [duty.to_dict() for duty in ex.duties]
            d["fields"] = {k: (v.to_dict() if v is not None else None) for k, v in ex.fields.items()}
        if include_text and self.document is not None:
            d["text"] = self.document.text
        return d
