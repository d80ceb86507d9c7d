"""The web app through its HTTP interface (Starlette's test client): upload checks, the report
page, downloads served only as attachments, expiry, Host check.  A stand-in analyser keeps these
tests about the web layer; tests/test_web_browser.py drives the real pipeline in Chromium."""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from analyzer.types import InputError, Report
from analyzer.web import MB, Store, Stored, create_app, letter_kind, parse_form
from tests.test_report import build_document, build_pdf, build_report

PDF_DOC: dict = {}


def fake_analyse(data: bytes, program: str = "cusma", citizenship: str | None = None,
                 name: str | None = None, **_: object):
    if data.startswith(b"BROKEN"):
        return Report(file=name or "<bytes>", error=InputError("corrupt", f"{name}: damaged."))
    doc = PDF_DOC.get("doc") if name and name.endswith(".pdf") else build_document(source=name or "x")
    report = build_report(doc, file=name or "<bytes>")
    return dataclasses.replace(report, program=program, citizenship=citizenship)


@pytest.fixture()
def client() -> TestClient:
    app = create_app(max_upload=1 * MB, analyser=fake_analyse)
    return TestClient(app, base_url="http://127.0.0.1")


def upload(client: TestClient, name: str, data: bytes, **form: str):
    return client.post("/check", files={"file": (name, data, "application/octet-stream")}, data=form)


def test_form_page_offers_file_program_and_citizenship(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    for needle in ('type="file"', 'name="program"', 'value="cptpp"', 'name="citizenship"',
                   'enctype="multipart/form-data"'):
        assert needle in r.text
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in r.headers["content-security-policy"]


def test_upload_returns_report_page_with_download_links(client: TestClient, tmp_path: Path) -> None:
    doc, data = build_pdf(tmp_path / "offer.pdf")
    PDF_DOC["doc"] = doc
    r = upload(client, "offer.pdf", data, program="cptpp", citizenship="au")
    assert r.status_code == 200
    assert "unfilled-placeholder" in r.text and "&lt;script&gt;" in r.text and "<mark" in r.text
    assert "CPTPP, citizenship AU" in r.text
    links = [part.split('"')[0] for part in r.text.split('href="/download/')[1:]]
    assert {link.split("/")[1] for link in links} == {"report.json", "annotated.pdf"}
    got = client.get(f"/download/{links[0]}")
    assert got.headers["content-disposition"].startswith("attachment;")
    assert got.headers["x-content-type-options"] == "nosniff"
    report = json.loads(got.content)
    assert report["citizenship"] == "AU" and report["findings"][0]["rule"]
    pdf = client.get(f"/download/{[x for x in links if x.endswith('annotated.pdf')][0]}")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    assert pdf.headers["content-disposition"] == 'attachment; filename="offer.annotated.pdf"'


def test_text_letter_has_json_but_no_pdf_download(client: TestClient) -> None:
    r = upload(client, "offer.txt", b"Job title: Analyst\n")
    assert r.status_code == 200 and "report.json" in r.text and "annotated.pdf" not in r.text


def test_unreadable_letter_gets_an_error_page_and_its_json(client: TestClient) -> None:
    r = upload(client, "draft.txt", b"BROKEN letter\n")
    assert r.status_code == 422 and 'id="error"' in r.text and "corrupt" in r.text
    assert "annotated.pdf" not in r.text
    link = r.text.split('href="/download/')[1].split('"')[0]
    assert json.loads(client.get(f"/download/{link}").content)["status"] == "error"


@pytest.mark.parametrize(("name", "data", "status"), [
    ("virus.exe", b"MZ\x90\x00", 415),
    ("fake.pdf", b"just text pretending", 415),  # the bytes must agree with the name
    ("fake.docx", b"%PDF-1.4", 415),
    ("binary.txt", b"abc\x00def", 415),
    ("", b"", 400),
])
def test_wrong_uploads_get_clear_errors(client: TestClient, name: str, data: bytes, status: int) -> None:
    r = upload(client, name or "x.txt", data) if name else client.post("/check", data={"program": "cusma"},
                                                                        files={"other": ("a", b"", "text/plain")})
    assert r.status_code == status
    assert r.json()["detail"]


def test_size_limit_is_413_and_bad_options_400(client: TestClient) -> None:
    assert upload(client, "big.txt", b"a" * (MB + 1)).status_code == 413
    assert upload(client, "a.txt", b"ok", program="h1b").status_code == 400
    assert upload(client, "a.txt", b"ok", citizenship="USA").status_code == 400
    r = client.post("/check", content=b"plain", headers={"content-type": "text/plain"})
    assert r.status_code == 415


def test_errors_are_pages_for_browsers(client: TestClient) -> None:
    r = client.post("/check", files={"file": ("x.exe", b"MZ", "application/x-msdownload")},
                    headers={"accept": "text/html"})
    assert r.status_code == 415 and "<p id=\"error\">" in r.text and "x.exe" in r.text


def test_unknown_or_expired_tokens_are_404_and_store_is_bounded(client: TestClient) -> None:
    assert client.get("/download/nope/report.json").status_code == 404
    store = Store(size=2, ttl=60)
    tokens = [store.put(Stored(f"{i}.txt", b"{}", None, created=time.monotonic()))
              for i in range(3)]
    assert store.get(tokens[0]) is None and store.get(tokens[2]) is not None
    small = Store(size=10, ttl=60, max_bytes=100)
    first = small.put(Stored("a.txt", b"x" * 60, None, created=time.monotonic()))
    second = small.put(Stored("b.txt", b"y" * 60, None, created=time.monotonic()))
    assert small.get(first) is None and small.get(second) is not None  # bounded by bytes too
    old = Store(size=5, ttl=0.0)
    t = old.put(Stored("a.txt", b"{}", None, created=0.0))
    assert old.get(t) is None


def test_other_host_headers_are_refused(client: TestClient) -> None:
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400


def test_form_parser_and_type_check_work_in_memory() -> None:
    body = (b'--B\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
            b"Content-Type: text/plain\r\n\r\nhello\r\n--B\r\nContent-Disposition: form-data; "
            b'name="program"\r\n\r\ncptpp\r\n--B--\r\n')
    fields = parse_form("multipart/form-data; boundary=B", body)
    assert fields["file"] == ("a.txt", b"hello") and fields["program"] == (None, b"cptpp")
    assert letter_kind("a.txt", b"hello") == ".txt"


def test_serve_command_listens_on_loopback_only(tmp_path: Path) -> None:
    import subprocess
    import sys
    import urllib.request

    from tests.test_web_browser import free_port

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "analyzer", "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as resp:
                    assert resp.status == 200 and b'type="file"' in resp.read()
                    break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, "serve did not start"
                time.sleep(0.2)
        listening = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True)
        if listening.returncode == 0:  # iproute2 present: the socket is bound to 127.0.0.1 only
            local = [line.split()[3] for line in listening.stdout.splitlines()]
            assert local == [f"127.0.0.1:{port}"]
    finally:
        proc.terminate()
        proc.wait(10)
