"""``offercheck rules``: list the rule catalogue (table, or ``--format json``)."""

from __future__ import annotations

import argparse
import json

from analyzer.checks import rules


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["text", "json"], default="text", help="table or JSON (default: text)")
    parser.add_argument("--program", choices=["cusma", "cptpp"], help="only the rules that apply to a category")


def run(args: argparse.Namespace) -> int:
    catalogue = rules(args.program)
    if args.format == "json":
        print(json.dumps([r.metadata() for r in catalogue], indent=1, ensure_ascii=False))
        return 0
    rows = [(r.code, r.name, r.severity, ",".join(r.programs), r.summary) for r in catalogue]
    widths = [max(len(row[i]) for row in rows + [("code", "name", "severity", "programs", "")]) for i in range(4)]
    header = ("code", "name", "severity", "programs", "what it flags")
    print("  ".join(h.ljust(w) for h, w in zip(header[:4], widths, strict=True)) + "  " + header[4])
    for row in rows:
        summary = row[4] if len(row[4]) <= 90 else row[4][:89] + "…"
        print("  ".join(c.ljust(w) for c, w in zip(row[:4], widths, strict=True)) + "  " + summary)
    return 0
