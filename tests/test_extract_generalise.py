"""Letters written unlike the generator's: terms as list items and "Label: value" lines, duties
under other headings or in prose, titles in prose, credential spans that stop at the clause end."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from analyzer.extract import extract
from analyzer.ingest import read
from analyzer.segment import segment
from tests.extract_helpers import layout
from tests.pdfs import L, flow_pdf

D = "-"


def _items(*texts: str, marker: str = D) -> list[tuple[str, str, str]]:
    return [("list_item", f"{marker} {t}", marker) for t in texts]


def test_terms_list_is_read_as_terms_and_never_as_duties() -> None:
    ex = extract(layout(
        ("paragraph", "Hi Sam, here is the short version of what we discussed:"),
        *_items("Start: March 1, 2027", "Term: 2 years", "Pay: $98,500/yr", "Hours: 37.5/week",
                "Education: Bachelor of Engineering or similar"),
        ("paragraph", "What you'll be doing:"),
        *_items("Build ingestion pipelines for sensor data", "Tune warehouse queries", "Review schema changes"),
    ))
    assert [d.text for d in ex.duties] == [
        "Build ingestion pipelines for sensor data", "Tune warehouse queries", "Review schema changes"]
    assert ex.field("start_date") == "2027-03-01"
    assert ex.field("term_months") == 24
    assert ex.field("hours_per_week") == 37.5
    assert ex.field("wage")["amount"] == 98500.0 and ex.field("wage")["period"] == "year"
    assert ex.field("education") == "Bachelor of Engineering or similar"


def test_bulleted_terms_after_the_duties_are_read() -> None:
    ex = extract(layout(
        ("heading", "Responsibilities"),
        *_items("Calibrate field instruments", "Log survey readings", "Draft inspection summaries", marker="\u2022"),
        ("heading", "Terms"),
        *_items("Duration: 18 months", "Salary: $84,250 annually", "40 hours/week", marker="\u2022"),
    ))
    assert len(ex.duties) == 3
    assert ex.field("term_months") == 18
    assert ex.field("wage")["amount"] == 84250.0
    assert ex.field("hours_per_week") == 40.0


@pytest.mark.parametrize(("text", "hours"), [
    ("Your regular work week is 35 hours, Monday to Friday.", 35.0),
    ("Hours: 37.5 per week", 37.5),
    ("Hours of work: 40/week", 40.0),
])
def test_hours_written_other_ways(text: str, hours: float) -> None:
    assert extract(layout(("paragraph", text))).field("hours_per_week") == hours


def test_an_engagement_that_lasts_n_months_has_that_term() -> None:
    ex = extract(layout(("paragraph", "The assignment begins on May 3, 2027 and will last 9 months.")))
    assert ex.field("term_months") == 9


def test_experience_years_are_not_the_term() -> None:
    ex = extract(layout(("paragraph", "The position requires 5 years of experience in payroll.")))
    assert ex.field("term_months") is None


def test_intro_set_as_a_heading_under_an_unlisted_role_heading() -> None:
    ex = extract(layout(
        ("heading", "Your Role"),
        ("heading", "As a Strategy Analyst you will:"),
        *_items("Support partners on client mandates", "Help with assorted projects when they arise",
                "Sit in on meetings and draft documents as needed", marker="\u2022"),
        ("heading", "Compensation"),
        ("paragraph", "Your salary will be $90,000 per year."),
    ))
    assert [d.text for d in ex.duties] == ["Support partners on client mandates",
                                           "Help with assorted projects when they arise",
                                           "Sit in on meetings and draft documents as needed"]


def test_a_colon_line_before_verb_items_opens_the_duties_even_after_a_longer_terms_list() -> None:
    ex = extract(layout(
        ("paragraph", "Some specifics:"),
        *_items("Salary: $70,000 per year", "Hours: 35 per week", "Location: Regina, SK", "Benefits: group plan"),
        ("paragraph", "Day to day you'd be on the hook for:"),
        *_items("Reconcile vendor statements", "Prepare month-end accruals"),
    ))
    assert [d.text for d in ex.duties] == ["Reconcile vendor statements", "Prepare month-end accruals"]


def test_schedule_heading_naming_a_job_description_opens_the_duties() -> None:
    ex = extract(layout(
        ("paragraph", "We are pleased to offer you the position of Chemist."),
        ("heading", "Appendix B \u2013 Job Description"),
        *_items("Formulate adhesive blends", "Run tensile and peel tests", marker="1."),
    ))
    assert [d.text for d in ex.duties] == ["Formulate adhesive blends", "Run tensile and peel tests"]


def test_prose_duties_with_no_heading_one_per_sentence() -> None:
    ex = extract(layout(
        ("paragraph", "We would like you to come on board as our Hydrologist in Kamloops."),
        ("paragraph", "In this position you will build groundwater flow models for the basin. You will also "
                      "review drilling logs from contractors. Finally, you will train two junior technicians."),
        ("paragraph", "Your salary is $88,000 per year and you will report to the Director."),
    ))
    assert [d.text.rstrip(".") for d in ex.duties] == [
        "In this position you will build groundwater flow models for the basin",
        "You will also review drilling logs from contractors",
        "Finally, you will train two junior technicians"]


def test_a_you_will_sentence_listing_verb_phrases_gives_one_duty_each() -> None:
    ex = extract(layout(
        ("paragraph", "As our Packaging Engineer you will evaluate corrugated materials, run drop tests, draft "
                      "specifications, bills of materials and pallet patterns and support suppliers during "
                      "inspections. You will also document cost savings."),
    ))
    assert [d.text.rstrip(".") for d in ex.duties] == [
        "evaluate corrugated materials", "run drop tests",
        "draft specifications, bills of materials and pallet patterns",
        "support suppliers during inspections", "You will also document cost savings"]


def test_a_letter_without_duty_sentences_has_no_prose_duties() -> None:
    ex = extract(layout(
        ("paragraph", "We are pleased to offer you the position of Analyst."),
        ("paragraph", "You will report to the Controller. You will receive four weeks of vacation."),
    ))
    assert ex.duties == ()


@pytest.mark.parametrize(("blocks", "education", "licence"), [
    ([("paragraph", "This offer is conditional on your holding a Bachelor of Laws or equivalent common-law degree "
                    "and on your admission as a licensee of the Law Society of British Columbia.")],
     "Bachelor of Laws or equivalent common-law degree",
     "admission as a licensee of the Law Society of British Columbia"),
    ([("paragraph", "You will be expected to register with the Ordre des ingénieurs du Québec as a junior engineer "
                    "within twelve months.")],
     None, "register with the Ordre des ingénieurs du Québec as a junior engineer"),
    ([("paragraph", "A Master of Public Health is required for this post.")], "Master of Public Health", None),
    ([("paragraph", "Minimum education: Bachelor of Commerce; membership in CPA Alberta is required within one "
                    "year of hire.")], "Bachelor of Commerce", "membership in CPA Alberta"),
    ([("paragraph", "This role requires your registration as a Respiratory Therapist with the College of "
                    "Respiratory Therapists of Ontario, which must remain current.")],
     None, "registration as a Respiratory Therapist with the College of Respiratory Therapists of Ontario"),
    ([("paragraph", "Licence: you must be a member of the College of Dietitians of Manitoba.")],
     None, "member of the College of Dietitians of Manitoba"),
    ([("heading", "Education"), ("paragraph", "Diploma in Civil Engineering Technology or equivalent")],
     "Diploma in Civil Engineering Technology or equivalent", None),
    ([("paragraph", "You must hold a Técnico Superior Universitario (TSU) in Electrical Maintenance.")],
     "Técnico Superior Universitario (TSU) in Electrical Maintenance", None),
    ([("paragraph", "You must hold a Bachelor of Science in Agronomy, with two years of field experience.")],
     "Bachelor of Science in Agronomy", None),
    ([("paragraph", "To practise here you must be licensed by the Nova Scotia College of Pharmacists before you "
                    "start.")], None, "licensed by the Nova Scotia College of Pharmacists"),
    ([("list_item", "\u2022 Minimum education: Master of Social Work Please sign and return by May 2.", "\u2022")],
     "Master of Social Work", None),
    ([("paragraph", "This role requires a degree from a registered institution in Canada.")],
     "degree from a registered institution in Canada", None),
    ([("paragraph", "Qualifications: B.Eng. in Mechanical Engineering and eligibility for licensure with PEO.")],
     "B.Eng. in Mechanical Engineering", "eligibility for licensure with PEO"),
    ([("paragraph", "You are required to have a Doctor of Veterinary Medicine degree and a licence to practise "
                    "from the provincial veterinary association.")],
     "Doctor of Veterinary Medicine degree", "a licence to practise from the provincial veterinary association"),
    ([("paragraph", "Registration as a Professional Agrologist with the Alberta Institute of Agrologists is a "
                    "condition of employment.")],
     None, "Registration as a Professional Agrologist with the Alberta Institute of Agrologists"),
    ([("paragraph", "This position requires a Bachelor of Education and certification by the Ontario College of "
                    "Teachers.")], "Bachelor of Education", "certification by the Ontario College of Teachers"),
])
def test_credential_spans_stop_at_the_clause_and_licence_wording_is_a_licence(
        blocks: list[tuple[str, ...]], education: str | None, licence: str | None) -> None:
    ex = extract(layout(*blocks))
    assert (ex.field("education"), ex.field("licence")) == (education, licence)


def _title(*blocks: tuple[str, ...]) -> str | None:
    ex = extract(layout(*blocks))
    return ex.title.value if ex.title else None


@pytest.mark.parametrize(("blocks", "title"), [
    ([("heading", "Conditions of Engagement"),
      ("paragraph", "The Faculty is pleased to confirm your appointment as Laboratory Coordinator in the "
                    "Department of Physics, starting May 1, 2027.")], "Laboratory Coordinator"),
    ([("paragraph", "Hey Lee, we'd love for you to join us as our Site Reliability Engineer.")],
     "Site Reliability Engineer"),
    ([("subject", "Subject: Offer of Appointment \u2013 Archivist (Special Collections)"),
      ("paragraph", "Welcome to the Library.")], "Archivist (Special Collections)"),
    ([("paragraph", "We are pleased to offer you a term appointment as Archivist (Special Collections) at the "
                    "Library.")], "Archivist (Special Collections)"),
    ([("subject", "RE: Offer of Casual Part-Time Employment \u2013 Respiratory Therapist, Critical Care Unit / "
                  "4 North"), ("paragraph", "Welcome.")], "Respiratory Therapist"),
    ([("subject", "Re: Offer of Employment - Director, Finance"), ("paragraph", "Welcome.")], "Director, Finance"),
    ([("heading", "Staff Accountant"), ("paragraph", "Welcome aboard.")], "Staff Accountant"),
    ([("heading", "Software Developer \u2013 Payments Platform"), ("paragraph", "Welcome aboard.")],
     "Software Developer \u2013 Payments Platform"),
    ([("heading", "Terms of Appointment"), ("paragraph", "Welcome aboard.")], None),
])
def test_title_cues_determiners_parentheses_subject_units_and_occupation_headings(
        blocks: list[tuple[str, ...]], title: str | None) -> None:
    assert _title(*blocks) == title


def test_the_base_office_beats_a_rotation_camp_as_the_worksite() -> None:
    ex = extract(layout(("paragraph", "You will be based at our Calgary office. From June to September you will "
                                      "work at the drilling camp located in Fort McMurray, Alberta, on a "
                                      "two-weeks-in, one-week-out rotation.")))
    assert ex.field("worksite") == {"city": "Calgary", "province": "AB"}
    assert ex.fields["worksite"].evidence.text == "Calgary"


EMAIL_LETTER = """From: Mei Tanaka <mei@quillstack.dev>
Subject: Offer: Data Analyst @ Quillstack
To: Ravi Patel <ravi.p@example.com>

Hi Ravi,

Great chatting yesterday! We'd like you to join us as our Data Analyst.

Quick version:
- Start: Feb 1, 2027
- Term: 12 months
- Pay: $85,000/yr
- Hours: 40/week
- Need: BSc in Statistics or equivalent (which you already have)

What you'll work on:
- Build dashboards for our sales team
- Clean and model billing data
- Present monthly findings to leadership

Let me know if this works.

Cheers,
Mei Tanaka
Head of Data, Quillstack Software Inc.
"""


def test_an_email_offer_read_from_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "offer.txt"
    path.write_text(EMAIL_LETTER, encoding="utf-8")
    ex = extract(segment(read(path)))
    assert ex.title is not None and ex.title.value == "Data Analyst"
    assert [d.text for d in ex.duties] == ["Build dashboards for our sales team", "Clean and model billing data",
                                           "Present monthly findings to leadership"]
    assert (ex.field("start_date"), ex.field("term_months"), ex.field("hours_per_week")) == ("2027-02-01", 12, 40.0)
    assert ex.field("wage")["amount"] == 85000.0
    assert ex.field("education") == "BSc in Statistics or equivalent"
    assert ex.field("employer") == "Quillstack Software Inc."
    assert ex.fields["employer"].evidence.text == "Quillstack Software Inc."


def test_a_labelled_duty_item_stays_a_duty_and_a_duty_paragraph_still_gives_its_terms() -> None:
    ex = extract(layout(
        ("heading", "Duties"),
        *_items("Schedule: maintain the master construction schedule", "Estimate quantities for tenders",
                "Inspect formwork before pours", marker="\u2022"),
        ("heading", "Terms"),
        ("paragraph", "Your salary is $79,000 per year for 40 hours per week."),
    ))
    assert [d.text for d in ex.duties][0] == "Schedule: maintain the master construction schedule"
    prose = extract(layout(
        ("paragraph", "We are pleased to offer you the position of Surveyor."),
        ("paragraph", "You will survey road corridors for the county. You will prepare legal plans. "
                      "Your salary will be $76,000 per year."),
    ))
    assert len(prose.duties) == 2
    assert prose.field("wage")["amount"] == 76000.0


def test_a_duration_inside_a_prose_duty_is_not_the_term() -> None:
    ex = extract(layout(
        ("heading", "Duties"),
        ("paragraph", "You will audit supplier quality systems. You will lead improvement projects of three to "
                      "nine months for our plants."),
        ("paragraph", "Your salary will be $92,000 per year."),
    ))
    assert len(ex.duties) == 2
    assert ex.field("term_months") is None
    assert ex.field("wage")["amount"] == 92000.0


@pytest.mark.parametrize("heading", ["Key Accountabilities", "Main Tasks and Functions", "What the Job Involves"])
def test_headings_with_a_duty_word_open_the_duties(heading: str) -> None:
    ex = extract(layout(
        ("paragraph", "We are pleased to offer you the position of Hydrogeologist."),
        ("heading", heading),
        *_items("Design pumping tests at supply wells.", "Interpret aquifer test data.", marker="1."),
        ("heading", "Terms"),
        ("paragraph", "You must be licensed by the provincial geoscience regulator before your first day."),
    ))
    assert [d.text for d in ex.duties] == ["Design pumping tests at supply wells.", "Interpret aquifer test data."]
    assert ex.field("licence") == "licensed by the provincial geoscience regulator"


def test_onboarding_sentences_are_not_prose_duties() -> None:
    ex = extract(layout(
        ("paragraph", "We are pleased to offer you the position of Actuary in Regina, Saskatchewan."),
        ("paragraph", "On your first day you will attend an orientation session with Human Resources. You will "
                      "meet your team and receive your equipment."),
        ("paragraph", "You will participate in our group benefit plan."),
    ))
    assert ex.duties == ()


def test_a_docx_with_bulleted_terms_and_a_verb_list_after_a_colon(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("Tidewater Marine Ltd.")
    doc.add_paragraph("Dear Ms. Ahn,")
    doc.add_paragraph("We are pleased to confirm your appointment as Naval Architect at our Halifax, Nova Scotia "
                      "office.")
    doc.add_paragraph("The essentials:")
    for t in ("Term: 30 months", "Salary: $104,000 annually", "Hours: 37.5 per week"):
        doc.add_paragraph(t, style="List Bullet")
    doc.add_paragraph("In this job you'll:")
    for t in ("Calculate hull stability for refit projects", "Draft structural arrangement drawings",
              "Witness inclining experiments at the shipyard"):
        doc.add_paragraph(t, style="List Bullet")
    doc.add_paragraph("Sincerely,")
    doc.add_paragraph("Owen Price")
    path = tmp_path / "offer.docx"
    doc.save(str(path))
    ex = extract(segment(read(path)))
    assert ex.title is not None and ex.title.value == "Naval Architect"
    assert [d.text for d in ex.duties] == ["Calculate hull stability for refit projects",
                                           "Draft structural arrangement drawings",
                                           "Witness inclining experiments at the shipyard"]
    assert (ex.field("term_months"), ex.field("hours_per_week")) == (30, 37.5)
    assert ex.field("wage")["amount"] == 104000.0 and ex.field("wage")["period"] == "year"
    assert ex.field("worksite") == {"city": "Halifax", "province": "NS"}


def test_a_job_description_schedule_with_labelled_lines_and_a_duties_subheading() -> None:
    ex = extract(layout(
        ("paragraph", "We are pleased to offer you the position of Chemist."),
        ("heading", "Appendix 1 \u2013 Position Description"),
        ("paragraph", "Position: Chemist, Adhesives Laboratory"),
        ("paragraph", "Reports to: Manager of Product Development"),
        ("heading", "Principal Duties"),
        *_items("Formulate hot-melt adhesive blends", "Run peel and shear tests", marker="1."),
    ))
    assert [d.text for d in ex.duties] == ["Formulate hot-melt adhesive blends", "Run peel and shear tests"]


@pytest.mark.parametrize(("item", "amount", "period"), [
    ("Pay: $95k/yr plus options", 95000.0, "year"), ("Rate: $52.50/hr", 52.5, "hour"),
    ("Compensation: $7,400 monthly", 7400.0, "month"),
])
def test_pay_written_as_a_list_item(item: str, amount: float, period: str) -> None:
    wage = extract(layout(("list_item", f"- {item}", "-"))).field("wage")
    assert (wage["amount"], wage["period"]) == (amount, period)


def test_prose_duties_in_the_third_person_under_an_unlisted_heading() -> None:
    ex = extract(layout(
        ("paragraph", "We are pleased to offer you the position of Urban Forester."),
        ("heading", "About the Work"),
        ("paragraph", "The Urban Forester will survey street trees across the city. The incumbent will also "
                      "prepare pruning schedules for the parks crews."),
        ("paragraph", "Your salary will be $83,000 per year."),
    ))
    assert [d.text.rstrip(".") for d in ex.duties] == [
        "The Urban Forester will survey street trees across the city",
        "The incumbent will also prepare pruning schedules for the parks crews"]


def test_what_the_employer_will_do_is_not_a_duty() -> None:
    ex = extract(layout(
        ("paragraph", "We are pleased to offer you the position of Urban Forester."),
        ("paragraph", "The Company will provide a relocation allowance. The Employer will also arrange "
                      "temporary housing for your first month."),
    ))
    assert ex.duties == ()


@pytest.mark.parametrize(("sentence", "title"), [
    ("I am writing to confirm that you have been selected for the Biostatistician II opening in our lab.",
     "Biostatistician II"),
    ("We are pleased to extend an offer for the Mining Engineer vacancy at our Sudbury site.", "Mining Engineer"),
    ("This letter confirms our offer to engage you as a Management Consultant on a fixed-term basis.",
     "Management Consultant"),
    ("Following your interview, we would like to offer you the post of Landscape Architect.", "Landscape Architect"),
    ("The Company position you applied for has been filled.", None),
])
def test_title_written_around_a_role_noun(sentence: str, title: str | None) -> None:
    assert _title(("paragraph", sentence)) == title


@pytest.mark.parametrize(("text", "field", "value"), [
    ("The engagement will run for two years from your start date of June 7, 2027.", "term_months", 24),
    ("You will work full-time (37.5 hrs/week).", "hours_per_week", 37.5),
    ("Duration of employment: three (3) years", "term_months", 36),
])
def test_more_ways_of_writing_term_and_hours(text: str, field: str, value: float) -> None:
    assert extract(layout(("paragraph", text))).field(field) == value


def test_a_pdf_with_a_terms_list_a_verb_list_a_camp_rotation_and_a_licence_clause(tmp_path: Path) -> None:
    bold = "Helvetica-Bold"
    lines = [
        L("Copperline Mining Corp.", font=bold, size=14), L("800 Granville Street, Vancouver, BC V6Z 1K3"),
        L("January 12, 2027", gap=1), L("Dear Mr. Abara,", gap=1),
        L("We are pleased to offer you the position of Mine Planning Engineer, based at our Vancouver office.",
          gap=1),
        L("Some highlights of the offer:", gap=1),
        L("\u2022  Term: 2 years", x=84), L("\u2022  Salary: $112,000 per year", x=84),
        L("\u2022  Hours: 40 per week", x=84),
        L("In the role you will:", gap=1),
        L("\u2022  Build long-range open-pit mine plans", x=84), L("\u2022  Schedule haulage fleets for each quarter", x=84),
        L("\u2022  Estimate reserves with the geology team", x=84),
        L("You will also travel to our camp near Smithers, British Columbia, on a two-week rotation in summer.",
          gap=1),
        L("You must hold a Bachelor of Applied Science in Mining Engineering and register with Engineers and",
          gap=1),
        L("Geoscientists BC as an EIT within six months of your start date."),
        L("Sincerely,", gap=1), L("Joan Reyes", gap=2), L("Chief Mining Engineer"),
    ]
    path = tmp_path / "offer.pdf"
    path.write_bytes(flow_pdf([lines]))
    ex = extract(segment(read(path)))
    assert ex.title is not None and ex.title.value == "Mine Planning Engineer"
    assert [d.text for d in ex.duties] == ["Build long-range open-pit mine plans",
                                           "Schedule haulage fleets for each quarter",
                                           "Estimate reserves with the geology team"]
    assert (ex.field("term_months"), ex.field("hours_per_week")) == (24, 40.0)
    assert ex.field("wage")["amount"] == 112000.0
    assert ex.field("worksite") == {"city": "Vancouver", "province": "BC"}
    assert ex.field("education") == "Bachelor of Applied Science in Mining Engineering"
    assert ex.field("licence") == "register with Engineers and Geoscientists BC as an EIT"
    assert ex.fields["licence"].evidence.page == 1


def test_hours_per_day_times_days_per_week_and_good_standing_licence() -> None:
    ex = extract(layout(("paragraph", "You will work 7.5 hours per day, five days per week."),
                        ("paragraph", "You must be a CPA in good standing with CPA Ontario.")))
    assert ex.field("hours_per_week") == 37.5
    assert ex.field("licence") == "a CPA in good standing with CPA Ontario"


def test_an_unlabelled_terms_list_is_not_taken_for_the_duties() -> None:
    ex = extract(layout(
        ("paragraph", "We'd love to have you as our Data Engineer. In short:"),
        *_items("Starts on March 1, 2027", "$98k per year, paid biweekly", "40 hours per week", "Benefits from day one"),
        ("paragraph", "Sign below if this works for you."),
    ))
    assert ex.duties == ()
    assert ex.field("hours_per_week") == 40.0 and ex.field("wage")["amount"] == 98000.0
