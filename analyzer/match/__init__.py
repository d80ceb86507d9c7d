"""Occupation matching: a job title and duties (and optionally the employer's business) to ranked,
calibrated NOC 2021 unit groups and CUSMA Appendix 2 professions.

    from analyzer.match import match, acceptance
    m = match("Senior Systems Analyst", ["Analyse business requirements ..."])
    m.cusma[0].id, m.cusma[0].score >= acceptance(), m.noc[0].code, m.agreement
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np

from analyzer import corpora
from analyzer.match import cusma, fuse, scores
from analyzer.match.calibrate import Calibrator
from analyzer.match.model import Bundle, load
from analyzer.match.scores import DISPUTED, LIFTED
from analyzer.types import CusmaCandidate, Matches, NocCandidate

__all__ = ["match", "assemble", "acceptance", "thresholds"]

Basis = Literal["title", "duties", "both"]


def thresholds() -> dict[str, float]:
    """The matching thresholds (analyzer/match/thresholds.json), numeric entries only."""
    return fuse._thresholds()


def acceptance() -> float:
    """The calibrated CUSMA score at or above which a profession counts as matched."""
    return float(thresholds()["cusma_acceptance"])


TITLE_BASIS, DUTIES_BASIS = 0.75, 0.25  # the title's share of a fused score from which it is the basis


def _bases(by_title: np.ndarray | None, by_duties: np.ndarray | None, share: np.ndarray | float,
           k: int = 3) -> list[Basis]:
    """Per class: "both" when title and duties each rank it in their top k, else the source
    that ranks it there, else whichever contributed more of its fused score."""
    n = len(by_title) if by_title is not None else len(by_duties)  # type: ignore[arg-type]
    in_t, in_d = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    if by_title is not None:
        in_t[np.argsort(-by_title)[:k]] = True
    if by_duties is not None:
        in_d[np.argsort(-by_duties)[:k]] = True
    shares = np.broadcast_to(share, (n,))
    by_share = np.where(shares >= TITLE_BASIS, "title", np.where(shares <= DUTIES_BASIS, "duties", "both"))
    out = np.where(in_t & in_d, "both", np.where(in_t, "title", np.where(in_d, "duties", by_share)))
    return out.tolist()  # type: ignore[no-any-return]


def _calibrated(raw: np.ndarray, cal: dict[str, Calibrator], channel: str, winner: str | None = None) -> np.ndarray:
    """The winner through the channel's calibrator, runners-up through its ``@rest`` one (never
    above the winner, so the order the raw scores gave stays).  A ``winner`` calibrator (a
    profession lifted to first because the title names it) is fitted on few pairs, so it can only
    lower the channel's score, never raise it."""
    if channel not in cal:  # a channel newer than the calibrators (e.g. an old cached artefact)
        channel = {DISPUTED: "noc"}.get(channel, channel)
    first = cal[channel](raw[:1])
    if winner in cal:
        first = np.minimum(first, cal[winner](raw[:1]))
    rest = cal.get(f"{channel}@rest", cal[channel])(raw[1:])
    return np.concatenate([first, np.minimum(rest, first)])


def _noc(b: Bundle, p: np.ndarray, cal: dict[str, Calibrator], channel: str,
         bases: list[Basis]) -> tuple[NocCandidate, ...]:
    units = corpora.noc()
    top = np.argsort(-p)[: int(thresholds()["noc_candidates"])]
    calibrated = _calibrated(p[top], cal, channel)
    return tuple(NocCandidate(code=b.codes[i], title=units[b.codes[i]].title, teer=units[b.codes[i]].teer,
                              score=float(s), basis=bases[i])
                 for i, s in zip(top, calibrated, strict=True))


def _cusma(b: Bundle, raw: np.ndarray, cal: dict[str, Calibrator], channel: str,
           bases: list[Basis], winner: str | None = None) -> tuple[CusmaCandidate, ...]:
    idx = cusma.index(b.codes)
    top = np.argsort(-raw, kind="stable")[: int(thresholds()["cusma_candidates"])]
    calibrated = _calibrated(raw[top], cal, channel, winner)
    return tuple(CusmaCandidate(id=idx.ids[i], name=idx.names[i], score=float(s), basis=bases[i])
                 for i, s in zip(top, calibrated, strict=True))


def _agree(noc_disputed: bool, t_cus: tuple[CusmaCandidate, ...], d_cus: tuple[CusmaCandidate, ...]) -> bool:
    """Title and duties agree when one's best NOC minor group is among the other's top ``agreement_top_k``
    (``scores.disputed``: duty text alone ranks the right group first only about half the time, so
    top-1 against top-1 would cry wolf), or when both accept the same CUSMA profession."""
    if not noc_disputed:
        return True
    bar = acceptance()
    return t_cus[0].id == d_cus[0].id and min(t_cus[0].score, d_cus[0].score) >= bar


def match(title_text: str | None, duty_texts: Sequence[str], context: str | None = None) -> Matches:
    """Rank NOC 2021 unit groups and CUSMA professions for a title and duties (either may be
    empty); ``context`` is the employer's business description, used more when the title is vague."""
    b = load()
    raw = scores.gather(b, title_text, duty_texts, context)
    return Matches(noc=(), cusma=()) if raw is None else assemble(b, raw)


def assemble(b: Bundle, raw: scores.RawScores, calibrators: dict[str, Calibrator] | None = None) -> Matches:
    """Ranked, calibrated candidates from raw scores (``calibrators`` overrides the bundle's,
    for cross-validated evaluation)."""
    cal = calibrators or b.calibrators
    n_noc, n_cus = len(raw.noc), len(raw.cusma)
    m = Matches(
        noc=_noc(b, raw.noc, cal, raw.noc_channel, _bases(raw.title_noc, raw.duties_noc, raw.noc_title_share)),
        cusma=_cusma(b, raw.cusma, cal, raw.cusma_channel,
                     _bases(raw.title_cusma, raw.duties_cusma, raw.cusma_title_share),
                     LIFTED if raw.cusma_lifted else None),
        title_noc=_noc(b, raw.title_noc, cal, "title_noc", ["title"] * n_noc) if raw.title_noc is not None else (),
        duties_noc=_noc(b, raw.duties_noc, cal, "duties_noc", ["duties"] * n_noc)
        if raw.duties_noc is not None else (),
        title_cusma=_cusma(b, raw.title_cusma, cal, "title_cusma", ["title"] * n_cus)
        if raw.title_cusma is not None else (),
        duties_cusma=_cusma(b, raw.duties_cusma, cal, "duties_cusma", ["duties"] * n_cus)
        if raw.duties_cusma is not None else (),
    )
    if not raw.both:
        return m
    return Matches(m.noc, m.cusma, m.title_noc, m.duties_noc, m.title_cusma, m.duties_cusma,
                   agreement=_agree(raw.noc_disputed, m.title_cusma, m.duties_cusma))
