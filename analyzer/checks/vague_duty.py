"""OC101 vague-duty: a duty statement too generic to show professional work."""

from __future__ import annotations

from collections.abc import Iterator

from analyzer.checks._data import noc_groups, threshold
from analyzer.checks._specificity import measure, words
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.types import Finding

_GOOD_DUTIES = (
    "Analyse business requirements for the claims-processing system and write functional specifications",
    "Design relational data models for the finance data warehouse",
    "Prepare test plans for the payroll system upgrade",
)


class VagueDuty(Rule):
    code = "OC101"
    name = "vague-duty"
    severity = "warning"
    summary = ("A duty statement names no concrete object or domain: generic verbs ('support', 'assist', "
               "'handle') and generic nouns ('tasks', 'projects', 'operations') only.")
    why = ("Officers decide whether the work is professional-level work of the claimed profession from the "
           "duties. A duty that could appear in any job ('support the team in day-to-day operations') proves "
           "nothing, and a letter made of such duties is refused as not showing the profession.")
    bad = Example(title="Computer Systems Analyst",
                  duties=("Support the team in day-to-day operations",) + _GOOD_DUTIES[:2],
                  cusma=(("computer_systems_analyst", 0.9),), noc=(("21222", 0.8),))
    good = Example(title="Computer Systems Analyst", duties=_GOOD_DUTIES,
                   cusma=(("computer_systems_analyst", 0.9),), noc=(("21222", 0.8),))
    options = {
        "check_thresholds.json: vague_specificity": "a duty scoring below this is vague (default 8.0)",
        "check_thresholds.json: vague_idf_min": "words more common than this IDF in NOC duties never count",
        "check_thresholds.json: vague_jargon_weight": (
            "most a word outside the NOC vocabulary adds when it follows a specific or field modifier "
            "('data migration'); the object of an opening action verb ('Draft pleadings') counts in full"),
        "generic_words.json": "generic verbs, nouns and field-level words that never make a duty specific",
        "generic_words.json: action_verbs": "professional verbs (besides NOC's opening verbs) whose object counts",
    }
    references = (
        "IRCC PDI, CUSMA professionals: offer of employment must describe the position's duties",
        "NOC 2021 main duties (Statistics Canada): the vocabulary the score is measured against",
    )

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        cutoff = threshold("vague_specificity")
        for duty in ctx.extraction.duties:
            spec = measure(duty.text)
            if spec.score >= cutoff:
                continue
            what = ("only generic verbs and nouns" if not spec.specific
                    else f"only broad words ({', '.join(spec.specific[:3])})")
            yield self.finding(
                f"Duty '{_short(duty.text)}' is too generic to show professional work: it has {what} and "
                f"no concrete object or domain (specificity {spec.score:.1f} < {cutoff:g}).",
                _fix(ctx, duty.text), duty.evidence)


def _short(text: str, n: int = 80) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _fix(ctx: CheckContext, text: str) -> str:
    """Point at the NOC main duty of the letter's occupation that shares most words with the vague one."""
    model = _nearest_noc_duty(ctx, text)
    example = f" For example, as NOC {model[0]} puts it: '{model[1]}'." if model else ""
    return (f"Rewrite '{_short(text, 60)}' to say what is worked on (the system, structure, sample, client "
            f"problem or product) and the professional method used, or delete it.{example}")


def _nearest_noc_duty(ctx: CheckContext, text: str) -> tuple[str, str] | None:
    codes = [c.code for c in (ctx.matches.noc or ctx.matches.duties_noc)][:1]
    if not codes:
        return None
    group = noc_groups().get(codes[0])
    if group is None or not group.duties:
        return None
    mine = {w.lower() for w in words(text)}
    best = max(group.duties, key=lambda d: len(mine & {w.lower() for w in words(d)}))
    return codes[0], best
