"""Duty examples: the labelled pairs' duty statements as a second set of unit-group documents.

NOC's own text is formal ("Plan, organize and conduct ..."); offer letters are not.  The duties of
the labelled pairs (tests/labelled/match_pairs.jsonl, written as letters word them) are grouped by
the unit group they were labelled with and featurised like the NOC documents; a letter's duties
are scored against both, the examples' cosine above ``FLOOR`` added at ``WEIGHT``.  Left out of the build, a writer's pairs
were read right far more often with the examples than without (models/README.md).

``models/duty_examples.npz`` holds the featurised documents (``python -m models.calibrate``
writes it, and a test fails when it is not what a rebuild gives).  The evaluation and the
calibrators never score a pair against documents that contain its own duties
(``analyzer/match/labelled.py``: cross-fitting)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import scipy.sparse as sp

if TYPE_CHECKING:
    from analyzer.match.duties import DutiesModel

# Only the part of a cosine above FLOOR counts: below it the match is vocabulary overlap (an
# industrial mechanic's "mechanical equipment" against the engineers' examples), which otherwise
# lifted professions over support-level duties.  Both chosen on the tuning pairs (models/README.md).
FLOOR = 0.15
WEIGHT = 0.5  # the examples' cosine above FLOOR is added at this weight to the NOC documents' cosine


@dataclass
class Examples:
    classes: np.ndarray  # class index (bundle.codes order) of each document row
    documents: sp.csr_matrix  # (documents, features), rows L2-normalised


def build(model: DutiesModel, codes: Sequence[str], pairs: Iterable[dict[str, Any]]) -> Examples | None:
    """One document per unit group: the duties of every pair labelled with it (None without pairs)."""
    from analyzer.match.duties import FEATURES

    col = {c: i for i, c in enumerate(codes)}
    grouped: dict[int, list[str]] = {}
    for p in pairs:
        if p["noc"] in col:
            grouped.setdefault(col[p["noc"]], []).extend(d.strip() for d in p["duties"] if d and d.strip())
    if not grouped:
        return None
    classes = np.array(sorted(grouped), dtype=np.int32)
    matrix = FEATURES.transform([" ".join(grouped[int(c)]) for c in classes], model.idf)
    return Examples(classes, matrix.astype(np.float32).tocsr())


def similarity(examples: Examples | None, query: sp.csr_matrix, n_classes: int) -> np.ndarray:
    """(queries, classes): each query's cosine with the examples of each unit group (0 where none)."""
    out = np.zeros((query.shape[0], n_classes), dtype=np.float32)
    if examples is not None:
        out[:, examples.classes] = np.maximum((query @ examples.documents.T).toarray() - FLOOR, 0.0)
    return out


def save(examples: Examples, path: Path) -> Path:
    m = examples.documents
    np.savez_compressed(path, classes=examples.classes, data=m.data, indices=m.indices, indptr=m.indptr,
                        shape=np.array(m.shape))
    return path


def load(path: Path) -> Examples | None:
    if not path.exists():
        return None
    with np.load(path) as z:
        matrix = sp.csr_matrix((z["data"], z["indices"], z["indptr"]), shape=tuple(z["shape"]))
        return Examples(z["classes"], matrix)
