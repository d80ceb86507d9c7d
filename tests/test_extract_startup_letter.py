"""A start-up's plain-text offer: no date line (the web/address line under the name is still the
letterhead), headings without a colon, a salary left to be confirmed beside a learning stipend,
and the degree under "What we need from you" with its purpose cut off."""

from __future__ import annotations

from pathlib import Path

from analyzer.extract import extract
from analyzer.ingest import read
from analyzer.segment import segment

LETTER = """Fernhollow Robotics
fernhollow.ai | 40 Wellington Street East, Suite 300, Ottawa, ON K1P 5E9

Hi Robin,

Fernhollow Robotics designs autonomous floor-cleaning robots for hospitals and airports. We'd love for you to join us as a Perception Engineer on the navigation team.

What you'll do
- Train segmentation models on lidar and camera data
- Tune localisation filters for crowded concourses
- Review field logs from pilot sites

What we offer
- Base salary: to be confirmed once your level is set
- A $1,800 annual conference and learning stipend
- Start date: September 13, 2027

What we need from you
- A master's degree in electrical engineering, robotics or a related field, so that you can take on our research backlog from day one

This is a permanent, full-time role.

Cheers,
Noor Haddad
CEO, Fernhollow Robotics Inc.
"""


def test_startup_letter_in_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "offer.txt"
    path.write_text(LETTER, encoding="utf-8")
    layout = segment(read(path))
    assert [b.kind for b in layout.blocks[:2]] == ["letterhead", "letterhead"]
    ex = extract(layout)
    assert ex.title is not None and ex.title.value == "Perception Engineer"
    assert len(ex.duties) == 3
    assert ex.field("employer_address") == "40 Wellington Street East, Suite 300, Ottawa, ON K1P 5E9"
    assert ex.field("worksite") == {"city": "Ottawa", "province": "ON"}
    assert ex.field("wage") is None  # the salary is not set yet; the stipend is not a wage
    assert ex.field("start_date") == "2027-09-13"
    assert ex.field("education") == "master's degree in electrical engineering, robotics or a related field"
    assert ex.field("permanent") is True
    assert ex.field("employer_business") == ("Fernhollow Robotics designs autonomous floor-cleaning robots for "
                                             "hospitals and airports")
