"""offercheck: pre-screens Canadian job-offer letters for CUSMA / CPTPP work-permit refusal causes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from analyzer.types import Report


def analyse(source: Any, program: str = "cusma", citizenship: str | None = None, **kwargs: Any) -> Report:
    """Analyse one letter (a path or the file's bytes) and return its :class:`Report`.

    See :func:`analyzer.pipeline.analyse` for the options."""
    from analyzer.pipeline import analyse as _analyse

    return _analyse(source, program=program, citizenship=citizenship, **kwargs)


__all__ = ["__version__", "analyse"]
