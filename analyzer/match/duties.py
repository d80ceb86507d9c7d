"""Duties evidence: TF-IDF cosine between the letter's duties (joined) and one document per unit
group (title, lead statement, main duties, example titles, employment requirements).

A LinearSVC over single NOC duty lines and per-duty voting were both measured and both were worse
on held-out duty lines (see models/README.md), so the document cosine is the model."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from analyzer.corpora import UnitGroup
from analyzer.match import examples
from analyzer.match.features import Featuriser, dot, fit_idf
from analyzer.match.linear import softmax

FEATURES = Featuriser(char_range=(3, 5), word_range=(1, 2), stop_words="english")
MAX_TITLES = 60  # example titles per document: enough vocabulary without drowning the duties


@dataclass
class DutiesModel:
    idf: np.ndarray
    documents: sp.csr_matrix  # (n_features, n_classes), columns L2-normalised
    temperature: float = 30.0


def document(unit: UnitGroup, duties: Sequence[str] | None = None) -> str:
    """The text a unit group is matched on; ``duties`` replaces the main duties (held-out builds)."""
    lines = list(unit.duties if duties is None else duties)
    return " ".join([unit.title, unit.lead_statement, *lines, *unit.example_titles[:MAX_TITLES],
                     *unit.requirements])


def build(documents: Sequence[str]) -> DutiesModel:
    idf = fit_idf(FEATURES.counts(documents))
    return DutiesModel(idf, FEATURES.transform(documents, idf).T.tocsr())


def similarity(model: DutiesModel, text: str) -> np.ndarray:
    return dot(FEATURES.transform([text], model.idf), model.documents)[0]


def proba(model: DutiesModel, duties: Sequence[str], extra: examples.Examples | None = None) -> np.ndarray:
    return proba_many(model, [duties], extra)[0]


def proba_many(model: DutiesModel, texts: Sequence[Sequence[str]],
               extra: examples.Examples | None = None) -> list[np.ndarray]:
    """``proba`` of several duty lists (a letter's duties and its employer's business) in one
    featurisation, whose fixed cost is most of a short text's.  ``extra``: the labelled duty
    examples (``analyzer/match/examples.py``), whose cosine is added at ``examples.WEIGHT``."""
    joined = [" ".join(d.strip() for d in lines if d and d.strip()) for lines in texts]
    query = FEATURES.transform(joined, model.idf)
    sims = dot(query, model.documents)
    if extra is not None:
        sims = sims + examples.WEIGHT * examples.similarity(extra, query, sims.shape[1])
    return [softmax(row * model.temperature) for row in sims]
