"""The duties of the position, each with its evidence span and, where given, its share of time.

Where the duties section is:
  1. after a heading that names duties ("Duties", "Key Responsibilities", ...; ``duty_cues.jsonl``),
  2. else after a paragraph that announces them ("Your duties will include:") and is followed by a
     list or table,
  3. else the longest run of list items (three or more) in the body.

What is a duty inside it:
  * each list item (bullets, numbers, letters, dashes) and each table row (the duty cell; the share
    from the "%" cell; the header row is skipped);
  * a paragraph's sentences (spaCy sentencizer), one sentence = one duty, because employers write
    one duty per sentence far more often than they pack several into one.  The exception is a
    list-like sentence: an announcing phrase followed by items separated by semicolons ("Your duties
    will include: analysing X; designing Y; and testing Z") is split at the semicolons.  Sentences
    that only announce ("Your main duties are as follows.") are dropped.

Where it stops: at the next heading, the signature, or a paragraph that is not a duty (after a
list: any paragraph; after duty paragraphs: one that reads as terms, see ``term_cues.jsonl``, or
whose sentences do not read as duty statements).  Furniture (running headers, footers, page
numbers) never reaches here: segment moved it out of ``Layout.blocks``.
"""

from __future__ import annotations

import re
from functools import cache

from analyzer.extract.body import Body, Part
from analyzer.extract.text import clean_lines
from analyzer.nlp import get_nlp, load_patterns
from analyzer.types import Block, Duty

ITEM_KINDS = {"list_item", "table_row"}
HEADING_WORDS = 6  # a numbered "item" this short without a full stop is a section title
MIN_FALLBACK_RUN = 3
_MARKER = re.compile(r"^\s*(?:[\u2022\u25e6\u25aa\u2023\u2043\u00b7*\-\u2013\u2014o]|\(?\d{1,2}[.)]|"
                     r"\(?[a-zA-Z][.)]|\(?[ivxIVX]{1,4}[.)])\s+")
_SHARE = re.compile(r"[\(\[]?\s*(?:approx(?:imately|\.)?\s*)?(?P<n>\d{1,3}(?:\.\d+)?)\s*%"
                    r"(?:\s*of\s+(?:the\s+|my\s+|your\s+)?(?:working\s+)?time)?\s*[\)\]]?", re.I)
_BARE_SHARE = re.compile(r"(?:^|\s)\d{1,3}(?:\.\d+)?\s?%(?=\s|$)")
_SHARE_CELL = re.compile(r"^\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*%?\s*$")
_CONJ_TAIL = re.compile(r"[;,]\s*(?:and|or)$")  # "...developers; and" closing a list item
_EDGE_PUNCT = " \t-\u2013\u2014:;,"


@cache
def _section_headings() -> frozenset[str]:
    return frozenset(r["heading"] for r in load_patterns("headings") if "heading" in r)


@cache
def _cues() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    duty = load_patterns("duty_cues")
    heads = tuple(r["heading"] for r in duty if "heading" in r)
    intros = tuple(r["intro"] for r in duty if "intro" in r)
    terms = tuple(r["cue"] for r in load_patterns("term_cues"))
    return heads, intros, terms


def _key(text: str) -> str:
    text = re.sub(r"^\s*(?:\d+|[ivx]+|[a-z])[.)]\s+", "", text.lower())
    return " ".join(re.sub(r"[^\w%' ]", " ", text).split())


def is_duty_heading(text: str) -> bool:
    key = _key(text)
    heads, intros, _ = _cues()
    if len(key.split()) > 8:
        return False
    return key in heads or any(h in key for h in ("duties", "responsibilities")) or any(
        i in key for i in intros)


def _is_intro(text: str) -> bool:
    low = text.lower()
    return any(i in low for i in _cues()[1])


def _is_terms(text: str) -> bool:
    low = text.lower()
    return any(c in low for c in _cues()[2]) or bool(re.search(r"\$\s?\d", text))


def _start(body: Body) -> int | None:
    """Index (into body.parts) of the block that opens the duties section."""
    parts = body.parts
    for p in parts:
        if (p.kind == "heading" or _numbered_heading(p)) and is_duty_heading(p.text):
            return p.index
    for p in parts:
        nxt = parts[p.index + 1] if p.index + 1 < len(parts) else None
        if p.kind in {"paragraph", "other"} and _is_intro(p.text) and nxt and nxt.kind in ITEM_KINDS:
            return p.index
    return None


def _numbered_heading(part: Part) -> bool:
    """"1. Position and Duties" read as a list item: a short item with no closing punctuation."""
    text = part.text[_strip_marker(part):].strip()
    return part.kind == "list_item" and len(text.split()) <= HEADING_WORDS and not text.endswith((".", ";", ","))


def _family(marker: str | None) -> str:
    if not marker:
        return ""
    core = marker.strip("().")
    return "number" if core.isdigit() else "letter" if core.isalpha() and len(core) <= 4 else "symbol"


def _ends_section(part: Part, first_item: Part | None) -> bool:
    """A list item that is the next numbered section's title ("2. Term"), not a duty."""
    if part.kind != "list_item" or not _numbered_heading(part):
        return False
    text = part.text[_strip_marker(part):]
    key = _key(text)
    if key in _section_headings() or key in _cues()[0]:
        return True
    # Bullets so far, now a numbered Title Case line: the letter's next numbered section.
    return (first_item is not None and _family(part.block.marker) == "number"
            and _family(first_item.block.marker) != "number" and _title_case(text))


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


def _longest_run(body: Body) -> list[Part]:
    best: list[Part] = []
    run: list[Part] = []
    for p in body.parts:
        if p.kind in ITEM_KINDS:
            run.append(p)
            if len(run) > len(best):
                best = list(run)
        else:
            run = []
    return best if len(best) >= MIN_FALLBACK_RUN else []


def find_duties(body: Body) -> tuple[Duty, ...]:
    start = _start(body)
    if start is None:
        return tuple(d for p in _longest_run(body) for d in _item_duties(body, p))
    duties: list[Duty] = []
    seen_items = seen_prose = False
    first_item: Part | None = None
    for p in _rows_as_prose(body, body.parts[start + 1:]):
        if _ends_section(p, first_item):
            break
        if p.kind in ITEM_KINDS or (p.kind in {"paragraph", "other"} and _is_share_row(p)):
            duties += _item_duties(body, p)
            first_item = first_item or p
            seen_items = True
        elif not duties and _is_header_row(p.text) and not any(c.isdigit() for c in p.text):
            continue  # the header row of a duty table, read as a heading or a paragraph
        elif p.kind in {"heading", "paragraph", "other"} and seen_items and duties and p.text[:1].islower():
            duties[-1] = _join(body, duties[-1], p)  # a wrapped item's last lines, read as their own block
        elif p.kind in {"paragraph", "other"} and not seen_items:
            if not seen_prose and p.text.rstrip().endswith(":"):
                continue  # "As a Data Analyst, you will:" announces the list that follows
            prose = _prose_duties(body, p, first=not seen_prose)
            if not prose:
                break
            duties += prose
            seen_prose = True
        else:
            break
    return tuple(duties)


_SENTENCE_BREAK = re.compile(r"[a-z)][.;]\s+[A-Z]")


def _rows_as_prose(body: Body, parts: tuple[Part, ...]) -> list[Part]:
    """Prose the segmenter mistook for a table (justified lines split into "cells"): a run of rows
    with no share cell whose lines hold sentence breaks is read again as one paragraph."""
    out: list[Part] = []
    run: list[Part] = []
    for p in [*parts, None]:
        if p is not None and p.kind == "table_row" and not any(_SHARE_CELL.match(c) for c in p.block.cells):
            run.append(p)
            continue
        if run and any(_SENTENCE_BREAK.search(ln.text) for r in run for ln in r.block.lines):
            out.append(_paragraph_of(body, run))
        else:
            out += run
        run = []
        if p is not None:
            out.append(p)
    return out


def _paragraph_of(body: Body, run: list[Part]) -> Part:
    lines = tuple(ln for r in run for ln in r.block.lines)
    first, last = run[0].block, run[-1].block
    cleaned = clean_lines(body.layout.document.text, [(ln.start, ln.end) for ln in lines])
    block = Block(kind="paragraph", text=cleaned.text, start=first.start, end=last.end, page=first.page,
                  lines=lines)
    return Part(run[0].index, block, cleaned, get_nlp()(cleaned.text))


def _is_share_row(part: Part) -> bool:
    """A table row the segmenter read as a paragraph: one sentence holding a bare "NN%" cell."""
    return bool(_BARE_SHARE.search(part.text)) and len(part.sentences()) <= 2


def _join(body: Body, duty: Duty, part: Part) -> Duty:
    """``duty`` continued by the text of ``part`` (evidence from the duty's start to the part's end)."""
    _, raw_end = part.clean.raw_span(0, len(part.text))
    ev = body.raw_evidence(duty.evidence.start, raw_end)
    return Duty(f"{duty.text} {part.text}", ev, duty.share)


def _strip_marker(part: Part) -> int:
    """Clean offset where the item text starts (after its list marker)."""
    text = part.text
    marker = part.block.marker
    if marker and text.startswith(marker):
        pos = len(marker)
    else:
        m = _MARKER.match(text) if part.kind == "list_item" else None
        pos = m.end() if m else 0
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _duty(body: Body, part: Part, s: int, e: int, share: float | None = None) -> Duty | None:
    """A duty from clean span [s, e) of ``part``: its share of time (if written) is taken out."""
    text = part.text[s:e]
    m = _SHARE.search(text) if share is None else None
    if m:
        share = float(m.group("n"))
        head = text[:m.start()].rstrip(_EDGE_PUNCT + " (")
        tail = text[m.end():].lstrip(_EDGE_PUNCT + " )")
        if not tail:
            e = s + len(head)
        elif not head.strip():
            s = s + len(text) - len(tail)
        else:  # a wrapped table row: "Analyse ... information 15% system requirements ..."
            joined = f"{head} {tail}"
            lead = len(text) - len(text.lstrip(" \t"))
            return Duty(joined.strip(), body.evidence(part, s + lead, e), share)
        text = part.text[s:e]
    lead = len(text) - len(text.lstrip(" \t"))
    s += lead
    e = s + len(_CONJ_TAIL.sub("", text.strip(" \t")).rstrip(" \t;,"))
    if e <= s or not any(c.isalpha() for c in part.text[s:e]):
        return None
    return Duty(part.text[s:e], body.evidence(part, s, e), share)


def _item_duties(body: Body, part: Part) -> list[Duty]:
    if part.kind == "table_row":
        d = _row_duty(body, part)
        return [d] if d else []
    d = _duty(body, part, _strip_marker(part), len(part.text))
    return [d] if d else []


def _row_duty(body: Body, part: Part) -> Duty | None:
    cells = [c for c in part.block.cells if c.strip()]
    if not cells:
        cells = [c for c in re.split(r"\s*\|\s*|\t|\s{3,}", part.text) if c.strip()]
    share = None
    texts = []
    for c in cells:
        m = _SHARE_CELL.match(c)
        if m and share is None:
            share = float(m.group("n"))
        else:
            texts.append(c)
    if not texts:
        return None
    cell = max(texts, key=len)
    if share is None and _is_header_row(part.text):
        return None
    span = _find_cell(part.text, cell)
    if span is None:
        return None
    return _duty(body, part, span[0], span[1], share if share is not None else None)


def _is_header_row(text: str) -> bool:
    low = text.lower()
    return len(low.split()) <= 8 and any(w in low for w in ("duty", "duties", "responsibilit", "% of", "time", "task"))


def _find_cell(text: str, cell: str) -> tuple[int, int] | None:
    """Span of a cell's text inside the row's clean text (cells may have been wrapped differently)."""
    norm = " ".join(cell.split())
    pos = text.find(norm)
    if pos >= 0:
        return pos, pos + len(norm)
    words = norm.split()
    if not words:
        return None
    first = text.find(words[0])
    last = text.rfind(words[-1])
    if first < 0 or last < first:
        return None
    return first, last + len(words[-1])


def _prose_duties(body: Body, part: Part, first: bool) -> list[Duty]:
    """Duties from a paragraph's sentences (see the module docstring for the rules)."""
    if _is_terms(part.text) and not first:
        return []
    out: list[Duty] = []
    for s, e in part.sentences():
        text = part.text[s:e]
        if _is_intro(text):
            out += _list_sentence(body, part, s, e)
            continue
        d = _duty(body, part, s, e)
        if d:
            out.append(d)
    return out


_COMMA = re.compile(r",\s*(?:(?:and|or)\s+)?")
_LAST_AND = re.compile(r"\s+(?:and|or)\s+(?=\w+ing\b)")
MIN_ITEM_WORDS = 2


def _gerund_items(rest: str) -> list[tuple[int, int]]:
    """"analysing data, preparing reports and presenting results": items split at commas and a
    final "and" only when every item starts with an -ing verb and has two words or more
    (otherwise the commas belong to one duty)."""
    cuts = [(m.start(), m.end()) for m in _COMMA.finditer(rest)]
    spans, pos = [], 0
    for a, b in cuts:
        spans.append((pos, a))
        pos = b
    last = (pos, len(rest.rstrip(" .")))
    m = _LAST_AND.search(rest, last[0], last[1])
    spans += [(last[0], m.start()), (m.end(), last[1])] if m else [last]
    texts = [rest[a:b].strip() for a, b in spans]
    if len(spans) >= 2 and all(len(t.split()) >= MIN_ITEM_WORDS and t.split()[0].lower().endswith("ing")
                               for t in texts):
        return spans
    return []


def _list_sentence(body: Body, part: Part, s: int, e: int) -> list[Duty]:
    """'Your duties will include: A; B; and C.' -> A, B, C.  An announcing sentence alone -> nothing."""
    text = part.text[s:e]
    low = text.lower()
    cue_end = max(low.find(i) + len(i) for i in _cues()[1] if i in low)
    colon = text.find(":", cue_end)
    rest_at = colon + 1 if colon >= 0 else cue_end
    rest = text[rest_at:].strip(" .:")
    if len(rest.split()) < 3 or rest.lower() in {"the following", "as follows"}:
        return []
    tail = text[rest_at:]
    pieces = [m.span() for m in re.finditer(r"[^;]+", tail)] if ";" in rest else _gerund_items(tail)
    if not pieces:  # not list-like: the whole sentence is one duty ("You will be responsible for X.")
        d = _duty(body, part, s, e)
        return [d] if d else []
    out = []
    for a, b in pieces:
        ps, pe = s + rest_at + a, s + rest_at + b
        while pe > ps and part.text[pe - 1] in ". ":  # the sentence's full stop ends the last item only
            pe -= 1
        lead = re.match(r"\s*(?:and\s+|or\s+)?", part.text[ps:pe])
        ps += lead.end() if lead else 0
        d = _duty(body, part, ps, pe)
        if d:
            out.append(d)
    return out

