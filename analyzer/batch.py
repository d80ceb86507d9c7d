"""Many letters at once: parallel, input order kept, never losing a finished result.

Workers (``concurrent.futures.ProcessPoolExecutor``) take letters in small chunks, analyse each
under a time limit and, with an output directory, write that letter's reports at once (temp file
in the same directory, then ``os.replace``, so a report is whole or absent).  A manifest in the
directory keys each letter by its content hash and a hash of the settings; a re-run skips
letters whose reports are up to date.  Results come back as contract dicts (small, picklable)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyzer import __version__
from analyzer.types import InputError, Report

LETTER_SUFFIXES: tuple[str, ...] = (".pdf", ".docx", ".txt")
BATCH_FILES: frozenset[str] = frozenset({"index", "summary", "reports"})  # stems of batch-level files
MANIFEST = ".offercheck-manifest.json"
CACHE_DIR = ".offercheck-cache"  # each finished letter's report dict, for re-runs that skip it
# Failures of our own code or of time, not of the file: retried by the next run, never "up to date".
RETRY_CODES: frozenset[str] = frozenset({"internal_error", "timeout"})
EXTENSIONS = {"text": ".txt", "json": ".json", "jsonl": ".json", "csv": ".csv", "html": ".html",
              "pdf": ".annotated.pdf"}


@dataclass(frozen=True)
class Settings:
    """What a batch run does to each letter.  ``key()`` changes whenever a report could change."""

    program: str = "cusma"
    citizenship: str | None = None
    config: Any = None  # analyzer.config.RuleConfig
    formats: tuple[str, ...] = ("json",)
    include_text: bool = False
    timeout_s: float = 60.0
    # Replaces analyzer.pipeline.analyse (same keywords): a module-level function so workers can
    # import it; lets integrators and tests run the batch machinery over their own analysis.
    analyser: Callable[..., Report] | None = None

    def key(self) -> str:
        cfg = self.config
        cfg_key = None
        if cfg is not None:
            cfg_key = {"select": list(cfg.select), "ignore": list(cfg.ignore),
                       "severity": sorted(dict(cfg.severity).items()),
                       "baseline": sorted(map(list, cfg.baseline))}
        fn = self.analyser
        fn_key = f"{fn.__module__}.{fn.__qualname__}" if fn is not None else None
        blob = json.dumps([__version__, self.program, self.citizenship, cfg_key, self.include_text, fn_key],
                          sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Job:
    index: int  # position in the input order
    path: str  # as given by the user
    name: str  # safe output stem inside the output directory
    sha256: str = ""


@dataclass
class Progress:
    total: int
    done: int = 0
    stream: Any = field(default_factory=lambda: sys.stderr)

    def step(self, label: str) -> None:
        self.done += 1
        if not self.stream.isatty():
            return
        width = 30
        filled = width * self.done // max(self.total, 1)
        bar = "#" * filled + "." * (width - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} {label[-40:]:<40}")
        if self.done >= self.total:
            self.stream.write("\n")
        self.stream.flush()


def expand(paths: Sequence[str]) -> list[str]:
    """Files as given; directories replaced by the letters inside (recursive, sorted)."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = [f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in LETTER_SUFFIXES
                     and not any(part.startswith(".") for part in f.relative_to(path).parts)]
            out += [str(f) for f in sorted(found)]
        else:
            out.append(p)
    return out


def safe_stem(path: str) -> str:
    """A file stem that cannot leave the output directory: directories stripped, only
    ``[A-Za-z0-9._-]`` kept, no leading dot, bounded length, never a batch file's name."""
    base = re.split(r"[\\/]", path)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base.lstrip(".") else base
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._-")[:80] or "letter"
    return f"{stem}-letter" if stem.lower() in BATCH_FILES else stem


def output_names(paths: Sequence[str]) -> list[str]:
    """One unique stem per input (case-insensitive, so it holds on Windows/macOS shares too)."""
    seen: set[str] = set()
    names = []
    for p in paths:
        stem, n = safe_stem(p), 1
        name = stem
        while name.lower() in seen:
            n += 1
            name = f"{stem}-{n}"
        seen.add(name.lower())
        names.append(name)
    return names


def file_sha256(path: str) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return ""  # unreadable: never up to date, the worker reports the error
    return h.hexdigest()


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the whole new one, never half."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- one letter (runs in a worker process) -------------------------------------------------------

def _alarm(seconds: float, path: str) -> Callable[[], None]:
    """Arm a per-file time limit; returns the disarm function.  SIGALRM only exists in a main
    thread on POSIX, which is where batch workers run; elsewhere ingest's own deadline applies."""
    import threading

    in_main = threading.current_thread() is threading.main_thread()
    if seconds <= 0 or not hasattr(signal, "setitimer") or not in_main:
        return lambda: None

    def _expired(signum: int, frame: Any) -> None:
        raise InputError("timeout", f"{path}: analysis took longer than the {seconds:g} s limit.")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)

    def disarm() -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

    return disarm


def error_report(path: str, settings: Settings, code: str, message: str) -> Report:
    return Report(file=path, program=settings.program, citizenship=settings.citizenship,
                  error=InputError(code, message))


def analyse_job(job: Job, settings: Settings) -> Report:
    """The report of one letter, never raising for a bad letter."""
    from analyzer.pipeline import analyse as pipeline_analyse

    analyse = settings.analyser or pipeline_analyse
    disarm = _alarm(settings.timeout_s, job.path)
    try:
        report = analyse(job.path, program=settings.program, citizenship=settings.citizenship,
                         config=settings.config)
    except InputError as exc:  # the time limit fired outside the pipeline's own handler
        return error_report(job.path, settings, exc.code, exc.message)
    finally:
        disarm()
    return report


def render_letter(fmt: str, report: Report, job: Job, settings: Settings) -> str | bytes | None:
    """One per-letter output file's content (``None``: this format has nothing for this letter)."""
    from analyzer.report import csv, html, json, pdf, text

    if fmt == "pdf":
        return pdf.annotate(job.path, report) if _annotatable(report, job) else None
    if fmt in ("json", "jsonl"):
        return json.render_one(report, include_text=settings.include_text)
    if fmt == "csv":
        return csv.render([report])
    if fmt == "text":
        return text.render(report)
    return html.render(report, links=_sibling_links(report, job, settings))


def _annotatable(report: Report, job: Job) -> bool:
    """A readable PDF letter (by its bytes when known, as ingest saw them; else its name)."""
    if report.status != "ok":
        return False
    if report.document is not None:
        return report.document.kind == "pdf"
    return job.path.lower().endswith(".pdf")


def _sibling_links(report: Report, job: Job, settings: Settings) -> list[tuple[str, str]]:
    """Links from a letter's HTML page to its other files written in the same run."""
    links = []
    if {"json", "jsonl"} & set(settings.formats):
        links.append(("JSON report", job.name + EXTENSIONS["json"]))
    if "pdf" in settings.formats and _annotatable(report, job):
        links.append(("annotated PDF", job.name + EXTENSIONS["pdf"]))
    return links


def _write_letter(job: Job, report: Report, stored: dict[str, Any], settings: Settings,
                  out_dir: Path) -> list[str]:
    """Every requested file of one letter, then its cache entry (``stored``: its report dict)."""
    written = []
    for fmt in dict.fromkeys(settings.formats):
        try:
            data = render_letter(fmt, report, job, settings)
        except Exception as exc:  # e.g. a PDF pypdf cannot rewrite: keep the other formats
            print(f"offercheck: {job.path}: could not write the {fmt} report ({exc})", file=sys.stderr)
            continue
        if data is not None:
            write_atomic(out_dir / (job.name + EXTENSIONS[fmt]), data)
            written.append(job.name + EXTENSIONS[fmt])
    cache = out_dir / CACHE_DIR
    cache.mkdir(exist_ok=True)
    write_atomic(cache / f"{job.name}.json", json.dumps(stored, ensure_ascii=False))
    return written


Result = tuple[int, dict[str, Any], list[str]]  # input index, report dict, files written


def work(jobs: Sequence[Job], settings: Settings, out_dir: str | None) -> list[Result]:
    """A chunk of letters (the unit sent to a worker): each report, written out when asked."""
    results = []
    for job in jobs:
        report = analyse_job(job, settings)
        written: list[str] = []
        # Back to the main process as a dict (small, picklable); with an output directory the
        # text was only needed here, for the HTML page.
        as_dict = report.to_dict(include_text=out_dir is None or settings.include_text)
        if out_dir is not None:
            written = _write_letter(job, report, as_dict, settings, Path(out_dir))
        results.append((job.index, as_dict, written))
    return results


# --- the run (main process) ----------------------------------------------------------------------

class Manifest:
    """``DIR/.offercheck-manifest.json``: per output name, the input's hash, the settings key and
    the files written.  Saved atomically after every finished chunk."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / MANIFEST
        self.entries: dict[str, dict[str, Any]] = {}
        try:
            self.entries = dict(json.loads(self.path.read_text(encoding="utf-8"))["entries"])
        except (OSError, ValueError, KeyError, TypeError):
            self.entries = {}  # absent or damaged: everything is redone

    def cached(self, job: Job, settings: Settings) -> dict[str, Any] | None:
        """The stored report when the letter's reports are up to date, else ``None``."""
        entry = self.entries.get(job.name)
        out_dir = self.path.parent
        if (not entry or not job.sha256 or entry.get("error_code") in RETRY_CODES or entry.get("sha256") != job.sha256
                or entry.get("settings") != settings.key() or entry.get("file") != job.path
                or not set(settings.formats) <= set(entry.get("formats", []))
                or not all((out_dir / f).exists() for f in entry.get("outputs", []))):
            return None
        try:
            return json.loads((out_dir / CACHE_DIR / f"{job.name}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def record(self, job: Job, settings: Settings, report: dict[str, Any], outputs: list[str]) -> None:
        self.entries[job.name] = {"file": job.path, "sha256": job.sha256, "settings": settings.key(),
                                  "formats": sorted(set(settings.formats)), "outputs": outputs,
                                  "verdict": report["verdict"],
                                  "error_code": (report.get("error") or {}).get("code")}

    def save(self) -> None:
        doc = {"schema": "offercheck/manifest/v1", "entries": self.entries}
        write_atomic(self.path, json.dumps(doc, indent=1, sort_keys=True))


def _chunks(jobs: Sequence[Job], workers: int) -> Iterator[list[Job]]:
    # Small chunks keep all workers busy to the end; >1 per chunk saves pickling round trips.
    size = max(1, min(8, len(jobs) // (workers * 4)))
    for i in range(0, len(jobs), size):
        yield list(jobs[i:i + size])


@dataclass
class BatchResult:
    reports: list[dict[str, Any]]  # input order
    processed: int  # letters analysed in this run
    skipped: int  # letters whose reports were up to date


def run(paths: Sequence[str], settings: Settings, out_dir: str | Path | None = None,
        workers: int | None = None, force: bool = False, progress: Any = None,
        on_ready: Callable[[dict[str, Any]], None] | None = None) -> BatchResult:
    """Analyse ``paths`` (files, as given).  ``on_ready`` gets each report in input order as soon
    as it and every earlier one are done; ``progress`` is a stream for the bar (TTY only)."""
    names = output_names(paths)
    out = Path(out_dir) if out_dir is not None else None
    manifest = None
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        manifest = Manifest(out)
    jobs = [Job(i, p, n, file_sha256(p) if out is not None else "")
            for i, (p, n) in enumerate(zip(paths, names, strict=True))]
    done, pending = _up_to_date(jobs, settings, None if force else manifest)
    skipped = len(done)
    emitter = _OrderedEmitter(on_ready)
    for i in sorted(done):
        emitter.add(i, done[i])
    bar = Progress(len(pending), stream=progress) if progress is not None else None

    def finish(results: list[Result]) -> None:
        for index, report, written in results:
            done[index] = report
            if manifest is not None:
                manifest.record(jobs[index], settings, report, written)
            if bar:
                bar.step(jobs[index].path)
            emitter.add(index, report)
        if manifest is not None:
            manifest.save()

    _dispatch(pending, settings, str(out) if out is not None else None, workers or os.cpu_count() or 1, finish)
    reports = [done[i] for i in range(len(jobs))]
    if out is not None:
        write_batch_files(out, jobs, reports, settings)
    return BatchResult(reports=reports, processed=len(pending), skipped=skipped)


def _up_to_date(jobs: Sequence[Job], settings: Settings,
                manifest: Manifest | None) -> tuple[dict[int, dict[str, Any]], list[Job]]:
    """Reports that need no work (by input index), and the jobs that do."""
    done: dict[int, dict[str, Any]] = {}
    pending = []
    for job in jobs:
        hit = manifest.cached(job, settings) if manifest is not None else None
        if hit is not None:
            done[job.index] = hit
        else:
            pending.append(job)
    return done, pending


class _OrderedEmitter:
    """Passes reports on in input order: each as soon as it and all earlier ones are done."""

    def __init__(self, callback: Callable[[dict[str, Any]], None] | None) -> None:
        self.callback = callback
        self.next = 0
        self.waiting: dict[int, dict[str, Any]] = {}

    def add(self, index: int, report: dict[str, Any]) -> None:
        if self.callback is None:
            return
        self.waiting[index] = report
        while self.next in self.waiting:
            self.callback(self.waiting.pop(self.next))
            self.next += 1


def _dispatch(jobs: list[Job], settings: Settings, out_dir: str | None, workers: int,
              finish: Callable[[list[Result]], None]) -> None:
    """Run ``jobs`` in chunks; one letter or one worker runs in this process (no pool start-up)."""
    if not jobs:
        return
    if workers <= 1 or len(jobs) == 1:
        for chunk in _chunks(jobs, 1):
            finish(work(chunk, settings, out_dir))
        return
    chunks = list(_chunks(jobs, workers))
    lost: list[Job] = []
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks))) as pool:
        futures: dict[Future[list[Result]], list[Job]] = {
            pool.submit(work, chunk, settings, out_dir): chunk for chunk in chunks}
        remaining = set(futures)
        while remaining:
            finished, remaining = wait(remaining, return_when=FIRST_COMPLETED)
            for fut in finished:
                try:
                    finish(fut.result())
                except Exception:  # a worker died (crash, OOM) and took the pool down with it
                    lost += futures[fut]
    _retry_alone(sorted(lost, key=lambda j: j.index), settings, out_dir, finish)


def _retry_alone(jobs: list[Job], settings: Settings, out_dir: str | None,
                 finish: Callable[[list[Result]], None]) -> None:
    """Letters lost with a dead worker, each again in a process of its own, so only the letter
    that kills its process is reported as failing (never this process: it may crash again)."""
    for job in jobs:
        with ProcessPoolExecutor(max_workers=1) as pool:
            try:
                finish(pool.submit(work, [job], settings, out_dir).result())
            except Exception as exc:
                message = f"{job.path}: the process analysing this letter stopped ({exc!r})."
                finish([(job.index, error_report(job.path, settings, "internal_error", message).to_dict(), [])])


def write_batch_files(out: Path, jobs: Sequence[Job], reports: Sequence[dict[str, Any]],
                      settings: Settings) -> list[str]:
    """``index.html``, ``summary.csv`` and ``reports.jsonl`` beside the letters' reports."""
    from analyzer.report import csv, html
    from analyzer.report import json as json_report

    written = []
    if "html" in settings.formats:
        hrefs = [j.name + EXTENSIONS["html"] for j in jobs]
        write_atomic(out / "index.html", html.render_index(reports, hrefs))
        written.append("index.html")
    if "csv" in settings.formats:
        write_atomic(out / "summary.csv", csv.render(reports))
        written.append("summary.csv")
    if "json" in settings.formats or "jsonl" in settings.formats:
        write_atomic(out / "reports.jsonl", json_report.render_lines(reports, settings.include_text))
        written.append("reports.jsonl")
    return written

