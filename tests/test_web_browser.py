"""End to end in a real browser: the web app (real pipeline) served by uvicorn on a free loopback
port, Debian's headless Chromium driven over the Chrome DevTools Protocol (a small stdlib
websocket client below), a letter uploaded through the form, the findings on the page checked
against the JSON the page offers for download.

``python -m tests.test_web_browser docs/img`` takes the README screenshots the same way."""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--remote-debugging-port=0", "--window-size=1280,1000"]
LETTER = (
    "Maple Analytics Inc.", "100 King St W, Suite 500, Toronto, ON M5X 1A9", "", "January 5, 2027", "",
    "Dear [Employee Name],", "", "Re: Offer of Employment - Computer Systems Analyst", "",
    "We are pleased to offer you the position of Computer Systems Analyst with Maple Analytics Inc.",
    "at our office in Toronto, Ontario.", "", "Your duties will include:",
    "- Analyse business requirements and design information systems for banking clients",
    "- Write technical specifications for database and application changes",
    "- Other duties as assigned", "",
    "Your employment will start on STARTING DATE and continue for a term of 24 months.",
    "You will work 40 hours per week. Your annual salary will be $xx,xxx CAD.", "",
    "This position requires a Bachelor's degree in Computer Science.", "", "Sincerely,", "",
    "John Smith", "Director, Maple Analytics Inc.",
)


def write_letter_pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=letter)
    c.setFont("Helvetica", 10.5)
    for i, line in enumerate(LETTER):
        c.drawString(72, 730 - 15 * i, line)
    c.save()
    return path


# --- a minimal websocket client (RFC 6455, client side, text frames) ----------------------------

class WebSocket:
    def __init__(self, url: str, timeout: float = 120.0) -> None:
        assert url.startswith("ws://")
        hostport, _, path = url[5:].partition("/")
        host, _, port = hostport.partition(":")
        self.sock = socket.create_connection((host, int(port)), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise ConnectionError(head.decode(errors="replace"))

    def send(self, text: str) -> None:
        data, mask = text.encode(), os.urandom(4)
        n = len(data)
        header = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else
                                  bytes([0x80 | 126]) + struct.pack(">H", n) if n < 65536 else
                                  bytes([0x80 | 127]) + struct.pack(">Q", n))
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _exact(self, n: int) -> bytes:
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise ConnectionError("websocket closed")
            buf += chunk
        return buf

    def recv(self) -> str:
        parts = []
        while True:
            b0, b1 = self._exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._exact(8))[0]
            payload = self._exact(n)
            if b0 & 0x0F == 0x8:
                raise ConnectionError("websocket closed by the browser")
            if b0 & 0x0F in (0x9, 0xA):  # ping/pong: not used by DevTools
                continue
            parts.append(payload)
            if b0 & 0x80:
                return b"".join(parts).decode()

    def close(self) -> None:
        self.sock.close()


class DevTools:
    """Chrome DevTools Protocol calls on one page target."""

    def __init__(self, ws_url: str) -> None:
        self.ws, self.next_id = WebSocket(ws_url), 0

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg["result"]

    def js(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 180.0) -> Any:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                value = self.js(expression)
            except RuntimeError:  # the page is navigating
                value = None
            if value:
                return value
            time.sleep(0.2)
        raise TimeoutError(f"browser: {expression} never became true")

    def screenshot(self, path: Path) -> None:
        self.call("Emulation.clearDeviceMetricsOverride")
        height = max(600, self.js("document.body.scrollHeight") + 16)
        self.call("Emulation.setDeviceMetricsOverride", width=1280, height=min(int(height), 2200),
                  deviceScaleFactor=1, mobile=False)
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve_app() -> Iterator[str]:
    import uvicorn

    from analyzer.web import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    end = time.monotonic() + 30
    while not server.started and time.monotonic() < end:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@contextmanager
def chromium(url: str) -> Iterator[DevTools]:
    profile = tempfile.mkdtemp(prefix="offercheck-chromium-")
    proc = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", url],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = Path(profile) / "DevToolsActivePort"
        end = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().count("\n") >= 1):
            if time.monotonic() > end or proc.poll() is not None:
                raise RuntimeError("chromium did not start its DevTools endpoint")
            time.sleep(0.1)
        port = port_file.read_text().split("\n")[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as resp:
            pages = [t for t in json.load(resp) if t["type"] == "page"]
        tools = DevTools(pages[0]["webSocketDebuggerUrl"])
        try:
            yield tools
        finally:
            tools.ws.close()
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


FINDINGS_JS = """JSON.stringify(Array.from(document.querySelectorAll('ol.findings li[id]')).map(li => ({
  id: li.id, code: li.querySelector('.code').textContent, rule: li.querySelector('b').textContent,
  marked: document.querySelectorAll('mark[data-findings~="' + li.id + '"]').length})))"""


def upload(tools: DevTools, base: str, letter: Path, program: str = "cusma", cc: str = "US") -> None:
    tools.call("Page.navigate", url=base + "/")
    tools.wait_for("document.readyState === 'complete' && !!document.getElementById('letter')")
    root = tools.call("DOM.getDocument")["root"]["nodeId"]
    node = tools.call("DOM.querySelector", nodeId=root, selector="#letter")["nodeId"]
    tools.call("DOM.setFileInputFiles", nodeId=node, files=[str(letter)])
    tools.js(f"document.getElementById('program').value = {json.dumps(program)};"
             f"document.getElementById('citizenship').value = {json.dumps(cc)};"
             "document.getElementById('submit').click(); true")
    tools.wait_for("location.pathname === '/check' && document.readyState === 'complete'"
                   " && !!document.getElementById('verdict')")


needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                    reason=f"{CHROMIUM} is not installed (apt-get install chromium)")


@pytest.mark.browser
@pytest.mark.slow
@needs_chromium
def test_upload_in_chromium_shows_the_findings(tmp_path: Path) -> None:
    letter = write_letter_pdf(tmp_path / "offer.pdf")
    with serve_app() as base, chromium("about:blank") as tools:
        upload(tools, base, letter)
        shown = json.loads(tools.js(FINDINGS_JS))
        verdict = tools.js("document.getElementById('verdict').textContent")
        links = tools.js("Array.from(document.querySelectorAll('nav a[download]')).map(a => a.href)")
        json_url = next(u for u in links if u.endswith("report.json"))
        with urllib.request.urlopen(json_url, timeout=30) as resp:
            assert resp.headers["Content-Disposition"].startswith("attachment")
            report = json.load(resp)
        assert any(u.endswith("annotated.pdf") for u in links)
    assert report["file"] == "offer.pdf" and report["citizenship"] == "US"
    assert verdict == report["verdict"].upper()
    # The page lists exactly the report's findings, and highlights each one that has evidence.
    assert sorted(f["rule"] for f in shown) == sorted(f["rule"] for f in report["findings"])
    with_evidence = sum(1 for f in report["findings"] if f["evidence"])
    assert sum(1 for f in shown if f["marked"]) == with_evidence
    rules = {f["rule"] for f in shown}
    assert {"unfilled-placeholder", "vague-phrase"} <= rules  # "[Employee Name]", "other duties as assigned"


def take_screenshots(out_dir: Path) -> None:
    """The README's pictures from the real program: the upload page and its report page, and
    the HTML report and index that ``offercheck check --format html --output DIR`` writes."""
    from analyzer.cli import main

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        letter = write_letter_pdf(Path(tmp) / "offer-computer-systems-analyst.pdf")
        fixed = [line.replace("[Employee Name]", "Ms. Rivera").replace("$xx,xxx", "$98,000")
                 .replace("STARTING DATE", "March 1, 2027") for line in LETTER]
        (Path(tmp) / "offer-revised.txt").write_text("\n".join(fixed) + "\n")
        here = os.getcwd()
        os.chdir(tmp)  # so the reports name the letters as a user in that folder would
        try:
            main(["check", ".", "--format", "html", "--output", "reports", "--quiet", "-j", "1"])
        finally:
            os.chdir(here)
        with serve_app() as base, chromium("about:blank") as tools:
            tools.call("Page.navigate", url=base + "/")
            tools.wait_for("document.readyState === 'complete' && !!document.getElementById('letter')")
            tools.screenshot(out_dir / "web-upload.png")
            upload(tools, base, letter)
            tools.screenshot(out_dir / "web-report.png")
            for page, shot in (("offer-computer-systems-analyst.html", "html-report.png"),
                               ("index.html", "html-index.png")):
                tools.call("Page.navigate", url=f"file://{tmp}/reports/{page}")
                tools.wait_for("document.readyState === 'complete' && !!document.querySelector('header')")
                tools.screenshot(out_dir / shot)


if __name__ == "__main__":
    take_screenshots(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/img"))


@pytest.mark.browser
@needs_chromium
def test_index_page_sorts_by_clicked_column(tmp_path: Path) -> None:
    from analyzer.report import html as html_report
    from tests.test_report import build_document, build_report, error_report

    reports = []
    for name, verdict in (("b.txt", "review"), ("a.txt", "fail"), ("c.txt", "pass")):
        d = build_report(build_document(), file=name).to_dict()
        d["verdict"] = verdict
        reports.append(d)
    reports.append(error_report("d.pdf"))
    index = tmp_path / "index.html"
    index.write_text(html_report.render_index(reports))
    files = "Array.from(document.querySelectorAll('#index tbody tr')).map(r => r.cells[0].textContent)"
    with chromium(index.as_uri()) as tools:
        tools.wait_for("document.readyState === 'complete' && !!document.getElementById('index')")
        assert tools.js(files) == ["a.txt", "d.pdf", "b.txt", "c.txt"]  # worst verdict first
        tools.js("document.querySelectorAll('#index th button')[0].click(); true")  # by file name
        assert tools.js(files) == ["a.txt", "b.txt", "c.txt", "d.pdf"]
        tools.js("document.querySelectorAll('#index th button')[0].click(); true")  # and reversed
        assert tools.js(files) == ["d.pdf", "c.txt", "b.txt", "a.txt"]
        tools.js("document.querySelectorAll('#index th button')[1].click(); true")  # by verdict
        assert tools.js(files) == ["a.txt", "d.pdf", "b.txt", "c.txt"]
