"""Stateless text features: hashed character and word n-grams weighted by a stored IDF vector.

Hashing keeps the artefacts small and loading fast (no vocabulary to unpickle); the only fitted
state is the IDF vector, saved with each model.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn import config_context
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

N_CHAR = 2**19
N_WORD = 2**18


@dataclass(frozen=True)
class Featuriser:
    """char_wb n-grams + word n-grams, hashed; ``idf`` is fitted by :func:`fit_idf`."""

    char_range: tuple[int, int] | None = (2, 4)  # None: words only
    word_range: tuple[int, int] | None = (1, 2)  # None: characters only
    word_weight: float = 1.0
    stop_words: str | None = None

    def counts(self, texts: Sequence[str]) -> sp.csr_matrix:
        char, word = _vectorizers(self)
        # our own fixed, valid parameters: scikit-learn's per-call validation was a fifth of a match
        with config_context(skip_parameter_validation=True):
            w = word.transform(texts) * self.word_weight if self.word_range else sp.csr_matrix((len(texts), N_WORD))
            c = char.transform(texts) if self.char_range else sp.csr_matrix((len(texts), N_CHAR))
        return sp.hstack([c, w], format="csr", dtype=np.float32)

    def transform(self, texts: Sequence[str], idf: np.ndarray) -> sp.csr_matrix:
        x = self.counts(texts)
        x.data = np.log1p(x.data)  # sublinear tf
        x.data *= idf[x.indices]  # cheaper than multiplying by a 786k-wide diagonal matrix
        with config_context(skip_parameter_validation=True):
            return normalize(x).astype(np.float32).tocsr()


@functools.cache
def _vectorizers(f: Featuriser) -> tuple[HashingVectorizer, HashingVectorizer]:
    """(characters, words): stateless, so one pair per featuriser serves every call."""
    char = HashingVectorizer(analyzer="char_wb", ngram_range=f.char_range or (3, 3), n_features=N_CHAR,
                             alternate_sign=False, norm=None, lowercase=True)
    word = HashingVectorizer(analyzer="word", ngram_range=f.word_range or (1, 1), n_features=N_WORD,
                             alternate_sign=False, norm=None, lowercase=True,
                             stop_words=f.stop_words, token_pattern=r"(?u)\b\w+\b")
    return char, word


def dot(x: sp.csr_matrix, weights: sp.csr_matrix) -> np.ndarray:
    """``x @ weights`` as a dense array for a few query rows: only the rows of ``weights`` that
    the query touches are read (a general sparse product scans far more)."""
    out = np.zeros((x.shape[0], weights.shape[1]), dtype=np.float32)
    for i in range(x.shape[0]):
        lo, hi = x.indptr[i], x.indptr[i + 1]
        if hi > lo:
            out[i] = weights[x.indices[lo:hi]].T @ x.data[lo:hi]
    return out


def fit_idf(counts: sp.csr_matrix) -> np.ndarray:
    """Smoothed IDF as scikit-learn computes it; unseen features get the largest value."""
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    return (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)
