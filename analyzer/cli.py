"""Command line: ``offercheck COMMAND ...``.  Each command lives in ``analyzer/commands/<name>.py``
with ``add_arguments(parser)`` and ``run(args) -> int``; modules load only when their command runs,
so ``--help`` and start-up stay fast."""

from __future__ import annotations

import argparse
import importlib
import sys

from analyzer import __version__

COMMANDS: dict[str, str] = {
    "check": "check offer letters (PDF, DOCX, TXT) and report findings",
    "match": "match a job title and duties to CUSMA professions and NOC 2021 codes",
    "rules": "list the rules",
    "explain": "show the documentation of one rule",
    "corpora": "show what the bundled reference data holds",
    "serve": "start the local web page on 127.0.0.1",
}


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offercheck",
        description="Pre-screen job-offer letters for CUSMA / CPTPP work-permit refusal causes.",
    )
    parser.add_argument("--version", action="version", version=f"offercheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(_command=name)
        if argv and argv[0] == name:  # only the chosen command's module is imported
            importlib.import_module(f"analyzer.commands.{name}").add_arguments(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 0 for --help/--version, 2 for usage errors
        return int(exc.code or 0)
    if not getattr(args, "_command", None):
        parser.print_help()
        return 2
    module = importlib.import_module(f"analyzer.commands.{args._command}")
    try:
        return int(module.run(args))
    except KeyboardInterrupt:
        print("offercheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
