"""``offercheck check PATH...``: analyse letters and report findings; exit 2 if any input could not
be read (or the command line is wrong), else 1 if any finding is at or above ``--fail-on``, else 0."""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from analyzer import batch
from analyzer.report import FORMATS
from analyzer.types import SEVERITY_RANK

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


class UsageError(Exception):
    """A command-line mistake: reported in one sentence, exit 2."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="letters (.pdf, .docx, .txt) or directories holding them")
    parser.add_argument("--format", default="text",
                        help=f"one of {', '.join(FORMATS)}, or a comma list with --output (default: text)")
    parser.add_argument("--output", "-o", metavar="DIR",
                        help="write each letter's reports to DIR/<name>.<ext>, plus batch files")
    parser.add_argument("--workers", "-j", type=int, default=os.cpu_count() or 1,
                        help="letters analysed in parallel (default: all cores)")
    parser.add_argument("--fail-on", choices=["error", "warning", "never"], default="error",
                        help="exit 1 when a finding is at or above this severity (default: error)")
    parser.add_argument("--program", choices=["cusma", "cptpp"], default="cusma",
                        help="category the letter supports (default: cusma)")
    parser.add_argument("--citizenship", metavar="CC", help="applicant's citizenship, ISO 3166 alpha-2")
    parser.add_argument("--force", action="store_true", help="redo letters whose reports are up to date")
    parser.add_argument("--include-text", action="store_true",
                        help="add the letter text to JSON reports (evidence offsets index it)")
    parser.add_argument("--config", metavar="FILE", help="offercheck.toml or pyproject.toml to read")
    parser.add_argument("--select", default="", help="comma list of rule codes/prefixes/names to run")
    parser.add_argument("--ignore", default="", help="comma list of rule codes/prefixes/names to skip")
    parser.add_argument("--severity", default="", metavar="RULE=LEVEL,...",
                        help="re-rank rules, e.g. OC6=error,vague-phrase=info (code prefixes or names)")
    parser.add_argument("--baseline", metavar="FILE", help="silence the findings listed in this baseline file")
    parser.add_argument("--write-baseline", metavar="FILE",
                        help="write every finding of this run to FILE as silenced (accept them as known)")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                        help="time limit per letter (default: 60)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary lines")


def parse_formats(value: str, output: str | None) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise UsageError(f"unknown format {', '.join(unknown) or value!r}; use {', '.join(FORMATS)}")
    if len(formats) > 1 and not output:
        raise UsageError("several formats need --output DIR (stdout takes one format)")
    return formats


def _stdout_limits(fmt: str, paths: Sequence[str]) -> None:
    """Formats that make one document per letter can only go to stdout for one letter."""
    if fmt == "html" and len(paths) != 1:
        raise UsageError("--format html for several letters needs --output DIR (one page per letter)")
    if fmt == "pdf":
        if len(paths) != 1 or not paths[0].lower().endswith(".pdf"):
            raise UsageError("--format pdf without --output takes exactly one PDF letter")
        if sys.stdout.isatty():
            raise UsageError("--format pdf writes binary PDF; redirect stdout or use --output DIR")


def load_config(args: argparse.Namespace) -> Any:
    from analyzer import config

    def codes(value: str) -> list[str]:
        return [c.strip() for c in value.split(",") if c.strip()]

    if args.config and not os.path.exists(args.config):
        raise UsageError(f"config file {args.config} does not exist")
    severity = dict(item.split("=", 1) for item in codes(args.severity) if "=" in item)
    if len(severity) != len(codes(args.severity)) or any(v not in SEVERITY_RANK for v in severity.values()):
        raise UsageError(f"--severity takes RULE=LEVEL pairs with LEVEL error, warning or info, not {args.severity!r}")
    try:
        base = config.load(args.config)
        if args.baseline:
            base = replace(base, baseline=base.baseline | config.read_baseline(args.baseline))
    except (ValueError, OSError, KeyError) as exc:  # tomllib.TOMLDecodeError is a ValueError
        raise UsageError(f"cannot read the configuration: {exc}") from exc
    return base.merged(select=codes(args.select), ignore=codes(args.ignore), severity=severity)


def settings_from(args: argparse.Namespace, formats: tuple[str, ...]) -> batch.Settings:
    cc = args.citizenship.strip().upper() if args.citizenship else None
    if cc is not None and not re.fullmatch(r"[A-Z]{2}", cc):
        raise UsageError(f"--citizenship takes an ISO 3166 alpha-2 code such as US or MX, not {args.citizenship!r}")
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    return batch.Settings(program=args.program, citizenship=cc, config=load_config(args), formats=formats,
                          include_text=args.include_text or bool(args.write_baseline), timeout_s=args.timeout)


def exit_code(reports: Sequence[dict[str, Any]], fail_on: str) -> int:
    if any(r["status"] == "error" for r in reports):
        return EXIT_INPUT
    if fail_on != "never":
        threshold = SEVERITY_RANK[fail_on]
        if any(SEVERITY_RANK[f["severity"]] >= threshold for r in reports for f in r["findings"]):
            return EXIT_FINDINGS
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    try:
        formats = parse_formats(args.format, args.output)
        paths = batch.expand(args.paths)
        if not paths:
            raise UsageError(f"no letters (.pdf, .docx, .txt) found in {', '.join(args.paths)}")
        if not args.output:
            _stdout_limits(formats[0], paths)
        settings = settings_from(args, formats)
    except UsageError as exc:
        print(f"offercheck check: {exc}", file=sys.stderr)
        return EXIT_INPUT
    runner = _run_to_dir if args.output else _run_to_stdout
    reports = runner(args, paths, settings)
    if args.write_baseline:
        from analyzer import config

        keys = set().union(*(config.report_baseline_keys(r) for r in reports))
        config.write_baseline(args.write_baseline, keys)
        print(f"{len(keys)} findings written to {args.write_baseline}", file=sys.stderr)
        return EXIT_INPUT if any(r["status"] == "error" for r in reports) else EXIT_OK
    return exit_code(reports, args.fail_on)


def _progress(args: argparse.Namespace) -> Any:
    return None if args.quiet else sys.stderr


def _run_to_dir(args: argparse.Namespace, paths: list[str], settings: batch.Settings) -> list[dict[str, Any]]:
    from analyzer.report import text

    colour = text.use_colour(sys.stdout)
    show = None if args.quiet else (lambda r: print(text.summary_line(r, colour), flush=True))
    result = batch.run(paths, settings, out_dir=args.output, workers=args.workers, force=args.force,
                       progress=_progress(args), on_ready=show)
    if not args.quiet:
        print(f"{len(paths)} letters: {result.processed} analysed, {result.skipped} up to date; "
              f"reports in {args.output}", file=sys.stderr)
    return result.reports


def _run_to_stdout(args: argparse.Namespace, paths: list[str], settings: batch.Settings) -> list[dict[str, Any]]:
    fmt = settings.formats[0]
    if fmt == "pdf":
        return [_pdf_to_stdout(paths[0], settings)]
    # Only the asked format's renderer is imported: start-up pays for nothing a run does not print.
    renderer = importlib.import_module(f"analyzer.report.{'json' if fmt == 'jsonl' else fmt}")
    colour = renderer.use_colour(sys.stdout) if fmt == "text" else False
    streaming = {"jsonl": lambda r: renderer.render_line(r, settings.include_text),
                 "text": (lambda r: renderer.summary_line(r, colour) + "\n") if len(paths) > 1 else None}
    render_one = streaming.get(fmt)

    def emit(report: dict[str, Any]) -> None:
        if render_one is not None:
            sys.stdout.write(render_one(report))
            sys.stdout.flush()

    result = batch.run(paths, settings, workers=args.workers, progress=_progress(args), on_ready=emit)
    reports = result.reports
    if fmt == "text" and len(paths) == 1:
        sys.stdout.write(renderer.render(reports[0], colour))
    elif fmt == "text":
        sys.stdout.write(renderer.render_batch(reports, colour).splitlines(keepends=True)[-1])
    elif fmt == "json":
        sys.stdout.write(renderer.render(reports, settings.include_text))
    elif fmt in ("csv", "html"):
        sys.stdout.write(renderer.render(reports if fmt == "csv" else reports[0]))
    return reports


def _pdf_to_stdout(path: str, settings: batch.Settings) -> dict[str, Any]:
    """One PDF letter, analysed here so the annotation can use the words' own boxes."""
    from analyzer.report import pdf

    report = batch.analyse_job(batch.Job(0, path, batch.safe_stem(path)), settings)
    if report.error:
        print(f"offercheck check: {report.error.message}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(pdf.annotate(path, report))
    return report.to_dict()
