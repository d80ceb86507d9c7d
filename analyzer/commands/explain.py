"""``offercheck explain CODE|NAME``: print one rule's documentation (the same text as docs/rules/)."""

from __future__ import annotations

import argparse
import sys

from analyzer.checks import discover, find_rule
from analyzer.checks.docgen import rule_page


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rule", metavar="CODE|NAME", help="a rule code (OC101) or name (vague-duty)")


def run(args: argparse.Namespace) -> int:
    rule = find_rule(args.rule)
    if rule is None:
        known = ", ".join(f"{r.code} {r.name}" for r in discover())
        print(f"offercheck explain: no rule {args.rule!r}; known rules: {known}", file=sys.stderr)
        return 2
    print(rule_page(rule))
    return 0
