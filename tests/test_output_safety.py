"""Output safety: reports stay inside ``--output``, never collide, are never half-written; the web
page answers limits, wrong types and 20 concurrent uploads correctly and stores nothing on disk."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from analyzer import batch
from tests import fuzz_inputs as F

BIN = Path(sys.executable).parent
SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
HOSTILE = ["../../x.pdf", "/etc/passwd", "a/../../../b.pdf", "..", ".", "...", "nul\x00byte.pdf",
           "new\nline.pdf", "x" * 5000 + ".pdf", "C:\\Windows\\system32\\evil.docx", "summary.txt",
           "index.pdf", "reports.txt", ".hidden.pdf", "-rf.pdf", "con.pdf", "é清.pdf", "a/letter.pdf",
           "b/letter.pdf", "A/LETTER.pdf", ""]


def _tree(root: Path) -> set[Path]:
    return set(root.rglob("*"))


def _offercheck(args: list[str], cwd: Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "offercheck"), "check", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300, **kw)


def test_output_names_are_safe_and_unique_for_hostile_inputs(tmp_path: Path) -> None:
    names = batch.output_names(HOSTILE)
    assert len({n.lower() for n in names}) == len(HOSTILE)  # no two inputs share a report
    out = tmp_path / "out"
    for name in names:
        assert SAFE.match(name) and len(name) <= 100, name
        for ext in batch.EXTENSIONS.values():
            target = (out / (name + ext)).resolve()
            assert target.parent == out.resolve(), target
        assert name.lower() not in {"index", "summary", "reports"}  # never overwrites batch files


def _write_letters(root: Path) -> list[str]:
    """Letters whose paths, as given on the command line, would escape a naive output dir."""
    deep = root / "work" / "deep" / "cwd"
    deep.mkdir(parents=True)
    files = {"a/letter.txt": F.own_txt(), "b/letter.txt": F.own_txt().replace(b"Analyst", b"Analyst II"),
             "new\nline.txt": F.own_txt(), "x" * 200 + ".txt": F.own_txt(), "..txt": F.own_txt(),
             "summary.txt": F.own_txt(), "index.txt": F.own_txt()}
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    # As given: relative paths climbing out of the cwd, and absolute paths.
    given = [os.path.relpath(root / rel, deep) for rel in files]
    given[1] = str(root / "b/letter.txt")
    return given


def test_cli_reports_never_leave_output_and_never_collide(tmp_path: Path) -> None:
    given = _write_letters(tmp_path)
    cwd = tmp_path / "work" / "deep" / "cwd"
    before = _tree(tmp_path)
    proc = _offercheck([*given, "--output", "../out", "--format", "json,text", "--workers", "2",
                        "--fail-on", "never", "-q"], cwd)
    assert proc.returncode == 0, proc.stderr
    out = (cwd / "../out").resolve()
    new = _tree(tmp_path) - before
    assert new and all(p.resolve().is_relative_to(out) for p in new), sorted(map(str, new))
    reports = [p for p in out.glob("*.json") if not p.name.startswith(".")]
    assert len(reports) == len(given)  # one report each, the two letter.txt included
    files = {json.loads(p.read_text(encoding="utf-8"))["file"] for p in reports}
    assert files == set(given)
    assert "Analyst II" in "".join(p.read_text(encoding="utf-8") for p in reports)
    assert (out / "reports.jsonl").exists()  # batch files not overwritten by summary.txt / index.txt
    assert len((out / "reports.jsonl").read_text(encoding="utf-8").splitlines()) == len(given)


def test_atomic_write_keeps_the_old_report_when_the_write_fails(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "letter.json"
    target.write_text('{"status": "ok"}', encoding="utf-8")

    def boom(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(batch.os, "replace", boom)
    with pytest.raises(OSError):
        batch.write_atomic(target, '{"status": "ok", "half')
    assert json.loads(target.read_text(encoding="utf-8")) == {"status": "ok"}
    assert [p.name for p in tmp_path.iterdir()] == ["letter.json"]  # temp file removed


def test_killed_batch_leaves_only_whole_reports(tmp_path: Path) -> None:
    letters = tmp_path / "in"
    letters.mkdir()
    for i in range(10):
        (letters / f"l{i:02d}.pdf").write_bytes(F.own_pdf(1 + i % 3))
    out = tmp_path / "out"
    proc = subprocess.Popen([str(BIN / "offercheck"), "check", str(letters), "--output", str(out),
                             "--format", "json,html", "--workers", "2", "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.glob("l*.json"))) < 2 and proc.poll() is None:
        time.sleep(0.02)
    assert proc.poll() is None, "the batch finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the whole batch, workers included, mid-run
    proc.wait()
    for report in out.glob("*.json"):  # the manifest included
        json.loads(report.read_text(encoding="utf-8"))  # whole, or not there at all
    for page in out.glob("*.html"):
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>")
    rerun = _offercheck([str(letters), "--output", str(out), "--format", "json,html", "-q",
                         "--fail-on", "never"], tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert len(list(out.glob("l*.json"))) == 10
    # A temp file orphaned by SIGKILL is hidden and named *.tmp: never mistaken for a report.
    assert all(p.name.startswith(".") for p in out.iterdir() if p.name.endswith(".tmp"))


# --- web -----------------------------------------------------------------------------------------

def _client(**kw):
    from fastapi.testclient import TestClient

    from analyzer.web import create_app

    return TestClient(create_app(**kw), base_url="http://127.0.0.1")


def _upload(name: str, data: bytes, ctype: str = "application/octet-stream") -> dict:
    return {"files": {"file": (name, data, ctype)}, "data": {"program": "cusma"}}


def test_web_refuses_oversized_and_mistyped_uploads() -> None:
    client = _client(max_upload=1024 * 1024)
    big = b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024)
    assert client.post("/check", **_upload("big.pdf", big)).status_code == 413

    def chunks():  # no Content-Length: the limit must hold while streaming
        yield b"--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n"
        for _ in range(40):
            yield b"0" * 65536

    streamed = client.post("/check", content=chunks(),
                           headers={"content-type": "multipart/form-data; boundary=x"})
    assert streamed.status_code == 413
    assert client.post("/check", json={"file": "x"}).status_code == 415
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
    assert client.post("/check", **_upload("scan.pdf", png)).status_code == 415
    assert client.post("/check", **_upload("tool.exe", b"MZ\x90\x00")).status_code == 415
    assert client.post("/check", **_upload("letter.docx", F.own_txt())).status_code == 415
    assert client.post("/check", **_upload("empty.pdf", b"")).status_code == 400


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def server(tmp_path: Path):
    """A real uvicorn on 127.0.0.1 with its own empty TMPDIR and working directory."""
    tmp, cwd = tmp_path / "tmp", tmp_path / "cwd"
    tmp.mkdir()
    cwd.mkdir()
    port = _free_port()
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "analyzer.web:create_app", "--factory",
                             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                            cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(url + "/", timeout=1)
            break
        except httpx.TransportError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stderr.read().decode()) from None
            time.sleep(0.1)
    yield url, tmp, cwd
    proc.terminate()
    proc.wait(timeout=20)


def test_twenty_concurrent_uploads_through_loopback(server) -> None:
    url, tmp, cwd = server
    letters = [(f"offer-{i:02d}." + ("pdf" if i % 2 else "txt"),
                F.own_pdf() if i % 2 else F.own_txt().replace(b"Jane Doe", f"Candidate {i:02d}".encode()))
               for i in range(20)]
    letters.append(("bad-21.pdf", b"%PDF-1.4\n garbage"))

    def post(item: tuple[str, bytes]) -> httpx.Response:
        name, data = item
        with httpx.Client(timeout=120) as client:
            return client.post(url + "/check", files={"file": (name, data)}, data={"program": "cusma"})

    with ThreadPoolExecutor(max_workers=len(letters)) as pool:
        responses = list(pool.map(post, letters))
    for (name, _), resp in zip(letters, responses, strict=True):
        expected = 422 if name.startswith("bad") else 200
        assert resp.status_code == expected, (name, resp.status_code, resp.text[:300])
        assert name in resp.text  # each answer is about its own upload
        others = [n for n, _ in letters if n != name and n in resp.text]
        assert not others, (name, others)
    assert list(tmp.iterdir()) == [] and list(cwd.iterdir()) == []  # nothing stored on disk
