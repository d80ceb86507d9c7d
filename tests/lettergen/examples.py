"""python -m tests.lettergen.examples [DIR]: render the bundled example letters.

Reads the specs in ``DIR/specs`` (default ``examples``) and writes each letter into ``DIR``,
removing rendered letters whose spec is gone.  ``make examples`` runs exactly this.
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import render
from .spec import FORMATS, load_specs


def render_examples(directory: Path) -> list[Path]:
    specs = load_specs(directory / "specs")
    paths = [render(spec, directory) for spec in specs]
    for stale in directory.iterdir():
        if stale.suffix[1:] in FORMATS and stale not in paths:
            stale.unlink()
    return paths


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    directory = Path(args[0] if args else "examples")
    paths = render_examples(directory)
    for p in paths:
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
