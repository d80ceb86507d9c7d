"""``make calibration``: rebuild the duty examples (``models/duty_examples.npz``) and refit the
score calibrators on the labelled pairs (``models/calibration.json``), without rebuilding the
models (seconds instead of minutes).

Raw scores do not depend on the calibrators, so a change to fusion or to the pairs needs only
this; ``make models`` runs it after a rebuild.  The evaluation never uses these calibrators on the
pairs they were fitted on: ``make eval`` cross-validates (tests/eval_match.py).
"""

from __future__ import annotations

import sys

from analyzer.match import examples, labelled
from analyzer.match.model import EXAMPLES, MODELS_DIR, load, save_calibration


def main(argv: list[str] | None = None) -> int:
    del argv
    bundle = load()
    pairs = labelled.load_pairs()
    # the duty examples first: the calibrators are fitted on scores that use them (cross-fitted)
    built = examples.build(bundle.duties, bundle.codes, pairs)
    if built is not None:
        print(f"wrote {examples.save(built, MODELS_DIR / EXAMPLES)}: {len(built.classes)} unit groups")
    bundle.examples = built
    calibrators = labelled.fit(bundle, pairs, labelled.raw_scores(bundle, pairs))
    note = (f"Score calibrators (raw score knots x -> chance of being right y), fitted by `python -m "
            f"models.calibrate` on the {len(pairs)} labelled pairs in tests/labelled/match_pairs.jsonl "
            "(isotonic, with a logistic tail for the NOC channels; analyzer/match/labelled.py).")
    out = save_calibration(calibrators, note, MODELS_DIR)
    print(f"wrote {out}: {len(calibrators)} channels from {len(pairs)} pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
