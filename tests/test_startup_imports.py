"""What ``offercheck check one.pdf`` loads: a fresh interpreter runs the command and lists its
modules, so a start-up regression (a renderer, the web app or the PDF writer imported eagerly, the
vocabulary tables computed instead of read) shows up as a failing test, not only as a slower bench."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pdfs import platypus_letter

ROOT = Path(__file__).resolve().parent.parent

# Run in a child: ``main`` prints the report; the last line is the module list as JSON.
PROBE = """
import contextlib, io, json, sys
from analyzer.cli import main
from analyzer.checks import _vocabulary
computed, read = [], []
compute, read_file = _vocabulary.compute, _vocabulary.read
_vocabulary.compute = lambda groups: computed.append(1) or compute(groups)
_vocabulary.read = lambda path, sha: read.append(path.name) or read_file(path, sha)
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(["check", sys.argv[1], "--format", sys.argv[2], "--fail-on", "never", "--quiet"])
print(json.dumps({"code": code, "modules": sorted(sys.modules), "computed": len(computed), "read": read,
                  "report": out.getvalue()}))
"""

# Nothing a PDF letter reported as JSON or text needs.
NOT_NEEDED = ("analyzer.web", "fastapi", "uvicorn", "analyzer.report.pdf", "pypdf", "reportlab",
              "hypothesis", "analyzer.match.train", "analyzer.ingest.docx", "docx")


def _probe(letter: Path, fmt: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, str(letter), fmt], capture_output=True, text=True,
                         cwd=ROOT, check=True, timeout=300)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "offer.pdf"
    path.write_bytes(platypus_letter(["Design database schemas for the billing platform",
                                      "Review pull requests and mentor two junior analysts"], [60, 40]))
    return path


def test_check_json_loads_only_what_it_uses(letter: Path) -> None:
    run = _probe(letter, "json")
    assert run["code"] == 0
    report = json.loads(run["report"])["reports"][0]
    assert report["status"] == "ok" and report["title"]["text"] == "Computer Systems Analyst"  # really analysed
    loaded = set(run["modules"])
    assert "analyzer.report.json" in loaded
    assert not loaded & {"analyzer.report.text", "analyzer.report.csv", "analyzer.report.html"}
    assert not [m for m in NOT_NEEDED if m in loaded]


def test_check_reads_the_precomputed_vocabulary(letter: Path) -> None:
    run = _probe(letter, "text")
    assert run["read"] == ["_vocabulary.json"]  # the vague-duty rule asked for the tables once ...
    assert run["computed"] == 0  # ... and got them from the file, not from tokenising the NOC
    assert "analyzer.report.text" in run["modules"] and "analyzer.report.json" not in run["modules"]
    assert "offer.pdf" in run["report"]
