"""The job title as the letter writes it.

Candidates come from four places; the highest score wins, the earliest in the letter breaks a tie:

====================  =====  ==============================================================
source                score  example
====================  =====  ==============================================================
labelled line         10     "Position: Computer Systems Analyst", a "Job Title | ..." row
subject line           8     "Re: Offer of Employment - Computer Systems Analyst"
prose cue            4-6     "... offer you the position of Computer Systems Analyst with ..."
heading                2     a short heading ending in an occupation word (the NOC index
                             titles' head nouns): "Staff Accountant", not "Terms of Appointment"
====================  =====  ==============================================================

A labelled line is the employer's own statement of the title, so it beats everything; a subject
line is nearly as explicit (its "Offer of ... Employment -" lead, a ", Medicine Unit" or "@ Acme"
tail and a joined e-mail header are cut off); prose cues differ in strength (``title_cues.jsonl`` gives each a
score 1-3, added to 3).  The value keeps the letter's words (cleaned of line breaks and ligatures)
and never runs on into "with Maple Inc.", "at our Toronto office" or "effective ...".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from analyzer import corpora
from analyzer.extract.body import Body, Part
from analyzer.extract.cues import phrase_re
from analyzer.extract.text import CleanText, clean
from analyzer.nlp import load_patterns
from analyzer.types import Value

MAX_WORDS = 10
_COMPANY = frozenset({"inc", "ltd", "corp", "llp", "limited", "corporation", "co", "lp", "ulc"})
_NOC_TAIL = re.compile(r"\s*[\(\[]\s*(?:NOC|TEER)\b.*$", re.I)
_EDGE = " \t.,;:-\u2013\u2014\"'()"


@dataclass(frozen=True)
class Candidate:
    score: float
    order: int  # raw offset: earlier wins ties
    text: str
    start: int  # raw span
    end: int
    source: str


def _words_re(phrase: str) -> str:
    return r"\s+".join(re.escape(w) for w in phrase.split())


@cache
def _label_re() -> re.Pattern[str]:
    labels = sorted((r["label"] for r in load_patterns("title_labels")), key=len, reverse=True)
    alt = "|".join(_words_re(lb) for lb in labels)
    return re.compile(rf"^\s*(?:{alt})\s*(?::|-|\u2013|\u2014)\s*(?P<v>.*?)\s*$", re.I)


@cache
def _label_cells() -> frozenset[str]:
    return frozenset(r["label"].lower() for r in load_patterns("title_labels"))


@cache
def _subject_re() -> re.Pattern[str]:
    rows = load_patterns("title_subject")
    prefixes = "|".join(_words_re(r["prefix"]) for r in rows if "prefix" in r)
    return re.compile(rf"^\s*(?:{prefixes})\s*:\s*(?P<v>.+?)\s*$", re.I)


@cache
def _subject_leads() -> re.Pattern[str]:
    rows = load_patterns("title_subject")
    leads = sorted((r["lead"] for r in rows if "lead" in r), key=len, reverse=True)
    # regex leads first: "Offer of Casual Employment" must win over the bare lead "Offer"
    alt = "|".join([r["lead_regex"] for r in rows if "lead_regex" in r] + [_words_re(x) for x in leads])
    return re.compile(rf"(?:{alt})", re.I)


@cache
def _cue_re() -> tuple[re.Pattern[str], dict[str, int]]:
    """Phrase cues (case-insensitive, longest first) and regex cues ("join Maple Inc. as")."""
    rows = sorted((r for r in load_patterns("title_cues") if "cue" in r), key=lambda r: len(r["cue"]),
                  reverse=True)
    scores = {" ".join(r["cue"].lower().split()): int(r["score"]) for r in rows}
    alt = "|".join(_words_re(r["cue"]) for r in rows)
    return re.compile(rf"\b(?P<cue>{alt})\s+", re.I), scores


@cache
def _regex_cues() -> tuple[tuple[re.Pattern[str], int], ...]:
    return tuple((re.compile(rf"\b(?:{r['regex']})\s+"), int(r["score"]))
                 for r in load_patterns("title_cues") if "regex" in r)


@cache
def _tail_re() -> re.Pattern[str]:
    tails = sorted((r["tail"] for r in load_patterns("title_stops") if "tail" in r), key=len, reverse=True)
    alt = "|".join(_words_re(t) for t in tails)
    return re.compile(rf"(?:\s*(?:,|-|\u2013|\u2014|/)\s*|\s*\(\s*|\s+)(?:(?:{alt})(?:\s*(?:,|/|and)\s*)?)+\)?\s*$",
                      re.I)


@cache
def _stops() -> tuple[frozenset[str], frozenset[str]]:
    rows = load_patterns("title_stops")
    stops = frozenset(r["stop"] for r in rows if "stop" in r)
    conns = frozenset(r["connector"] for r in rows if "connector" in r)
    return stops, conns


@cache
def _place_words() -> frozenset[str]:
    return frozenset(r["pattern"].lower() for r in load_patterns("places"))


@cache
def _section_headings() -> frozenset[str]:
    rows = list(load_patterns("headings")) + list(load_patterns("duty_cues"))
    return frozenset(r["heading"] for r in rows if "heading" in r)


def _trim(text: str) -> str:
    """Drop a "(NOC 21222)" tail and employment-type words ("Analyst, Full-Time" -> "Analyst")."""
    text = _strip_edges(_NOC_TAIL.sub("", text))
    trimmed = _strip_edges(_tail_re().sub("", text))
    return trimmed if trimmed else text


def _strip_edges(text: str) -> str:
    """Edge punctuation off, but a ")" closing the title's own "(" stays."""
    out = text.strip(_EDGE)
    if out.count("(") > out.count(")"):
        tail = text[text.find(out) + len(out):]
        if tail.startswith(")"):
            out += ")"
    return out


def _from_clean(ct: CleanText, s: int, e: int, score: float, source: str) -> Candidate | None:
    """A candidate from clean span [s, e) of ``ct`` after trimming its edges."""
    value = ct.text[s:e]
    trimmed = _trim(value)
    if not trimmed or len(trimmed.split()) > MAX_WORDS or not any(c.isalpha() for c in trimmed):
        return None
    s += value.find(trimmed)
    raw_s, raw_e = ct.raw_span(s, s + len(trimmed))
    return Candidate(score, raw_s, trimmed, raw_s, raw_e, source)


def _candidate(body: Body, part: Part, s: int, e: int, score: float, source: str) -> Candidate | None:
    return _from_clean(part.clean, s, e, score, source)


def _raw_candidate(body: Body, s: int, e: int, score: float, source: str) -> Candidate | None:
    ct = clean(body.layout.document.text[s:e], s)
    return _from_clean(ct, 0, len(ct.text), score, source)


def _before_signature(body: Body) -> list[Part]:
    """Body parts up to the signature: a "Title:" after it is the signatory's, not the job's."""
    out = []
    closing = phrase_re("valediction")
    for part in body.parts:
        first = part.block.lines[0].text.strip().rstrip(",.") if part.block.lines else part.text
        if part.kind == "signature" or closing.fullmatch(first):
            break
        if part.kind != "addressee":
            out.append(part)
    return out


def _from_labels(body: Body) -> list[Candidate]:
    out: list[Candidate] = []
    for part in _before_signature(body):
        if part.kind == "table_row" and len(part.block.cells) >= 2:
            out.append(_from_label_cells(body, part))
            continue
        # A labelled line may have been joined with its neighbours into one block: look at the
        # document's own lines of the block, whose spans are exact.
        lines = part.block.lines
        for k, line in enumerate(lines):
            m = _label_re().match(line.text)
            if not m:
                continue
            s, e = line.start + m.start("v"), line.start + m.end("v")
            if s == e and k + 1 < len(lines):  # "Position:" alone, the title on the next line
                s, e = lines[k + 1].start, lines[k + 1].end
            out.append(_raw_candidate(body, s, e, 10.0, "label"))
        m = _label_re().match(part.text) if not lines else None
        if m:
            out.append(_candidate(body, part, m.start("v"), m.end("v"), 10.0, "label"))
    return [c for c in out if c is not None]


def _from_label_cells(body: Body, part: Part) -> Candidate | None:
    """A "Position | Computer Systems Analyst" row of a details table."""
    cells = part.block.cells
    if cells[0].strip(" :").lower() not in _label_cells():
        return None
    value = cells[1].strip()
    pos = part.text.find(value)
    if pos < 0:
        return None
    return _candidate(body, part, pos, pos + len(value), 10.0, "label")


def _from_subject(body: Body) -> list[Candidate]:
    out: list[Candidate] = []
    for part in _before_signature(body):
        if part.kind not in {"subject", "heading", "paragraph", "other", "salutation"}:
            continue
        m = _subject_re().match(part.text)
        if m:
            s, e = m.start("v"), m.end("v")
        elif part.kind in {"heading", "subject"} and _subject_leads().match(part.text.strip()):
            s, e = 0, len(part.text)  # a heading "Offer of Employment - Data Scientist" without "Re:"
        else:
            continue
        inner = part.text[s:e]
        cue = _cue_re()[0].search(inner)
        if cue:  # "Re: Offer of Employment for the Position of X"
            span = _prose_span(part.text, s + cue.end())
            if span:
                c = _candidate(body, part, span[0], span[1], 8.0, "subject")
                if c:
                    out.append(c)
            continue
        lead = _subject_leads().search(inner)
        if lead:
            before, after = inner[:lead.start()], inner[lead.end():]
            if after.strip(_EDGE):
                s = s + lead.end()
            elif before.strip(_EDGE):
                e = s + lead.start()
            else:
                continue
        header = _HEADER_AFTER.search(part.text, s, e)  # the next e-mail header line joined on
        e = _before_unit(part.text, s, header.start() if header else e)
        if _SENDER.match(part.text, s):
            continue  # "Your offer from Fernwood Planning": the sender, not a job
        tail = _KIND_TAIL.search(part.text, s, e)
        if tail and tail.start() > s:
            e = tail.start()  # "Database Analyst position", "NUTRITIONIST ENGAGEMENT": the job, not the word for it
        c = _candidate(body, part, s, e, 8.0, "subject")
        if c and c.text.lower() not in _people(body) and not _document_type(c.text):
            out.append(c)
    return out


_SENDER = re.compile(r"\s*(?:[-\u2013\u2014:]\s*)?from\b", re.I)
_KIND_TAIL = re.compile(r"\s+(?:position|role|job|post|engagement|appointment|opportunity|offer)\s*[.!]?\s*$", re.I)


@cache
def _doc_words() -> frozenset[str]:
    return frozenset(r["doc_word"] for r in load_patterns("title_subject") if "doc_word" in r)


@cache
def _greetings() -> re.Pattern[str]:
    words = [r["greeting"] for r in load_patterns("title_subject") if "greeting" in r]
    return re.compile(r"\s*(?:" + "|".join(_words_re(w) for w in words) + r")\b", re.I)


def _document_type(text: str) -> bool:
    """"Term Appointment", "Conditional Offer", "Letter of Offer": the kind of letter, not a job;
    "Welcome to the Integration team": a greeting, not a job either."""
    if _greetings().match(text):
        return True
    words = [w.strip(_EDGE).lower() for w in re.split(r"[\s\u2013\u2014/()-]+", text) if w.strip(_EDGE)]
    # a number is a length or a date ("24-Month Term", "(12 months)"), never a job
    return bool(words) and all(w in _doc_words() or any(ch.isdigit() for ch in w) for w in words)


def _people(body: Body) -> set[str]:
    """Names of the addressee ("Dear Jane Doe,", the address block's first line): a subject line
    "Offer of Employment - Jane Doe" names the candidate, not the job."""
    names: set[str] = set()
    for part in body.parts:
        if part.kind == "salutation":
            m = re.match(r"\s*(?:dear|hello|hi)\s+(?P<n>[^,:]+)", part.text, re.I)
            if m:
                names.add(m.group("n").strip().lower())
        elif part.kind == "addressee" and part.block.lines:
            names.add(clean(part.block.lines[0].text).text.strip(_EDGE).lower())
    return names


_WORD = re.compile(r"\S+")


def _prose_span(text: str, pos: int) -> tuple[int, int] | None:
    """Clean span of the title that starts at ``pos`` (just after a cue)."""
    m = re.compile(r"(?:(?:a|an|the|our|your)\s+)?(?:new\s+)?", re.I).match(text, pos)
    pos = m.end() if m else pos
    if pos < len(text) and text[pos] in "\"'":
        close = text.find(text[pos], pos + 1)
        if close > pos + 1:
            return pos + 1, close
    words = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(text, pos)][: MAX_WORDS + 2]
    if not words:
        return None
    stops, conns = _stops()
    capital = words[0][2][0].isupper() or words[0][2][0].isdigit()
    end = None
    for k, (ws, we, w) in enumerate(words):
        bare = w.strip(".,;:()\"'!?")
        low = bare.lower()
        if k > 0 and _ends_title(bare, low, words, k, capital, stops, conns):
            break
        if k > 0 and w[0] == "(" and capital:
            end = _parenthetical(text, ws, end)
            break
        if not bare or w[0] in "(\"[":
            break
        end = ws + len(w.rstrip(".,;:)\"'!?")) if w[-1] in ".,;:)\"'!?" else we
        if w.endswith(",") and capital and k < 2:
            end = _comma_title(text, words, k, end)
            break
        if w[-1] in ",;:()!?" or (w.endswith(".") and not _abbrev(bare)):
            break
        if k + 1 >= MAX_WORDS:
            break
    return (pos, end) if end else None


def _parenthetical(text: str, at: int, end: int | None) -> int | None:
    """"Librarian (Research and Instruction)": a short parenthesis of capitalised words right after
    the title belongs to it (an acronym "(EIT)" does not; "(Full-Time)", "(NOC 21222)" are trimmed later)."""
    close = text.find(")", at)
    inner = text[at + 1:close].split() if close > at else []
    _, conns = _stops()
    if not 1 <= len(inner) <= 5 or not all(w[:1].isupper() or w.lower() in conns for w in inner):
        return end
    if not any(c.islower() for c in "".join(inner)):  # "(EIT)" abbreviates the title: not part of it
        return end
    return close + 1


def _comma_title(text: str, words: list, k: int, end: int) -> int:
    """"Manager, Quality Assurance, reporting to ..." -> "Manager, Quality Assurance": after a
    one- or two-word title, a comma and a capitalised run that is not a place or a company and is
    itself closed by a comma or full stop continue the title (the Canadian "Director, Finance")."""
    run_end = None
    for ws, _we, w in words[k + 1:k + 5]:
        bare = w.strip(".,;:()\"'")
        if not bare[:1].isupper() or _names_region(bare) or bare.rstrip(".").lower() in _COMPANY:
            return end
        run_end = ws + len(w.rstrip(".,;:)\"'"))
        if w[-1] in ",.;":
            return run_end
    return end


def _abbrev(word: str) -> bool:
    return len(word) <= 3 and word[:1].isupper() and word not in {"I", "IT", "HR"}


def _ends_title(bare: str, low: str, words: list, k: int, capital: bool,
                stops: frozenset[str], conns: frozenset[str]) -> bool:
    two = f"{low} {words[k + 1][2].lower()}" if k + 1 < len(words) else low
    if two in stops:
        return True
    if not capital:
        return low in stops
    if bare[:1].isupper() or bare[:1].isdigit():
        return low in _place_words()
    if low in conns and k + 1 < len(words):
        nxt = words[k + 1][2].strip(".,;:()\"'")
        return not (nxt[:1].isupper() and nxt.lower() not in _place_words())
    return True


def _from_prose(body: Body) -> list[Candidate]:
    out: list[Candidate] = []
    pattern, scores = _cue_re()
    for part in _before_signature(body):
        if part.kind in {"heading", "letterhead", "signature", "subject"}:
            continue
        found = [(m.end(), scores.get(" ".join(m.group("cue").lower().split()), 1))
                 for m in pattern.finditer(part.text)]
        found += [(m.end(), score) for rx, score in _regex_cues() for m in rx.finditer(part.text)]
        for end, score in found:
            span = _prose_span(part.text, end)
            c = _candidate(body, part, span[0], span[1], 3.0 + score, "prose") if span else None
            if c:
                out.append(c)
        for m in _TITLE_NOUN.finditer(part.text):  # "selected for the Biostatistician II opening"
            if looks_like_occupation(m.group("t")):
                c = _candidate(body, part, m.start("t"), m.end("t"), 4.0, "prose")
                out += [c] if c else []
    return out


def _from_headings(body: Body) -> list[Candidate]:
    out: list[Candidate] = []
    for part in body.parts:
        if part.kind != "heading" or _subject_leads().search(part.text):
            continue
        words = part.text.split()
        key = re.sub(r"^[\d.()ivx]+\s+", "", part.text.lower()).strip(_EDGE)
        if not 1 <= len(words) <= 6 or key in _section_headings() or any(ch.isdigit() for ch in key):
            continue
        if not looks_like_occupation(part.text):  # "Terms of Appointment", "Your Role" are sections
            continue
        c = _candidate(body, part, 0, len(part.text), 2.0, "heading")
        if c:
            out.append(c)
    return out


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[\u2010-\u2015]", "-", text.lower().replace(".", "")).split())


def _as_body_writes(body: Body, cands: list[Candidate]) -> list[Candidate]:
    """A subject line or label that is the body's title plus a tail the body never writes with it
    ("SR STATISTICIAN, PRICING ANALYTICS" beside "the position of Sr Statistician in our Pricing
    Analytics department"), or the same words in capitals: the body's wording, at the stronger
    source's score.  "Registered Nurse – Critical Care", written so in the body too, stays whole."""
    prose = [c for c in cands if c.source == "prose"]
    letter = _fold(body.layout.document.text)
    out = []
    for c in cands:
        folded = _fold(c.text)
        same = None
        if c.source != "prose" and letter.count(folded) < 2:
            same = next((p for p in prose if _fold(p.text) != folded
                         and re.match(re.escape(_fold(p.text)) + r"\s*(?:,|-|\(|/)", folded)), None)
        if same is None and c.source != "prose" and c.text.isupper():
            same = next((p for p in prose if _fold(p.text) == folded and not p.text.isupper()), None)
        out.append(Candidate(c.score, c.order, same.text, same.start, same.end, c.source) if same
                   else _unit_named_elsewhere(c, letter))
    return out


def _unit_named_elsewhere(c: Candidate, letter: str) -> Candidate:
    """"Statistician, Pricing Analytics" where the letter speaks of "the Pricing Analytics team"
    elsewhere: the part after the comma is a unit, not part of the title."""
    head, comma, tail = c.text.partition(",")
    units = "|".join(re.escape(u) for u in sorted(_unit_words()))
    if c.source == "prose" or not comma or not tail.strip() or not looks_like_occupation(head):
        return c
    if not re.search(rf"{re.escape(_fold(tail))}\s+(?:{units})\b", letter):
        return c
    head = head.rstrip(_EDGE)
    return Candidate(c.score, c.order, head, c.start, c.start + len(head), c.source)


def _without_region(c: Candidate) -> Candidate:
    """"Position: Sales Engineer, Western Canada" -> "Sales Engineer": a labelled title followed
    by a comma and a territory or a department (never a "Manager, Quality Assurance" function)."""
    head, comma, tail = c.text.partition(",")
    if c.source != "label" or not comma or not _names_region(tail) or not looks_like_occupation(head):
        return c
    head = head.rstrip(_EDGE)
    return Candidate(c.score, c.order, head, c.start, c.start + len(head), c.source)


def find_title(body: Body) -> Value | None:
    cands = _as_body_writes(body, [_without_region(c) for c in _from_labels(body)] + _from_subject(body)
                            + _from_prose(body))
    if not cands:
        cands = _from_headings(body)
    if not cands:
        return None
    best = min(cands, key=lambda c: (-c.score, c.order))
    return Value(best.text, body.raw_evidence(best.start, best.end))


_TITLE_NOUN = re.compile(r"\bthe\s+(?P<t>(?:[A-Z][\w.\-]*\s+){0,5}[A-Z][\w.\-]*(?:\s+[IVX]{1,4})?)\s+"
                         r"(?:position|role|opening|vacancy|post|job)\b")
_HEADER_AFTER = re.compile(r"\s+(?:@\s|(?:From|To|Cc|Bcc|Sent|Date):\s)")  # "Analyst @ Acme", "From: ..."
_LEVEL = re.compile(r"(?:\s+(?:[IVX]{1,4}|\d|Sr\.?|Jr\.?|Senior|Junior|Lead|Principal))+$")


@cache
def _occupation_heads() -> frozenset[str]:
    """Last words of the NOC 2021 index titles ("analyst", "nurse", "geologist"), from titles in
    natural order (not "director, benefits"), less ``{"not_head": ...}`` rows of ``title_stops.jsonl``."""
    heads: set[str] = set()
    for title, _code in corpora.noc_titles():
        if "," in title or " - " in title:
            continue
        words = re.sub(r"\(.*?\)", "", title).lower().split()
        if words:
            heads.update(x.strip(",-") for x in words[-1].split("/"))
    return frozenset(heads - {r["not_head"] for r in load_patterns("title_stops") if "not_head" in r})


def looks_like_occupation(text: str) -> bool:
    """A title ends in an occupation word, its level ("II", "Sr.") and any parenthesis aside; in
    "X – Y" or "X, Y" either of the first two pieces may be the one that does."""
    for piece in re.split(r"\s+[-\u2013\u2014]\s+|,\s+", text)[:2]:  # "Developer – Backend", "Manager, Sales"
        core = _LEVEL.sub("", re.sub(r"\s*\(.*?\)\s*$", "", piece.strip(_EDGE))).strip(_EDGE)
        words = core.split()
        if words and words[-1].lower().strip(".,") in _occupation_heads():
            return True
    return False


@cache
def _unit_words() -> frozenset[str]:
    return frozenset(r["unit"] for r in load_patterns("title_stops") if "unit" in r)


@cache
def _region_words() -> frozenset[str]:
    return frozenset(r["region"] for r in load_patterns("title_stops") if "region" in r)


def _names_region(text: str) -> bool:
    """"Western Canada", "Central Region", "Ontario", "Pricing Department": a territory or an
    organisational unit, not part of a title (a function, "Quality Assurance", is)."""
    low = " ".join(w.strip(".,/()").lower() for w in text.split())
    return any(w in _region_words() | _place_words() | _ORG_UNITS for w in low.split()) or \
        any(r in low for r in _region_words() if " " in r)


_ORG_UNITS = frozenset({"department", "dept", "division", "branch", "unit", "ward"})


def _before_unit(text: str, s: int, e: int) -> int:
    """"Registered Nurse, Medicine Unit / 6 West" -> "Registered Nurse": after a title that ends in
    an occupation word, a comma and a unit, ward or place (or a number) are not part of it."""
    comma = text.find(",", s, e)
    if comma < 0 or not looks_like_occupation(text[s:comma]):
        return e
    rest = {w.strip(".,/()").lower() for w in text[comma + 1:e].split()}
    if rest & _unit_words() or _names_region(text[comma + 1:e]) or any(ch.isdigit() for ch in text[comma:e]):
        return comma
    return e
