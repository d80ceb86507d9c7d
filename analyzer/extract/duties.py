"""The duties of the position, each with its evidence span and, where given, its share of time.

Where the duties section is:
  1. after a heading that names duties ("Duties", "Key Accountabilities", "Schedule A – Job
     Description", "1. Position and Duties"; ``duty_cues.jsonl``),
  2. else after a paragraph that announces them ("Your duties will include:") and is followed by a
     list or table,
  3. else after any line ending in ":" ("What you'd own:") followed by a list at least half of
     whose items open with a duty verb (the first words of the NOC main duties, ``duty_verbs``),
  4. else the longest run of list items (three or more) in the body,
  5. else, in prose with no heading, the sentences that open with a duty verb or "you will <verb>"
     ("The Planner will <verb>"), from the first paragraph holding two of them on.
A "Label: value" item whose label names a term ("Term: 18 months", "Pay: ...";
``term_cues.jsonl`` labels) is never a duty, so a terms list is never taken for the duties.

What is a duty inside it (``duty_items.py``, ``duty_prose.py``):
  * each list item (bullets, numbers, letters, dashes) and each table row (the duty cell; the share
    from the "%" cell or a "(30% of time)" in the text; the header row is skipped);
  * a paragraph's sentences (spaCy sentencizer): one sentence = one duty, because employers write
    one duty per sentence far more often than they pack several into one.  The exception is a
    list-like sentence, an announcing phrase followed by items: split at semicolons ("Your duties
    will include: analysing X; designing Y; and testing Z"), or at commas when every item starts
    with an -ing verb ("... analysing data, preparing reports and presenting results").  Other
    commas belong to the duty, so such a sentence stays whole.  A sentence that only announces
    ("Your main duties are as follows.") is dropped, and so is a paragraph ending with ":".

Where it stops: at the next heading, the signature, a numbered section title ("2. Term"), or a
paragraph that is not a duty (after a list: any paragraph; after duty paragraphs: one that reads
as terms, ``term_cues.jsonl``).  Furniture never reaches here: segment moved it out of
``Layout.blocks``.  Three segmentation slips are repaired: a wrapped item's last line read as its
own block (it starts in lower case: joined back), a table header read as a heading, and prose or a
list that was read as table rows (re-read as sentences).
"""

from __future__ import annotations

import re

from analyzer.extract.body import Body, Part
from analyzer.extract.duty_cues import (
    duty_cues,
    heading_key,
    is_duty_heading,
    is_intro,
    is_term_item,
    is_terms,
    opens_with_duty_verb,
    section_headings,
)
from analyzer.extract.duty_items import SHARE_CELL, is_header_row, item_duties, join, strip_marker
from analyzer.extract.duty_prose import prose_duties, verb_sentence_duties
from analyzer.extract.parse import parse_texts
from analyzer.extract.text import clean_lines
from analyzer.types import Block, Duty

ITEM_KINDS = {"list_item", "table_row"}
HEADING_WORDS = 6  # a numbered "item" this short without a full stop is a section title
MIN_FALLBACK_RUN = 3
MIN_PROSE_DUTIES = 2
_BARE_SHARE = re.compile(r"(?:^|\s)\d{1,3}(?:\.\d+)?\s?%(?=\s|$)")


def _start(body: Body) -> int | None:
    """Index (into body.parts) of the block that opens the duties section."""
    parts = body.parts
    for p in parts:
        if (p.kind == "heading" or _numbered_heading(p)) and is_duty_heading(p.text):
            return p.index
    for p in parts:
        nxt = parts[p.index + 1] if p.index + 1 < len(parts) else None
        if p.kind in {"paragraph", "other"} and is_intro(p.text) and nxt and nxt.kind in ITEM_KINDS:
            return p.index
    for p in parts:  # "What you'd own:" before a list of verb items
        if p.kind in {"paragraph", "other", "heading"} and p.text.rstrip().endswith(":") and _verb_list_follows(body, p):
            return p.index
    return None


def _verb_list_follows(body: Body, part: Part) -> bool:
    """The list after ``part`` has two items or more, at least half of them opening with a duty verb."""
    items = []
    for p in body.parts[part.index + 1:]:
        if p.kind not in ITEM_KINDS:
            break
        items.append(p)
    verbs = sum(opens_with_duty_verb(p.text[strip_marker(p):]) for p in items)
    return len(items) >= 2 and verbs * 2 >= len(items)


def _intro_line(part: Part) -> bool:
    """"As a Strategy Analyst you will:" set as a heading under "Your Role": it announces the list."""
    return part.text.rstrip().endswith(":") or is_intro(part.text)


def _numbered_heading(part: Part) -> bool:
    """"1. Position and Duties" read as a list item: a short item with no closing punctuation."""
    text = part.text[strip_marker(part):].strip()
    return part.kind == "list_item" and len(text.split()) <= HEADING_WORDS and not text.endswith((".", ";", ","))


def _term_item(part: Part) -> bool:
    """"Term: 18 months", or an unlabelled item that reads as terms and opens with no duty verb
    ("$112k a year, paid biweekly", "40 hours per week"); an item that opens like an imperative
    ("Achieve an annual sales quota of $4.2 million") is a duty however many dollars it names."""
    if part.kind == "table_row":
        cells = [c for c in part.block.cells if c.strip()]
        if any("%" in c and SHARE_CELL.match(c) for c in cells):
            return False  # a row with a share of time is a duty row
        text = max(cells, key=len) if len(cells) > 1 else part.text
    else:
        text = part.text[strip_marker(part):]
    return is_term_item(text) or (not opens_with_duty_verb(text) and not _imperative(text) and is_terms(text))


_IMPERATIVE = re.compile(r"^\s*[A-Z][a-z]{2,}\s+(?:a|an|the|our|new|each|every|existing|key|assigned)\s")


def _imperative(text: str) -> bool:
    """"Grow the ...", "Achieve an ...": a capitalised word and then an article or determiner, the
    way a duty opens; terms open with a noun ("Salary of ...", "Annual salary ...")."""
    return bool(_IMPERATIVE.match(text))


def _family(marker: str | None) -> str:
    if not marker:
        return ""
    core = marker.strip("().")
    return "number" if core.isdigit() else "letter" if core.isalpha() and len(core) <= 4 else "symbol"


def _ends_section(part: Part, first_item: Part | None) -> bool:
    """A list item that is the next numbered section's title ("2. Term"), not a duty."""
    if part.kind != "list_item" or not _numbered_heading(part):
        return False
    text = part.text[strip_marker(part):]
    key = heading_key(text)
    if key in section_headings() or key in duty_cues()[0]:
        return True
    # A numbered Title Case line that does not continue the list's own numbering: the next section.
    return (_family(part.block.marker) == "number" and _title_case(text)
            and (first_item is None or _family(first_item.block.marker) != "number"))


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


def _longest_run(body: Body) -> list[Part]:
    best: list[Part] = []
    run: list[Part] = []
    for p in body.parts:
        if p.kind in ITEM_KINDS and not _term_item(p):
            run.append(p)
            if len(run) > len(best):
                best = list(run)
        else:
            run = []
    return best if len(best) >= MIN_FALLBACK_RUN else []


def _prose_fallback(body: Body) -> list[Duty]:
    """No duties heading, intro or list: the duty sentences of the first paragraph holding two or
    more ("In this role you will prepare ... You will also review ..."), and of the paragraphs
    right after it that hold any."""
    duties: list[Duty] = []
    for p in body.parts:
        if p.kind not in {"paragraph", "other"}:
            if duties:
                break
            continue
        found = verb_sentence_duties(body, p)
        if duties and not found:
            break
        if duties or len(found) >= MIN_PROSE_DUTIES:
            duties += found
    return duties


def find_duties(body: Body) -> tuple[Duty, ...]:
    start = _start(body)
    if start is None:
        run = tuple(d for p in _longest_run(body) for d in item_duties(body, p))
        return run or tuple(_prose_fallback(body))
    duties: list[Duty] = []
    seen_items = seen_prose = False
    first_item: Part | None = None
    parts, from_rows = _rows_as_prose(body, body.parts[start + 1:])
    for p in parts:
        if _ends_section(p, first_item):
            break
        if p.kind == "heading" and not duties and (_intro_line(p) or is_duty_heading(p.text)):
            continue  # "As a Chemist you will:", or "Main Duties" under "Schedule A – Job Description"
        if p.kind in {"paragraph", "other"} and not duties and is_term_item(p.text):
            continue  # "Position: Chemist" / "Reports to: ..." heading a job description
        if p.kind in ITEM_KINDS and _term_item(p):
            if duties:
                break  # a list of terms after the duties ends them
            continue
        if id(p) in from_rows:  # a list or table the segmenter broke up: its sentences, then as a list
            duties += prose_duties(body, p, first=True)
            seen_items = True
        elif p.kind in ITEM_KINDS or (p.kind in {"paragraph", "other"} and _is_share_row(p)):
            duties += item_duties(body, p)
            first_item = first_item or p
            seen_items = True
        elif not duties and is_header_row(p.text) and not any(c.isdigit() for c in p.text):
            continue  # the header row of a duty table, read as a heading or a paragraph
        elif p.kind in {"heading", "paragraph", "other"} and seen_items and duties and p.text[:1].islower():
            duties[-1] = join(body, duties[-1], p)  # a wrapped item's last lines, read as their own block
        elif p.kind in {"paragraph", "other"} and not seen_items:
            if not seen_prose and p.text.rstrip().endswith(":"):
                continue  # "As a Data Analyst, you will:" announces the list that follows
            if not duties and _introduces_items(body, p):
                continue  # "The table below sets out your areas of responsibility."
            prose = prose_duties(body, p, first=not seen_prose)
            if not prose:
                break
            duties += prose
            seen_prose = True
        else:
            break
    return tuple(duties)


_SENTENCE_BREAK = re.compile(r"[a-z)][.;]\s+[A-Z]")


def _rows_as_prose(body: Body, parts: tuple[Part, ...]) -> tuple[list[Part], set[int]]:
    """Prose the segmenter mistook for a table (justified lines split into "cells"): a run of rows
    with no share cell whose lines hold sentence breaks is read again as one paragraph, together
    with a paragraph just before it that stops mid-sentence.  Returns the parts and the ids of
    the re-read ones."""
    out: list[Part] = []
    run: list[Part] = []
    merged: set[int] = set()
    for p in [*parts, None]:
        if p is not None and p.kind == "table_row" and not any(SHARE_CELL.match(c) for c in p.block.cells):
            run.append(p)
            continue
        if run and any(_SENTENCE_BREAK.search(ln.text) for r in run for ln in r.block.lines):
            if out and out[-1].kind == "paragraph" and not out[-1].text.rstrip().endswith((".", "!", "?", ":")):
                run.insert(0, out.pop())
            out.append(_paragraph_of(body, run))
            merged.add(id(out[-1]))
        else:
            out += run
        run = []
        if p is not None:
            out.append(p)
    return out, merged


def _paragraph_of(body: Body, run: list[Part]) -> Part:
    lines = tuple(ln for r in run for ln in r.block.lines)
    first, last = run[0].block, run[-1].block
    cleaned = clean_lines(body.layout.document.text, [(ln.start, ln.end) for ln in lines])
    block = Block(kind="paragraph", text=cleaned.text, start=first.start, end=last.end, page=first.page,
                  lines=lines)
    return Part(run[0].index, block, cleaned, parse_texts([cleaned.text])[0])


def _introduces_items(body: Body, part: Part) -> bool:
    """A paragraph right before a list or table that does not itself open like a duty: it
    introduces the items ("The table below sets out ... and how your time is divided")."""
    after = list(body.parts[part.index + 1:part.index + 3])
    if after and after[0].kind in {"heading", "paragraph"} and is_header_row(after[0].text):
        after = after[1:]  # the table's bold header row, read as a heading
    return bool(after) and after[0].kind in ITEM_KINDS and not opens_with_duty_verb(part.text)


def _is_share_row(part: Part) -> bool:
    """A table row the segmenter read as a paragraph: one sentence holding a bare "NN%" cell."""
    return bool(_BARE_SHARE.search(part.text)) and len(part.sentences()) <= 2
