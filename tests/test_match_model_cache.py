"""The compressed artefact is unpacked once into the cache folder and memory-mapped afterwards;
an unwritable cache folder only costs speed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from analyzer.match import model


def _arrays(bundle: model.Bundle) -> list[np.ndarray]:
    return [bundle.title.idf, bundle.duties.idf]


def test_first_load_writes_an_unpacked_copy_later_loads_map_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "CACHE_DIR", tmp_path / "cache")
    artefact = model.MODELS_DIR / model.ARTEFACT
    first = model._load_fast(artefact)
    copies = list((tmp_path / "cache").glob("match-*.unpacked.joblib"))
    assert len(copies) == 1 and copies[0].stat().st_size > artefact.stat().st_size
    second = model._load_fast(artefact)
    assert all(isinstance(a, np.memmap) for a in _arrays(second))
    for a, b in zip(_arrays(first), _arrays(second), strict=True):
        assert np.array_equal(a, b)
    assert second.codes == first.codes


def test_an_unwritable_cache_folder_still_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setattr(model, "CACHE_DIR", blocker / "cache")  # mkdir fails under a file
    bundle = model._load_fast(model.MODELS_DIR / model.ARTEFACT)
    assert len(bundle.codes) == 516


def test_a_corrupt_copy_falls_back_to_the_artefact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "CACHE_DIR", tmp_path)
    artefact = model.MODELS_DIR / model.ARTEFACT
    model._unpacked_path(artefact).write_bytes(b"not a joblib file")
    assert len(model._load_fast(artefact).codes) == 516
