"""Which rules run and how severe their findings are: :class:`RuleConfig`.

Read from ``[tool.offercheck]`` in ``pyproject.toml`` or from ``offercheck.toml`` (top-level keys)
in the working directory or a given path; the command line adds to it.  Keys:

    select = ["OC1", "OC3", "title-not-listed"]   # code prefixes or rule names; default: all
    ignore = ["OC602", "vague-phrase"]            # wins over select
    severity = {"OC6" = "error", "licence-not-mentioned" = "info"}
    baseline = "offercheck-baseline.json"         # silenced findings, see below

A baseline silences one finding in one letter: its key is the SHA-256 of the letter's text
(so it stops applying as soon as the letter is edited), the rule name and the evidence text."""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from analyzer.types import SEVERITY_RANK, Document, Finding

CONFIG_FILES = ("offercheck.toml", "pyproject.toml")


@dataclass(frozen=True)
class RuleConfig:
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    baseline: frozenset[tuple[str, str, str]] = frozenset()  # (text sha256, rule, evidence text)

    def enabled(self, code: str, name: str) -> bool:
        if any(_matches(sel, code, name) for sel in self.ignore):
            return False
        return not self.select or any(_matches(sel, code, name) for sel in self.select)

    def severity_for(self, code: str, name: str, default: str) -> str:
        """The override whose selector is most specific (exact name, then longest code prefix)."""
        best, best_len = default, -1
        for sel, sev in self.severity.items():
            if sel.lower() == name:
                return sev
            if code.upper().startswith(sel.upper()) and len(sel) > best_len:
                best, best_len = sev, len(sel)
        return best

    def silenced(self, document: Document, finding: Finding) -> bool:
        return bool(self.baseline) and baseline_key(document, finding) in self.baseline

    def merged(self, select: Iterable[str] = (), ignore: Iterable[str] = (),
               severity: Mapping[str, str] | None = None) -> RuleConfig:
        """This configuration with command-line choices added (command line wins)."""
        return replace(self, select=tuple(select) or self.select, ignore=self.ignore + tuple(ignore),
                       severity={**self.severity, **(severity or {})})


def _matches(selector: str, code: str, name: str) -> bool:
    s = selector.strip()
    return s.upper() == "ALL" or s.lower() == name or (bool(s) and code.upper().startswith(s.upper()))


def _key(text: str, rule: str, evidence_text: str) -> tuple[str, str, str]:
    return hashlib.sha256(text.encode("utf-8")).hexdigest(), rule, evidence_text


def baseline_key(document: Document, finding: Finding) -> tuple[str, str, str]:
    return _key(document.text, finding.rule, finding.evidence.text if finding.evidence else "")


def report_baseline_keys(report: Mapping[str, Any]) -> set[tuple[str, str, str]]:
    """Baseline keys of a report dict made with ``include_text`` (the form batch runs return)."""
    if report.get("status") != "ok" or "text" not in report:
        return set()
    return {_key(report["text"], f["rule"], (f["evidence"] or {}).get("text", "")) for f in report["findings"]}


def write_baseline(path: str | Path, items: Iterable[tuple[Document, Finding]] | Iterable[tuple[str, str, str]]) -> int:
    """Write every (letter, finding) pair, or ready baseline keys, as silenced; returns the count."""
    keys = {item if isinstance(item[0], str) else baseline_key(*item) for item in items}
    data = [{"sha256": h, "rule": r, "evidence": e} for h, r, e in sorted(keys)]
    Path(path).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return len(data)


def read_baseline(path: str | Path) -> frozenset[tuple[str, str, str]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return frozenset((d["sha256"], d["rule"], d.get("evidence", "")) for d in data)


def from_mapping(data: Mapping[str, Any], base_dir: Path | None = None) -> RuleConfig:
    """A RuleConfig from the ``[tool.offercheck]`` table (or an offercheck.toml document)."""
    for sev in dict(data.get("severity", {})).values():
        if sev not in SEVERITY_RANK:
            raise ValueError(f"offercheck config: unknown severity {sev!r} (use error, warning or info)")
    baseline: frozenset[tuple[str, str, str]] = frozenset()
    if data.get("baseline"):
        bpath = Path(data["baseline"])
        if not bpath.is_absolute() and base_dir is not None:
            bpath = base_dir / bpath
        if bpath.exists():
            baseline = read_baseline(bpath)
    return RuleConfig(select=tuple(data.get("select", ())), ignore=tuple(data.get("ignore", ())),
                      severity=dict(data.get("severity", {})), baseline=baseline)


def load(path: str | Path | None = None) -> RuleConfig:
    """Configuration from ``path`` (a TOML file or a directory holding one), else the working
    directory; no file means every rule at its default severity."""
    where = Path(path) if path is not None else Path.cwd()
    candidates = [where] if where.is_file() else [where / name for name in CONFIG_FILES]
    for candidate in candidates:
        if not candidate.exists():
            continue
        data = tomllib.loads(candidate.read_text(encoding="utf-8"))
        if candidate.name == "pyproject.toml":
            data = data.get("tool", {}).get("offercheck")
            if data is None:
                continue
        return from_mapping(data, candidate.parent)
    return RuleConfig()
