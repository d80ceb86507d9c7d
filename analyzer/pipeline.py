"""One letter in, one :class:`Report` out: ingest -> segment -> extract -> match -> checks.

Every stage runs exactly once per letter.  A file that cannot be read never raises: the report
carries the :class:`InputError` instead, so a batch goes on past broken files.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from analyzer.types import InputError, Report

log = logging.getLogger(__name__)

PROGRAMS: tuple[str, ...] = ("cusma", "cptpp")


def source_label(source: str | Path | bytes, name: str | None) -> str:
    """The name a report shows for its input: the given name, else the path as given."""
    if name:
        return name
    if isinstance(source, bytes | bytearray):
        return "<bytes>"
    return str(source)


def analyse(
    source: str | Path | bytes,
    program: str = "cusma",
    citizenship: str | None = None,
    config: Any = None,
    name: str | None = None,
    include_text: bool = False,
) -> Report:
    """Analyse one letter (a path or the file's bytes) and return its report.

    ``program`` is ``"cusma"`` or ``"cptpp"``; ``citizenship`` an ISO 3166 alpha-2 code;
    ``config`` an ``analyzer.config.RuleConfig`` (``None``: defaults); ``name`` the file name to
    show (needed to know the type of ``bytes``).  Raises ``ValueError`` only for a bad
    ``program`` (a caller's mistake, not a bad file)."""
    if program not in PROGRAMS:
        raise ValueError(f"program must be one of {', '.join(PROGRAMS)}, not {program!r}")
    cc = citizenship.strip().upper() if citizenship else None
    label = source_label(source, name)
    base = {"file": label, "program": program, "citizenship": cc, "include_text": include_text}
    try:
        return Report(**base, **_run_stages(source, name, program, cc, config))
    except InputError as exc:
        return Report(**base, error=exc)
    except Exception as exc:  # a bug in a stage must not stop a batch; keep the trace in the log
        log.exception("internal error while analysing %s", label)
        message = f"{label}: internal error while analysing the letter ({type(exc).__name__}: {exc})."
        return Report(**base, error=InputError("internal_error", message))


def _run_stages(
    source: str | Path | bytes, name: str | None, program: str, citizenship: str | None, config: Any
) -> dict[str, Any]:
    # Imported here so `offercheck --help` and report rendering never load spaCy and the corpora.
    from analyzer import checks, extract, ingest, match, segment
    from analyzer.checks.base import CheckContext

    document = ingest.read(source, name=name)
    layout = segment.segment(document)
    extraction = extract.extract(layout)
    title = extraction.title.value if extraction.title else None
    # what the employer does helps most when the title is vague ("Associate", "Specialist")
    business = extraction.field("employer_business")
    matches = match.match(title, [duty.text for duty in extraction.duties], context=business)
    ctx = CheckContext(document=document, layout=layout, extraction=extraction, matches=matches,
                       program=program, citizenship=citizenship)
    findings = checks.run(ctx, config)
    return {"document": document, "extraction": extraction, "matches": matches,
            "findings": tuple(findings)}
