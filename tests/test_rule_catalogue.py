"""The rule catalogue: every rule is discovered, documented, and its own examples behave."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analyzer.checks import build_context, discover, find_rule
from analyzer.checks.docgen import index_page, rule_page

REPORT_NAMES = {
    "vague-duty", "vague-phrase", "title-not-listed", "occupation-mismatch", "below-professional-level",
    "self-employment", "permanent-position", "term-too-long", "missing-element", "education-below-minimum",
    "licence-not-mentioned", "excluded-occupation", "citizenship-ineligible", "unfilled-placeholder",
}
PREFIX = {"1": "wording", "2": "occupation", "3": "terms", "4": "qualifications", "5": "completeness", "6": "practice"}
RULES = discover()
DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


def test_every_report_rule_exists_and_codes_are_unique() -> None:
    names = [r.name for r in RULES]
    codes = [r.code for r in RULES]
    assert set(names) >= REPORT_NAMES
    assert len(set(names)) == len(names) and len(set(codes)) == len(codes)
    assert len(RULES) >= 21


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_is_documented(rule) -> None:
    assert re.fullmatch(r"OC[1-6]\d\d", rule.code), rule.code
    assert rule.code[2] in PREFIX
    assert re.fullmatch(r"[a-z]+(-[a-z]+)+", rule.name)
    assert rule.severity in ("error", "warning", "info")
    assert set(rule.programs) <= {"cusma", "cptpp"} and rule.programs
    for attr in ("summary", "why"):
        assert len(getattr(rule, attr)) > 40, f"{rule.name} lacks {attr}"
    assert rule.bad is not None and rule.good is not None, f"{rule.name} lacks examples"
    assert rule.references, f"{rule.name} lacks references"
    assert rule.options, f"{rule.name} documents no options (its data files)"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_bad_example_fires_with_evidence_and_fix(rule) -> None:
    ctx = build_context(rule.bad)
    findings = list(rule().check(ctx))
    assert findings, f"{rule.name}: bad example did not fire"
    for f in findings:
        assert f.rule == rule.name and f.code == rule.code
        assert len(f.fix) > 20 and len(f.message) > 20
        if rule.name != "missing-element":
            assert f.evidence is not None
            assert ctx.document.text[f.evidence.start:f.evidence.end] == f.evidence.text
            assert f.evidence.text.strip()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_good_example_does_not_fire(rule) -> None:
    assert list(rule().check(build_context(rule.good))) == []


def test_find_rule_by_code_or_name() -> None:
    assert find_rule("OC101").name == "vague-duty"
    assert find_rule("vague-duty").code == "OC101"
    assert find_rule("oc502").name == "unfilled-placeholder"
    assert find_rule("no-such-rule") is None


def test_docs_are_generated_from_the_rules() -> None:
    """docs/rules/ must be what docgen writes now (run `make docs` after editing a rule)."""
    assert (DOCS / "README.md").read_text(encoding="utf-8") == index_page(RULES)
    for rule in RULES:
        page = DOCS / f"{rule.code}-{rule.name}.md"
        assert page.read_text(encoding="utf-8") == rule_page(rule), f"{page.name} is stale"
