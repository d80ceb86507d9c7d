"""What extraction reads of spaCy for each body block: sentence spans and place entities.

The letter's blocks used to be piped through the pipeline one Doc each (30-40 Docs a letter), and
most of that time was spaCy's per-Doc set-up and the token Matcher walking every token for the
few exact province abbreviations ("ON", "B.C.").  Here the blocks are tokenised as one text
(blocks joined by a blank line, which is a token of its own, so no block's tokens change and no
pattern can match across blocks); then, block by block, the pipeline's own sentencizer rule and
its EntityRuler's matchers give what ``nlp(block_text)`` gives:

* sentences: the sentencizer's rule (a sentence starts at the first token after sentence-final
  punctuation that is not punctuation itself), with the pipeline's ``punct_chars``;
* entities: the ruler's phrase matches (found once over the letter) plus its token matches,
  chosen as the ruler chooses: longest first, then leftmost, none overlapping.  The token
  patterns are exact word sequences ("N.S.", "Alta ."), looked up here by their first word
  (spaCy's Matcher walks every token with every pattern: most of the old cost).  The ruler keeps
  the order its matchers found two different entities on the same words in; when that happens
  the block's token matches come from the ruler's own Matcher, in its order.

A block with empty text or whitespace at an edge (which would tokenise differently next to the
separator) is read the old way, with its own Doc.  ``tests/test_extract_speed_parse.py`` checks
that both ways agree.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH
from spacy.tokens import Doc

from analyzer.nlp import get_nlp

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Ent:
    """A place entity, with the attribute names of a spaCy entity span."""

    label_: str
    ent_id_: str
    text: str
    start_char: int
    end_char: int


@dataclass(frozen=True)
class Parsed:
    """One block's sentence spans (start_char, end_char) and entities, in text order."""

    sents: tuple[tuple[int, int], ...]
    ents: tuple[Ent, ...]


def parse_one(text: str) -> Parsed:
    """``text`` through the whole pipeline, as one Doc."""
    return _from_doc(get_nlp()(text))


def parse_texts(texts: Sequence[str]) -> list[Parsed]:
    """Each text's sentences and entities, as ``nlp(text)`` would give them."""
    joined = [k for k, t in enumerate(texts) if t and not t[0].isspace() and not t[-1].isspace()]
    out: list[Parsed | None] = [None] * len(texts)
    if joined:
        for k, parsed in zip(joined, _parse_joined([texts[k] for k in joined]), strict=True):
            out[k] = parsed
    for k, t in enumerate(texts):
        if out[k] is None:
            out[k] = parse_one(t)
    return out  # type: ignore[return-value]


def _from_doc(doc: Doc) -> Parsed:
    return Parsed(tuple((s.start_char, s.end_char) for s in doc.sents),
                  tuple(Ent(e.label_, e.ent_id_, e.text, e.start_char, e.end_char) for e in doc.ents))


@dataclass(frozen=True)
class _Tokens:
    """The joined text's tokens as flat columns (plain int lists: no object per token)."""

    text: str
    start: list[int]
    end: list[int]
    punct: list[int]
    orth: list[int]


def _parse_joined(texts: list[str]) -> list[Parsed]:
    nlp = get_nlp()
    text = SEPARATOR.join(texts)
    doc = nlp.tokenizer(text)  # not make_doc: the joined text may pass nlp.max_length, no block does
    arr = doc.to_array([IDX, LENGTH, IS_PUNCT, ORTH])
    start = arr[:, 0].tolist()
    toks = _Tokens(text, start, (arr[:, 0] + arr[:, 1]).tolist(), arr[:, 2].tolist(), arr[:, 3].tolist())
    ruler = nlp.get_pipe("entity_ruler")
    phrase = _by_block(ruler.phrase_matcher(doc), start, texts)
    patterns = _token_patterns(nlp)
    out: list[Parsed] = []
    at = 0
    for k, block in enumerate(texts):
        t0, t1 = bisect_left(start, at), bisect_left(start, at + len(block))
        local = [(m, s - t0, e - t0) for m, s, e in phrase[k]]
        matches = _token_matches(toks.orth[t0:t1], patterns) + local if patterns is not None else None
        if matches is None or _same_words_twice(matches):
            matches = list(ruler.matcher(doc[t0:t1])) + local  # Matcher offsets: relative to the block
        out.append(Parsed(_sentences(toks, t0, t1, at), _ents(ruler, toks, t0, matches, at)))
        at += len(block) + len(SEPARATOR)
    return out


def _by_block(matches: list[tuple[int, int, int]], idx: list[int], texts: list[str]
              ) -> list[list[tuple[int, int, int]]]:
    """The phrase matches of the joined Doc, in their order, grouped by the block they lie in."""
    ends: list[int] = []
    at = 0
    for t in texts:
        at += len(t)
        ends.append(at)
        at += len(SEPARATOR)
    groups: list[list[tuple[int, int, int]]] = [[] for _ in texts]
    for m in matches:
        groups[bisect_left(ends, idx[m[1]] + 1)].append(m)
    return groups


@cache
def _punct_chars() -> frozenset[str]:
    return frozenset(get_nlp().get_pipe("sentencizer").punct_chars)


def _sentences(toks: _Tokens, t0: int, t1: int, base: int) -> tuple[tuple[int, int], ...]:
    """The sentencizer's rule over one block's tokens [t0, t1) (the block starts at ``base`` of
    the joined text), as block offsets."""
    if t1 <= t0:
        return ()
    punct = _punct_chars()
    text, start, end, is_punct = toks.text, toks.start, toks.end, toks.punct
    starts = [t0]
    seen_period = False
    for i in range(t0, t1):
        in_punct = text[start[i]:end[i]] in punct
        if seen_period and not is_punct[i] and not in_punct:
            starts.append(i)
            seen_period = False
        elif in_punct:
            seen_period = True
    ends = [*starts[1:], t1]
    return tuple((start[s] - base, end[e - 1] - base) for s, e in zip(starts, ends, strict=True))


TokenPatterns = dict[int, tuple[tuple[tuple[int, ...], int], ...]]


@cache
def _token_patterns(nlp: Any) -> TokenPatterns | None:
    """The ruler's token patterns by the ORTH id of their first word: (ORTH ids, match id) pairs.
    None when a pattern is not a plain sequence of exact words (then spaCy's Matcher runs)."""
    strings = nlp.vocab.strings
    by_first: defaultdict[int, list[tuple[tuple[int, ...], int]]] = defaultdict(list)
    for key, patterns in nlp.get_pipe("entity_ruler").token_patterns.items():
        for pattern in patterns:
            if not pattern or any(set(tok) != {"ORTH"} or not isinstance(tok["ORTH"], str) for tok in pattern):
                return None
            ids = tuple(strings.add(tok["ORTH"]) for tok in pattern)
            by_first[ids[0]].append((ids, strings.add(key)))
    return {first: tuple(found) for first, found in by_first.items()}


def _token_matches(orths: list[int], patterns: TokenPatterns) -> list[tuple[int, int, int]]:
    """(match id, start, end) of every token pattern in one block's ORTH ids (block offsets)."""
    out: list[tuple[int, int, int]] = []
    for i, orth in enumerate(orths):
        for ids, match_id in patterns.get(orth, ()):
            if tuple(orths[i:i + len(ids)]) == ids:
                out.append((match_id, i, i + len(ids)))
    return out


def _same_words_twice(matches: list[tuple[int, int, int]]) -> bool:
    """Two different entities found on the same words (the ruler's choice then depends on order)."""
    ids: dict[tuple[int, int], int] = {}
    return any(ids.setdefault((s, e), match_id) != match_id for match_id, s, e in matches)


def _ents(ruler: Any, toks: _Tokens, t0: int, matches: list[Any], base: int) -> tuple[Ent, ...]:
    """The EntityRuler's choice among a block's matches (token offsets local to the block): the
    set of non-empty matches sorted longest first, then leftmost (ties keep the set's order, as
    the ruler's own sort does), each kept unless its first or last token is taken."""
    final = sorted(set((m, s, e) for m, s, e in matches if s != e), key=lambda m: (m[2] - m[1], -m[1]),
                   reverse=True)
    seen: set[int] = set()
    kept: list[tuple[int, int, str, str]] = []
    for match_id, s, e in final:
        if s not in seen and e - 1 not in seen:
            label, ent_id = ruler._ent_ids[match_id] if match_id in ruler._ent_ids \
                else (ruler.vocab.strings[match_id], "")
            kept.append((s, e, label, ent_id))
            seen.update(range(s, e))
    ents = []
    for s, e, label, ent_id in sorted(kept):
        start, end = toks.start[t0 + s] - base, toks.end[t0 + e - 1] - base
        ents.append(Ent(label, ent_id, toks.text[base + start:base + end], start, end))
    return tuple(ents)
