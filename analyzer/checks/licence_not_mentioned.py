"""OC402 licence-not-mentioned: a profession regulated in the worksite's province, offered with no
licence or registration requirement."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from analyzer.checks._data import display_name, lexicon, norm_id
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.types import Finding

_DUTIES = ("Design reinforced concrete foundations for three-storey commercial buildings",)
_ENG = {"cusma": (("engineer", 0.9),), "noc": (("21300", 0.8),)}

PROVINCE_NAMES = {
    "ontario": "ON", "quebec": "QC", "québec": "QC", "british columbia": "BC", "alberta": "AB",
    "manitoba": "MB", "saskatchewan": "SK", "nova scotia": "NS", "new brunswick": "NB",
    "newfoundland": "NL", "prince edward island": "PE", "yukon": "YT", "nunavut": "NU",
    "northwest territories": "NT",
}


class LicenceNotMentioned(Rule):
    code = "OC402"
    name = "licence-not-mentioned"
    severity = "warning"
    summary = ("The profession is regulated in the worksite's province (e.g. engineers, nurses, architects) but "
               "the letter says nothing about a licence or registration.")
    why = ("For regulated professions the officer must be satisfied the applicant has or can obtain the "
           "licence needed to do the work; a letter silent on it invites a refusal or a request for evidence.")
    bad = Example(title="Structural Engineer", duties=_DUTIES,
                  fields={"worksite": {"city": "Toronto", "province": "ON"}}, **_ENG)
    good = Example(title="Structural Engineer", duties=_DUTIES,
                   fields={"worksite": {"city": "Toronto", "province": "ON"},
                           "licence": "P.Eng. licence with Professional Engineers Ontario (or eligibility for it)"},
                   **_ENG)
    options = {"regulated_professions.json": "regulated professions by province, regulators, designations"}
    references = ("IRCC PDI, CUSMA professionals: licensing of regulated professions",
                  "IRCC PDI, CPTPP: licensing or certification where the occupation is regulated")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        prof = ctx.claimed_profession
        data = lexicon("regulated_professions")
        rule = data["professions"].get(norm_id(prof.id)) if prof else None
        if rule is None or ctx.extraction.field("licence"):
            return
        province = _province(ctx)
        if not _regulated_in(rule, province):
            return
        if re.search(data["licence_words"], ctx.body_text, re.IGNORECASE):
            return
        if rule.get("only_if_words") and not re.search(rule["only_if_words"], ctx.body_text, re.IGNORECASE):
            return
        body = rule["body"].get(province or "", rule["body"]["default"])
        where = f" in {province}" if province else ""
        yield self.finding(
            f"{display_name(prof)} is a regulated profession{where}, but the letter does not mention a licence or "
            "registration.",
            f"Add: 'This position requires licensure as {rule['designation']} with {body}; you must hold it, or "
            "obtain it within the period the regulator allows, before performing regulated work.'",
            ctx.anchor())


def _province(ctx: CheckContext) -> str | None:
    site = ctx.extraction.field("worksite")
    if isinstance(site, dict) and site.get("province"):
        return str(site["province"]).upper()
    address = str(ctx.extraction.field("employer_address") or "")
    m = re.search(r"\b(ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|YT|NU|NT)\b", address)
    if m:
        return m.group(1)
    low = address.lower()
    return next((code for name, code in PROVINCE_NAMES.items() if name in low), None)


def _regulated_in(rule: dict[str, Any], province: str | None) -> bool:
    provinces = rule["provinces"]
    if provinces == "all":
        return True
    return province in provinces if province else False
