"""``make eval``: every accuracy measure in one run, printed and saved to docs/eval.md.

Sections come from ``tests/eval_<name>.py`` modules, each with ``run() -> str`` returning markdown.
"""

from __future__ import annotations

import importlib
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

SECTIONS = ("extraction", "match", "rules", "heldout", "heldout2", "heldout3", "heldout4")
DOCS = Path(__file__).resolve().parent.parent / "docs" / "eval.md"


def main(argv: list[str] | None = None) -> int:
    names = (argv if argv is not None else sys.argv[1:]) or list(SECTIONS)
    parts = [
        "# Evaluation results",
        "",
        f"Made by `make eval` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
        f"{platform.machine()}. Every number below comes from that run.",
    ]
    for name in names:
        start = time.perf_counter()
        section = importlib.import_module(f"tests.eval_{name}").run()
        took = time.perf_counter() - start
        print(section, flush=True)
        parts += ["", section.strip(), "", f"_({name}: {took:.1f} s)_"]
    if names == list(SECTIONS):
        DOCS.write_text("\n".join(parts) + "\n", encoding="utf-8")
        print(f"\nsaved to {DOCS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
