"""python -m tests.lettergen SPEC_DIR OUT_DIR: render every spec in SPEC_DIR into OUT_DIR."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import render_all


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.lettergen", description=__doc__)
    ap.add_argument("spec_dir", type=Path)
    ap.add_argument("out_dir", type=Path)
    args = ap.parse_args(argv)
    paths = render_all(args.spec_dir, args.out_dir)
    print(f"rendered {len(paths)} letters into {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
