"""``make notebooks``: execute notebooks/*.ipynb headless, in place, so they are committed with outputs.

    python -m tests.run_notebooks [NAME ...] [--timeout SECONDS]

Uses nbclient with the ``python3`` kernel of this interpreter (ipykernel in .venv); cells run
with ``notebooks/`` as working directory.  Exits 1 naming the notebook and cell that failed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def execute(path: Path, timeout: int = 900) -> float:
    """Run every cell of ``path`` and write the outputs back into it; returns seconds taken."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    nbformat.write(nb, path)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.run_notebooks")
    parser.add_argument("names", nargs="*", help="notebook names (default: all in notebooks/)")
    parser.add_argument("--timeout", type=int, default=900, help="seconds per cell")
    args = parser.parse_args(argv)
    paths = [NOTEBOOKS / (n if n.endswith(".ipynb") else n + ".ipynb") for n in args.names] or sorted(
        NOTEBOOKS.glob("*.ipynb"))
    from nbclient.exceptions import CellExecutionError

    for path in paths:
        try:
            seconds = execute(path, args.timeout)
        except CellExecutionError as exc:
            print(f"{path.name}: a cell failed:\n{exc}", file=sys.stderr)
            return 1
        print(f"{path.name}: executed in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
