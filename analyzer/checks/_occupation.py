"""Reading the matcher's candidates for the occupation rules.

The duties-only NOC ranking is the weakest signal the matcher gives (scores of 0.05-0.4 are
normal for a correct top candidate), and it often ranks the same field's technologist group
first ("22100 chemical technologists" for a chemist's duties).  So the rules compare ranks, not
scores: they ask whether the title's occupation (or its same-field variant at another TEER) is
among the duties' top candidates at all.  Thresholds live in lexicons/check_thresholds.json."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from analyzer.checks._data import display_name, lexicon, norm_id, profession, teer_of
from analyzer.types import NocCandidate

NO_SUPPORT = 0.01  # a duties-only CUSMA score below this is no support at all (0.00 as printed)


def teer_variant(a: str, b: str) -> bool:
    """Same field at another TEER.  In the natural and applied sciences (2) and health (3), NOC 2021
    keeps the field digits (3rd-4th) parallel across TEERs: 21101 chemists / 22100 chemical
    technologists, 21110 biologists / 22110 biological technologists.  Elsewhere the digits do not line
    up (11100 accountants / 13102 payroll administrators are not one field), so only equal codes count."""
    if a == b:
        return True
    return len(a) == len(b) == 5 and a[0] == b[0] and a[0] in "23" and a[2:4] == b[2:4]


def profession_codes(prof: Any) -> set[str]:
    return set(prof.noc_codes) | set(prof.noc_related)


def _cfg(key: str) -> float:
    return float(lexicon("check_thresholds")["occupation"][key])


@dataclass(frozen=True)
class Mismatch:
    message: str
    fix: str
    duties_profession: Any | None  # the profession the duties fit, when one does


def title_codes(title_noc: tuple[NocCandidate, ...], prof: Any | None, narrow: bool = False) -> set[str]:
    """The title's occupation: its own NOC candidate, plus (unless ``narrow``, or when the title has
    no confident NOC) every code of its CUSMA profession."""
    own = {title_noc[0].code} if title_noc and title_noc[0].score >= _cfg("title_noc_min") else set()
    if narrow and own:
        return own
    return own | (profession_codes(prof) if prof is not None else set())


def mismatch(ctx: Any) -> Mismatch | None:
    """The title's occupation and the duties' disagree (profession level first, then NOC)."""
    claimed = ctx.title_profession
    duties = ctx.matches.duties_cusma
    dn, k = ctx.matches.duties_noc, int(_cfg("top_k"))
    codes = title_codes(ctx.matches.title_noc, claimed)
    # The duties' NOC ranking must agree: a dietitian's duties ranked "registered nurse" by the CUSMA
    # model but with 31121 dietitians among the top NOC candidates are not a mismatch.
    noc_supports_title = any(teer_variant(a, c.code) for a in codes for c in dn[:k])
    # the matcher, weighing title and duties together, accepted the title's profession: a duties-only
    # reading near the bar (a health consultant's staffing models as nursing, 0.56-0.60 as the
    # calibrators are refitted) does not overrule it
    fused_agrees = ctx.profession is not None and claimed is not None and norm_id(ctx.profession.id) == norm_id(
        claimed.id)
    if claimed is not None and duties and not noc_supports_title and not fused_agrees:
        top = duties[0]
        other = profession(top.id)
        own = next((c.score for c in duties if norm_id(c.id) == norm_id(claimed.id)), 0.0)
        if other is not None and norm_id(top.id) != norm_id(claimed.id) and top.score >= _cfg(
                "duties_profession_min") and own < _cfg("own_profession_max") and not any(
                teer_variant(a, b) for a in profession_codes(claimed) for b in profession_codes(other)):
            return Mismatch(
                f"The title names {display_name(claimed)}, but the duties fit {display_name(other)} "
                f"(duties: {display_name(other)} {top.score:.2f}, {display_name(claimed)} {own:.2f}).",
                f"Either retitle the position as {display_name(other)} work, or rewrite the duties to describe the "
                f"{display_name(claimed)} work actually done.", other)
    if claimed is not None and duties and duties[0].score >= NO_SUPPORT and norm_id(duties[0].id) == norm_id(claimed.id):
        return None  # the duties' best profession is the title's, however weakly: no contradiction
        # (at 0.00 every profession ties and "best" is only the order of the list)
    unsupported = _profession_unsupported(ctx, claimed, dn, k)
    if unsupported is not None:
        return unsupported
    if not codes or not dn or dn[0].score < _cfg("duties_noc_min") or noc_supports_title:
        return None
    title = ctx.matches.title_noc[0] if ctx.matches.title_noc else None
    what = f"NOC {title.code} ({title.title})" if title and title.code in codes else (
        display_name(claimed) if claimed else "the title's occupation")
    return Mismatch(
        f"The title fits {what}, but the duties fit NOC {dn[0].code} ({dn[0].title}) and none of the duties' "
        f"top {k} occupations is the title's.",
        f"Rewrite the duties to describe {what} work, or retitle the position as NOC {dn[0].code} "
        f"({dn[0].title}) if that is the real job and it is eligible.", None)


def _profession_unsupported(ctx: Any, claimed: Any | None, dn: tuple[NocCandidate, ...], k: int) -> Mismatch | None:
    """The title names a profession, but the duties give it nothing and none of the duties' top NOC
    groups is one of its codes (or a same-field variant): "Sales Engineer" over sales-quota duties.
    The title's own NOC reading (62100 technical sales) agreeing with the duties does not excuse it:
    the letter is filed as the profession, and the duties must show that profession's work."""
    if claimed is None or not dn or dn[0].score < _cfg("duties_noc_min"):
        return None
    if norm_id(claimed.id) in lexicon("check_thresholds")["occupation"]["setting_professions"]:
        return None
    own = next((c.score for c in ctx.matches.duties_cusma if norm_id(c.id) == norm_id(claimed.id)), 0.0)
    codes = profession_codes(claimed)
    if own >= _cfg("own_profession_max") or any(teer_variant(a, c.code) for a in codes for c in dn[:k]):
        return None
    name = display_name(claimed)
    return Mismatch(
        f"The title names {name}, but the duties fit NOC {dn[0].code} ({dn[0].title}) and none of the duties' "
        f"top {k} occupations is {name} work (duties: {name} {own:.2f}).",
        f"Rewrite the duties to describe the {name} work actually done, or retitle the position for what the "
        f"duties describe (NOC {dn[0].code}, {dn[0].title}) if that is the real job and it is eligible.", None)


def below_level(ctx: Any, allowed: int) -> NocCandidate | None:
    """The duties' top NOC candidate when it sits below ``allowed`` TEER and is not the title's
    occupation or a same-field variant of it (that ambiguity the matcher cannot settle)."""
    dn = ctx.matches.duties_noc
    if not dn or dn[0].score < _cfg("below_duties_noc_min"):
        return None
    top = dn[0]
    if teer_of(top.code) <= allowed:
        return None
    # Narrow: an engineer's title fits 21301, and duties that rank 21321 (another engineering group) but not
    # 21301 still mean the duties are not this engineer's.
    codes = title_codes(ctx.matches.title_noc, ctx.title_profession or ctx.profession, narrow=True)
    if not codes:
        return top if teer_of(top.code) >= 4 else None
    if any(c.code in codes for c in dn[:int(_cfg("top_k"))]):
        return None
    if any(teer_variant(a, c.code) for a in codes for c in dn[:int(_cfg("variant_top_k"))]):
        return None
    return top
