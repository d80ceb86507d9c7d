"""The trained matching artefacts as one object, saved to and loaded from ``models/match.joblib``.

When the file is missing (a fresh checkout without ``make models``) the models are built in this
process from ``corpora/`` (2-7 minutes on 2 cores, no network) and cached under ``~/.cache/offercheck``."""

from __future__ import annotations

import functools
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import joblib
import numpy as np

from analyzer.match import examples
from analyzer.match.calibrate import Calibrator
from analyzer.match.duties import DutiesModel
from analyzer.match.examples import Examples
from analyzer.match.fuse import Weights
from analyzer.match.title import TitleModel

MODELS_DIR = Path(__file__).resolve().parent.parent.parent / "models"
ARTEFACT = "match.joblib"
CALIBRATION = "calibration.json"  # the calibrators, refitted without rebuilding the models
EXAMPLES = "duty_examples.npz"  # the labelled duty examples, rebuilt with the calibrators
CACHE_DIR = Path(os.environ.get("OFFERCHECK_CACHE", Path.home() / ".cache" / "offercheck"))


@dataclass
class Bundle:
    codes: tuple[str, ...]  # class index -> NOC 2021 code
    title: TitleModel
    duties: DutiesModel
    weights: Weights
    calibrators: dict[str, Calibrator]  # "title_noc", "duties_noc", "noc", "title_cusma", ...
    meta: dict[str, Any] = field(default_factory=dict)
    examples: Examples | None = None  # the labelled duty examples (duty_examples.npz beside the artefact)


def save(bundle: Bundle, directory: Path = MODELS_DIR) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    out = directory / ARTEFACT
    joblib.dump(bundle, out, compress=3)
    return out


def save_calibration(calibrators: dict[str, Calibrator], note: str, directory: Path = MODELS_DIR) -> Path:
    out = directory / CALIBRATION
    rows = [f"  {json.dumps(k)}: " + json.dumps({"x": c.x.round(8).tolist(), "y": c.y.round(8).tolist()})
            for k, c in sorted(calibrators.items())]
    out.write_text('{\n "_source": ' + json.dumps(note) + ',\n "channels": {\n' + ",\n".join(rows) + "\n }\n}\n",
                   encoding="utf-8")
    return out


def load_calibration(path: Path) -> dict[str, Calibrator] | None:
    if not path.exists():
        return None
    channels = json.loads(path.read_text(encoding="utf-8"))["channels"]
    return {k: Calibrator(np.array(v["x"], dtype=np.float64), np.array(v["y"], dtype=np.float64))
            for k, v in channels.items()}


def _unpacked_path(artefact: Path) -> Path:
    """Where the uncompressed copy of ``artefact`` lives: keyed by the artefact's size and
    modification time, so a rebuilt or checked-out artefact gets a new copy."""
    st = artefact.stat()
    return CACHE_DIR / f"match-{st.st_size}-{st.st_mtime_ns}.unpacked.joblib"


def _load_fast(artefact: Path) -> Bundle:
    """The committed artefact is compressed (17 MB instead of 46 MB); inflating it costs about
    0.2 s at every start.  The first load therefore also writes an uncompressed copy to the cache
    folder, and later loads memory-map that copy (about 0.04 s, and the pages are shared by the
    batch workers).  A cache folder that cannot be written is skipped: the load stays correct."""
    unpacked = _unpacked_path(artefact)
    if unpacked.exists():
        try:
            return joblib.load(unpacked, mmap_mode="r")
        except Exception:  # a truncated or foreign copy: fall back to the artefact itself
            pass
    bundle: Bundle = joblib.load(artefact)
    try:
        unpacked.parent.mkdir(parents=True, exist_ok=True)
        tmp = unpacked.with_suffix(f".{os.getpid()}.tmp")
        joblib.dump(bundle, tmp, compress=0)
        os.replace(tmp, unpacked)  # atomic: a parallel worker never reads a half-written copy
        for old in unpacked.parent.glob("match-*.unpacked.joblib"):
            if old != unpacked:
                old.unlink(missing_ok=True)  # copies of earlier artefacts
    except OSError:
        pass
    return bundle


@functools.cache
def load() -> Bundle:
    """The models, with the calibrators of ``calibration.json`` and the duty examples of
    ``duty_examples.npz`` beside the artefact when present (``python -m models.calibrate`` writes
    both; the artefact keeps the calibrators it was built with)."""
    for candidate in (Path(os.environ.get("OFFERCHECK_MODELS", MODELS_DIR)) / ARTEFACT, CACHE_DIR / ARTEFACT):
        if candidate.exists():
            return _with_overlays(_load_fast(candidate), candidate.parent)
    print("offercheck: models/match.joblib missing; building the matching models once (2-7 minutes)",
          file=sys.stderr)
    from analyzer.match.train import build_all

    bundle, _ = build_all()
    save(bundle, CACHE_DIR)
    return _with_overlays(bundle, CACHE_DIR)


def _with_overlays(bundle: Bundle, folder: Path) -> Bundle:
    """The calibrators and duty examples beside the artefact, else the repository's (a model
    built on first use into the cache is the seeded build of the committed one)."""
    side = folder if (folder / CALIBRATION).exists() else MODELS_DIR
    bundle.calibrators = load_calibration(side / CALIBRATION) or bundle.calibrators
    bundle.examples = examples.load(side / EXAMPLES)
    return bundle
