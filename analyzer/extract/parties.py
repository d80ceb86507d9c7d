"""Who and where: employer name and address, worksite, the signatory.

Employer: the company the opening paragraphs name as owner or operator behind a letterhead brand
("X Ltd., which owns and operates the hotel"; a client named so is not it); else a letterhead line
that is a name (no digits, web or phone; a running "Confidential -" header skipped), preferring the
one the signature block repeats; else the signature block's company line; else a prose cue ("X is
pleased to offer", "On behalf of X,").
Address: the letterhead's street piece (a building name may come first) and the city/postal-code
piece after it, joined by ", ".
Worksite: ranked by where (the client's site where a placed worker does the job > a sentence or
terms row about the place of work > the letterhead > any other mention) and how ("city, province"
> a known city alone > a province alone); in a cued sentence the place after the cue counts, and a
city that is a word of the employer's name ("Fraser Delta's office") is none.  The province is its
2-letter code from ``places.jsonl``; a known city without a province takes its own.
Signatory: the first name-like line after the valediction ("Sincerely,").
"""
from __future__ import annotations

import re

from analyzer.extract.body import Body, Part
from analyzer.extract.cues import continuation, phrase_re, phrases, regexes, sentences
from analyzer.extract.text import clean
from analyzer.nlp import load_patterns
from analyzer.types import Line, Value

MAX_NAME_WORDS = 8
_NOT_NAME = re.compile(r"\d|@|www\.|https?:|\.(?:ca|com|org)\b|\btel\b|\bphone\b|\bfax\b", re.I)
_POSTAL = re.compile(r"\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b")
_STREET = re.compile(r"^\s*(?:\d+[A-Za-z]?(?:-\d+)?\s+\w|(?:Suite|Unit|P\.?O\.?\s+Box)\b)", re.I)
_WORKSITE_CUE = re.compile(
    r"work\s+location|worksite|work\s+site|place\s+of\s+work|located\s+(?:in|at)|based\s+(?:in|at|out\s+of)|"
    r"office\s+in|work\s+(?:at|in|from)|location\s*:|report\s+to\s+(?:our|the)\s+\w+\s+office", re.I)
_ROW_LABEL = re.compile(r"^\s*(?:(?:work|job|primary|principal)\s+)?(?:location|site)|^\s*place\s+of\s+"
                        r"(?:work|employment)|^\s*work\s*place|^\s*based", re.I)
CLIENT_RANK = 7  # the client's site where an agency's worker does the job beats any other cue (6)
_CITY_BEFORE = re.compile(r"((?:[A-Z][\w'.\-]*|de|la|du|sur)(?:\s+(?:[A-Z][\w'.\-]*|de|la|du|sur))*)\s*,?\s*$")
MAX_SIGNATURE_SKIP = 2  # company lines tolerated between the valediction and the name
_PER = re.compile(r"^(?:per|by)\s*:?\s+", re.I)
_RUNNING = re.compile(r"^(?:confidential|private|strictly\s+confidential|draft)\b", re.I)
_SIGN_NOISE = re.compile(r"^[\s_./\-]*$|^\(?signed\)?$|^/s/|signature", re.I)
_NAME = re.compile(r"^(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?[A-Z][\w'\-]+(?:\s+[A-Z][\w'.\-]*){1,3}$")


def _letterhead(body: Body) -> list[Part]:
    heads = [p for p in body.parts if p.kind == "letterhead"]
    if heads:
        return heads
    first = body.parts[0] if body.parts else None
    return [first] if first is not None and first.kind in {"other", "heading"} else []


def _lines(body: Body, parts: list[Part]) -> list[Line]:
    return [ln for p in parts for ln in p.block.lines]


def _line_value(body: Body, line: Line, value: str | None = None) -> Value:
    ct = clean(line.text, line.start)
    text = value if value is not None else ct.text
    pos = max(ct.text.find(text), 0)
    s, e = ct.raw_span(pos, pos + len(text))
    return Value(text, body.raw_evidence(s, e))


def _furniture_texts(body: Body) -> set[str]:
    return {clean(b.text).text.lower() for b in body.layout.furniture}


# "placed with our client, X Ltd., which operates ...": the client, not the employer
_THIRD_PARTY = re.compile(r"\b(?:client|customer|placed|assigned|seconded|partner|supplier)\b", re.I)
OPERATOR_PARAGRAPHS = 3  # the opening paragraphs that may name the operating company


def _operator(body: Body) -> Value | None:
    """"Glacier Holdings Ltd., which owns and operates Aurora Lodge, is pleased to offer ...": the
    company the opening paragraphs name as owner, operator or employer behind a letterhead brand."""
    paras = [p for p in body.parts if p.kind in {"paragraph", "other"}][:OPERATOR_PARAGRAPHS]
    for part in paras:
        for pattern in regexes("operator_cue"):
            m = pattern.search(part.text)
            if m and not _THIRD_PARTY.search(part.text, max(0, m.start("name") - 80), m.start("name")):
                name = m.group("name").strip(" ,")
                return Value(name, body.evidence(part, m.start("name"), m.start("name") + len(name)))
    return None


def employer(body: Body) -> Value | None:
    """The company the opening names as owner/operator/employer behind a brand; else the letterhead
    name (the one the signature block repeats, when several lines qualify)."""
    operator = _operator(body)
    if operator is not None:
        return operator
    running = _furniture_texts(body)
    names: list[Value] = []
    for line in _lines(body, _letterhead(body)):
        text = _name_then_street(_first_segment(clean(line.text).text), 0)[0][0]
        if (text.lower() in running and not _has_suffix(text)) or _RUNNING.match(text):
            continue  # a running header at the top of page 1 (a company name repeated on every page stays)
        if _name_like(text):
            names.append(_line_value(body, line, text))
    company = _signature_company(body)
    agreed = [v for v in names if company and v.value.lower() == company.value.lower()]
    if not agreed and names and company and _outranks_letterhead(body, company.value):
        return company  # the legal entity signs; the letterhead line names a brand, school or station
    if agreed or names:
        return (agreed or names)[0]
    if company:
        return company
    for part, s, e in sentences(body, {"paragraph", "other"}):
        for pattern in regexes("employer_cue"):
            m = pattern.search(part.text, s, e)
            if m and not m.group("name").lower().startswith(("our ", "the company")):
                name = m.group("name").strip(" ,")
                ns = part.text.find(name, m.start("name"))
                return Value(name, body.evidence(part, ns, ns + len(name)))
    return None


TOP_CHARS = 200  # "printed at the top": within the letter's first characters


def _outranks_letterhead(body: Body, company: str) -> bool:
    """The signature block's company is the employer over a differing letterhead line when it is a
    legal entity (Inc., Ltd., Professional Corporation ...) or the letter prints it at the top."""
    words = {w.strip(",").lower() for w in company.split()}
    if words & set(phrases("legal_suffix")):
        return True
    return company.lower() in body.layout.document.text[:TOP_CHARS].lower()


def _name_like(text: str) -> bool:
    """A letterhead line that can be a company name: a few words, no digits, web or phone."""
    if not text or _NOT_NAME.search(text) or _POSTAL.search(text) or not any(c.isalpha() for c in text):
        return False
    return len(text.split()) <= MAX_NAME_WORDS and not text.rstrip().endswith(":")


def _has_suffix(text: str) -> bool:
    words = {w.strip(",").lower() for w in text.split()}
    return any(sfx in words for sfx in phrases("company_suffix"))


def _signature_company(body: Body) -> Value | None:
    sig = _signature_lines(body)
    for line in sig[1:]:
        text = clean(line.text).text
        if _has_suffix(text) and not _NOT_NAME.search(text):
            role, _, firm = text.partition(", ")
            if firm and len(firm.split()) >= 2 and _has_suffix(firm) and not _has_suffix(role):
                return _line_value(body, line, firm)  # "CTO & Co-founder, Loopwise Labs Inc."
            return _line_value(body, line)
    return None


_SEPARATOR = re.compile(r"\s+[\u00b7|\u2022]\s+|\t+|\s{3,}")


def _first_segment(text: str) -> str:
    return _SEPARATOR.split(text, maxsplit=1)[0]


def _segments(body: Body, parts: list[Part]) -> list[tuple[str, int, int]]:
    """Letterhead pieces (text, raw start, raw end): lines split at "·", "|" and wide gaps, the
    way a letterhead prints its address, phone and web site on one line."""
    out = []
    for line in _lines(body, parts):
        pos = 0
        for piece in _SEPARATOR.split(line.text):
            at = line.text.find(piece, pos)
            pos = at + len(piece)
            if piece.strip():
                out += _name_then_street(piece.strip(), line.start + at)
    return out


# "Innovation Place, 15 Research Drive, Saskatoon, SK S7N 3R3": a building's name before the street
_BUILDING_FIRST = re.compile(r"^[A-Z][\w'.\- ]{2,40},\s*\d+[A-Za-z]?(?:-\d+)?\s+[A-Z].*\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b")
_NAME_STREET = re.compile(r"^(?P<name>\D+?)\s+(?=\d+[A-Za-z]?\s+[A-Z])")


def _name_then_street(piece: str, start: int) -> list[tuple[str, int, int]]:
    """"Maple Inc. 100 King Street" (a two-column letterhead read as one line) -> name, street."""
    m = _NAME_STREET.match(piece)
    if m and _has_suffix(m.group("name")):
        return [(m.group("name"), start, start + m.end("name")), (piece[m.end():], start + m.end(), start + len(piece))]
    return [(piece, start, start + len(piece))]


def employer_address(body: Body) -> Value | None:
    """Street piece plus the city/province/postal-code piece after it, joined with ", "."""
    segs = _segments(body, _letterhead(body))
    for k, (text, start, end) in enumerate(segs):
        if not (_STREET.match(text) or _BUILDING_FIRST.match(text)):
            continue
        group = [(text, start, end)]
        for nxt in segs[k + 1:k + 3]:
            if _NOT_NAME.search(nxt[0]) and not (_POSTAL.search(nxt[0]) or _STREET.match(nxt[0])):
                break
            group.append(nxt)
            if _POSTAL.search(nxt[0]) or _province_in(nxt[0]):
                break
        if len(group) == 1:  # street, city and more printed as one piece
            group = [_one_piece_address(body, text, start)] if _POSTAL.search(text) else group
        value = ", ".join(clean(g[0]).text.strip(" ,") for g in group)
        return Value(value, body.raw_evidence(group[0][1], group[-1][2]))
    return None


def _one_piece_address(body: Body, text: str, start: int) -> tuple[str, int, int]:
    """"655 Main Street Moncton, NB E1C 1E8 Tel. ..." -> "655 Main Street, Moncton, NB E1C 1E8"."""
    postal = _POSTAL.search(text)
    assert postal is not None
    head = text[:postal.end()]
    cities = sorted((r["pattern"] for r in load_patterns("places") if r["label"] == "CITY"), key=len, reverse=True)
    for city in cities:
        at = head.rfind(f" {city},")
        # Only a city right before its province ("Moncton, NB") starts the second half.
        if at > 0 and re.match(r",\s*[A-Z]{2}\b", head[at + 1 + len(city):]):
            head = f"{head[:at].rstrip(' ,')}, {head[at + 1:]}"
            break
    return head, start, start + postal.end()


def _province_in(text: str) -> bool:
    return bool(re.search(r",\s*[A-Z]{2}\b", text))


Place = tuple[dict[str, str | None], int, int, int]  # value, clean start, clean end, strength


def _cue_at(part: Part, s: int, e: int, kinds: tuple[str, ...] = ("site_cue",)) -> int | None:
    """Where a sentence speaks of the place of work ("based in", "at our Spadina Avenue studio"),
    or the row's start for a terms row labelled so ("Work location | ..."); None when it does not."""
    found = [m.start() for m in [_WORKSITE_CUE.search(part.text, s, e)] if m and "site_cue" in kinds]
    found += [m.start() for k in kinds for rx in regexes(k) for m in [rx.search(part.text, s, e)] if m]
    cells = part.block.cells
    if "site_cue" in kinds and part.kind == "table_row" and len(cells) >= 2 and _ROW_LABEL.match(cells[0]):
        found.append(s)
    return min(found) if found else None


def _in_name(text: str, ent_start: int, ent_end: int, name: str) -> bool:
    """A city that is a word of the employer's name as written here ("Fraser Delta's office"):
    the name holds the city together with the word just before or after it."""
    if not name:
        return False
    before = re.search(r"(\S+)\s+$", text[:ent_start])
    after = re.match(r"\s+([\w&'.\-]+)", text[ent_end:])
    city = re.escape(text[ent_start:ent_end])
    words = [rf"{re.escape(before.group(1))}\s+{city}" if before else None,
             rf"{city}\s+{re.escape(after.group(1).split(chr(39))[0])}" if after else None]
    return any(w and re.search(rf"(?<!\w){w}", name) for w in words)


def _place_in(part: Part, s: int, e: int, employer_name: str = "") -> Place | None:
    """The strongest place in clean span [s, e) of ``part``: "city, province" (strength 2), a known
    city alone (1), a province named in full alone (0); the first of the strongest.  A city inside
    the employer's name ("Fraser Delta Engineering") is no place."""
    ents = [ent for ent in part.parsed.ents if ent.start_char >= s and ent.end_char <= e
            and not (ent.label_ == "CITY" and _in_name(part.text, ent.start_char, ent.end_char, employer_name))]
    lone_city = lone_province = None
    for k, ent in enumerate(ents):
        if ent.label_ == "PROVINCE":
            prev = ents[k - 1] if k else None
            if prev is not None and prev.label_ == "CITY" and ent.start_char - prev.end_char <= 3:
                return {"city": prev.text, "province": ent.ent_id_}, prev.start_char, ent.end_char, 2
            city, start = _city_before(part.text, s, ent.start_char)
            if city:
                return {"city": city, "province": ent.ent_id_}, start, ent.end_char, 2
            if lone_province is None and len(ent.text) > 5:  # "Ontario" alone is a place, "ON" is not
                lone_province = ({"city": None, "province": ent.ent_id_}, ent.start_char, ent.end_char, 0)
        elif ent.label_ == "CITY" and lone_city is None:
            lone_city = ({"city": ent.text, "province": ent.ent_id_}, ent.start_char, ent.end_char, 1)
    return lone_city or lone_province


def _city_before(text: str, s: int, pos: int) -> tuple[str | None, int]:
    """The capitalised words just before "<city>, <province>", and where they start."""
    before = text[s:pos].rstrip()
    if not before.endswith(","):
        return None, pos
    m = _CITY_BEFORE.search(before[:-1])
    return (m.group(1).strip(), s + m.start(1)) if m else (None, pos)


def worksite(body: Body, employer_name: str | None = None) -> Value | None:
    """Best place by (where, how): a sentence about the place of work beats the letterhead, which
    beats any other mention; within each, "city, province" beats a known city alone, which beats a
    province alone.  The addressee and signature are left out (the candidate's address is not it)."""
    best: tuple[int, Value] | None = None
    if employer_name is None:
        name = employer(body)
        employer_name = name.value if name else ""
    for part, s, e in sentences(body):
        if part.kind in {"letterhead", "addressee", "signature", "date"}:
            continue
        # A rotation camp, field site or travel is where the work takes the worker, not where the
        # job is based ("based at our Vancouver office" beats "on rotation at the Stewart camp").
        away = bool(phrase_re("worksite_away").search(part.text, s, e))
        at = None if away else _cue_at(part, s, e, ("client_site",))
        client = at is not None
        at = at if client or away else _cue_at(part, s, e)
        cued = at is not None
        # the place after the cue: "We are headquartered in Toronto, and you will be based at our Ottawa office"
        found = (_place_in(part, at, e, employer_name) if cued else None) or _place_in(part, s, e, employer_name)
        nxt = continuation(body, part, e) if cued and found is None else None
        if nxt is not None:  # "The position is located in" | "Saskatoon, Saskatchewan."
            part, s, e = nxt
            found = _place_in(part, s, e, employer_name)
        if found:
            rank = (CLIENT_RANK if client else 6 if cued else 0) + found[3]
            if best is None or rank > best[0]:
                best = (rank, Value(found[0], body.evidence(part, found[1], found[2])))
    for part in _letterhead(body):  # every letterhead line: a tagline naming a province comes before the address
        found = _place_in(part, 0, len(part.text), employer_name)
        if found and (best is None or 3 + found[3] > best[0]):
            best = (3 + found[3], Value(found[0], body.evidence(part, found[1], found[2])))
    return best[1] if best else None


def _signature_lines(body: Body) -> list[Line]:
    """Document lines from the valediction ("Sincerely,") on, furniture left out."""
    furniture = {(ln.start) for b in body.layout.furniture for ln in b.lines}
    lines = [ln for ln in body.layout.document.lines() if ln.start not in furniture]
    vale = phrase_re("valediction")
    for k, line in enumerate(lines):
        text = line.text.strip().rstrip(",.")
        m = vale.fullmatch(text)
        if m:
            return lines[k:k + 8]
    return []


def signatory(body: Body) -> Value | None:
    """The first name-like line after the valediction ("Sincerely,"), past signature rules, "/s/",
    a company line ("MAPLE INC.") and a "Per:" prefix; "Jane Smith, Director" gives "Jane Smith"."""
    skipped = 0
    for line in _signature_lines(body)[1:]:
        text = clean(line.text).text
        name = _PER.sub("", text).split(",")[0].strip()
        if _SIGN_NOISE.search(name):
            continue
        if _NAME.match(name) and not _has_suffix(name):
            return _line_value(body, line, name)
        skipped += 1
        if skipped > MAX_SIGNATURE_SKIP or not _has_suffix(text):
            break
    return None
