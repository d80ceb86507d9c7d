"""Job title: labelled lines, subject lines, prose cues, headings, and their priority."""

from __future__ import annotations

import pytest

from analyzer.extract import extract
from tests.extract_helpers import layout


def title_of(*blocks: tuple) -> str | None:
    ex = extract(layout(*blocks))
    if ex.title is None:
        return None
    # The evidence must point at the title's own words in the document text.
    assert ex.title.evidence is not None
    assert " ".join(ex.title.evidence.text.split()) == ex.title.value
    return ex.title.value


@pytest.mark.parametrize("label", ["Position:", "Job Title:", "Title:", "Role:", "Position Title:"])
def test_labelled_line(label: str) -> None:
    assert title_of(("paragraph", "We are pleased to offer you employment."),
                    ("paragraph", f"{label} Computer Systems Analyst")) == "Computer Systems Analyst"


def test_label_in_a_joined_block_and_noc_tail_dropped() -> None:
    text = "Start Date: January 15, 2027\nPosition: Senior Data Analyst (NOC 21223)\nHours: 40 per week"
    assert title_of(("paragraph", text)) == "Senior Data Analyst"


@pytest.mark.parametrize(("sentence", "title"), [
    ("We are pleased to offer you the position of Computer Systems Analyst with Maple Inc.",
     "Computer Systems Analyst"),
    ("On behalf of Maple Inc., I am delighted to offer you employment as a Mechanical Engineer.",
     "Mechanical Engineer"),
    ("Maple Inc. is pleased to invite you to join us as an Industrial Designer in our Toronto office.",
     "Industrial Designer"),
    ("You will work in the role of Director of Research and Development at our Toronto office.",
     "Director of Research and Development"),
    ("We are delighted to welcome you as our new Lead Statistician, effective March 1, 2027.",
     "Lead Statistician"),
    ("We offer you employment as a senior accountant with our finance team.", "senior accountant"),
    ("We are pleased to offer you the position of \u201cWindows Systems Engineer\u201d with us.",
     "Windows Systems Engineer"),
])
def test_prose_cues(sentence: str, title: str) -> None:
    assert title_of(("paragraph", sentence)) == title


def test_prose_title_wrapped_over_two_lines() -> None:
    text = "We are pleased to offer you the position of Senior Computer\nSystems Analyst with Maple Inc."
    assert title_of(("paragraph", text)) == "Senior Computer Systems Analyst"


@pytest.mark.parametrize("subject", [
    "Re: Offer of Employment \u2013 Graphic Designer",
    "RE: Offer of Employment - Graphic Designer",
    "Subject: Employment Offer \u2013 Graphic Designer",
    "Re: Graphic Designer \u2013 Offer of Employment",
])
def test_subject_line(subject: str) -> None:
    assert title_of(("subject", subject), ("paragraph", "Welcome aboard.")) == "Graphic Designer"


def test_subject_without_title_gives_no_candidate() -> None:
    assert title_of(("subject", "Re: Offer of Employment"), ("paragraph", "Welcome aboard.")) is None


def test_label_beats_subject_and_prose() -> None:
    got = title_of(("subject", "Re: Offer of Employment - Analyst"),
                   ("paragraph", "We are pleased to offer you the position of Data Analyst with Maple."),
                   ("paragraph", "Position: Senior Data Analyst"))
    assert got == "Senior Data Analyst"


def test_heading_is_the_last_resort_and_section_names_are_not_titles() -> None:
    assert title_of(("heading", "Compensation"), ("paragraph", "You will be paid well.")) is None
    assert title_of(("heading", "Biostatistician"), ("heading", "Duties"),
                    ("list_item", "\u2022 Analyse trial data", "\u2022")) == "Biostatistician"


@pytest.mark.parametrize(("blocks", "title"), [
    ((("paragraph", "Position: Computer Systems Analyst, Full-Time"),), "Computer Systems Analyst"),
    ((("paragraph", "Job Title: Data Analyst (Temporary)"),), "Data Analyst"),
    ((("paragraph", "We are pleased to offer you a full-time position as a Software Developer."),),
     "Software Developer"),
    ((("paragraph", "We invite you to join Maple Analytics Inc. as a Data Scientist in Toronto."),), "Data Scientist"),
])
def test_employment_type_tails_and_more_cues(blocks: tuple, title: str) -> None:
    assert title_of(*blocks) == title


def test_subject_naming_the_candidate_is_not_a_title() -> None:
    assert title_of(("addressee", "Jane Doe\n12 Main Street"), ("subject", "Re: Offer of Employment - Jane Doe"),
                    ("salutation", "Dear Jane Doe,"),
                    ("paragraph", "We are pleased to offer you the position of Economist.")) == "Economist"


def test_offer_heading_without_re_prefix() -> None:
    assert title_of(("heading", "Offer of Employment \u2013 Data Scientist"),
                    ("paragraph", "Welcome to the team.")) == "Data Scientist"
    assert title_of(("heading", "OFFER OF EMPLOYMENT"), ("paragraph", "Welcome to the team.")) is None


def test_title_line_of_the_signature_block_is_not_the_job_title() -> None:
    assert title_of(("paragraph", "We are pleased to offer you the position of Economist."),
                    ("signature", "Sincerely,\nName: Sarah Thompson\nTitle: Director, Human Resources")) == "Economist"
    assert title_of(("paragraph", "We are pleased to offer you the position of Economist."),
                    ("paragraph", "Yours truly,"), ("paragraph", "Title: Director, Human Resources")) == "Economist"


@pytest.mark.parametrize(("sentence", "title"), [
    ("We offer you the position of Manager, Quality Assurance, reporting to the COO.", "Manager, Quality Assurance"),
    ("We offer you the position of Director, Finance.", "Director, Finance"),
    ("We offer you the position of Analyst, Toronto office.", "Analyst"),
    ("We offer you the position of Analyst, Maple Inc.", "Analyst"),
    ("Your title will be Lead UX Designer.", "Lead UX Designer"),
    ("You will be employed in the capacity of Quality Assurance Analyst.", "Quality Assurance Analyst"),
    ("Maple Inc. hereby offers you employment as an Engineer-in-Training (EIT).", "Engineer-in-Training"),
])
def test_comma_titles_and_more_prose_cues(sentence: str, title: str) -> None:
    assert title_of(("paragraph", sentence)) == title
