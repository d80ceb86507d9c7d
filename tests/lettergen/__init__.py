"""Test-letter generator: JSON letter specs -> realistic offer letters (PDF, DOCX, TXT).

    from tests.lettergen import load_specs, render, expected
    for spec in load_specs("tests/labelled/letters"):
        path = render(spec, out_dir)          # the letter file
        truth = expected(spec)                # title, duties, fields a perfect reader extracts
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .spec import FORMATS, LAYOUTS, NOISES, OMITTABLE, expected, load_specs, normalise
from .text import build

__all__ = ["FORMATS", "LAYOUTS", "NOISES", "OMITTABLE", "expected", "load_specs", "render", "render_all"]


def render(spec: dict[str, Any], out_dir: Path) -> Path:
    """Write the letter for ``spec`` to ``out_dir/<id>.<format>`` and return its path."""
    s = normalise(spec)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    letter = build(s)
    path = out_dir / f"{s['id']}.{s['format']}"
    if s["format"] == "pdf":
        from .render_pdf import render as draw
    elif s["format"] == "docx":
        from .render_docx import render as draw
    else:
        from .render_txt import render as draw
    return draw(letter, path)


def render_all(spec_dir: Path, out_dir: Path) -> list[Path]:
    """Render every spec in ``spec_dir`` into ``out_dir``."""
    return [render(s, out_dir) for s in load_specs(spec_dir)]
