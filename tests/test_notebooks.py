"""The notebooks execute headless (on a copy: the committed, executed notebooks stay as they are).

The walkthrough (~15 s) always runs.  The evaluation notebook renders and analyses every labelled
letter (~1 minute on 2 cores), so it runs only with ``OFFERCHECK_NOTEBOOKS=1`` (``make notebooks``
executes both in place).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat not installed (pip install nbclient nbformat ipykernel)")
pytest.importorskip("nbclient", reason="nbclient not installed")
pytest.importorskip("ipykernel", reason="ipykernel not installed")

from tests.run_notebooks import NOTEBOOKS, execute  # noqa: E402

ALL = bool(os.environ.get("OFFERCHECK_NOTEBOOKS"))


def _run_copy(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    copy = tmp_path / name
    shutil.copy(NOTEBOOKS / name, copy)
    monkeypatch.setenv("OFFERCHECK_ROOT", str(NOTEBOOKS.parent))  # the kernel inherits it
    execute(copy, timeout=600)
    return nbformat.read(copy, as_version=4)


def _outputs(nb) -> list[dict]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]


def test_walkthrough_runs_every_stage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = _run_copy("walkthrough.ipynb", tmp_path, monkeypatch)
    outs = _outputs(nb)
    assert not [o for o in outs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outs)
    for stage_output in ("pages:", "list_item", "title:", "NOC (title + duties):", "findings", "verdict:"):
        assert stage_output in text, stage_output
    assert "self-employment" in text  # the example letter's labelled finding is found


@pytest.mark.skipif(not ALL, reason="the evaluation notebook takes ~1 min; set OFFERCHECK_NOTEBOOKS=1")
def test_evaluation_notebook_draws_its_charts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = _run_copy("evaluation.ipynb", tmp_path, monkeypatch)
    outs = _outputs(nb)
    assert not [o for o in outs if o.output_type == "error"]
    images = [o for o in outs if "image/png" in o.get("data", {})]
    assert len(images) >= 5  # extraction, matching by kind and by category, reliability, rules
