"""Title normalisation: abbreviations, gendered forms, level words, inversions, compound titles."""

from __future__ import annotations

import pytest

from analyzer.match.normalise import normalise, split_compound, uninvert


@pytest.mark.parametrize(("raw", "expected"), [
    ("Sr. Software Eng. II", "software engineer"),
    ("Mgr, IT Operations", "information technology operations manager"),
    ("QA Analyst", "quality assurance analyst"),
    ("Registered Nurse (RN)", "registered nurse"),
    ("chairman/woman - government services", "chairperson government services"),
    ("Junior Accountant, Full-Time", "accountant"),
    ("Career Counselor III", "career counsellor"),
])
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_level_word_alone_is_kept() -> None:
    # dropping every word would leave nothing to match
    assert normalise("Senior") == "senior"
    assert normalise("Assistant Professor") == "assistant professor"


def test_uninvert_index_style_only() -> None:
    assert uninvert("engineer, civil") == "civil engineer"
    assert uninvert("manager, sales, marketing and advertising department") == \
        "manager, sales, marketing and advertising department"


def test_split_compound_keeps_whole_first() -> None:
    assert split_compound("Systems Analyst / Developer") == ["Systems Analyst / Developer", "Systems Analyst",
                                                             "Developer"]
    assert split_compound("Hotel Manager - Food and Beverage")[1:] == ["Hotel Manager", "Food and Beverage"]
    assert split_compound("Co-ordinator") == ["Co-ordinator"]
