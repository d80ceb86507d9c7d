"""Hostile and damaged inputs for the fuzz suite (``tests/test_fuzz.py``) and ``docs/robustness.md``.

Two kinds of input:

* **mutators**: ``mutate(data, rng) -> bytes`` functions applied to real generated letters
  (truncation, byte flips, removed xref, broken streams, ...); hypothesis picks the letter, the
  mutators and their seeds.
* **crafted cases**: fixed hostile files (10k nested arrays, a 500-page PDF, DOCX zip bombs,
  billion-laughs XML, odd text encodings, NUL bytes, a 10 MB line).

Base letters come from the letter generator (``tests/lettergen``) when it renders; otherwise a
realistic letter is built here with reportlab / python-docx so the suite never depends on it.
"""

from __future__ import annotations

import io
import random
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

from tests.pdfs import L, flow_pdf, many_pages, pdf_from_objects, zip_bytes

Mutator = Callable[[bytes, random.Random], bytes]
ROOT = Path(__file__).resolve().parent
LETTER_LINES: tuple[str, ...] = (
    "Maple Analytics Inc.", "100 King St W, Suite 500, Toronto, ON M5X 1A9", "",
    "January 5, 2027", "", "Jane Doe", "12 Elm Street, Austin, TX 78701", "",
    "Re: Offer of Employment - Computer Systems Analyst", "", "Dear Ms. Doe,",
    "We are pleased to offer you the position of Computer Systems Analyst at Maple Analytics Inc.",
    "Your main duties will be:",
    "- Analyse business requirements and design information systems to meet them.",
    "- Develop and test system specifications, data models and integration plans.",
    "- Evaluate vendor software and recommend improvements to existing systems.",
    "- Prepare technical documentation and train users on new systems.",
    "The position is for a term of 24 months starting on February 1, 2027, at our Toronto office.",
    "You will work 40 hours per week for an annual salary of $95,000 CAD.",
    "This position requires a Bachelor's degree in Computer Science.",
    "", "Sincerely,", "Sarah Thompson", "Director, Human Resources",
)


# --- base letters ---------------------------------------------------------------------------

def own_pdf(pages: int = 1) -> bytes:
    """The fallback letter as a PDF of ``pages`` pages (the letter repeated per page)."""
    body = [L(t, gap=0 if t else 0.5) for t in LETTER_LINES if t]
    return flow_pdf([body] * pages, header="Maple Analytics Inc. - Confidential", page_numbers=True)


def own_docx() -> bytes:
    from docx import Document

    doc = Document()
    for text in LETTER_LINES:
        doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def own_txt() -> bytes:
    return ("\n".join(LETTER_LINES) + "\n").encode("utf-8")


def _lettergen_letters(limit: int = 6) -> dict[str, bytes]:
    """A few letters rendered by the project's generator, if it and its specs are there."""
    try:
        from tests.lettergen import load_specs, render
    except ImportError:
        return {}
    spec_dir = ROOT / "labelled" / "letters"
    if not spec_dir.is_dir():
        return {}
    import tempfile

    out: dict[str, bytes] = {}
    try:
        specs = load_specs(spec_dir)
    except Exception:  # noqa: BLE001 - a half-written spec set must not stop the fuzz suite
        return {}
    picked = {}
    for spec in specs:  # one spec per format/layout pair, so mutations hit different structures
        picked.setdefault((spec.get("format", "pdf"), spec.get("layout")), spec)
    with tempfile.TemporaryDirectory() as tmp:
        for spec in list(picked.values())[:limit]:
            try:
                path = Path(render(spec, tmp))
                out[f"gen-{path.name}"] = path.read_bytes()
            except Exception:  # noqa: BLE001 - see above
                continue
    return out


@cache
def base_letters() -> dict[str, bytes]:
    """Name -> bytes of the real letters the mutators start from (always pdf, docx and txt)."""
    letters = {"letter.pdf": own_pdf(1), "letter-3p.pdf": own_pdf(3),
               "letter.docx": own_docx(), "letter.txt": own_txt()}
    letters.update(_lettergen_letters())
    return letters


# --- mutators -------------------------------------------------------------------------------

def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(0, len(data))]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 64)):
        buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
    return bytes(buf)


def random_bytes_block(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + rng.randbytes(rng.randint(1, 4096)) + data[at + rng.randint(0, 4096):]


def remove_xref(data: bytes, rng: random.Random) -> bytes:
    """Drop the cross-reference table (and, half the time, startxref too) so readers must rebuild it."""
    out = re.sub(rb"xref\s.*?trailer", b"trailer", data, flags=re.S)
    return re.sub(rb"startxref\s+\d+", b"", out) if rng.random() < 0.5 else out


def break_streams(data: bytes, rng: random.Random) -> bytes:
    """Overwrite the inside of some streams with garbage (bad Flate data, bad operators)."""
    def garble(m: re.Match[bytes]) -> bytes:
        body = m.group(2)
        if rng.random() < 0.5 or not body:
            return m.group(0)
        cut = rng.randrange(len(body))
        return m.group(1) + body[:cut] + rng.randbytes(min(64, len(body) - cut)) + m.group(3)

    return re.sub(rb"(stream\r?\n)(.*?)(endstream)", garble, data, flags=re.S)


def wrong_lengths(data: bytes, rng: random.Random) -> bytes:
    """Lie about stream lengths: zero, negative, huge."""
    choices = [b"0", b"-5", b"99999999999", str(rng.randint(1, 10**6)).encode()]
    return re.sub(rb"/Length \d+", lambda _m: b"/Length " + rng.choice(choices), data)


def duplicate_objects(data: bytes, rng: random.Random) -> bytes:
    """Append a second copy of a random slice (incremental-update-like junk after %%EOF)."""
    at = rng.randrange(len(data))
    return data + data[at: at + rng.randint(1, 20000)]


def zip_member_garble(data: bytes, rng: random.Random) -> bytes:
    """DOCX: rewrite word/document.xml with a broken, truncated or flipped copy."""
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                body = src.read(item)
                if item.filename == "word/document.xml" and body:
                    body = rng.choice([truncate, flip_bytes, random_bytes_block])(body, rng)
                dst.writestr(item.filename, body)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error):
        return flip_bytes(data, rng)  # not a readable zip (any more): damage the bytes instead
    return out.getvalue()


MUTATORS: dict[str, Mutator] = {
    "truncate": truncate, "flip_bytes": flip_bytes, "random_block": random_bytes_block,
    "remove_xref": remove_xref, "break_streams": break_streams, "wrong_lengths": wrong_lengths,
    "append_junk": duplicate_objects, "zip_member": zip_member_garble,
}


# --- crafted PDFs ---------------------------------------------------------------------------

def raw_pdf(page_extra: bytes = b"", content: bytes = b"", extra_objects: tuple[bytes, ...] = (),
            count: int = 1) -> bytes:
    """A hand-written one-page PDF with a correct xref; ``page_extra`` goes into the page dict."""
    content = content or b"BT /F1 12 Tf 72 700 Td (Offer of employment: Computer Systems Analyst) Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count " + str(count).encode() + b" >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> " + page_extra + b" >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *extra_objects,
    ]
    return pdf_from_objects(objs, header=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")


def deep_nesting_pdf(depth: int = 10_000) -> bytes:
    """10k nested arrays in the page dictionary and 10k nested dicts in the content stream."""
    nested = b"[" * depth + b"1" + b"]" * depth
    content = (b"BT /F1 12 Tf 72 700 Td " + b"[" * depth + b"(x)" + b"]" * depth + b" TJ ET\n"
               b"BT /F1 12 Tf 72 680 Td (Offer of employment) Tj ET")
    return raw_pdf(page_extra=b"/Foo " + nested, content=content)


def deep_dict_pdf(depth: int = 10_000) -> bytes:
    return raw_pdf(page_extra=b"/Bar " + b"<< /A " * depth + b"1" + b" >>" * depth)


def huge_stream_claim_pdf() -> bytes:
    """A content stream that claims to be 100 GB long."""
    return re.sub(rb"/Length \d+", b"/Length 100000000000", raw_pdf(), count=1)


def huge_content_pdf(mb: int = 8) -> bytes:
    """One page whose content stream draws ~``mb`` MB of text operators (within the 20 MB limit)."""
    line = b"BT /F1 9 Tf 72 700 Td (duty duty duty duty duty duty duty duty) Tj ET\n"
    return raw_pdf(content=line * (mb * 1024 * 1024 // len(line)))


def huge_string_pdf(mb: int = 5) -> bytes:
    return raw_pdf(content=b"BT /F1 12 Tf 72 700 Td (" + b"A" * (mb * 1024 * 1024) + b") Tj ET")


def huge_number_pdf() -> bytes:
    return raw_pdf(page_extra=b"/MediaBox [0 0 " + b"9" * 100_000 + b" 1e308]")


def page_tree_lie_pdf() -> bytes:
    """/Count says 1 000 000 pages; the tree has one."""
    return raw_pdf(count=1_000_000)


def page_tree_loop_pdf() -> bytes:
    """A /Pages node that lists itself among its kids (an infinite tree)."""
    pdf = raw_pdf()
    return pdf.replace(b"/Kids [3 0 R]", b"/Kids [3 0 R 2 0 R]")


def flate_bomb_pdf(mb: int = 200) -> bytes:
    """A small Flate stream that inflates to ``mb`` MB of spaces inside the page content."""
    bomb = _zero_deflate(mb, raw=False)
    body = b"<< /Length " + str(len(bomb)).encode() + b" /Filter /FlateDecode >>\nstream\n" + bomb
    pdf = raw_pdf(extra_objects=(body + b"\nendstream",))
    return pdf.replace(b"/Contents 4 0 R", b"/Contents [4 0 R 6 0 R]")


# --- crafted DOCX ---------------------------------------------------------------------------

@cache
def _zero_deflate(mb: int, raw: bool = True) -> bytes:
    """``mb`` MB of spaces, deflated (raw for zip members, zlib-wrapped for PDF streams)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15 if raw else 15)
    chunk = b" " * (1024 * 1024)
    return b"".join(comp.compress(chunk) for _ in range(mb)) + comp.flush()


def _docx_parts(document_xml: bytes) -> dict[str, bytes]:
    """A real DOCX's members with word/document.xml replaced."""
    with zipfile.ZipFile(io.BytesIO(own_docx())) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["word/document.xml"] = document_xml
    return parts


def docx_zip_bomb(mb: int = 1024) -> bytes:
    """A ~1 MB DOCX whose word/document.xml really inflates to ``mb`` MB (a deflate zip bomb).

    Written by hand (local header, raw deflate data, central directory) so building it never
    needs the inflated gigabyte in memory."""
    parts = _docx_parts(b"")
    del parts["word/document.xml"]
    head = io.BytesIO()
    with zipfile.ZipFile(head, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in parts.items():
            zf.writestr(name, body)
    # Append the bomb member by rewriting the archive: old members, bomb, new central directory.
    with zipfile.ZipFile(io.BytesIO(head.getvalue())) as zf:
        infos = zf.infolist()
        cd_start = min((i.header_offset for i in infos), default=0)
    data = head.getvalue()
    eocd = data.rfind(b"PK\x05\x06")
    cd_offset = struct.unpack("<I", data[eocd + 16: eocd + 20])[0]
    cd_size = struct.unpack("<I", data[eocd + 12: eocd + 16])[0]
    members, central = data[cd_start:cd_offset], data[cd_offset: cd_offset + cd_size]
    comp = _zero_deflate(mb)
    size = mb * 1024 * 1024
    crc = 0
    chunk = b" " * (1024 * 1024)
    for _ in range(mb):
        crc = zlib.crc32(chunk, crc)
    name = b"word/document.xml"
    offset = len(members)
    usize = min(size, 0xFFFFFFFF)  # > 4 GiB would need zip64; the bound is plenty
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(comp), usize,
                        len(name), 0) + name
    cdir = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(comp), usize,
                       len(name), 0, 0, 0, 0, 0, offset) + name
    body = members + local + comp
    central = central + cdir
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(infos) + 1, len(infos) + 1, len(central),
                      len(body), 0)
    return body + central + end


def docx_size_lie(claim: int = 0xFFFFFFF0) -> bytes:
    """A small DOCX whose word/document.xml *claims* (in both headers) to be ~4 GB."""
    data = bytearray(zip_bytes(_docx_parts(own_docx_xml())))
    name = b"word/document.xml"
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while (at := data.find(sig, at)) >= 0:
            name_at = at + (30 if sig == b"PK\x03\x04" else 46)
            if data[name_at: name_at + len(name)] == name:
                data[at + size_at: at + size_at + 4] = struct.pack("<I", claim)
            at += 4
    return bytes(data)


def own_docx_xml() -> bytes:
    with zipfile.ZipFile(io.BytesIO(own_docx())) as zf:
        return zf.read("word/document.xml")


def billion_laughs_docx(levels: int = 10) -> bytes:
    """word/document.xml with nested entities that expand to 10**levels 'lol's if resolved."""
    ents = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, levels)
    ]
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<!DOCTYPE w:document [{"".join(ents)}]>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        '<w:p><w:r><w:t>Offer of employment: Computer Systems Analyst</w:t></w:r></w:p>'
        f'<w:p><w:r><w:t>&lol{levels - 1};</w:t></w:r></w:p>'
        '</w:body></w:document>'
    )
    return zip_bytes(_docx_parts(xml.encode()))


def external_entity_docx() -> bytes:
    """XXE: an external entity pointing at /etc/passwd must never be read into the report."""
    xml = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        '<w:p><w:r><w:t>Job title: Analyst &xxe;</w:t></w:r></w:p></w:body></w:document>'
    )
    return zip_bytes(_docx_parts(xml.encode()))


def deep_xml_docx(depth: int = 10_000) -> bytes:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    xml = (f'<?xml version="1.0"?><w:document {w}><w:body>' + "<w:p>" * depth
           + "<w:r><w:t>deep</w:t></w:r>" + "</w:p>" * depth + "</w:body></w:document>")
    return zip_bytes(_docx_parts(xml.encode()))


def docx_many_members(n: int = 20_000) -> bytes:
    parts = _docx_parts(own_docx_xml())
    parts.update({f"word/media/junk{i}.bin": b"x" for i in range(n)})
    return zip_bytes(parts)


def docx_future_zip_version() -> bytes:
    """A DOCX whose central directory says its members need zip version 8.4 to extract (what one
    flipped byte does); Python's zipfile raises NotImplementedError, not BadZipFile."""
    data = bytearray(own_docx())
    at = data.find(b"PK\x01\x02")
    data[at + 6: at + 8] = struct.pack("<H", 84)  # "version needed to extract" of the first member
    return bytes(data)


def docx_no_document() -> bytes:
    parts = _docx_parts(b"")
    parts["word/document.xml"] = b"not xml at all <<<"
    return zip_bytes(parts)


# --- crafted text ---------------------------------------------------------------------------

def utf16_no_bom() -> bytes:
    return own_txt().decode().encode("utf-16-le")


def utf16_be_no_bom() -> bytes:
    return own_txt().decode().encode("utf-16-be")


def latin1_text() -> bytes:
    return own_txt().decode().replace("Analyse", "Analysé").replace("Toronto", "Montréal").encode("latin-1")


def mixed_encoding_text() -> bytes:
    t = own_txt().decode()
    half = len(t) // 2
    return t[:half].replace("Analyse", "Analysé").encode("utf-8") + t[half:].replace(
        "Director", "Directeur général").encode("latin-1") + "\n€ ’ “x”\n".encode("cp1252")


def nul_bytes_text() -> bytes:
    t = own_txt()
    return b"\x00".join(t[i: i + 40] for i in range(0, len(t), 40))


def few_nuls_text() -> bytes:
    return own_txt().replace(b"Duties", b"Du\x00ties").replace(b"position", b"posi\x00tion")


def ten_mb_line() -> bytes:
    return own_txt() + b"duty " * (2 * 1024 * 1024) + b"\n"


def ten_mb_no_spaces() -> bytes:
    return own_txt() + b"x" * (10 * 1024 * 1024) + b"\n"


def line_under_limit(chars: int = 1_900_000) -> bytes:
    """One line just under ingest's 2M-character document limit (so later stages see it all)."""
    return own_txt() + (b"duty " * (chars // 5)) + b"\n"


def short_lines_under_limit(lines: int = 75_000) -> bytes:
    return own_txt() + b"- Analyse requirements.\n" * lines


def dense_pdf(pages: int = 40, lines: int = 60) -> bytes:
    """40 pages, each ~60 lines of ~110 characters: ~260k glyphs, under every per-page limit."""
    text = "Analyse business requirements and design information systems to meet them; " * 2
    return flow_pdf([[L(text[:110], size=7) for _ in range(lines)]] * pages)


def many_form_feeds() -> bytes:
    return own_txt() + b"\f" * 10_000


def many_short_lines() -> bytes:
    return own_txt() + b"- Analyse requirements.\n" * 200_000


def control_chars() -> bytes:
    return bytes(range(32)) * 1000


def over_size_limit() -> bytes:
    return b"A" * (21 * 1024 * 1024)


CRAFTED: dict[str, tuple[str, Callable[[], bytes]]] = {
    # name -> (file name shown to the reader, builder)
    "deep-nested-arrays": ("deep.pdf", deep_nesting_pdf),
    "deep-nested-dicts": ("deepdict.pdf", deep_dict_pdf),
    "stream-claims-100GB": ("claim.pdf", huge_stream_claim_pdf),
    "8MB-content-stream": ("bigcontent.pdf", huge_content_pdf),
    "5MB-string": ("bigstring.pdf", huge_string_pdf),
    "100k-digit-number": ("bignum.pdf", huge_number_pdf),
    "page-count-lie": ("countlie.pdf", page_tree_lie_pdf),
    "page-tree-loop": ("loop.pdf", page_tree_loop_pdf),
    "flate-bomb-200MB": ("flatebomb.pdf", flate_bomb_pdf),
    "500-pages": ("annexes.pdf", lambda: many_pages(500)),
    "docx-zip-bomb-1GB": ("bomb.docx", docx_zip_bomb),
    "docx-size-claim-4GB": ("claim.docx", docx_size_lie),
    "docx-billion-laughs": ("laughs.docx", billion_laughs_docx),
    "docx-external-entity": ("xxe.docx", external_entity_docx),
    "docx-deep-xml": ("deep.docx", deep_xml_docx),
    "docx-20k-members": ("members.docx", docx_many_members),
    "docx-bad-xml": ("badxml.docx", docx_no_document),
    "docx-zip-version-8.4": ("version.docx", docx_future_zip_version),
    "utf16-le-no-bom": ("u16.txt", utf16_no_bom),
    "utf16-be-no-bom": ("u16be.txt", utf16_be_no_bom),
    "latin-1": ("latin1.txt", latin1_text),
    "mixed-encodings": ("mixed.txt", mixed_encoding_text),
    "nul-every-40-bytes": ("nul.txt", nul_bytes_text),
    "a-few-nuls": ("fewnul.txt", few_nuls_text),
    "10MB-single-line": ("line.txt", ten_mb_line),
    "10MB-no-spaces": ("nospace.txt", ten_mb_no_spaces),
    "1.9M-char-line": ("longline.txt", line_under_limit),
    "75k-short-lines": ("shortlines.txt", short_lines_under_limit),
    "40-dense-pages": ("dense.pdf", dense_pdf),
    "10k-form-feeds": ("ff.txt", many_form_feeds),
    "200k-short-lines": ("lines.txt", many_short_lines),
    "control-chars": ("ctl.txt", control_chars),
    "21MB-over-limit": ("big.txt", over_size_limit),
    "empty": ("empty.pdf", lambda: b""),
}
