"""RuleConfig: select/ignore/severity by code prefix or name, config files, and the baseline."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer import config
from analyzer.checks import Example, build_context, run
from analyzer.config import RuleConfig

BAD = Example(title="IT Project Manager",
              duties=("Support the team in day-to-day operations",
                      "Analyse business requirements for the claims-processing system"),
              paragraphs=("Perform other duties as assigned.",),
              cusma=(("computer_systems_analyst", 0.9),), noc=(("21222", 0.8),))


def rules_of(cfg: RuleConfig | None) -> list[tuple[str, str]]:
    return [(f.rule, f.severity) for f in run(build_context(BAD), cfg)]


def test_defaults_fire_every_rule() -> None:
    found = {r for r, _ in rules_of(None)}
    assert {"vague-duty", "vague-phrase", "scrutinised-title", "missing-element"} <= found


def test_select_and_ignore_by_prefix_and_name() -> None:
    assert {r for r, _ in rules_of(RuleConfig(select=("OC1",)))} == {"vague-duty", "vague-phrase"}
    got = {r for r, _ in rules_of(RuleConfig(select=("OC1", "scrutinised-title"), ignore=("OC102",)))}
    assert got == {"vague-duty", "scrutinised-title"}


def test_severity_override_most_specific_wins() -> None:
    cfg = RuleConfig(select=("OC1", "OC60"), severity={"OC1": "info", "vague-phrase": "error", "OC6": "error"})
    assert dict(rules_of(cfg)) == {"vague-duty": "info", "vague-phrase": "error", "scrutinised-title": "error",
                                   "title-not-profession-name": "error"}


def test_pyproject_and_offercheck_toml(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.offercheck]\nselect = ["OC6"]\n'
                                             'severity = { "OC602" = "info" }\n', encoding="utf-8")
    cfg = config.load(tmp_path)
    assert sorted(rules_of(cfg)) == [("scrutinised-title", "info"), ("title-not-profession-name", "warning")]
    (tmp_path / "offercheck.toml").write_text('ignore = ["OC5"]\n', encoding="utf-8")
    assert config.load(tmp_path).ignore == ("OC5",)  # offercheck.toml is read first
    assert config.load(tmp_path / "pyproject.toml").select == ("OC6",)
    assert config.load(tmp_path / "nowhere") == RuleConfig()


def test_bad_severity_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "offercheck.toml").write_text('severity = { "OC1" = "fatal" }\n', encoding="utf-8")
    with pytest.raises(ValueError, match="fatal"):
        config.load(tmp_path)


def test_merged_command_line_wins() -> None:
    base = RuleConfig(select=("OC1",), ignore=("OC101",))
    merged = base.merged(select=["OC6"], ignore=["OC602"])
    assert merged.select == ("OC6",) and merged.ignore == ("OC101", "OC602")
    assert base.merged().select == ("OC1",)


def test_baseline_silences_one_finding_until_the_letter_changes(tmp_path: Path) -> None:
    ctx = build_context(BAD)
    findings = run(ctx)
    phrase = next(f for f in findings if f.rule == "vague-phrase")
    path = tmp_path / "baseline.json"
    assert config.write_baseline(path, [(ctx.document, phrase)]) == 1
    (tmp_path / "offercheck.toml").write_text(f'baseline = "{path.name}"\n', encoding="utf-8")
    cfg = config.load(tmp_path)
    after = run(ctx, cfg)
    assert phrase not in after and len(after) == len(findings) - 1
    edited = build_context(Example(**{**BAD.__dict__, "paragraphs": ("Perform other duties as assigned!",)}))
    assert any(f.rule == "vague-phrase" for f in run(edited, cfg))  # new text, new hash
