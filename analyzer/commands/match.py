"""``offercheck match``: rank CUSMA professions and NOC 2021 codes for a title and duties, without a
letter; or, with ``--input``, for every record of a CSV/JSONL file (one JSON line per record)."""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from analyzer.report.text import SHOWN_MIN
from analyzer.types import Matches

_DUTY_SPLIT = re.compile(r"\s*(?:\r?\n|;)\s*")


class BadInput(Exception):
    """A positions file that cannot be read; the message names the file and the reason."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--title", help="the job title, e.g. \"Senior Systems Analyst\"")
    parser.add_argument("--duty", action="append", default=[], metavar="TEXT",
                        help="one duty (repeat for several)")
    parser.add_argument("--duties-file", metavar="F", help="a text file with one duty per line")
    parser.add_argument("--context", metavar="TEXT", help="what the employer does (helps vague titles)")
    parser.add_argument("--input", metavar="FILE",
                        help="CSV or JSONL of positions (id, title, duties separated by newlines or ';')")
    parser.add_argument("--format", choices=("json", "text"), default=None,
                        help="output format (default: text for one position, JSON lines for --input)")


def split_duties(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [d for d in _DUTY_SPLIT.split(str(value or "")) if d]


def read_positions(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a .csv or .jsonl file as dicts with id, title, duties (list)."""
    if not path.is_file():
        raise BadInput(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".jsonl", ".json"):
        raise BadInput(f"{path}: unsupported file type {suffix or '(none)'}; use .csv or .jsonl")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (UnicodeDecodeError, OSError) as exc:
        raise BadInput(f"{path}: cannot be read as UTF-8 text ({exc.__class__.__name__})") from exc
    if suffix == ".csv":
        reader = csv.DictReader(text.splitlines())
        if not reader.fieldnames or "title" not in reader.fieldnames and "duties" not in reader.fieldnames:
            raise BadInput(f"{path}: the CSV needs a header with columns id, title, duties")
        rows: Iterator[dict[str, Any]] = iter(reader)
    else:
        rows = _jsonl(path, text)
    for n, row in enumerate(rows, start=1):
        yield {"id": row.get("id") or str(n), "title": (row.get("title") or "").strip(),
               "duties": split_duties(row.get("duties")), "context": row.get("context")}


def _jsonl(path: Path, text: str) -> Iterator[dict[str, Any]]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadInput(f"{path}: line {n} is not valid JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise BadInput(f"{path}: line {n} is not a JSON object")
        yield row


def to_json(m: Matches, record_id: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {} if record_id is None else {"id": record_id}
    out |= {"cusma": [c.to_dict() for c in m.cusma], "noc": [c.to_dict() for c in m.noc],
            "title_noc": [c.code for c in m.title_noc[:5]], "duties_noc": [c.code for c in m.duties_noc[:5]],
            "title_cusma": [c.id for c in m.title_cusma[:3]], "duties_cusma": [c.id for c in m.duties_cusma[:3]],
            "agreement": m.agreement}
    return out


NOISE = SHOWN_MIN  # candidates scored 0.00 as printed are not listed in text: their order is noise


def to_text(m: Matches, acceptance: float) -> str:
    lines = [f"CUSMA professions (accepted at score >= {acceptance:.2f})",
             f"  {'rank':<5}{'score':>6}  {'basis':<7} profession"]
    shown = [c for c in m.cusma if c.score >= NOISE]
    for i, c in enumerate(shown, start=1):
        mark = "*" if c.score >= acceptance else " "
        lines.append(f"  {i:<5}{c.score:>6.2f}{mark} {c.basis:<7} {c.name} [{c.id}]")
    if len(shown) < len(m.cusma):  # their order among themselves means nothing
        lines.append(f"  ({len(m.cusma) - len(shown)} {'more ' if shown else ''}at 0.00 not shown)")
    if not any(c.score >= acceptance for c in m.cusma):
        lines.append("  no CUSMA profession reaches the acceptance score")
    lines += ["", "NOC 2021 unit groups", f"  {'rank':<5}{'score':>6}  {'basis':<7} {'code':<6} TEER  title"]
    nocs = [n for i, n in enumerate(m.noc[:10]) if i < 5 or n.score >= NOISE]
    for i, n in enumerate(nocs, start=1):
        lines.append(f"  {i:<5}{n.score:>6.2f}  {n.basis:<7} {n.code:<6} {n.teer:<5} {n.title}")
    if m.agreement is not None:
        t = m.title_noc[0].code if m.title_noc else "-"
        d = m.duties_noc[0].code if m.duties_noc else "-"
        # agreement is by minor group among the top candidates, so say why when the first codes differ
        why = "" if not m.agreement or t == d else "; one's group is among the other's top candidates"
        lines += ["", f"Title and duties {'agree' if m.agreement else 'DISAGREE'} (title -> {t}, duties -> {d}{why})"]
    return "\n".join(lines)


def _one(args: argparse.Namespace) -> int:
    from analyzer.match import acceptance, match

    duties = list(args.duty)
    if args.duties_file:
        try:
            duties += [ln.strip(" \t-•*") for ln in Path(args.duties_file).read_text(encoding="utf-8").splitlines()
                       if ln.strip(" \t-•*")]
        except (OSError, UnicodeDecodeError) as exc:
            print(f"offercheck match: {args.duties_file}: cannot be read ({exc.__class__.__name__})", file=sys.stderr)
            return 2
    if not (args.title or "").strip() and not duties:
        print("offercheck match: give --title, --duty/--duties-file, or --input FILE", file=sys.stderr)
        return 2
    m = match(args.title, duties, args.context)
    if args.format == "json":
        print(json.dumps(to_json(m), ensure_ascii=False))
    else:
        print(to_text(m, acceptance()))
    return 0


def _many(args: argparse.Namespace) -> int:
    from analyzer.match import match

    try:
        records = list(read_positions(Path(args.input)))
        if not records:
            raise BadInput(f"{args.input}: no positions in the file")
    except BadInput as exc:
        print(f"offercheck match: {exc}", file=sys.stderr)
        return 2
    for rec in records:
        m = match(rec["title"], rec["duties"], rec["context"])
        print(json.dumps(to_json(m, str(rec["id"])), ensure_ascii=False))
    return 0


def run(args: argparse.Namespace) -> int:
    return _many(args) if args.input else _one(args)
