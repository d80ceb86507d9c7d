"""The rule catalogue's building blocks: :class:`CheckContext` (what every rule reads),
:class:`Rule` (code, name, documentation, examples, ``check``), :class:`Example` (a hand-built
letter for documentation and tests) and :func:`discover` (every rule module in this package).

Code scheme: OC1xx wording, OC2xx occupation, OC3xx terms, OC4xx qualifications,
OC5xx completeness/draft, OC6xx what practitioners report officers refuse on.  Codes are stable:
a retired rule keeps its code unused."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, ClassVar

from analyzer.checks import _data
from analyzer.types import (
    Block,
    CusmaCandidate,
    Document,
    Duty,
    Evidence,
    Extraction,
    Finding,
    Layout,
    Line,
    Matches,
    NocCandidate,
    Page,
    Section,
    Severity,
    Value,
)

PROGRAMS: tuple[str, ...] = ("cusma", "cptpp")


@dataclass
class CheckContext:
    """Everything a rule reads about one letter; built once per letter by the pipeline."""

    document: Document
    layout: Layout
    extraction: Extraction
    matches: Matches
    program: str = "cusma"
    citizenship: str | None = None

    def evidence(self, start: int, end: int) -> Evidence:
        return self.document.evidence(start, end)

    @property
    def text(self) -> str:
        return self.document.text

    @cached_property
    def body_text(self) -> str:
        """Document.text with running headers/footers blanked (same length, so offsets hold)."""
        chars = list(self.document.text)
        for block in self.layout.furniture:
            for i in range(block.start, min(block.end, len(chars))):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)

    @cached_property
    def profession(self) -> Any | None:
        """The CUSMA profession the letter claims: the top joint candidate at or above the
        acceptance score (title and duties together), as a corpora ``Profession``."""
        top = self.matches.cusma[0] if self.matches.cusma else None
        if top is None or top.score < _data.cusma_accept():
            return None
        return _data.profession(top.id)

    @cached_property
    def title_profession(self) -> Any | None:
        """The profession the title alone names: the one it names exactly (``exact_profession``), else
        the matcher's title candidate when confident, else the profession whose Appendix 2 name or alias
        the title contains word for word (so "Research Assistant" names that profession whatever the
        matcher makes of it)."""
        exact = exact_profession(self.title_text)
        if exact is not None:
            return exact
        top = self.matches.title_cusma[0] if self.matches.title_cusma else None
        if top is not None and top.score >= _data.cusma_accept():
            return _data.profession(top.id)
        return literal_profession(self.title_text)

    @property
    def claimed_profession(self) -> Any | None:
        """The profession the rules hold the letter to: the joint match, else the title's, else the
        duties'.  None when
        title and duties point to different occupations: occupation-mismatch reports that, and rules
        about one profession's requirements (licence, education) would only add noise."""
        if self.occupation_conflict is not None:
            return None
        # A title that is a profession's name ("Technical Publications Writer") settles the claim even when
        # the joint ranking puts another profession first on the strength of the duties' subject matter.
        return (exact_profession(self.title_text) or self.profession or self.title_profession
                or self.duties_profession)

    @cached_property
    def duties_profession(self) -> Any | None:
        """The duties' own best profession when reasonably confident (``check_thresholds.json``
        ``occupation.duties_profession_min``): the fallback when neither title nor joint match is."""
        top = self.matches.duties_cusma[0] if self.matches.duties_cusma else None
        floor = float(_data.lexicon("check_thresholds")["occupation"]["duties_profession_min"])
        return _data.profession(top.id) if top is not None and top.score >= floor else None

    @property
    def titled_profession(self) -> Any | None:
        """The profession the title claims (else the joint match), even when the duties disagree: rules
        about how that profession is practised (a consultant advises, an analyst does not mostly code)
        still apply to a letter that claims it."""
        return self.title_profession or self.profession

    @cached_property
    def occupation_conflict(self) -> Any | None:
        """The title/duties disagreement occupation-mismatch reports (``_occupation.Mismatch``)."""
        from analyzer.checks._occupation import mismatch

        return mismatch(self)

    @property
    def title_text(self) -> str | None:
        t = self.extraction.title
        return str(t.value) if t is not None and t.value else None

    def anchor(self) -> Evidence:
        """Where a letter-level finding points: the title, else the first duty, else line 1."""
        t = self.extraction.title
        if t is not None and t.evidence is not None:
            return t.evidence
        if self.extraction.duties:
            return self.extraction.duties[0].evidence
        for line in self.document.lines():
            if line.text.strip():
                return self.evidence(line.start, line.end)
        return Evidence(page=1, start=0, end=0, text="")

    def field_evidence(self, name: str) -> Evidence | None:
        v = self.extraction.fields.get(name)
        return v.evidence if v is not None else None


def literal_profession(title: str | None) -> Any | None:
    """The profession whose name or alias (4+ letters) the title contains; the longest one wins."""
    if not title:
        return None
    from analyzer.checks.title_not_profession_name import _norm, profession_names

    padded = f" {_norm(title)} "
    best, best_len = None, 0
    for prof in _data.professions().values():
        for name in (*profession_names(prof), *prof.aliases):
            n = _norm(name)
            if len(n) >= 4 and f" {n} " in padded and len(n) > best_len:
                best, best_len = prof, len(n)
    return best


@lru_cache(maxsize=1)
def _names_to_profession() -> dict[str, Any]:
    """Every profession's normalised names and aliases -> the profession (the first listed wins)."""
    from analyzer.checks.title_not_profession_name import _norm, profession_names

    out: dict[str, Any] = {}
    for prof in _data.professions().values():
        for name in (*profession_names(prof), *prof.aliases):
            out.setdefault(_norm(name), prof)
    return out


@lru_cache(maxsize=256)
def exact_profession(title: str | None) -> Any | None:
    """The profession the title is, word for word, once level words ('Senior', 'II', ``title_levels.json``)
    and bracketed notes are dropped: 'Sr. Geologist II' is Geologist, 'Software Engineer' is no one."""
    if not title:
        return None
    from analyzer.checks.title_not_profession_name import _norm

    levels = set(_data.lexicon("title_levels")["levels"])
    plain = re.sub(r"\([^)]*\)", " ", title)
    # The whole title, else its head before a unit or field ("Registered Nurse, Medicine Unit",
    # "Chemist – Coatings R&D").
    for part in (plain, re.split(r"\s*(?:,|\s[-–—|]\s|:)\s*", plain)[0]):
        core = " ".join(w for w in _norm(part).split() if w not in levels)
        if core and core in _names_to_profession():
            return _names_to_profession()[core]
    return None


@dataclass(frozen=True)
class Example:
    """A hand-built letter: enough for a rule's documentation and its must-fire/must-pass tests.

    ``cusma``/``noc`` are ranked (id or code, score) pairs as the matcher would give them; the
    title/duties-only lists default to the joint ones."""

    title: str | None = None
    duties: tuple[str, ...] = ()
    fields: dict[str, Any] = field(default_factory=dict)
    paragraphs: tuple[str, ...] = ()
    cusma: tuple[tuple[str, float], ...] = ()
    noc: tuple[tuple[str, float], ...] = ()
    title_cusma: tuple[tuple[str, float], ...] | None = None
    duties_cusma: tuple[tuple[str, float], ...] | None = None
    title_noc: tuple[tuple[str, float], ...] | None = None
    duties_noc: tuple[tuple[str, float], ...] | None = None
    program: str = "cusma"
    citizenship: str | None = "US"

    def text(self) -> str:
        """The example as a reader sees it (for documentation)."""
        lines = [f"Position: {self.title}"] if self.title else []
        lines += [f"{_FIELD_LABELS.get(k, k)}: {_show(v)}" for k, v in self.fields.items()]
        lines += ["Duties:"] + [f"- {d}" for d in self.duties] if self.duties else []
        lines += list(self.paragraphs)
        return "\n".join(lines)


class Rule:
    """One refusal cause.  Subclasses set the metadata and implement :meth:`check`."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[Severity] = "warning"
    programs: ClassVar[tuple[str, ...]] = PROGRAMS
    summary: ClassVar[str] = ""  # what it flags, one sentence
    why: ClassVar[str] = ""  # why officers refuse
    bad: ClassVar[Example | None] = None  # must fire
    good: ClassVar[Example | None] = None  # must not fire
    options: ClassVar[dict[str, str]] = {}  # data file keys a user can edit, and what they do
    references: ClassVar[tuple[str, ...]] = ()

    def check(self, ctx: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, message: str, fix: str, evidence: Evidence | None,
                severity: Severity | None = None) -> Finding:
        return Finding(rule=self.name, code=self.code, severity=severity or self.severity,
                       message=message, fix=fix, evidence=evidence)

    @classmethod
    def metadata(cls) -> dict[str, Any]:
        return {"code": cls.code, "name": cls.name, "severity": cls.severity,
                "programs": list(cls.programs), "summary": cls.summary, "why": cls.why,
                "bad": cls.bad.text() if cls.bad else None, "good": cls.good.text() if cls.good else None,
                "options": dict(cls.options), "references": list(cls.references)}


@lru_cache(maxsize=1)
def discover() -> tuple[type[Rule], ...]:
    """Every Rule subclass defined in a public module of this package, sorted by code."""
    import analyzer.checks as package

    found: list[type[Rule]] = []
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_") or info.name in ("base", "docgen"):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        found += [obj for obj in vars(module).values()
                  if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule
                  and obj.__module__ == module.__name__]
    return tuple(sorted(found, key=lambda r: r.code))


def find_rule(key: str) -> type[Rule] | None:
    """A rule by code (case-insensitive) or name."""
    key = key.strip().lower()
    return next((r for r in discover() if key in (r.code.lower(), r.name)), None)


# ---- building a context by hand (examples, unit tests) ---------------------------------------

_FIELD_LABELS = {
    "employer": "Employer", "employer_address": "Address", "worksite": "Work location",
    "start_date": "Start date", "end_date": "End date", "term_months": "Term (months)",
    "permanent": "Permanent", "hours_per_week": "Hours per week", "wage": "Salary",
    "education": "Education required", "licence": "Licence", "portal_offer_number": "Offer number",
    "signatory": "Signed",
}


def _show(value: Any) -> str:
    if isinstance(value, dict) and "amount" in value:
        return f"${value['amount']:,} {value.get('currency', 'CAD')} per {value.get('period', 'year')}"
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v)
    return str(value)


def _candidates_noc(pairs: Iterable[tuple[str, float]], basis: str) -> tuple[NocCandidate, ...]:
    out = []
    for code, score in pairs:
        group = _safe_noc().get(code)
        out.append(NocCandidate(code=code, title=getattr(group, "title", code), teer=_data.teer_of(code),
                                score=score, basis=basis))  # type: ignore[arg-type]
    return tuple(out)


def _candidates_cusma(pairs: Iterable[tuple[str, float]], basis: str) -> tuple[CusmaCandidate, ...]:
    out = []
    for pid, score in pairs:
        prof = _safe_profession(pid)
        out.append(CusmaCandidate(id=pid, name=getattr(prof, "name", pid), score=score,
                                  basis=basis))  # type: ignore[arg-type]
    return tuple(out)


def _safe_noc() -> dict[str, Any]:
    try:
        return _data.noc_groups()
    except (ImportError, AttributeError):
        return {}


def _safe_profession(pid: str) -> Any | None:
    try:
        return _data.profession(pid)
    except (ImportError, AttributeError):
        return None


def _matches(ex: Example) -> Matches:
    title_noc = _candidates_noc(ex.title_noc if ex.title_noc is not None else ex.noc, "title")
    duties_noc = _candidates_noc(ex.duties_noc if ex.duties_noc is not None else ex.noc, "duties")
    agreement = None
    if title_noc and duties_noc:
        agreement = title_noc[0].code == duties_noc[0].code
    return Matches(
        noc=_candidates_noc(ex.noc, "both"),
        cusma=_candidates_cusma(ex.cusma, "both"),
        title_noc=title_noc, duties_noc=duties_noc,
        title_cusma=_candidates_cusma(ex.title_cusma if ex.title_cusma is not None else ex.cusma, "title"),
        duties_cusma=_candidates_cusma(ex.duties_cusma if ex.duties_cusma is not None else ex.cusma,
                                       "duties"),
        agreement=agreement,
    )


class _Writer:
    """Appends lines to a one-page plain-text Document and remembers their spans."""

    def __init__(self) -> None:
        self.text = ""
        self.lines: list[Line] = []

    def add(self, line: str, prefix: str = "") -> tuple[int, int]:
        start = len(self.text) + len(prefix)
        full = prefix + line
        self.lines.append(Line(page=1, text=full, start=len(self.text), end=len(self.text) + len(full)))
        self.text += full + "\n"
        return start, start + len(line)


def build_context(ex: Example) -> CheckContext:
    """A CheckContext for an Example, built directly (no ingest, extraction or matching)."""
    w = _Writer()
    spans: dict[str, tuple[int, int]] = {}
    if ex.title:
        spans["title"] = w.add(ex.title, "Position: ")
    for name, value in ex.fields.items():
        spans[name] = w.add(_show(value), f"{_FIELD_LABELS.get(name, name)}: ")
    duty_spans = [w.add(d, "- ") for d in ex.duties]
    for para in ex.paragraphs:
        w.add(para)
    doc = Document(source="example.txt", kind="text", text=w.text,
                   pages=(Page(number=1, width=612, height=792, lines=tuple(w.lines)),))
    blocks = tuple(Block(kind="paragraph", text=ln.text, start=ln.start, end=ln.end, page=1, lines=(ln,))
                   for ln in w.lines)
    layout = Layout(document=doc, blocks=blocks, sections=(Section(heading=None, blocks=blocks),))
    fields = {name: None for name in _FIELD_LABELS}
    for name, value in ex.fields.items():
        fields[name] = Value(value=value, evidence=doc.evidence(*spans[name]))
    extraction = Extraction(
        language="en",
        title=Value(ex.title, doc.evidence(*spans["title"])) if ex.title else None,
        duties=tuple(Duty(text=d, evidence=doc.evidence(*s)) for d, s in zip(ex.duties, duty_spans, strict=True)),
        fields=fields,
    )
    return CheckContext(document=doc, layout=layout, extraction=extraction, matches=_matches(ex),
                        program=ex.program, citizenship=ex.citizenship)
