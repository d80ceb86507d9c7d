"""Reads the rules' data files (lexicons, thresholds) and the reference corpora, once per process.

Rules never hard-code wording a lawyer might correct: every phrase list, threshold and mapping
they use is a JSON file under ``corpora/lexicons/`` (each with a ``_source`` field)."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

_REPO_CORPORA = Path(__file__).resolve().parents[2] / "corpora"


def corpus_path(name: str) -> Path:
    """A file under ``corpora/``, through ``analyzer.corpora.path`` when the lead's module has it."""
    try:
        from analyzer import corpora

        return Path(corpora.path(name))
    except (ImportError, AttributeError):  # corpora API not installed yet: same folder, same layout
        return _REPO_CORPORA / name


@cache
def lexicon(name: str) -> dict[str, Any]:
    """``corpora/lexicons/<name>.json`` as a dict (keys starting with ``_`` are documentation)."""
    with corpus_path(f"lexicons/{name}.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def threshold(key: str) -> float:
    """A rule threshold from ``lexicons/check_thresholds.json``."""
    return float(lexicon("check_thresholds")[key])


@lru_cache(maxsize=1)
def cusma_accept() -> float:
    """Score at which a CUSMA candidate counts as the letter's profession: the matcher's published
    acceptance score (``analyzer/match/thresholds.json``) when present, else our documented default."""
    path = Path(__file__).resolve().parents[1] / "match" / "thresholds.json"
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        for key in ("cusma_accept", "cusma_acceptance", "cusma"):
            value = data.get(key)
            if isinstance(value, dict):
                value = value.get("accept", value.get("threshold"))
            if isinstance(value, int | float):
                return float(value)
    return threshold("cusma_accept_default")


def norm_id(profession_id: str) -> str:
    """Profession ids compare equal whether written with '-' or '_'."""
    return profession_id.replace("-", "_").lower()


@lru_cache(maxsize=1)
def professions() -> dict[str, Any]:
    """CUSMA professions keyed by normalised id."""
    from analyzer import corpora

    return {norm_id(k): v for k, v in corpora.cusma().items()}


def profession(profession_id: str | None) -> Any | None:
    if not profession_id:
        return None
    return professions().get(norm_id(profession_id))


@lru_cache(maxsize=1)
def noc_groups() -> dict[str, Any]:
    from analyzer import corpora

    return corpora.noc()


def teer_of(code: str) -> int:
    """The TEER of a NOC 2021 code is its second digit (NOC 2021 design)."""
    return int(code[1]) if len(code) >= 2 and code[1].isdigit() else 5


def display_name(prof: Any) -> str:
    """A profession's name as a reader says it: the Appendix 2 name without bracketed conditions or
    the Mexican/US variant ('Physician', 'Medical Laboratory Technologist'); teachers get 'Teacher'."""
    base = re.sub(r"\s*\(.*?\)", "", prof.name).split("/")[0].strip()
    return f"{base} Teacher" if getattr(prof, "category", "") == "teacher" else base
