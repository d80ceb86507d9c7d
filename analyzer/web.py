"""The local web page (``offercheck serve``): drop a letter, pick the program and citizenship, read
the HTML report, download the JSON and the annotated PDF.

Safety: served on 127.0.0.1 only, with a Host check against DNS rebinding.  The upload is read
into memory with a size limit (never spooled to disk) and parsed from there; it is never executed
and never served back inline: downloads are ``attachment`` with ``nosniff``.  Reports are kept in
memory under a random token for a short time, a bounded number of them."""

from __future__ import annotations

import asyncio
import email.parser
import email.policy
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.middleware.trustedhost import TrustedHostMiddleware

from analyzer.report import html as html_report
from analyzer.report import json as json_report
from analyzer.report import pdf as pdf_report
from analyzer.types import Report

MB = 1024 * 1024
FORM_SLACK = 64 * 1024  # multipart boundaries and the small form fields around the file
LETTER_TYPES = {".pdf": "application/pdf", ".docx": "application/vnd.openxmlformats-officedocument."
                "wordprocessingml.document", ".txt": "text/plain"}
HOSTS = ["127.0.0.1", "localhost"]
PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'"


@dataclass
class Stored:
    name: str
    json: bytes
    pdf: bytes | None
    created: float


class Store:
    """Finished reports by token: at most ``size`` of them and ``max_bytes`` in all, each for
    ``ttl`` seconds; the oldest go first (thread-safe)."""

    def __init__(self, size: int = 32, ttl: float = 900.0, max_bytes: int = 200 * MB) -> None:
        self.size, self.ttl, self.max_bytes = size, ttl, max_bytes
        self._items: OrderedDict[str, Stored] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, item: Stored) -> str:
        token = secrets.token_urlsafe(18)
        with self._lock:
            self._expire()
            self._items[token] = item
            while len(self._items) > self.size or (len(self._items) > 1 and self._bytes() > self.max_bytes):
                self._items.popitem(last=False)
        return token

    def get(self, token: str) -> Stored | None:
        with self._lock:
            self._expire()
            return self._items.get(token)

    def _bytes(self) -> int:
        return sum(len(it.json) + len(it.pdf or b"") for it in self._items.values())

    def _expire(self) -> None:
        now = time.monotonic()
        for token in [t for t, it in self._items.items() if now - it.created > self.ttl]:
            del self._items[token]


def _form_page() -> str:
    body = """<header><h1>offercheck</h1><p>Check a job-offer letter for CUSMA / CPTPP
work-permit refusal risks. The letter stays on this computer.</p></header>
<div class="cols"><form method="post" action="/check" enctype="multipart/form-data" id="upload">
<label class="drop" for="letter">Drop a letter here or click to choose (PDF, DOCX or TXT, up to {limit} MB)
<input type="file" id="letter" name="file" accept=".pdf,.docx,.txt" required></label>
<p><label>Program <select name="program" id="program"><option value="cusma">CUSMA professional</option>
<option value="cptpp">CPTPP professional / technician</option></select></label>
<label>Citizenship <input name="citizenship" id="citizenship" size="4" maxlength="2"
placeholder="US" pattern="[A-Za-z]{2}"></label></p>
<p><button type="submit" id="submit">Check the letter</button></p></form></div>"""
    # The file input itself is the drop target (no script needed), so it fills the dashed zone.
    style = ".drop{display:block;border:2px dashed #888;padding:24px;background:#fff;margin:16px 0}" \
            ".drop input{display:block;width:100%;padding:28px 0;margin-top:12px}" \
            "form{max-width:640px}select,input,button{font:inherit;margin-right:12px}"
    page = html_report.html_page("offercheck", body)
    return page.replace("</style>", style + "</style>")


def _problem(status: int, message: str) -> HTTPException:
    return HTTPException(status_code=status, detail=message)


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes ``limit`` (never buffered whole
    past it, never written to disk)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise _problem(413, f"The upload is larger than the {limit // MB} MB limit.")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _problem(413, f"The upload is larger than the {limit // MB} MB limit.")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_form(content_type: str, body: bytes) -> dict[str, tuple[str | None, bytes]]:
    """multipart/form-data -> {field: (file name or None, bytes)}, parsed in memory."""
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    if not msg.is_multipart():
        raise _problem(400, "The form could not be read (expected multipart/form-data).")
    fields: dict[str, tuple[str | None, bytes]] = {}
    for part in msg.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if isinstance(name, str):
            payload = part.get_payload(decode=True)
            fields[name] = (part.get_filename(), payload if isinstance(payload, bytes) else b"")
    return fields


def letter_kind(filename: str, data: bytes) -> str:
    """The letter's extension if name and bytes agree on a PDF, DOCX or text file; else 415."""
    ext = ("." + filename.rsplit(".", 1)[-1].lower()) if "." in filename else ""
    ok = {".pdf": b"%PDF-" in data[:1024], ".docx": data.startswith(b"PK\x03\x04"),
          ".txt": _is_text(data)}.get(ext, False)
    if not ok:
        raise _problem(415, "Upload a PDF, DOCX or plain-text letter (.pdf, .docx, .txt); "
                       f"{filename or 'this file'} is not one.")
    return ext


def _is_text(data: bytes) -> bool:
    if b"\x00" in data[:4096]:
        return False
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError as exc:  # a multi-byte character cut at the 4096th byte is fine
        return exc.start >= 4090
    return True


def _safe_name(filename: str) -> str:
    base = re.split(r"[\\/]", filename)[-1]
    return re.sub(r"[^A-Za-z0-9._ -]+", "_", base).strip(" .")[:100] or "letter"


def _options(fields: dict[str, tuple[str | None, bytes]]) -> tuple[str, str | None]:
    program = fields.get("program", (None, b"cusma"))[1].decode("utf-8", "replace").strip().lower()
    if program not in ("cusma", "cptpp"):
        raise _problem(400, "Program must be cusma or cptpp.")
    cc = fields.get("citizenship", (None, b""))[1].decode("utf-8", "replace").strip().upper()
    if cc and not re.fullmatch(r"[A-Z]{2}", cc):
        raise _problem(400, "Citizenship must be a two-letter country code such as US or MX.")
    return program, cc or None


def _analyse(analyse: Callable[..., Report], data: bytes, name: str, kind: str, program: str,
             citizenship: str | None) -> tuple[Report, Stored]:
    report = analyse(data, program=program, citizenship=citizenship, name=name)
    pdf = pdf_report.annotate(data, report) if kind == ".pdf" and report.status == "ok" else None
    as_json = json_report.render_one(report, include_text=True).encode("utf-8")
    return report, Stored(name=name, json=as_json, pdf=pdf, created=time.monotonic())


@dataclass(frozen=True)
class WebSettings:
    max_upload: int
    analyser: Callable[..., Report]
    # Letters analysed at once; more uploads wait their turn instead of exhausting memory.
    busy: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(2))


def create_app(max_upload: int = 10 * MB, keep: int = 32, ttl: float = 900.0,
               hosts: list[str] | None = None, analyser: Callable[..., Report] | None = None) -> FastAPI:
    """The web app.  ``hosts``: Host header values accepted (default: loopback names only);
    ``analyser``: replaces ``analyzer.pipeline.analyse`` (same keywords)."""
    if analyser is None:
        from analyzer.pipeline import analyse as analyser
    app = FastAPI(title="offercheck", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts or HOSTS)
    app.middleware("http")(_security_headers)
    app.add_exception_handler(HTTPException, _problem_response)  # type: ignore[arg-type]
    app.state.store = Store(keep, ttl)
    app.state.settings = WebSettings(max_upload, analyser)
    app.add_api_route("/", _form, methods=["GET"], response_class=HTMLResponse)
    app.add_api_route("/check", _check, methods=["POST"], response_class=HTMLResponse)
    app.add_api_route("/download/{token}/{what}", _download, methods=["GET"])
    return app


async def _security_headers(request: Request, call_next: Any) -> Response:
    response = await call_next(request)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Cache-Control"] = "no-store"
    if response.headers.get("content-type", "").startswith("text/html"):
        response.headers["Content-Security-Policy"] = PAGE_CSP
    return response


async def _problem_response(request: Request, exc: HTTPException) -> Response:
    # Browsers get a page; scripts (Accept: application/json) get {"detail": ...}.
    if "text/html" in request.headers.get("accept", ""):
        return HTMLResponse(error_page(exc.status_code, str(exc.detail)), status_code=exc.status_code)
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)


def _form(request: Request) -> str:
    return _form_page().replace("{limit}", str(request.app.state.settings.max_upload // MB))


async def _check(request: Request) -> HTMLResponse:
    settings: WebSettings = request.app.state.settings
    ctype = request.headers.get("content-type", "")
    if not ctype.startswith("multipart/form-data"):
        raise _problem(415, "Send the letter as a multipart/form-data upload (the form on /).")
    fields = parse_form(ctype, await _read_body(request, settings.max_upload + FORM_SLACK))
    filename, data = fields.get("file", (None, b""))
    if not filename or not data:
        raise _problem(400, "No letter was uploaded: choose a PDF, DOCX or TXT file.")
    if len(data) > settings.max_upload:
        raise _problem(413, f"The letter is larger than the {settings.max_upload // MB} MB limit.")
    name = _safe_name(filename)
    kind = letter_kind(name, data)
    program, citizenship = _options(fields)
    async with settings.busy:
        report, item = await run_in_threadpool(_analyse, settings.analyser, data, name, kind, program,
                                               citizenship)
    token = request.app.state.store.put(item)
    links: list[html_report.Link] = [("Download JSON", f"/download/{token}/report.json")]
    if item.pdf is not None:
        links.append(("Download annotated PDF", f"/download/{token}/annotated.pdf"))
    links.append(("Check another letter", "/", False))
    page = html_report.render(report, links=links)
    return HTMLResponse(page, status_code=200 if report.status == "ok" else 422)


def _download(request: Request, token: str, what: str) -> Response:
    item = request.app.state.store.get(token)
    if item is None or what not in ("report.json", "annotated.pdf"):
        raise _problem(404, "This report has expired or never existed; check the letter again.")
    stem = item.name.rsplit(".", 1)[0]
    if what == "report.json":
        data, media, fname = item.json, "application/json", f"{stem}.offercheck.json"
    elif item.pdf is not None:
        data, media, fname = item.pdf, "application/pdf", f"{stem}.annotated.pdf"
    else:
        raise _problem(404, "There is no annotated PDF for this letter (it was not a PDF).")
    disposition = f'attachment; filename="{fname}"'
    return Response(data, media_type=media, headers={"Content-Disposition": disposition})


def error_page(status: int, message: str) -> str:
    return html_report.html_page("offercheck: error", f"<header><h1>Error {status}</h1>"
                             f"<p id=\"error\">{escape(message)}</p><p><a href=\"/\">Back</a></p></header>")
