"""The one spaCy pipeline of offercheck, built once per process.

A blank English pipeline (no trained weights may be downloaded) plus the rule-based sentencizer and an
EntityRuler whose patterns come from ``analyzer/data/patterns/*.jsonl``; the pattern files are read
when the pipeline is first asked for, not at import.  ``load_patterns`` gives the other modules the
same files (title cues, duty cues, field regexes) so every lexicon a lawyer may correct lives in data.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from spacy.lang.en import English
from spacy.language import Language

from analyzer.ingest.limits import Limits

PATTERN_DIR = Path(__file__).parent / "data" / "patterns"


@cache
def load_patterns(name: str) -> tuple[dict[str, Any], ...]:
    """Rows of ``analyzer/data/patterns/<name>.jsonl``; rows holding only a ``note`` are skipped."""
    rows: list[dict[str, Any]] = []
    with (PATTERN_DIR / f"{name}.jsonl").open(encoding="utf-8") as fh:
        for raw in fh:
            raw = raw.strip()
            if not raw:
                continue
            row = json.loads(raw)
            if set(row) != {"note"}:
                rows.append(row)
    return tuple(rows)


def _ruler_patterns(nlp: Language) -> list[dict[str, Any]]:
    """Places: names are phrase patterns matched on lower case (the fast PhraseMatcher);
    abbreviations ("ON", "B.C.") are token patterns matched exactly, because "on" is not Ontario."""
    patterns: list[dict[str, Any]] = []
    for row in load_patterns("places"):
        if row.get("case") == "exact":
            tokens = [t.text for t in nlp.make_doc(row["pattern"])]
            patterns.append({"label": row["label"], "pattern": [{"ORTH": t} for t in tokens], "id": row["id"]})
        else:
            patterns.append({"label": row["label"], "pattern": row["pattern"], "id": row["id"]})
    return patterns


@cache
def get_nlp() -> Language:
    """Blank English + sentencizer + place EntityRuler (cached: build cost is paid once).

    ``English()`` is ``spacy.blank("en")`` without resolving the training defaults of the config
    (the same tokenizer, rules and exceptions; about 10 ms less at every start)."""
    nlp = English()
    # spaCy's 1M-character guard protects parsers' memory; this pipeline has none, and ingest already
    # refuses documents over Limits.max_text_chars, so any text ingest lets through must be readable.
    nlp.max_length = Limits().max_text_chars + 1
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(_ruler_patterns(nlp))  # type: ignore[attr-defined]
    return nlp
