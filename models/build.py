"""``make models``: build the matching artefacts into models/ and write models/metrics.json.

Seeded and offline: reads only corpora/ (through analyzer.corpora).  The recipe is in
analyzer/match/train.py so the package can also run it on first use when the artefact is missing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from analyzer.match.model import MODELS_DIR, save
from analyzer.match.train import SEED, build_all


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    seed = int(args[0]) if args else SEED
    bundle, metrics = build_all(seed)
    out = save(bundle, MODELS_DIR)
    metrics["artefact_bytes"] = out.stat().st_size
    Path(MODELS_DIR / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(metrics, indent=2))
    print(f"saved {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
