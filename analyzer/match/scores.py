"""Raw (uncalibrated) evidence for one position: what each source says about every unit group and
every CUSMA profession.  ``analyzer.match.match`` turns it into ranked, calibrated candidates; the
build and the evaluation use it to fit and check the calibrators."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analyzer.match import cusma, duties, fuse, title
from analyzer.match.model import Bundle

LIFTED = "named_cusma"  # calibrator of a fused CUSMA winner that leads because the title names it


@dataclass(frozen=True)
class RawScores:
    noc: np.ndarray  # fused probabilities over unit groups (bundle.codes order)
    noc_title_share: np.ndarray
    cusma: np.ndarray  # fused raw score per profession (cusma.index order)
    cusma_title_share: np.ndarray | float
    title_noc: np.ndarray | None
    duties_noc: np.ndarray | None
    title_cusma: np.ndarray | None
    duties_cusma: np.ndarray | None
    cusma_lifted: bool = False  # the fused CUSMA winner leads only because the title names it

    @property
    def both(self) -> bool:
        return self.title_noc is not None and self.duties_noc is not None

    @property
    def noc_channel(self) -> str:
        return "noc" if self.both else ("title_noc" if self.title_noc is not None else "duties_noc")

    @property
    def cusma_channel(self) -> str:
        return "cusma" if self.both else ("title_cusma" if self.title_cusma is not None else "duties_cusma")


def gather(b: Bundle, title_text: str | None, duty_texts: Sequence[str],
           context: str | None = None) -> RawScores | None:
    """None when there is neither a title nor a duty."""
    w = b.weights
    idx = cusma.index(b.codes)
    has_title = bool(title_text and title_text.strip())
    lines = [d for d in duty_texts if d and d.strip()]
    if not has_title and not lines:
        return None
    p_t = title.proba(b.title, title_text or "") if has_title else None
    p_d = duties.proba(b.duties, lines) if lines else None
    p_c = duties.proba(b.duties, [context]) if context and context.strip() else None
    p, share = fuse.noc_mix(p_t, p_d, p_c, w)
    r_t = fuse.cusma_title(idx, p_t, title_text or "", w) if p_t is not None else None
    r_d = fuse.cusma_duties(idx, p_d, " ".join(lines), w) if p_d is not None else None
    push = fuse.not_covered_push(idx, title_text, w) if has_title and title_text else 0.0
    names = cusma.named(idx, title_text) if has_title and title_text else None
    r, c_share, lifted = fuse.cusma_fused(r_t, r_d, w, push, names)
    return RawScores(p, share, r, c_share, p_t, p_d, r_t, r_d, lifted)
