"""Every kind of bad input gets its InputError code and a message naming the file; never a
traceback, never a hang."""

from __future__ import annotations

import io
import shutil
import zipfile

import docx
import pytest

from analyzer.ingest import Limits, read
from analyzer.segment import segment
from analyzer.types import InputError
from tests.pdfs import L, encrypt, flow_pdf, image_pdf, many_pages, raw_pdf, text_image_pdf, zip_bytes

LETTER = [[L("Dear Jane,"), L("We offer you the position of Analyst.", gap=1)]] * 3


def _error(source, name: str, limits: Limits | None = None) -> InputError:
    with pytest.raises(InputError) as info:
        read(source, name=name, limits=limits)
    err = info.value
    assert name in err.message, err.message
    assert err.to_dict() == {"code": err.code, "message": err.message}
    return err


def _docx_bytes() -> bytes:
    d = docx.Document()
    d.add_paragraph("Dear Jane, we offer you the position of Analyst.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_missing_file_and_directory(tmp_path):
    assert _error(tmp_path / "nope.pdf", str(tmp_path / "nope.pdf")).code == "not_found"
    assert _error(tmp_path, str(tmp_path)).code == "not_found"
    assert _error("bad\x00name.pdf", "bad\x00name.pdf").code == "not_found"
    assert _error("x" * 5000 + ".pdf", "x" * 5000 + ".pdf").code == "not_found"


def test_zero_byte_file(tmp_path):
    path = tmp_path / "zero.pdf"
    path.write_bytes(b"")
    err = _error(path, "zero.pdf")
    assert err.code == "empty" and "0 bytes" in err.message


def test_whitespace_only_text_is_empty():
    assert _error(b"  \n\n\t\n", "blank.txt").code == "empty"


def test_corrupt_pdf():
    err = _error(b"%PDF-1.7\n" + b"\x00garbage\xff" * 500, "broken.pdf")
    assert err.code == "corrupt" and "damaged" in err.message


def test_truncated_pdf():
    data = flow_pdf(LETTER)
    assert _error(data[: len(data) // 2], "half.pdf").code == "corrupt"


def test_encrypted_pdf_needs_password():
    err = _error(encrypt(flow_pdf(LETTER)), "locked.pdf")
    assert err.code == "encrypted" and "password" in err.message


def test_pdf_with_only_an_owner_password_is_read():
    doc = read(encrypt(flow_pdf(LETTER), password=""), name="owner-only.pdf")
    assert doc.text.startswith("Dear Jane,\nWe offer you the position of Analyst.\n")


def test_image_only_pdf_says_ocr_is_needed():
    err = _error(image_pdf(pages=2), "scan.pdf")
    assert err.code == "scanned" and "OCR" in err.message


def test_scan_with_only_a_stamped_page_number_is_scanned():
    assert _error(image_pdf(pages=2, stamp="Page"), "stamped.pdf").code == "scanned"


def test_zip_renamed_pdf(tmp_path):
    path = tmp_path / "letter.pdf"
    path.write_bytes(zip_bytes({"letter.txt": b"Dear Jane"}))
    err = _error(path, "letter.pdf")
    assert err.code == "unsupported_type" and "ZIP" in err.message


def test_500_page_pdf_is_refused_by_page_count():
    err = _error(many_pages(500), "annexes.pdf")
    assert err.code == "too_many_pages" and "500" in err.message


def test_page_limit_is_configurable():
    data = flow_pdf(LETTER)
    assert _error(data, "three.pdf", Limits(max_pages=2)).code == "too_many_pages"
    assert len(read(data, name="three.pdf", limits=Limits(max_pages=3)).pages) == 3


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Dear Jane, " * 1000)
    err = _error(path, "big.txt", Limits(max_bytes=5000))
    assert err.code == "too_large" and "MB" in err.message
    assert _error(b"x" * 6000, "big-bytes.txt", Limits(max_bytes=5000)).code == "too_large"


def test_time_limit_is_enforced_between_pages():
    err = _error(flow_pdf(LETTER), "slow.pdf", Limits(timeout_s=0.0))
    assert err.code == "timeout" and "limit" in err.message


def test_binary_garbage_is_not_text():
    assert _error(bytes(range(256)) * 20, "blob.txt").code == "unsupported_type"


def test_nul_bytes_in_text():
    # NULs all through: binary.  A stray NUL or two inside a real letter: stripped and read.
    letter = b"Dear Jane, we offer you the position of Computer Systems Analyst.\n" * 20
    sprinkled = b"\x00".join(letter[i:i + 40] for i in range(0, len(letter), 40))
    assert _error(sprinkled, "nul.txt").code == "unsupported_type"
    doc = read(b"Dear Jane,\x00 we offer you the position." + b" More text." * 200, name="nul.txt")
    assert "\x00" not in doc.text and doc.text.startswith("Dear Jane, we offer")


def test_utf16_without_bom_is_read():
    text = "Dear Jane, we offer you the position of Analyst.\n"
    for codec in ("utf-16-le", "utf-16-be"):
        assert read(text.encode(codec), name="u16.txt").lines()[0].text == text.strip()


def test_non_utf8_text_is_read_as_cp1252():
    doc = read("R\u00e9sum\u00e9 re\u00e7u \u2013 caf\u00e9".encode("cp1252"), name="latin.txt")
    assert doc.lines()[0].text == "R\u00e9sum\u00e9 re\u00e7u \u2013 caf\u00e9"


def test_huge_line_is_read_in_bounded_lines():
    doc = read(b"a" * 1_500_000, name="oneline.txt")
    assert max(len(ln.text) for ln in doc.lines()) <= Limits().max_line_chars
    assert len(doc.text.replace("\n", "")) == 1_500_000


def test_text_far_longer_than_a_letter_is_refused():
    err = _error(b"duty " * 1_000_000, "huge.txt")
    assert err.code == "too_large" and "characters" in err.message


def test_old_word_doc_and_images_are_unsupported():
    assert _error(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old.doc").code == "unsupported_type"
    assert _error(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "scan.png").code == "unsupported_type"


def test_docx_zip_bomb_is_refused_before_parsing():
    bomb = zip_bytes({"word/document.xml": b"<" + b"\x00" * 5_000_000, "[Content_Types].xml": b"<Types/>"})
    err = _error(bomb, "bomb.docx")
    assert err.code == "too_large" and "zip bomb" in err.message
    err = _error(_docx_bytes(), "small-limit.docx", Limits(max_unzipped_bytes=10_000))
    assert err.code == "too_large"


def test_docx_entity_expansion_is_refused():
    src = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    members = {n: src.read(n) for n in src.namelist()}
    xml = members["word/document.xml"]
    laughs = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;">]>')
    members["word/document.xml"] = laughs + xml[xml.index(b"?>") + 2:].replace(b"Jane", b"&b;")
    err = _error(zip_bytes(members), "laughs.docx")
    assert err.code == "corrupt" and "entities" in err.message


def test_damaged_docx():
    src = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    members = {n: src.read(n) for n in src.namelist()}
    members["word/document.xml"] = b"<w:document><w:body><w:p>unclosed"
    err = _error(zip_bytes(members), "damaged.docx")
    assert err.code == "corrupt" and "DOCX" in err.message


def test_damaged_zip_is_corrupt():
    data = _docx_bytes()
    assert _error(data[:200], "cut.docx").code == "corrupt"


def test_page_drawing_millions_of_characters_is_refused_before_parsing():
    line = b"BT /F1 9 Tf 72 700 Td (duty duty duty duty duty duty duty duty) Tj ET\n"
    err = _error(raw_pdf(line * 20_000), "dense.pdf")
    assert err.code == "too_large" and "page 1" in err.message
    assert "duty" in read(raw_pdf(line * 20), name="ok.pdf").text


def test_flate_bomb_in_page_content_is_refused():
    err = _error(raw_pdf(b" " * (40 * 1024 * 1024), flate=True), "bomb.pdf")
    assert err.code == "too_large" and "MB" in err.message


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_scanned_pdf_is_read_with_ocr_when_enabled():
    pdf = text_image_pdf(["Maple Analytics Inc.", "", "Dear Jane,", "",
                          "We are pleased to offer you the position of Analyst.", "", "Duties:",
                          "- Analyse business requirements", "- Design information systems"])
    assert _error(pdf, "scan.pdf").code == "scanned"  # OCR is off by default
    doc = read(pdf, name="scan.pdf", limits=Limits(ocr=True))
    assert doc.meta["ocr_pages"] == [1]
    layout = segment(doc)
    assert [b.text for b in layout.blocks if b.kind == "list_item"] == [
        "Analyse business requirements", "Design information systems"]
    assert any(b.kind == "salutation" for b in layout.blocks)
    first = doc.lines()[0]
    assert first.text == "Maple Analytics Inc." and first.words[0].font == "OCR" and first.bbox[0] > 0


def test_page_with_hundreds_of_thousands_of_shapes_is_refused_before_parsing():
    text = b"BT /F1 12 Tf 72 700 Td (Dear Jane) Tj ET\n"
    err = _error(raw_pdf(text + b"10 10 5 5 re f\n" * 100_000), "vector.pdf")
    assert err.code == "too_large" and "shapes" in err.message
    assert read(raw_pdf(text + b"10 10 5 5 re f\n" * 50), name="logo.pdf").text == "Dear Jane\n"


def test_zip_needing_a_future_zip_version_is_corrupt():
    data = bytearray(_docx_bytes())
    at = data.index(b"PK\x01\x02")  # first central-directory entry: "version needed" at +6
    data[at + 6:at + 8] = (84).to_bytes(2, "little")
    assert _error(bytes(data), "version.docx").code == "corrupt"


def test_text_mixing_utf8_and_windows_lines_reads_both():
    data = "Caf\u00e9 in UTF-8\n".encode() + "Employer\u2019s caf\u00e9 in cp1252\n".encode("cp1252")
    lines = [ln.text for ln in read(data, name="mixed.txt").lines()]
    assert lines == ["Caf\u00e9 in UTF-8", "Employer's caf\u00e9 in cp1252"]
