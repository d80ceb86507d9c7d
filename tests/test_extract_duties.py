"""Duties: list items, tables with shares, paragraphs, and where the duties section stops."""

from __future__ import annotations

from analyzer.extract import extract
from tests.extract_helpers import layout

B = "\u2022"


def test_bullets_stop_at_the_next_heading_and_skip_furniture() -> None:
    lay = layout(
        ("paragraph", "We are pleased to offer you the position of Analyst."),
        ("heading", "Key Responsibilities"),
        ("list_item", f"{B} Analyse business requirements and document\nthem as specifications", B),
        ("furniture:footer", "Confidential \u2013 Maple Inc."),
        ("furniture:page_number", "Page 1 of 2"),
        ("pagebreak", ""),
        ("list_item", f"{B} Design database schemas", B),
        ("heading", "Terms of Employment"),
        ("paragraph", "You will work 40 hours per week."),
    )
    ex = extract(lay)
    assert [d.text for d in ex.duties] == [
        "Analyse business requirements and document them as specifications", "Design database schemas"]
    assert ex.duties[0].evidence.start == lay.document.text.index("Analyse")
    assert ex.duties[1].evidence.page == 2
    assert all(d.share is None for d in ex.duties)


def test_numbered_and_dash_items_lose_their_markers() -> None:
    ex = extract(layout(("heading", "Duties"), ("list_item", "1) Prepare budgets", "1)"),
                        ("list_item", "(b) Review contracts", None), ("list_item", "- Train staff", "-")))
    assert [d.text for d in ex.duties] == ["Prepare budgets", "Review contracts", "Train staff"]


def test_table_rows_give_duty_cell_and_share_and_skip_the_header() -> None:
    ex = extract(layout(
        ("heading", "Duties and Time Allocation"),
        ("table_row", "Duty | % of time", None, ("Duty", "% of time")),
        ("table_row", "Analyse requirements | 30%", None, ("Analyse requirements", "30%")),
        ("table_row", "Design solutions | 70%", None, ("Design solutions", "70%")),
        ("paragraph", "Your salary will be $95,000 per year."),
    ))
    assert [(d.text, d.share) for d in ex.duties] == [("Analyse requirements", 30.0), ("Design solutions", 70.0)]
    assert ex.duties[0].evidence.text == "Analyse requirements"


def test_wrapped_table_row_read_as_paragraph_keeps_its_share() -> None:
    ex = extract(layout(("heading", "Duties"),
                        ("paragraph", "Meet with users to identify information 15%\nsystem requirements"),
                        ("table_row", "Test systems | 85%", None, ("Test systems", "85%"))))
    assert [(d.text, d.share) for d in ex.duties] == [
        ("Meet with users to identify information system requirements", 15.0), ("Test systems", 85.0)]


def test_inline_shares_in_list_items() -> None:
    ex = extract(layout(("heading", "Duties"), ("list_item", f"{B} Analyse data (30% of time)", B),
                        ("list_item", f"{B} 70% - Write reports", B)))
    assert [(d.text, d.share) for d in ex.duties] == [("Analyse data", 30.0), ("Write reports", 70.0)]


def test_paragraph_duties_one_sentence_each_and_terms_paragraph_excluded() -> None:
    ex = extract(layout(
        ("heading", "Duties"),
        ("paragraph", "You will design mechanical components. In addition, you will prepare\n"
                      "engineering calculations, e.g. load checks. You will also review shop drawings."),
        ("paragraph", "The Mechanical Engineer will also provide technical support to production."),
        ("paragraph", "Your salary will be $95,000 per year. You will work 40 hours per week."),
    ))
    assert [d.text for d in ex.duties] == [
        "You will design mechanical components.",
        "In addition, you will prepare engineering calculations, e.g. load checks.",
        "You will also review shop drawings.",
        "The Mechanical Engineer will also provide technical support to production.",
    ]


def test_list_like_sentence_is_split_and_announcing_sentence_dropped() -> None:
    ex = extract(layout(("heading", "Responsibilities"), ("paragraph",
        "Your main duties are as follows. Your duties will include: analysing sales data; "
        "preparing monthly forecasts; and presenting results to management.")))
    assert [d.text for d in ex.duties] == [
        "analysing sales data", "preparing monthly forecasts", "presenting results to management"]


def test_intro_paragraph_opens_the_list_without_heading() -> None:
    ex = extract(layout(("paragraph", "We are pleased to offer you this role. Your duties will include:"),
                        ("list_item", f"{B} Audit accounts", B), ("list_item", f"{B} File tax returns", B),
                        ("paragraph", "This offer is conditional on a work permit.")))
    assert [d.text for d in ex.duties] == ["Audit accounts", "File tax returns"]


def test_wrapped_item_line_read_as_heading_rejoins_its_item() -> None:
    ex = extract(layout(("heading", "Duties"),
                        ("list_item", "- Conduct user research and translate findings into design", "-"),
                        ("heading", "requirements"), ("list_item", "- Present proposals", "-"),
                        ("heading", "Compensation")))
    assert [d.text for d in ex.duties] == [
        "Conduct user research and translate findings into design requirements", "Present proposals"]
    assert ex.duties[0].evidence.text.endswith("requirements")


def test_hyphenated_line_break_is_repaired() -> None:
    ex = extract(layout(("heading", "Duties"), ("list_item", f"{B} Prepare environ-\nmental reports", B)))
    assert ex.duties[0].text == "Prepare environmental reports"
    assert ex.duties[0].evidence.text == "Prepare environ-\nmental reports"


def test_no_duties_section_gives_no_duties() -> None:
    ex = extract(layout(("paragraph", "We are pleased to offer you employment."),
                        ("list_item", f"{B} Health benefits", B)))
    assert ex.duties == ()


def test_sentence_with_a_cue_but_no_list_stays_whole() -> None:
    ex = extract(layout(("heading", "Your Role"), ("paragraph",
        "You will be responsible for preparing the annual budget. Your duties will include the following.")))
    assert [d.text for d in ex.duties] == ["You will be responsible for preparing the annual budget."]


def test_comma_list_of_ing_items_is_split_but_other_commas_are_not() -> None:
    ex = extract(layout(("heading", "Duties"), ("paragraph",
        "Your duties will include: analysing data, preparing reports and presenting results to management. "
        "Your responsibilities include planning, scheduling and budgeting.")))
    assert [d.text for d in ex.duties] == [
        "analysing data", "preparing reports", "presenting results to management",
        "Your responsibilities include planning, scheduling and budgeting."]


def test_prose_mistaken_for_table_rows_is_read_as_sentences() -> None:
    ex = extract(layout(
        ("heading", "Responsibilities"),
        ("table_row", "You will assemble and test prototype boards under the\ndirection of the engineering "
                      "team. In addition, you will calibrate", None, ("You will assemble", "the")),
        ("table_row", "laboratory instruments. You will also write test reports.", None,
         ("laboratory instruments.", "You will also")),
        ("heading", "Compensation")))
    assert [d.text for d in ex.duties] == [
        "You will assemble and test prototype boards under the direction of the engineering team.",
        "In addition, you will calibrate laboratory instruments.", "You will also write test reports."]
    assert ex.duties[1].evidence.text == "In addition, you will calibrate\nlaboratory instruments."


def test_any_paragraph_ending_with_a_colon_announces_the_list() -> None:
    ex = extract(layout(("heading", "Duties"), ("paragraph", "As a Data Analyst, you will:"),
                        ("list_item", f"{B} Clean and model sales data", B), ("heading", "Salary")))
    assert [d.text for d in ex.duties] == ["Clean and model sales data"]


def test_compound_broken_at_its_own_hyphen_keeps_it() -> None:
    ex = extract(layout(("heading", "Duties"),
                        ("list_item", f"{B} Prepare cost-\nbenefit analyses for cost-benefit reviews", B),
                        ("list_item", f"{B} Supervise self-\nemployed contractors and prepare environ-\nmental reports",
                         B)))
    assert [d.text for d in ex.duties] == [
        "Prepare cost-benefit analyses for cost-benefit reviews",
        "Supervise self-employed contractors and prepare environmental reports"]


def test_list_broken_into_rows_ends_at_the_next_paragraph() -> None:
    ex = extract(layout(
        ("heading", "Duties"),
        ("paragraph", "Analyse operating costs to identify savings. Interview department heads to"),
        ("table_row", "diagnose delays in the financial close. Recommend changes to", None,
         ("diagnose delays in the financial close.", "Recommend changes to")),
        ("table_row", "reporting lines.", None, ("reporting lines.",)),
        ("paragraph", "The role may involve site visits, client meetings, etc., as needed."),
        ("heading", "Terms")))
    assert [d.text for d in ex.duties] == [
        "Analyse operating costs to identify savings.",
        "Interview department heads to diagnose delays in the financial close.",
        "Recommend changes to reporting lines."]


def test_numbered_section_titles_end_prose_duties() -> None:
    ex = extract(layout(("list_item", "1. Job Duties", "1."),
                        ("paragraph", "You will prepare forest management plans. You will supervise cruising."),
                        ("list_item", "2. Terms of Employment", "2."),
                        ("paragraph", "Your anticipated start date is July 1, 2027.")))
    assert [d.text for d in ex.duties] == ["You will prepare forest management plans.", "You will supervise cruising."]


def test_row_numbers_are_not_shares_and_bare_last_column_numbers_are() -> None:
    ex = extract(layout(("heading", "Duties"),
                        ("table_row", "1 | Audit the accounts of client companies | 60", None,
                         ("1", "Audit the accounts of client companies", "60")),
                        ("table_row", "2 | Prepare tax returns", None, ("2", "Prepare tax returns"))))
    assert [(d.text, d.share) for d in ex.duties] == [("Audit the accounts of client companies", 60.0),
                                                      ("Prepare tax returns", None)]
