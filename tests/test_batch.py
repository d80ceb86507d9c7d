"""Batch runs over a stand-in analysis (so the machinery is tested apart from the stages' accuracy):
order, broken files, output files, skip-if-up-to-date, --force, time limit, crashed workers and
output names that must stay inside the output directory."""

from __future__ import annotations

import csv
import io
import json
import os
import time
from pathlib import Path

from analyzer import batch
from analyzer.types import InputError, Report
from tests.test_report import build_document, build_report


def fake_analyse(source: str, program: str = "cusma", citizenship: str | None = None,
                 config: object = None, **_: object) -> Report:
    """Reads the file; BROKEN/SLEEP/CRASH contents act out the failures a real batch meets."""
    data = Path(source).read_bytes()
    if data.startswith(b"BROKEN"):
        return Report(file=source, program=program, error=InputError("corrupt", f"{source}: damaged."))
    if data.startswith(b"SLEEP"):
        time.sleep(5)
    if data.startswith(b"CRASH"):
        os._exit(3)  # a worker dying mid-letter (segfault, OOM killer)
    return build_report(build_document(source=source), file=source)


def settings(**kw: object) -> batch.Settings:
    base = {"formats": ("json", "csv", "html", "text"), "analyser": fake_analyse}
    return batch.Settings(**{**base, **kw})  # type: ignore[arg-type]


def make_letters(root: Path, n: int, broken: tuple[int, ...] = ()) -> list[str]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = root / f"letter-{i:03d}.txt"
        p.write_text("BROKEN\n" if i in broken else f"Letter number {i}\n")
        paths.append(str(p))
    return paths


def test_batch_keeps_order_goes_past_broken_files_and_writes_everything(tmp_path: Path) -> None:
    paths = make_letters(tmp_path / "in", 20, broken=(3, 11, 19))
    out = tmp_path / "out"
    seen: list[str] = []
    result = batch.run(paths, settings(), out_dir=out, workers=2, on_ready=lambda r: seen.append(r["file"]))
    assert [r["file"] for r in result.reports] == paths == seen  # input order, streamed in order
    assert [i for i, r in enumerate(result.reports) if r["status"] == "error"] == [3, 11, 19]
    assert result.processed == 20 and result.skipped == 0
    for i in range(20):
        for ext in (".json", ".csv", ".html", ".txt"):
            assert (out / f"letter-{i:03d}{ext}").is_file()
    assert json.loads((out / "letter-003.json").read_text())["error"]["code"] == "corrupt"
    rows = list(csv.DictReader((out / "summary.csv").open()))
    assert [r["file"] for r in rows] == paths and rows[3]["status"] == "error"
    lines = (out / "reports.jsonl").read_text().splitlines()
    assert len(lines) == 20 and json.loads(lines[11])["status"] == "error"
    index = (out / "index.html").read_text()
    assert all(f'href="letter-{i:03d}.html"' in index for i in range(20))
    assert not list(out.glob("**/*.tmp"))  # atomic writes leave no temp files


def test_rerun_skips_up_to_date_letters_and_force_redoes_them(tmp_path: Path) -> None:
    paths = make_letters(tmp_path / "in", 6, broken=(2,))
    out = tmp_path / "out"
    first = batch.run(paths, settings(), out_dir=out, workers=2)
    stamp = (out / "letter-000.json").stat().st_mtime_ns
    again = batch.run(paths, settings(), out_dir=out, workers=2)
    assert again.processed == 0 and again.skipped == 6
    assert again.reports == first.reports  # the same reports, read back from the cache
    assert (out / "letter-000.json").stat().st_mtime_ns == stamp
    Path(paths[4]).write_text("Letter number 4, edited\n")
    (out / "letter-005.html").unlink()  # a lost output is redone too
    edited = batch.run(paths, settings(), out_dir=out, workers=2)
    assert edited.processed == 2 and (out / "letter-005.html").exists()
    other = batch.run(paths, settings(program="cptpp"), out_dir=out, workers=2)
    assert other.processed == 6  # different settings: nothing is up to date
    forced = batch.run(paths, settings(program="cptpp"), out_dir=out, workers=1, force=True)
    assert forced.processed == 6 and forced.skipped == 0


def test_time_limit_turns_a_slow_letter_into_a_timeout_error(tmp_path: Path) -> None:
    paths = make_letters(tmp_path, 2)
    Path(paths[0]).write_text("SLEEP\n")
    result = batch.run(paths, settings(timeout_s=0.5), workers=1)
    assert result.reports[0]["error"]["code"] == "timeout"
    assert "0.5 s" in result.reports[0]["error"]["message"]
    assert result.reports[1]["status"] == "ok"


def test_timeouts_and_internal_errors_are_retried_by_the_next_run(tmp_path: Path) -> None:
    paths = make_letters(tmp_path / "in", 3, broken=(0,))
    Path(paths[1]).write_text("SLEEP\n")
    out = tmp_path / "out"
    first = batch.run(paths, settings(timeout_s=0.5), out_dir=out, workers=1)
    assert [r["status"] for r in first.reports] == ["error", "error", "ok"]
    again = batch.run(paths, settings(timeout_s=0.5), out_dir=out, workers=1)
    assert again.processed == 1 and again.reports[1]["error"]["code"] == "timeout"  # only the slow one


def test_a_crashed_worker_becomes_error_entries_not_a_lost_batch(tmp_path: Path) -> None:
    paths = make_letters(tmp_path / "in", 8)
    Path(paths[5]).write_text("CRASH\n")
    result = batch.run(paths, settings(), out_dir=tmp_path / "out", workers=2)
    assert len(result.reports) == 8
    crashed = result.reports[5]
    assert crashed["status"] == "error" and crashed["error"]["code"] == "internal_error"
    assert paths[5] in crashed["error"]["message"]
    assert [r["file"] for r in result.reports] == paths  # every letter is accounted for
    for i, p in enumerate(paths):  # letters lost with the dead worker were redone on their own
        if i != 5:
            assert result.reports[i]["status"] == "ok"
            assert (tmp_path / "out" / f"{Path(p).stem}.json").exists()


def test_output_names_stay_inside_the_output_directory(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    hostile = ["../../escape.txt", "..\\..\\win.txt", ".hidden.txt", "index.txt", "a b;rm -rf.txt",
               "sub/same.txt", "same.txt", "SAME.txt", "\u00e9t\u00e9.txt", "...txt"]
    paths = []
    for name in hostile:
        p = root / "sub" / name  # "../../escape.txt" really is a file two levels up
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("Letter\n")
        paths.append(str(p))
    names = batch.output_names(paths)
    assert len({n.lower() for n in names}) == len(names)  # collisions deduplicated
    for n in names:
        assert "/" not in n and "\\" not in n and not n.startswith(".") and n
        assert n.lower() not in ("index", "summary", "reports")
    out = tmp_path / "out"
    result = batch.run(paths, settings(formats=("json", "html", "csv")), out_dir=out, workers=1)
    assert len(result.reports) == len(paths)
    made = [p.resolve() for p in tmp_path.rglob("*") if p.is_file() and p.suffix in (".json", ".html", ".csv")
            and "in" not in p.relative_to(tmp_path).parts[:1]]
    assert made and all(out.resolve() in p.parents for p in made)
    assert (out / "index.html").exists() and (out / "index-letter.html").exists()


def test_expand_finds_letters_recursively_sorted_and_skips_others(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in ("b/2.pdf", "a.docx", "b/1.TXT", "notes.md", ".git/x.txt"):
        (tmp_path / rel).write_text("x")
    got = batch.expand([str(tmp_path), "given.txt"])
    assert got == [str(tmp_path / "a.docx"), str(tmp_path / "b/1.TXT"), str(tmp_path / "b/2.pdf"), "given.txt"]


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    paths = make_letters(tmp_path, 3)
    tty, pipe = _Tty(), io.StringIO()
    batch.run(paths, settings(), workers=1, progress=tty)
    batch.run(paths, settings(), workers=1, progress=pipe)
    assert "3/3" in tty.getvalue() and tty.getvalue().endswith("\n")
    assert pipe.getvalue() == ""
