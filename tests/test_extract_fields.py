"""Fields: dates, term, permanence, hours, wage, worksite, employer, requirements, signatory."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.extract import dates, extract
from analyzer.extract.terms import normalise_wage
from analyzer.types import FIELD_NAMES, Extraction
from tests.extract_helpers import layout


def fields(*paragraphs: str) -> Extraction:
    return extract(layout(*[("paragraph", p) for p in paragraphs]))


@pytest.mark.parametrize(("text", "iso"), [
    ("January 15, 2027", "2027-01-15"), ("Jan. 15th, 2027", "2027-01-15"), ("15 January 2027", "2027-01-15"),
    ("2027-01-15", "2027-01-15"), ("01/15/2027", "2027-01-15"), ("15/01/2027", "2027-01-15"),
    ("Sept. 3, 2027", "2027-09-03"), ("the 1st day of March, 2027", "2027-03-01"),
    ("the 15th of January, 2027", "2027-01-15"), ("15-Jan-2027", "2027-01-15"), ("Jan 15 2027", "2027-01-15"),
])
def test_date_formats(text: str, iso: str) -> None:
    m = dates.DATE_RE.search(text)
    assert m is not None and dates.parse_date(m).isoformat() == iso


def test_impossible_and_ambiguous_dates() -> None:
    assert dates.parse_date(dates.DATE_RE.search("February 30, 2027")) is None
    m = dates.DATE_RE.search("03/04/2027")
    assert dates.parse_date(m).isoformat() == "2027-03-04"  # month first by default
    assert dates.parse_date(m, day_first=True).isoformat() == "2027-04-03"


def test_letter_date_is_not_the_start_date_and_day_first_letters_are_read_day_first() -> None:
    ex = extract(layout(("date", "12/11/2026"), ("paragraph", "Your start date is 03/04/2027 and your "
                                                                "employment will end on 25/03/2029.")))
    assert ex.field("start_date") == "2027-04-03"
    assert ex.field("end_date") == "2029-03-25"
    assert ex.fields["start_date"].evidence.text == "03/04/2027"


@pytest.mark.parametrize(("text", "months"), [
    ("This is a temporary position for a period of 24 months.", 24),
    ("The appointment is for two (2) years.", 24),
    ("You are offered a 3-year term.", 36),
    ("The position is offered on a fixed-term basis for eighteen months.", 18),
])
def test_term_lengths(text: str, months: int) -> None:
    ex = fields(text)
    assert ex.field("term_months") == months
    assert ex.field("permanent") is False


def test_term_computed_from_dates_and_probation_ignored() -> None:
    ex = fields("Your employment will begin on January 15, 2027 and will end on January 14, 2029.",
                "The first 3 months are a probationary period.")
    assert (ex.field("start_date"), ex.field("end_date"), ex.field("term_months")) == ("2027-01-15", "2029-01-14", 24)
    assert dates.months_between(date(2027, 3, 1), date(2028, 2, 29)) == 12


@pytest.mark.parametrize(("text", "value"), [
    ("This is a full-time, permanent position with no fixed end date.", True),
    ("Your employment is for an indefinite period.", True),
    ("This is a temporary position.", False),
    ("Please bring proof of permanent residence.", None),
])
def test_permanent_wording(text: str, value: bool | None) -> None:
    assert fields(text).field("permanent") is value


@pytest.mark.parametrize(("text", "hours"), [
    ("You will work 37.5 hours per week.", 37.5), ("Hours of Work: 40 hours per week", 40.0),
    ("The position requires forty (40) hours a week.", 40.0), ("This is a 35-hour work week.", 35.0),
])
def test_hours(text: str, hours: float) -> None:
    assert fields(text).field("hours_per_week") == hours


@pytest.mark.parametrize(("text", "amount", "period", "hourly", "annual"), [
    ("Your salary will be $95,000 per year.", 95000, "year", 45.67, 95000),
    ("You will be paid $45.50 an hour.", 45.5, "hour", 45.5, 94640),
    ("Salary: $7,500 CAD per month", 7500, "month", 43.27, 90000),
    ("Your annual salary will be $104,500, paid bi-weekly.", 104500, "year", 50.24, 104500),
])
def test_wage(text: str, amount: float, period: str, hourly: float, annual: float) -> None:
    wage = fields(text).field("wage")
    assert (wage["amount"], wage["period"], wage["currency"]) == (amount, period, "CAD")
    assert (wage["hourly"], wage["annual"]) == (hourly, annual)


def test_wage_uses_the_letters_hours_and_ignores_bonuses() -> None:
    ex = fields("You will receive a signing bonus of $5,000.", "You will work 35 hours per week.",
                "The wage for this position is $40.00 per hour.")
    assert ex.field("wage") == normalise_wage(40.0, "CAD", "hour", 35.0) == {
        "amount": 40.0, "currency": "CAD", "period": "hour", "hourly": 40.0, "annual": 72800.0}
    assert ex.field("hours_per_week") == 35.0


def test_usd_wage() -> None:
    assert fields("You will be paid US$60,000 per year.").field("wage")["currency"] == "USD"


@pytest.mark.parametrize(("text", "city", "province"), [
    ("You will work at our office in Toronto, ON.", "Toronto", "ON"),
    ("The position is located in Kanata, Ontario.", "Kanata", "ON"),
    ("Work Location: St. John's, NL", "St. John's", "NL"),
    ("Your place of work will be Calgary.", "Calgary", "AB"),
    ("You will be based in London, Ontario.", "London", "ON"),
])
def test_worksite(text: str, city: str, province: str) -> None:
    assert fields(text).field("worksite") == {"city": city, "province": province}


def test_worksite_falls_back_to_the_letterhead_and_address() -> None:
    ex = extract(layout(("letterhead", "Maple Analytics Inc.\n100 King Street West, Suite 500\n"
                                       "Toronto, ON M5X 1A9\nTel. (416) 555-0101"),
                        ("paragraph", "We are pleased to offer you the position of Analyst.")))
    assert ex.field("employer") == "Maple Analytics Inc."
    assert ex.field("employer_address") == "100 King Street West, Suite 500, Toronto, ON M5X 1A9"
    assert ex.field("worksite") == {"city": "Toronto", "province": "ON"}


def test_employer_from_prose_when_there_is_no_letterhead() -> None:
    ex = fields("Great Lakes Economics Group LLP is pleased to offer you the position of Economist.")
    assert ex.field("employer") == "Great Lakes Economics Group LLP"


def test_education_and_licence_requirements() -> None:
    ex = fields("This position requires a Bachelor's degree in Civil Engineering.",
                "You must hold a licence as a Professional Engineer (P.Eng.) or eligibility for "
                "registration with the provincial engineering regulator before your start date.",
                "This offer is conditional on your obtaining a valid work permit.")
    assert ex.field("education") == "Bachelor's degree in Civil Engineering"
    assert ex.field("licence") == ("a licence as a Professional Engineer (P.Eng.) or eligibility for "
                                   "registration with the provincial engineering regulator")
    assert ex.fields["licence"].evidence.text.startswith("a licence")


def test_labelled_requirements_and_portal_number() -> None:
    ex = fields("Education Required: Master's degree in Statistics",
                "Employer Portal offer number: A1234567.", "Ref. B7654321 and A12345678 are not offer numbers.")
    assert ex.field("education") == "Master's degree in Statistics"
    assert ex.field("portal_offer_number") == "A1234567"
    assert ex.field("licence") is None


def test_signatory_after_valediction_across_a_page_break() -> None:
    ex = extract(layout(("paragraph", "We look forward to working with you."), ("signature", "Sincerely,"),
                        ("furniture:page_number", "Page 2 of 3"), ("pagebreak", ""),
                        ("signature", "________________\nJennifer Walsh\nTalent Acquisition Lead\nMaple Inc.")))
    assert ex.field("signatory") == "Jennifer Walsh"
    assert ex.fields["signatory"].evidence.page == 2


def test_every_field_is_present_and_absent_ones_are_none() -> None:
    ex = fields("Thank you for your interest.")
    assert set(ex.fields) == set(FIELD_NAMES)
    assert all(v is None for v in ex.fields.values())
    assert ex.language == "en"


def test_signatory_after_a_company_line_and_with_title_on_the_same_line() -> None:
    ex = extract(layout(("signature", "Yours truly,\nMAPLE ANALYTICS INC.\nPer: Jane Smith, Director")))
    assert ex.field("signatory") == "Jane Smith"
    assert ex.fields["signatory"].evidence.text == "Jane Smith"


def test_biweekly_pay_is_stated_per_year_and_start_cue_variants() -> None:
    ex = fields("You will be paid $3,000 bi-weekly.", "Your first day will be March 1, 2027.")
    assert ex.field("wage")["period"] == "year" and ex.field("wage")["annual"] == 78000.0
    assert ex.field("start_date") == "2027-03-01"


def test_terms_in_a_details_table_but_not_in_duty_rows() -> None:
    ex = extract(layout(
        ("heading", "Duties"),
        ("table_row", "Run client engagements of two to six months | 40%", None,
         ("Run client engagements of two to six months", "40%")),
        ("heading", "Terms"),
        ("table_row", "Term: | 36 months", None, ("Term:", "36 months")),
        ("table_row", "Hours of Work: | 37.5 hours per week", None, ("Hours of Work:", "37.5 hours per week"))))
    assert (ex.field("term_months"), ex.field("permanent"), ex.field("hours_per_week")) == (36, False, 37.5)
    assert ex.fields["permanent"].evidence.text == "36 months"


def test_sentence_broken_across_two_blocks_still_gives_date_and_worksite() -> None:
    ex = fields("Your employment is for a fixed term of 24 months and will end on",
                "16 August 2029. Your regular hours of work will be 40 hours per week.",
                "The position is located in", "Saskatoon, Saskatchewan. This position requires a licence.")
    assert ex.field("end_date") == "2029-08-16"
    assert ex.field("worksite") == {"city": "Saskatoon", "province": "SK"}
    assert ex.fields["worksite"].evidence.text == "Saskatoon, Saskatchewan"


def test_amounts_and_hours_in_duties_are_not_the_wage_or_the_hours() -> None:
    ex = extract(layout(("heading", "Duties"),
                        ("list_item", "\u2022 Process a payroll of $2,000,000 per year for 300 staff", "\u2022"),
                        ("list_item", "\u2022 Schedule 60 hours per week of lab time", "\u2022"),
                        ("heading", "Compensation"),
                        ("paragraph", "Your pay will be $4,000, and your salary is $85,000 per year. "
                                      "You will work 37.5 hours per week.")))
    assert ex.field("wage")["amount"] == 85000.0 and ex.field("hours_per_week") == 37.5


def test_two_column_letterhead_read_as_one_line() -> None:
    ex = extract(layout(("letterhead", "Studio Blanc Design Inc. 5455 Avenue de Gaspé, Suite 710\n"
                                       "Montréal, QC H2T 3B3\nTel. (514) 555-0100"),
                        ("paragraph", "We are pleased to offer you the position of Interior Designer.")))
    assert ex.field("employer") == "Studio Blanc Design Inc."
    assert ex.field("employer_address") == "5455 Avenue de Gaspé, Suite 710, Montréal, QC H2T 3B3"
