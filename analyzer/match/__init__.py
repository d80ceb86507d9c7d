"""Occupation matching: a job title and duties (and optionally the employer's business) to ranked,
calibrated NOC 2021 unit groups and CUSMA Appendix 2 professions.

    from analyzer.match import match, acceptance
    m = match("Senior Systems Analyst", ["Analyse business requirements ..."])
    m.cusma[0].id, m.cusma[0].score >= acceptance(), m.noc[0].code, m.agreement
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np

from analyzer import corpora
from analyzer.match import cusma, duties, fuse, title
from analyzer.match.model import Bundle, load
from analyzer.types import CusmaCandidate, Matches, NocCandidate

__all__ = ["match", "acceptance", "thresholds"]

Basis = Literal["title", "duties", "both"]


@functools.cache
def thresholds() -> dict[str, float]:
    raw = json.loads(Path(__file__).with_name("thresholds.json").read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def acceptance() -> float:
    """The calibrated CUSMA score at or above which a profession counts as matched."""
    return float(thresholds()["cusma_acceptance"])


def _basis(title_share: float) -> Basis:
    return "title" if title_share >= 0.75 else "duties" if title_share <= 0.25 else "both"


def _noc(b: Bundle, p: np.ndarray, cal: str, share: np.ndarray | float) -> tuple[NocCandidate, ...]:
    units = corpora.noc()
    top = np.argsort(-p)[: int(thresholds()["noc_candidates"])]
    scores = b.calibrators[cal](p[top])
    shares = np.broadcast_to(share, p.shape)
    return tuple(NocCandidate(code=b.codes[i], title=units[b.codes[i]].title, teer=units[b.codes[i]].teer,
                              score=float(s), basis=_basis(float(shares[i])))
                 for i, s in zip(top, scores, strict=True))


def _cusma(b: Bundle, raw: np.ndarray, cal: str, share: np.ndarray | float) -> tuple[CusmaCandidate, ...]:
    idx = cusma.index(b.codes)
    top = np.argsort(-raw, kind="stable")[: int(thresholds()["cusma_candidates"])]
    scores = b.calibrators[cal](raw[top])
    shares = np.broadcast_to(share, raw.shape)
    return tuple(CusmaCandidate(id=idx.ids[i], name=idx.names[i], score=float(s), basis=_basis(float(shares[i])))
                 for i, s in zip(top, scores, strict=True))


def _agree(t_noc: tuple[NocCandidate, ...], d_noc: tuple[NocCandidate, ...],
           t_cus: tuple[CusmaCandidate, ...], d_cus: tuple[CusmaCandidate, ...]) -> bool:
    """Title and duties agree when one's best NOC minor group is among the other's top three
    (duty text alone ranks the right group first only about half the time, so top-1 against
    top-1 would cry wolf), or when both accept the same CUSMA profession."""
    k = int(thresholds()["agreement_top_k"])
    t_top, d_top = t_noc[0].code[:4], d_noc[0].code[:4]
    if t_top in {c.code[:4] for c in d_noc[:k]} or d_top in {c.code[:4] for c in t_noc[:k]}:
        return True
    bar = acceptance()
    return t_cus[0].id == d_cus[0].id and min(t_cus[0].score, d_cus[0].score) >= bar


def match(title_text: str | None, duty_texts: Sequence[str], context: str | None = None) -> Matches:
    """Rank NOC 2021 unit groups and CUSMA professions for a title and duties (either may be
    empty); ``context`` is the employer's business description, used more when the title is vague."""
    b = load()
    w = b.weights
    idx = cusma.index(b.codes)
    has_title = bool(title_text and title_text.strip())
    lines = [d for d in duty_texts if d and d.strip()]
    if not has_title and not lines:
        return Matches(noc=(), cusma=())
    p_t = title.proba(b.title, title_text) if has_title else None
    p_d = duties.proba(b.duties, lines) if lines else None
    p_c = duties.proba(b.duties, [context]) if context and context.strip() else None
    p, share = fuse.noc_mix(p_t, p_d, p_c, w)
    text = " ".join(lines)
    r_t = fuse.cusma_title(idx, p_t, title_text or "", w) if p_t is not None else None
    r_d = fuse.cusma_duties(idx, p_d, text, w) if p_d is not None else None
    r, c_share = fuse.cusma_fused(r_t, r_d, w)
    both = p_t is not None and p_d is not None
    m = Matches(
        noc=_noc(b, p, "noc" if both else ("title_noc" if p_t is not None else "duties_noc"), share),
        cusma=_cusma(b, r, "cusma" if both else ("title_cusma" if r_t is not None else "duties_cusma"), c_share),
        title_noc=_noc(b, p_t, "title_noc", 1.0) if p_t is not None else (),
        duties_noc=_noc(b, p_d, "duties_noc", 0.0) if p_d is not None else (),
        title_cusma=_cusma(b, r_t, "title_cusma", 1.0) if r_t is not None else (),
        duties_cusma=_cusma(b, r_d, "duties_cusma", 0.0) if r_d is not None else (),
    )
    if not both:
        return m
    return Matches(m.noc, m.cusma, m.title_noc, m.duties_noc, m.title_cusma, m.duties_cusma,
                   agreement=_agree(m.title_noc, m.duties_noc, m.title_cusma, m.duties_cusma))
