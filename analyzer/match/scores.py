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
DISPUTED = "noc_disputed"  # calibrator of the fused NOC winner when title and duties point apart


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
    noc_disputed: bool = False  # title and duties name different minor groups (``disputed``)

    @property
    def both(self) -> bool:
        return self.title_noc is not None and self.duties_noc is not None

    @property
    def noc_channel(self) -> str:
        """The fused winner of a disputed position is its own population: the fusion follows the
        title while the position is what the duties describe, so it is right far less often."""
        if self.both:
            return DISPUTED if self.noc_disputed else "noc"
        return "title_noc" if self.title_noc is not None else "duties_noc"

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
    # the duties and the employer's business in one featurisation
    asked = [lines] if lines else []
    asked += [[context]] if context and context.strip() else []
    got = duties.proba_many(b.duties, asked, b.examples) if asked else []
    p_d = got[0] if lines else None
    p_c = got[-1] if context and context.strip() else None
    apart = p_t is not None and p_d is not None and disputed(b.codes, p_t, p_d)
    # when title and duties point apart the duties lead: IRCC classifies a position by its duties
    p, share = fuse.noc_mix(p_t, p_d, p_c, fuse.disputed_weights(w) if apart else w)
    words = "\n".join([title_text or "", *lines])
    hits = cusma.term_hits(idx, " ".join(lines)) if lines else None
    push = fuse.not_covered_push(idx, title_text, w) if has_title and title_text else 0.0
    r_t = fuse.cusma_title(idx, p_t, title_text or "", w, words, push) if p_t is not None else None
    r_d = fuse.cusma_duties(idx, p_d, " ".join(lines), w, words, hits) if p_d is not None else None
    # work beside or under a profession, or outside its treaty condition, is not that profession
    below = cusma.subordinate(idx, "\n".join(lines)) if lines else np.zeros(len(idx.ids), dtype=bool)
    # the condition is about the work: a "Catastrophe Team" title over auto claims does not meet it
    below |= cusma.condition_unmet(idx, " ".join([*lines, context or ""]) if lines else title_text or "")
    if below.any():  # the title channel keeps the title's own view (the rules compare the two)
        push = np.maximum(push, np.where(below, w.not_covered, 0.0))
        r_d = np.clip(r_d - np.where(below, w.not_covered, 0.0), 0.0, None) if r_d is not None else None
    names = cusma.named(idx, title_text) if has_title and title_text else None
    # support-level or sales duties: the title adds nothing (neither is an Appendix 2 profession)
    support = fuse.support_level(b.codes, p_d, r_d) or fuse.sales_position(lines)
    keep = fuse.consensus_keep(idx, p_t, p_d, hits, p)
    r, c_share, lifted = fuse.cusma_fused(r_t, r_d, w, push, names, support, keep, idx.setting)
    r = fuse.show_readings(r, r_t, r_d, below)
    return RawScores(p, share, r, c_share, p_t, p_d, r_t, r_d, lifted, apart)


def disputed(codes: tuple[str, ...], p_title: np.ndarray, p_duties: np.ndarray) -> bool:
    """Neither source's best NOC minor group is among the other's top k unit groups
    (thresholds.json: agreement_top_k); ``Matches.agreement`` adds the CUSMA clause."""
    k = int(fuse._thresholds()["agreement_top_k"])

    def best(p: np.ndarray) -> str:
        return codes[int(np.argmax(p))][:4]

    def top(p: np.ndarray) -> set[str]:
        return {codes[int(i)][:4] for i in np.argsort(-p, kind="stable")[:k]}

    return best(p_title) not in top(p_duties) and best(p_duties) not in top(p_title)
