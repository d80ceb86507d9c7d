"""OC605 technician-without-supervisor: a Scientific Technician/Technologist with no supervising
professional in a listed science named."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from analyzer.checks._data import lexicon, norm_id
from analyzer.checks.base import CheckContext, Example, Rule
from analyzer.types import Finding

_ST = {"cusma": (("scientific_technician_technologist", 0.85),), "noc": (("22101", 0.8),)}
_DUTIES = ("Calibrate the X-ray diffractometer and run mineral phase analyses",
           "Prepare polished thin sections of drill core")


class TechnicianWithoutSupervisor(Rule):
    code = "OC605"
    name = "technician-without-supervisor"
    severity = "warning"
    programs = ("cusma",)
    summary = ("A Scientific Technician/Technologist offer that names no supervising professional in "
               "agricultural sciences, astronomy, biology, chemistry, engineering, forestry, geology, "
               "geophysics, meteorology or physics.")
    why = ("The Appendix 2 footnote allows the category only in direct support of professionals in those "
           "sciences; IRCC guidance says the supervising professional must be identified and qualify.")
    bad = Example(title="Geological Technologist", duties=_DUTIES, **_ST)
    good = Example(title="Geological Technologist", duties=_DUTIES,
                   paragraphs=("You will work under the direct supervision of Dr. Maria Lopez, P.Geo., Senior "
                               "Geologist, in support of the exploration research program.",), **_ST)
    options = {"supervision.json": "supervision wording, professional titles, and how close they must be"}
    references = ("CUSMA Appendix 2 footnote on Scientific Technician/Technologist",
                  "IRCC PDI note (NAFTA Working Group guidance, Dec. 2001)")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        data = lexicon("supervision")
        prof = ctx.titled_profession
        if prof is None or norm_id(prof.id) not in data["professions"]:
            return
        if _supervisor_named(ctx.body_text, data):
            return
        yield self.finding(
            "The letter names no supervising professional in a listed science; a Scientific "
            "Technician/Technologist must work in direct support of one.",
            "Name the supervising professional and the work supported, e.g. 'You will work under the direct "
            "supervision of Dr. Maria Lopez, P.Geo., Senior Geologist, in support of the exploration research "
            "program.'",
            ctx.anchor())


def _supervisor_named(text: str, data: dict[str, Any]) -> bool:
    """A listed professional named just after supervision wording ('under the supervision of Dr. ...')
    or just before wording that follows the supervisor ('Dr. Lopez, P.Geo., will supervise you')."""
    window = int(data["window"])
    for m in re.finditer(data["supervision"], text, re.IGNORECASE):
        if re.search(data["professionals"], text[m.end():m.end() + window], re.IGNORECASE):
            return True
    for m in re.finditer(data.get("supervision_before", r"(?!x)x"), text, re.IGNORECASE):
        if re.search(data["professionals"], text[max(0, m.start() - window):m.start()], re.IGNORECASE):
            return True
    return False
