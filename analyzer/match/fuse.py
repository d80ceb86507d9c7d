"""Fusion: title, duties and employer-context evidence into one distribution over unit groups and
one raw score per CUSMA profession.  The weights are tuned at build time (models/build.py) and
saved with the models; the defaults here are the values the build starts from."""

from __future__ import annotations

import dataclasses
import functools
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from analyzer import corpora
from analyzer.match import cusma

TITLE_TIE_BREAK = 0.02  # too small to reorder candidates the duties tell apart
READING_STEP = 1e-6  # a nudge that reorders candidates without changing a calibrated score


@dataclass
class Weights:
    title: float = 0.5  # share of the title in the NOC mixture when duties are present
    context: float = 0.5  # employer context, multiplied by how unsure the title is
    name: float = 0.5  # CUSMA title channel: name/alias likeness vs NOC support
    terms: float = 0.25  # CUSMA duties channel: distinguishing words vs NOC support
    duties_cusma: float = 0.55  # CUSMA fused: duties channel share
    gate: float = 0.3  # duties score at which the title's CUSMA evidence counts in full
    not_covered: float = 0.7  # push-down when the title is a profession's not-covered title


@functools.cache
def _thresholds() -> dict[str, float]:
    """The numeric entries of thresholds.json (the one reader; ``analyzer.match.thresholds`` too)."""
    raw = json.loads(Path(__file__).with_name("thresholds.json").read_text(encoding="utf-8"))
    return {k: float(v) for k, v in raw.items() if not k.startswith("_") and isinstance(v, int | float)}


def _named_bar() -> tuple[float, float]:
    t = _thresholds()
    return float(t["named_title_clear_duties"]), float(t["named_title_no_support"])


@functools.cache
def _below_professional(codes: tuple[str, ...]) -> np.ndarray:
    """Unit groups at TEER 3-5: no CUSMA profession lists one (they are TEER 0-2)."""
    units = corpora.noc()
    return np.array([units[c].teer >= 3 for c in codes], dtype=bool)


def support_level(codes: tuple[str, ...], p_duties: np.ndarray | None, raw_duties: np.ndarray | None) -> bool:
    """Do the duties read as work below any CUSMA profession (cooking, personal care, core
    splitting)?  True when no profession gets real support from them (best raw duties score
    below ``support_duties_max_profession``) and their NOC probability mass at TEER 3-5 reaches
    ``support_duties_mass`` (thresholds.json).  Both are needed: the duties model also spreads
    mass onto TEER 3-5 groups for professional work in trades-adjacent fields (silviculture,
    laboratory, animal breeding), where a profession's duties score is high."""
    if p_duties is None or raw_duties is None:
        return False
    t = _thresholds()
    return (float(raw_duties.max(initial=0.0)) < t["support_duties_max_profession"]
            and float(p_duties[_below_professional(codes)].sum()) >= t["support_duties_mass"])


def sales_position(lines: list[str]) -> bool:
    """Do the duties read as a sales position (thresholds.json: sales_duties_share)?"""
    return cusma.sales_share(lines) >= _thresholds()["sales_duties_share"]


def disputed_weights(w: Weights) -> Weights:
    """The weights for a position whose title and duties point to different minor groups: the
    title's NOC share drops to ``thresholds.json: disputed_title_share``."""
    return dataclasses.replace(w, title=float(_thresholds()["disputed_title_share"]))


def noc_mix(p_title: np.ndarray | None, p_duties: np.ndarray | None, p_context: np.ndarray | None,
            w: Weights) -> tuple[np.ndarray, np.ndarray]:
    """(fused probabilities, title's share of each group's fused mass).  The context weighs in
    by how unsure the title is (1 - its best probability), as measured on real titles."""
    parts: list[tuple[float, np.ndarray, bool]] = []
    if p_title is not None:
        parts.append((w.title if p_duties is not None else 1.0, p_title, True))
    if p_duties is not None:
        parts.append((1.0 - w.title if p_title is not None else 1.0, p_duties, False))
    if p_context is not None and parts:
        unsure = 1.0 - float(p_title.max()) if p_title is not None else 0.5
        parts.append((w.context * unsure, p_context, False))
    mass = sum(k * p for k, p, _ in parts)
    title_mass = sum((k * p for k, p, is_title in parts if is_title), np.zeros_like(mass))
    total = mass.sum()
    return mass / total, np.divide(title_mass, mass, out=np.zeros_like(mass), where=mass > 0)


def not_covered_push(idx: cusma.ProfessionIndex, title: str, w: Weights) -> np.ndarray:
    """How far to push each profession down because the title is one of its not-covered titles
    ("Licensed Practical Nurse" for registered nurse, "Bookkeeper" for accountant)."""
    blocked = cusma.not_covered_likeness(idx, title)
    return np.where(blocked >= 0.9, w.not_covered * blocked, 0.0)


def cusma_title(idx: cusma.ProfessionIndex, p_title: np.ndarray, title: str, w: Weights,
                words: str | None = None, push: np.ndarray | None = None) -> np.ndarray:
    """``words``: the title and duties, for the shared-group test of ``cusma.noc_support``.
    A distinguishing word in the title counts as a partial likeness to the profession's name
    (``thresholds.json: title_term_likeness``): "Insect Systematist" reads as an entomologist."""
    has_term = cusma.term_hits(idx, title) > 0
    name = np.maximum(cusma.name_likeness(idx, title), _thresholds()["title_term_likeness"] * has_term)
    push = not_covered_push(idx, title, w) if push is None else push
    return np.clip((1 - w.name) * cusma.noc_support(idx, p_title, words) + w.name * name - push, 0.0, 1.0)


def cusma_duties(idx: cusma.ProfessionIndex, p_duties: np.ndarray, text: str, w: Weights,
                 words: str | None = None, hits: np.ndarray | None = None) -> np.ndarray:
    """``hits``: ``cusma.term_hits`` of ``text`` when the caller has them already."""
    hits = cusma.term_hits(idx, text) if hits is None else hits
    return (1 - w.terms) * cusma.noc_support(idx, p_duties, words) + w.terms * hits


def named_first(fused: np.ndarray, raw_duties: np.ndarray, named: np.ndarray | None,
                push: np.ndarray | float = 0.0, setting: np.ndarray | None = None) -> np.ndarray:
    """How much to lift the profession the title literally names so that it ranks first: an
    officer reads the title first, so the named profession leads unless the duties clearly point
    to another one: another's duties score reaches the bar while the duties give the named one
    next to nothing (thresholds.json: named_title_*).
    Only the order changes: the lift is just enough to lead, so a named profession the duties do
    not support keeps a low score (and is not accepted).  A not-covered title names nothing.
    A ``setting`` profession (one defined by where the work is done: a research assistant does any
    field's research in a post-secondary institution) is not overruled by what the duties read as."""
    lift = np.zeros_like(fused)
    ok = named & (np.broadcast_to(push, fused.shape) <= 0) if named is not None else None
    if ok is None or not ok.any():
        return lift
    k = int(np.flatnonzero(ok)[np.argmax(fused[ok])])
    bar, no_support = _named_bar()
    others = np.delete(np.arange(len(fused)), k)
    in_setting = setting is not None and bool(setting[k])
    if not in_setting and raw_duties[k] < no_support and (raw_duties[others] >= bar).any():
        return lift
    lift[k] = max(0.0, float(fused[others].max(initial=0.0)) + 1e-3 - float(fused[k]))
    return lift


def consensus_keep(idx: cusma.ProfessionIndex, p_title: np.ndarray | None, p_duties: np.ndarray | None,
                   duty_hits: np.ndarray | None = None, p_fused: np.ndarray | None = None) -> np.ndarray | float:
    """Per profession, the share of its fused score that survives when the sources name a unit
    group the profession does not list.  (1) The title and the duties name the same group first:
    both say the position is that occupation (a massage therapist, a building inspector), so the
    residue the duties model spreads onto a neighbouring profession's group ("treatment plans"
    reads a little like physiotherapy) is not evidence of the profession; 1 - the weaker source's
    probability for the group survives.  (2) The title alone names a group with confidence
    (``thresholds.json: title_confident``) and the duties hold none of the profession's own words
    (``duty_hits``, ``cusma.term_hits`` of the duties): nothing but that residue speaks for it ("Art Therapist" over
    therapy duties is not an occupational therapist); 1 - ``title_confident_weight`` x the title's
    probability survives.  (3) The fused reading (``p_fused``) gives one group at least
    ``fused_confident``: 1 - that probability survives ("Registered Psychotherapist" is not a
    psychologist, a pathologists' assistant not a laboratory technologist).  Professions that list
    the group (or relate to it) keep everything."""
    if p_title is None or p_duties is None:
        return 1.0
    t = _thresholds()
    top = int(np.argmax(p_title))
    keep = np.ones(len(idx.ids))
    listed = idx.weights == 1.0  # professions x groups (idx.weights: 1 listed, RELATED_WEIGHT related)
    covered = idx.weights > 0
    if top == int(np.argmax(p_duties)):
        strength = min(float(p_title[top]), float(p_duties[top]))
        keep = np.where(listed[:, top], 1.0, 1.0 - strength)
    if p_title[top] >= t["title_confident"]:
        words = duty_hits > 0 if duty_hits is not None else np.zeros(len(keep), dtype=bool)
        alone = ~(words | covered[:, top])
        keep = np.minimum(keep, np.where(alone, 1.0 - t["title_confident_weight"] * float(p_title[top]), 1.0))
    if p_fused is not None:
        best = int(np.argmax(p_fused))
        if p_fused[best] >= t["fused_confident"]:
            keep = np.minimum(keep, np.where(covered[:, best], 1.0, 1.0 - float(p_fused[best])))
    return keep


def cusma_fused(raw_title: np.ndarray | None, raw_duties: np.ndarray | None, w: Weights,
                push: np.ndarray | float = 0.0, named: np.ndarray | None = None, support: bool = False,
                keep: np.ndarray | float = 1.0, setting: np.ndarray | None = None,
                ) -> tuple[np.ndarray, np.ndarray | float, bool]:
    """(fused raw score, title's share of it, whether the named profession was lifted to lead).  The duties decide what a position is (IRCC
    classifies by duties), so the title's evidence for a profession counts only as far as the
    duties support it: an "Accountant" who keeps the books is not an accountant (a low score).
    ``named`` marks the professions the title literally names (see ``named_first``).  With
    ``support`` (the duties read as work below any profession, ``support_level``) the title adds
    nothing to the score: "Registered Nurse" over bathing and bed-making duties is not a nurse
    (a profession the title names may still be lifted to lead, with its low score).  ``keep``
    scales each profession's score before the lift (``consensus_keep``)."""
    if raw_title is None:
        return (raw_duties if raw_duties is not None else np.zeros(0)), 0.0, False
    if raw_duties is None:
        return raw_title, 1.0, False
    gate = 0.0 if support else np.clip(raw_duties / w.gate, 0.0, 1.0)
    from_title = (1 - w.duties_cusma) * raw_title * gate
    # a not-covered title weighs against the profession even when the duties resemble it
    fused = np.clip(w.duties_cusma * raw_duties + from_title - push, 0.0, None)
    # near-ties (every score near 0 when the duties support no profession) follow the title's reading
    fused = (fused + TITLE_TIE_BREAK * np.clip(raw_title - push, 0.0, None)) * keep
    lift = named_first(fused, raw_duties, named, push, setting)
    fused, from_title = fused + lift, from_title + lift
    return fused, np.divide(from_title, fused, out=np.zeros_like(fused), where=fused > 0), bool(lift.any())


def show_readings(fused: np.ndarray, raw_title: np.ndarray | None, raw_duties: np.ndarray | None,
                  below: np.ndarray) -> np.ndarray:
    """The fused scores, nudged so that the top ``reading_slots`` candidates show each source's
    own clear reading: the profession the duties point to (raw duties score at least
    ``reading_duties_min``) and the one the title points to (raw title score at least
    ``reading_title_min``, not one the duties place the position ``below``).  A lawyer reading
    "Accounting Clerk" over an accountant's duties needs to see accountant listed, with the low
    score the not-covered title leaves it, rather than 0.00 candidates in arbitrary order.  The
    winner never changes and a nudged score rises only to just above the candidate it
    displaces, so its calibrated score stays what its evidence earned."""
    t = _thresholds()
    k = int(t["reading_slots"])
    reads: list[int] = []
    if raw_duties is not None and raw_duties.size and raw_duties.max() >= t["reading_duties_min"]:
        reads.append(int(np.argmax(raw_duties)))
    if raw_title is not None and raw_title.size:
        i = int(np.argmax(np.where(below, -1.0, raw_title)))
        if raw_title[i] >= t["reading_title_min"] and not below[i]:
            reads.append(i)
    order = [int(i) for i in np.argsort(-fused, kind="stable")]
    # at most k - 1 readings come in, so the winner always stays first (a reading is never "missing" there)
    missing = [i for i in dict.fromkeys(reads) if order.index(i) >= k][: k - 1]
    if not missing or len(order) <= k:
        return fused
    out = fused.copy()
    kept = order[: k - len(missing)]
    floor = float(out[order[len(kept)]])  # the candidate the first reading displaces
    for step, i in enumerate(reversed(missing), start=1):
        out[i] = floor + step * READING_STEP
    ceiling = float(max(out[i] for i in missing))
    for rank, i in enumerate(reversed(kept), start=1):  # the kept candidates stay ahead
        out[i] = max(float(out[i]), ceiling + rank * READING_STEP)
    return out
