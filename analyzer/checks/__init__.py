"""The refusal-cause rules: one module per rule, discovered automatically (see ``base.py``).

``run(ctx, config)`` runs every rule that applies to ``ctx.program`` and is enabled by
``config``, applies severity overrides and the baseline, and returns findings in letter order."""

from __future__ import annotations

import logging

from analyzer.checks.base import CheckContext, Example, Rule, build_context, discover, find_rule
from analyzer.config import RuleConfig
from analyzer.types import Finding

log = logging.getLogger(__name__)

__all__ = ["CheckContext", "Example", "Rule", "build_context", "discover", "find_rule", "rules", "run"]


def rules(program: str | None = None) -> list[type[Rule]]:
    """The catalogue, optionally only the rules that apply to ``program``."""
    return [r for r in discover() if program is None or program in r.programs]


def run(ctx: CheckContext, config: RuleConfig | None = None) -> list[Finding]:
    config = config or RuleConfig()
    findings: list[Finding] = []
    for rule_cls in rules(ctx.program):
        if not config.enabled(rule_cls.code, rule_cls.name):
            continue
        for finding in _checked(rule_cls, ctx):
            severity = config.severity_for(finding.code, finding.rule, finding.severity)
            if severity != finding.severity:
                finding = Finding(rule=finding.rule, code=finding.code, severity=severity,  # type: ignore[arg-type]
                                  message=finding.message, fix=finding.fix, evidence=finding.evidence)
            if not config.silenced(ctx.document, finding):
                findings.append(finding)
    findings.sort(key=lambda f: (f.evidence.start if f.evidence else -1, f.code))
    return findings


def _checked(rule_cls: type[Rule], ctx: CheckContext) -> list[Finding]:
    """A rule's findings; a bug in one rule is logged and costs only that rule's findings, not the
    letter's whole report (the tests run every rule on empty and odd letters to keep this rare)."""
    try:
        return list(rule_cls().check(ctx))
    except Exception:  # noqa: BLE001 - isolate one rule's failure from the others
        log.exception("rule %s %s failed on %s", rule_cls.code, rule_cls.name, ctx.document.source)
        return []
