"""CUSMA Appendix 2 profession evidence: the NOC probabilities routed through each profession's
codes, the title's likeness to its name and aliases (rapidfuzz), its distinguishing words in the
duties (``profession_terms.json``), and a push down when the title is one of its not-covered titles
(e.g. "bookkeeper" for accountant)."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from analyzer import corpora
from analyzer.match.normalise import normalise, split_compound

TERMS_FILE = Path(__file__).with_name("profession_terms.json")
SHARED_FILE = Path(__file__).with_name("shared_groups.json")
SUPPORT_CUES_FILE = Path(__file__).with_name("support_cues.json")
CONDITIONS_FILE = corpora.path("lexicons/cusma_profession_conditions.json")
THRESHOLDS_FILE = corpora.path("lexicons/check_thresholds.json")
RELATED_WEIGHT = 0.5  # a related NOC code is weaker evidence than a listed one
CONTAINED = 0.9  # alias words all present in a longer title ("Senior Tax Accountant" ~ "accountant")


@dataclass(frozen=True)
class ProfessionIndex:
    ids: tuple[str, ...]
    names: tuple[str, ...]
    aliases: tuple[tuple[str, ...], ...]  # normalised name + aliases
    not_covered: tuple[tuple[str, ...], ...]
    codes: tuple[tuple[int, ...], ...]  # class indices of noc_codes
    related: tuple[tuple[int, ...], ...]
    terms: tuple[re.Pattern[str] | None, ...]
    shared: tuple[tuple[int, re.Pattern[str]] | None, ...]  # (class index, words) of a shared unit group
    weights: np.ndarray = field(compare=False)  # professions x classes: 1 listed, RELATED_WEIGHT related
    setting: np.ndarray = field(compare=False)  # defined by where the work is done (``setting_professions``)


def _clean(alias: str) -> str:
    # "engineering technician (see scientific_technician)" -> "engineering technician"
    return normalise(re.sub(r"\(.*?\)", "", alias), keep_level=True)


@functools.cache
def index(codes: tuple[str, ...]) -> ProfessionIndex:
    col = {c: i for i, c in enumerate(codes)}
    terms = json.loads(TERMS_FILE.read_text(encoding="utf-8"))
    shared = json.loads(SHARED_FILE.read_text(encoding="utf-8"))["professions"]
    profs = list(corpora.cusma().values())

    def pattern(words: list[str]) -> re.Pattern[str] | None:
        return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + ")", re.I) if words else None

    codes_of = [tuple(col[c] for c in p.noc_codes if c in col) for p in profs]
    related_of = [tuple(col[c] for c in p.noc_related if c in col) for p in profs]
    weights = np.zeros((len(profs), len(codes)))
    for i, (c, r) in enumerate(zip(codes_of, related_of, strict=True)):
        weights[i, list(r)] = RELATED_WEIGHT
        weights[i, list(c)] = 1.0
    return ProfessionIndex(
        ids=tuple(p.id for p in profs),
        names=tuple(p.name for p in profs),
        aliases=tuple(tuple(dict.fromkeys(a for a in map(_clean, (p.name, *p.aliases)) if a)) for p in profs),
        not_covered=tuple(tuple(a for a in map(_clean, p.not_covered_titles) if a) for p in profs),
        codes=tuple(codes_of),
        related=tuple(related_of),
        terms=tuple(pattern(terms.get(p.id, [])) for p in profs),
        shared=tuple((col[shared[p.id]["group"]], pattern(shared[p.id]["words"]))  # type: ignore[misc]
                     if p.id in shared and shared[p.id]["group"] in col else None for p in profs),
        weights=weights,
        setting=_setting_mask(tuple(p.id for p in profs)),
    )


def _likeness(title: str, alias: str) -> float:
    t_words, a_words = set(title.split()), set(alias.split())
    if a_words and a_words <= t_words:
        return 1.0 if t_words == a_words else CONTAINED
    return fuzz.ratio(title, alias) / 100.0


@functools.cache
def _flat(groups: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], tuple[frozenset[str], ...], np.ndarray]:
    """Every alias of every profession in one list (for one ``cdist`` call), its word set, and
    the profession it belongs to."""
    flat = tuple(a for g in groups for a in g)
    owner = np.array([i for i, g in enumerate(groups) for _ in g], dtype=np.int64)
    return flat, tuple(frozenset(a.split()) for a in flat), owner


def _best_likeness(parts: list[str], groups: tuple[tuple[str, ...], ...]) -> np.ndarray:
    """Per group, ``max(_likeness(p, a))`` over the parts and the group's aliases, computed as one
    rapidfuzz matrix plus the word-containment cases."""
    out = np.zeros(len(groups))
    flat, words, owner = _flat(groups)
    if not parts or not flat:
        return out
    sim = cdist(parts, flat, scorer=fuzz.ratio, dtype=np.float64) / 100.0
    for row, part in enumerate(parts):
        t_words = frozenset(part.split())
        for j, a_words in enumerate(words):
            if a_words and a_words <= t_words:
                sim[row, j] = 1.0 if a_words == t_words else CONTAINED
    np.maximum.at(out, owner, sim.max(axis=0))
    return out


def name_likeness(idx: ProfessionIndex, title: str) -> np.ndarray:
    """0..1 per profession: the best likeness of any part of the title to any name or alias."""
    parts = [normalise(p, keep_level=True) for p in split_compound(title)]
    parts += [normalise(p) for p in split_compound(title)]
    return _best_likeness([p for p in dict.fromkeys(parts) if p], idx.aliases)


def _title_forms(title: str) -> set[str]:
    """The title as an officer reads it: whole or by compound part, with level words and a
    parenthetical dropped (``normalise``), and also without a trailing ", unit" phrase
    ("Registered Nurse, Intensive Care Unit" -> "registered nurse")."""
    parts = split_compound(title)
    heads = [p.partition(",")[0] for p in parts if "," in p]
    forms = {normalise(p, keep_level=k) for p in (*parts, *heads) for k in (False, True)}
    extra = _extra_level_words()
    forms |= {" ".join(w for w in f.split() if w not in extra) for f in forms}
    return {f for f in forms if f}


@functools.cache
def _extra_level_words() -> frozenset[str]:
    raw = json.loads(Path(__file__).with_name("thresholds.json").read_text(encoding="utf-8"))
    return frozenset(raw["named_title_level_words"])


def named(idx: ProfessionIndex, title: str) -> np.ndarray:
    """Per profession: does the title literally name it (its name or an alias, word for word)?"""
    forms = [frozenset(f.split()) for f in _title_forms(title)]
    return np.array([any(frozenset(a.split()) == f for a in g for f in forms) for g in idx.aliases], dtype=bool)


def term_hits(idx: ProfessionIndex, text: str) -> np.ndarray:
    """0..1 per profession: how many of its distinguishing words occur (3 or more count fully)."""
    return np.array([min(len(set(m.lower() for m in t.findall(text))) / 3.0, 1.0) if t else 0.0
                     for t in idx.terms])


def noc_support(idx: ProfessionIndex, p: np.ndarray, text: str | None = None) -> np.ndarray:
    """Probability mass of the profession's NOC codes, related codes at half weight, capped at 1.
    With ``text`` (the title and duties), a unit group the profession shares with other
    occupations (``shared_groups.json``) counts only when the text uses one of its words."""
    out = np.minimum(idx.weights @ p, 1.0)
    if text is not None:
        for i, entry in enumerate(idx.shared):
            if entry and not entry[1].search(text):
                out[i] = max(out[i] - p[entry[0]], 0.0)
    return out


def not_covered_likeness(idx: ProfessionIndex, title: str) -> np.ndarray:
    """0..1 per profession: how closely the title is one of its not-covered titles.  A title that
    begins a not-covered entry counts too ("Restaurant Manager" ~ "restaurant manager outside a
    hotel"), but not one whose words merely occur in it ("Hotel Manager")."""
    parts = [p for p in dict.fromkeys(normalise(x, keep_level=True) for x in split_compound(title)) if p]

    def like(part: str, entry: str, names: tuple[str, ...]) -> float:
        # "physician" begins "physician providing direct patient care" but is the profession's own name
        if entry.startswith(part + " ") and part not in names:
            return CONTAINED
        return _likeness(part, entry)

    return np.array([max((like(p, e, names) for p in parts for e in g), default=0.0)
                     for g, names in zip(idx.not_covered, idx.aliases, strict=True)])


@functools.cache
def _support_patterns(idx: ProfessionIndex) -> tuple[re.Pattern[str] | None, ...]:
    data = json.loads(SUPPORT_CUES_FILE.read_text(encoding="utf-8"))
    skip = set(data["not_roles"])
    out: list[re.Pattern[str] | None] = []
    for aliases in idx.aliases:
        roles = [re.escape(a).replace(r"\ ", r"\s+") for a in aliases if a not in skip]
        if not roles:
            out.append(None)
            continue
        role = "(?:" + "|".join(sorted(roles, key=len, reverse=True)) + r")(?:s|es)?\b"
        out.append(re.compile("|".join(p.replace("{role}", role) for p in data["patterns"]), re.I))
    return tuple(out)


@functools.cache
def _support_trigger() -> re.Pattern[str]:
    """The cue patterns with any word as the role: one cheap test before the 63 per-profession
    patterns are compiled (about 50 ms) and run, which most letters never need."""
    data = json.loads(SUPPORT_CUES_FILE.read_text(encoding="utf-8"))
    return re.compile("|".join(p.replace("{role}", r"[\w-]+") for p in data["patterns"]), re.I)


def subordinate(idx: ProfessionIndex, duties: str) -> np.ndarray:
    """Per profession: do the duties place the position beside or under it ("assist the
    veterinarians", "programs set by the physiotherapist")?  Patterns: ``support_cues.json``."""
    if not _support_trigger().search(duties):
        return np.zeros(len(idx.ids), dtype=bool)
    return np.array([bool(p and p.search(duties)) for p in _support_patterns(idx)], dtype=bool)


@functools.cache
def _matcher_conditions(ids: tuple[str, ...]) -> tuple[re.Pattern[str] | None, ...]:
    """The CUSMA conditions the matcher applies itself (``"in_matcher": true`` in
    corpora/lexicons/cusma_profession_conditions.json): those about what the work is (disaster
    claims; a physician's teaching or research), which the duties show; the one about where the
    work is done (a research assistant's institution) is the excluded-occupation rule's, which
    sees the whole letter."""
    rules = json.loads(CONDITIONS_FILE.read_text(encoding="utf-8"))["professions"]
    return tuple(re.compile(rules[i]["requires"], re.I) if rules.get(i, {}).get("in_matcher") else None
                 for i in ids)


def condition_unmet(idx: ProfessionIndex, text: str) -> np.ndarray:
    """Per profession: its treaty condition (``_matcher_conditions``) is not met by ``text``
    (the duties and employer context; the title only when there are no duties): an auto-claims
    adjuster is not a disaster relief one, even on a "Catastrophe Team"."""
    return np.array([bool(p and not p.search(text)) for p in _matcher_conditions(idx.ids)], dtype=bool)


@functools.cache
def _sales_pattern() -> re.Pattern[str]:
    return re.compile("|".join(json.loads(SUPPORT_CUES_FILE.read_text(encoding="utf-8"))["sales"]), re.I)


def sales_share(lines: list[str]) -> float:
    """Share of the duty lines with sales wording (``support_cues.json``: sales); 0 for fewer
    than two lines, where one sales line would decide alone."""
    if len(lines) < 2:
        return 0.0
    pattern = _sales_pattern()
    return sum(bool(pattern.search(x)) for x in lines) / len(lines)


def _setting_mask(ids: tuple[str, ...]) -> np.ndarray:
    """Per profession: is it defined by where the work is done rather than by what it is
    (``setting_professions`` in corpora/lexicons/check_thresholds.json, which the rules read too)?"""
    names = set(json.loads(THRESHOLDS_FILE.read_text(encoding="utf-8"))["occupation"]["setting_professions"])
    return np.array([i in names for i in ids], dtype=bool)
