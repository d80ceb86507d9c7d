"""Each rule on hand-built letters (no ingest, extraction or matching), beyond its own examples."""

from __future__ import annotations

from analyzer.checks import Example, build_context, find_rule, run
from analyzer.types import Report

CSA = {"cusma": (("computer_systems_analyst", 0.9),), "noc": (("21222", 0.85),)}
GOOD = ("Analyse business requirements for the claims-processing system and write functional specifications",
        "Design relational data models for the finance data warehouse",
        "Prepare test plans and user acceptance test scripts for the payroll system upgrade")
FIELDS = {"employer": "Maple Analytics Inc.", "worksite": {"city": "Toronto", "province": "ON"},
          "start_date": "2027-01-15", "end_date": "2029-01-14", "term_months": 24,
          "wage": {"amount": 95000, "currency": "CAD", "period": "year", "hourly": 45.67, "annual": 95000},
          "education": "Bachelor's degree in Computer Science or a closely related field",
          "signatory": "Anna Li, Director of IT"}


def fire(name: str, **kw) -> list:
    rule = find_rule(name)
    return list(rule().check(build_context(Example(**kw))))


def names(ex: Example) -> set[str]:
    return {f.rule for f in run(build_context(ex))}


def test_clean_letter_has_no_finding_at_all() -> None:
    ex = Example(title="Computer Systems Analyst", duties=GOOD, fields=FIELDS, **CSA)
    assert run(build_context(ex)) == []
    assert Report(file="x", findings=tuple(run(build_context(ex)))).verdict == "pass"


def test_vague_duty_short_specific_passes_long_generic_fires() -> None:
    found = fire("vague-duty", title="Accountant", cusma=(("accountant", 0.9),), noc=(("11100", 0.8),),
                 duties=("Reconcile bank accounts monthly",
                         "Work closely with cross-functional teams to ensure the smooth delivery of projects "
                         "and support the business in achieving its strategic objectives"))
    assert [f.evidence.text for f in found] == [
        "Work closely with cross-functional teams to ensure the smooth delivery of projects and support the "
        "business in achieving its strategic objectives"]
    assert "NOC 11100" in found[0].fix


def test_vague_phrase_span_and_wrapped_line() -> None:
    found = fire("vague-phrase", title="Computer Systems Analyst", duties=GOOD, **CSA,
                 paragraphs=("You will also perform other duties as", "assigned by your manager, etc."))
    texts = [f.evidence.text for f in found]
    assert texts[0] == "other duties as\nassigned"
    assert "etc." in texts


def test_self_employment_ignores_negated_wording() -> None:
    assert fire("self-employment", title="Engineer", duties=GOOD,
                paragraphs=("You are an employee and not an independent contractor.",)) == []
    found = fire("self-employment", title="Engineer", duties=GOOD,
                 paragraphs=("You will be responsible for your own taxes as a self-employed professional.",))
    assert {f.evidence.text for f in found} == {"responsible for your own taxes", "self-employed"}
    assert all(f.severity == "error" for f in found)


def test_permanent_field_and_phrase_and_permanent_resident() -> None:
    found = fire("permanent-position", title="Engineer", duties=GOOD, fields={"permanent": True})
    assert len(found) == 1 and found[0].evidence.text == "True"
    assert fire("permanent-position", title="Engineer", duties=GOOD,
                paragraphs=("Candidates who are permanent residents of Mexico are not eligible.",)) == []
    found = fire("permanent-position", title="Engineer", duties=GOOD,
                 paragraphs=("Employment will continue on an ongoing basis until terminated.",))
    assert [f.evidence.text for f in found] == ["ongoing basis", "until terminated"]


def test_term_from_dates_and_cptpp_limit() -> None:
    base = dict(title="Computer Systems Analyst", duties=GOOD, **CSA)
    dates = {"start_date": "2027-01-15", "end_date": "2030-01-14"}
    assert fire("term-too-long", fields=dates, **base) == []  # exactly 36 months
    found = fire("term-too-long", fields=dates, program="cptpp", citizenship="AU", **base)
    assert "36 months" in found[0].message and "2028-01-14" in found[0].fix
    long = fire("term-too-long", fields={"start_date": "2027-01-15", "end_date": "2030-06-30"}, **base)
    assert long and long[0].evidence.text == "2030-06-30"


def test_citizenship_by_program() -> None:
    base = dict(title="Computer Systems Analyst", duties=GOOD, **CSA)
    assert fire("citizenship-ineligible", citizenship="US", **base) == []
    assert fire("citizenship-ineligible", citizenship="JP", **base)
    assert fire("citizenship-ineligible", citizenship="JP", program="cptpp", **base) == []
    assert fire("citizenship-ineligible", citizenship="US", program="cptpp", **base)
    assert fire("citizenship-ineligible", citizenship=None, **base) == []


def test_missing_elements_one_finding_each_without_evidence() -> None:
    found = fire("missing-element", title="Computer Systems Analyst", duties=GOOD, **CSA,
                 fields={k: v for k, v in FIELDS.items() if k not in ("wage", "start_date", "signatory")})
    assert sorted(f.message for f in found) == sorted([
        "The letter does not state the salary or wage.", "The letter does not state the start date.",
        "The letter does not state the signature of an authorised signatory."])
    assert all(f.evidence is None for f in found)


def test_placeholder_heading_is_not_a_placeholder() -> None:
    base = dict(title="Computer Systems Analyst", duties=GOOD, **CSA)
    assert fire("unfilled-placeholder", paragraphs=("JOB TITLE", "Computer Systems Analyst"), **base) == []
    found = fire("unfilled-placeholder", paragraphs=("This offer is for the position of JOB TITLE.",
                                                     "Start: <insert start date>", "Salary: ________"), **base)
    assert [f.evidence.text for f in found] == ["JOB TITLE", "<insert start date>", "________"]


def test_placeholder_skips_addresses_in_brackets_but_not_fields() -> None:
    base = dict(title="Computer Systems Analyst", duties=GOOD, **CSA)
    assert fire("unfilled-placeholder", paragraphs=(
        "To: Omar Haddad <o.haddad@northwind.example.com>", "Cc: [hr-team@northwind.example.com]",
        "Apply through <https://careers.example.org/jobs/4411> or <www.example.ca>."), **base) == []
    found = fire("unfilled-placeholder", paragraphs=("Reply to <Hiring Manager Email> by <Date>.",), **base)
    assert [f.evidence.text for f in found] == ["<Hiring Manager Email>", "<Date>"]


def test_technician_supervisor_named_by_academic_title_or_before_the_verb() -> None:
    st = dict(title="Laboratory Technologist", duties=("Run HPLC assays on soil extracts",),
              cusma=(("scientific_technician_technologist", 0.9),), noc=(("22101", 0.8),))
    assert fire("technician-without-supervisor", paragraphs=(
        "The post sits in the soils group, under the day-to-day direction of Prof. Ines Vogel, Chair of "
        "Soil Chemistry.",), **st) == []
    assert fire("technician-without-supervisor", paragraphs=(
        "Karin Holt, Principal Investigator of the isotope laboratory, will supervise your work.",), **st) == []
    assert fire("technician-without-supervisor", paragraphs=(
        "Your supervisor: Ravi Mehta, Senior Research Scientist.",), **st) == []
    # A supervisor who is not a listed professional, or no supervisor at all, still fires.
    assert fire("technician-without-supervisor", paragraphs=(
        "You will report to the Office Manager, who assigns the week's samples.",), **st)
    assert fire("technician-without-supervisor", paragraphs=("You will be on the day shift.",), **st)


def test_title_not_listed_cusma_and_cptpp() -> None:
    assert fire("title-not-listed", title="Store Manager", duties=("Run the store",),
                cusma=(("hotel_manager", 0.2),), noc=(("60020", 0.7),))
    # CPTPP: a TEER 1 occupation open to Australians; Vietnam covers technicians only on a closed list.
    assert fire("title-not-listed", title="Software Engineer", duties=GOOD, program="cptpp", citizenship="AU",
                noc=(("21231", 0.8),)) == []


def test_excluded_occupation_cptpp_by_country() -> None:
    found = fire("excluded-occupation", title="Registered Nurse", duties=("Administer IV medications",),
                 program="cptpp", citizenship="AU", noc=(("31301", 0.9),))
    assert found and "excluded" in found[0].message
    consultant = dict(title="Management Consultant", duties=("Benchmark the client's operating costs",),
                      program="cptpp", noc=(("11201", 0.9),))
    assert fire("excluded-occupation", citizenship="MY", **consultant)  # Malaysia's closed list
    assert fire("excluded-occupation", citizenship="AU", **consultant) == []


def test_research_assistant_needs_post_secondary_institution() -> None:
    ra = {"cusma": (("research_assistant", 0.9),), "noc": (("41201", 0.8),)}
    duties = ("Run PCR assays for the genomics study",)
    assert fire("excluded-occupation", title="Research Assistant", duties=duties, **ra,
                fields={"employer": "BioNova Inc."})
    assert fire("excluded-occupation", title="Research Assistant", duties=duties, **ra,
                fields={"employer": "University of Waterloo"}) == []


def test_below_level_respects_technician_professions() -> None:
    st = {"cusma": (("scientific_technician_technologist", 0.9),), "noc": (("22101", 0.8),)}
    assert fire("below-professional-level", title="Geological Technologist", duties=GOOD, **st) == []
    found = fire("below-professional-level", title="Geological Technologist", duties=GOOD,
                 duties_noc=(("75110", 0.7),), **st)
    assert found and found[0].severity == "error"  # TEER 5: outside what IRCC accepts at all


def test_education_alternative_credential_and_experience() -> None:
    base = dict(title="Computer Systems Analyst", duties=GOOD, **CSA)
    ok = "Two-year diploma in Computer Programming and three years of experience in systems analysis"
    assert fire("education-below-minimum", fields={"education": ok}, **base) == []
    low = fire("education-below-minimum", fields={"education": "Two-year diploma in Computer Programming"},
               **base)
    assert low and low[0].evidence.text == "diploma"
    lawyer = {"cusma": (("lawyer", 0.9),), "noc": (("41101", 0.8),)}
    assert fire("education-below-minimum", title="Lawyer", duties=("Draft commercial leases",), **lawyer,
                fields={"education": "J.D. from an accredited law school"}) == []


def test_licence_by_province_and_by_wording() -> None:
    eng = {"cusma": (("engineer", 0.9),), "noc": (("21300", 0.85),)}
    base = dict(title="Civil Engineer", duties=("Design bridge decks",), **eng)
    assert fire("licence-not-mentioned", fields={"worksite": {"city": "Calgary", "province": "AB"}}, **base)
    assert fire("licence-not-mentioned", fields={"worksite": {"city": "Calgary", "province": "AB"}},
                paragraphs=("You must be registered with APEGA as a P.Eng. before starting.",), **base) == []
    mlt = {"cusma": (("medical_laboratory_technologist", 0.9),), "noc": (("32120", 0.85),)}
    assert fire("licence-not-mentioned", title="Medical Laboratory Technologist", duties=("Run CBCs",),
                fields={"worksite": {"city": "Vancouver", "province": "BC"}}, **mlt) == []


def test_title_not_profession_name_accepts_aliases() -> None:
    assert fire("title-not-profession-name", title="Senior Systems Analyst", duties=GOOD, **CSA) == []
    found = fire("title-not-profession-name", title="Business Technology Specialist", duties=GOOD, **CSA)
    assert "Business Technology Specialist (CUSMA: Computer Systems Analyst)" in found[0].fix


def test_scrutinised_title_exempts_hotel_manager() -> None:
    hm = {"cusma": (("hotel_manager", 0.9),), "noc": (("60031", 0.8),)}
    assert fire("scrutinised-title", title="Hotel Manager", duties=("Plan the hotel's budget",), **hm) == []
    assert fire("scrutinised-title", title="Team Lead, Data Engineering", duties=GOOD, **CSA)
    assert fire("scrutinised-title", title="Management Consultant", duties=GOOD,
                cusma=(("management_consultant", 0.9),)) == []


def test_coding_share_uses_percentages_when_given() -> None:
    from analyzer.checks.analyst_coding_duties import AnalystCodingDuties
    from analyzer.types import Duty

    ctx = build_context(Example(title="Computer Systems Analyst", duties=("Write Python scripts", "Analyse"
                                " business requirements for the claims system"), **CSA))
    duties = ctx.extraction.duties
    ctx.extraction = type(ctx.extraction)(language="en", title=ctx.extraction.title, fields=ctx.extraction.fields,
                                          duties=(Duty(duties[0].text, duties[0].evidence, 20.0),
                                                  Duty(duties[1].text, duties[1].evidence, 80.0)))
    assert list(AnalystCodingDuties().check(ctx)) == []


def test_program_selects_rules() -> None:
    ex = Example(title="Solutions Architect", duties=GOOD, fields=FIELDS, program="cptpp", citizenship="AU",
                 noc=(("21222", 0.85),), cusma=(("computer_systems_analyst", 0.9),))
    assert "title-not-profession-name" not in names(ex)
    assert "title-not-profession-name" in names(Example(**{**ex.__dict__, "program": "cusma",
                                                           "citizenship": "US"}))


def test_findings_in_letter_order_and_verdict() -> None:
    ex = Example(title="Computer Systems Analyst", duties=GOOD + ("Perform other duties as assigned",),
                 fields={**FIELDS, "permanent": True}, **CSA)
    findings = run(build_context(ex))
    starts = [f.evidence.start for f in findings if f.evidence]
    assert starts == sorted(starts)
    assert Report(file="x", findings=tuple(findings)).verdict == "fail"


def test_teer_variants_only_in_sciences_and_health() -> None:
    from analyzer.checks._occupation import teer_variant

    assert teer_variant("21101", "22100")  # chemists / chemical technologists
    assert teer_variant("31301", "32101") is False  # different field digits
    assert teer_variant("11100", "13102") is False  # business codes do not line up across TEERs


def test_title_duties_conflict_silences_profession_requirements() -> None:
    """'Solutions Architect' over analyst duties: a mismatch (whose fix names the duties' profession), and
    no architect licence warning or rename advice on top."""
    ex = Example(title="Solutions Architect", duties=GOOD, fields={**FIELDS, "education": "Bachelor's degree in "
                 "Computer Science"}, cusma=(("architect", 0.3),), title_cusma=(("architect", 0.8),),
                 duties_cusma=(("computer_systems_analyst", 0.62),), noc=(("21200", 0.2),),
                 title_noc=(("21200", 0.41),), duties_noc=(("21223", 0.2), ("21221", 0.1)))
    got = names(ex)
    assert "occupation-mismatch" in got
    assert not got & {"licence-not-mentioned", "degree-field-unrelated", "title-not-profession-name"}
    fix = next(f.fix for f in run(build_context(ex)) if f.rule == "occupation-mismatch")
    assert "Computer Systems Analyst" in fix


def test_below_level_ignores_same_field_technologist_rank() -> None:
    """A chemist whose duties rank chemical technologists first but chemists second is not flagged."""
    chem = dict(title="Chemist", duties=GOOD, cusma=(("chemist", 0.8),), title_noc=(("21101", 1.0),))
    assert fire("below-professional-level", duties_noc=(("22100", 0.38), ("21101", 0.07)), noc=(("21101", .9),),
                **chem) == []
    assert fire("below-professional-level", duties_noc=(("33101", 0.38), ("22100", 0.2)), noc=(("21101", .9),),
                **chem) == []  # a same-field variant in the top 3
    found = fire("below-professional-level", duties_noc=(("14200", 0.3), ("13102", 0.2)), noc=(("21101", .9),),
                 **chem)
    assert found and found[0].severity == "error"  # TEER 4


def test_specificity_handles_prose_duties_and_possessives() -> None:
    from analyzer.checks._specificity import measure

    plain = measure("Review shop drawings for structural steel connections").score
    assert measure("You will also review shop drawings for structural steel connections.").score == plain
    assert measure("Assist in various aspects of the department's work").score == 0


def test_rules_survive_empty_and_odd_letters() -> None:
    """No rule may crash on a letter with nothing extracted, or on odd field values."""
    empty = run(build_context(Example(title=None, duties=(), citizenship=None)))
    assert {f.rule for f in empty} == {"missing-element"}
    assert all(f.evidence is None for f in empty)
    odd = Example(title="??", duties=("-", "x" * 400), program="cptpp", citizenship="ZZ",
                  fields={"term_months": "two years", "start_date": "soon", "end_date": "2027-13-45",
                          "education": "", "worksite": {"city": None, "province": None}, "permanent": "no"},
                  cusma=(("no_such_profession", 0.9),), noc=(("99999", 0.9),))
    findings = run(build_context(odd))
    assert "citizenship-ineligible" in {f.rule for f in findings}
    assert all(f.fix and f.message for f in findings)


def test_docgen_writes_index_and_pages(tmp_path) -> None:
    from analyzer.checks import discover
    from analyzer.checks.docgen import main

    assert main([str(tmp_path)]) == 0
    pages = sorted(p.name for p in tmp_path.glob("OC*.md"))
    assert len(pages) == len(discover()) and (tmp_path / "README.md").exists()
    assert "OC101-vague-duty.md" in pages


def test_phrase_exceptions_for_legal_references_and_sic() -> None:
    base = dict(title="Civil Engineer", duties=("Design bridge decks",), cusma=(("engineer", 0.9),))
    assert fire("vague-phrase", paragraphs=("Stamp drawings as required by the Ontario Building Code.",),
                **base) == []
    assert fire("vague-phrase", paragraphs=("Visit sites as required.",), **base)
    assert fire("unfilled-placeholder", paragraphs=("The client wrote 'recieve' [sic] in the brief.",),
                **base) == []
    assert fire("self-employment", paragraphs=("You will be engaged as a contractor.",), **base)


def test_a_failing_rule_costs_only_its_own_findings(monkeypatch, caplog) -> None:
    import analyzer.checks as checks
    from analyzer.checks import Rule

    class Broken(Rule):
        code, name = "OC199", "broken-rule"

        def check(self, ctx):
            raise RuntimeError("boom")

    real = checks.rules
    monkeypatch.setattr(checks, "rules", lambda program=None: [Broken, *real(program)])
    ex = Example(title="Computer Systems Analyst", duties=GOOD, paragraphs=("Perform other duties as assigned.",),
                 **CSA)
    found = run(build_context(ex))
    assert [f.rule for f in found].count("vague-phrase") == 1
    assert "OC199 broken-rule failed" in caplog.text


def test_exact_title_names_its_profession_without_the_matcher() -> None:
    from analyzer.checks.base import literal_profession

    assert literal_profession("Research Assistant").id == "research_assistant"
    assert literal_profession("Registered Nurse – Critical Care").id == "registered_nurse"
    assert literal_profession("Visual Designer") is None
    # The matcher's title model missed "Research Assistant"; the condition still applies.
    ra = Example(title="Research Assistant", duties=("Run PCR assays for the genomics study",),
                 fields={"employer": "BioNova Inc."}, cusma=(("scientific_technician_technologist", 0.8),),
                 title_cusma=(("chemist", 0.1),), noc=(("22110", 0.5),))
    assert "excluded-occupation" in names(ra)


def test_title_naming_a_profession_exactly_is_the_claim_whatever_ranks_first() -> None:
    from analyzer.checks.base import build_context, exact_profession

    assert exact_profession("Sr. Hydrogeologist") is None  # not a profession name: the matcher decides
    assert exact_profession("Senior Technical Writer II").id == "technical_publications_writer"
    assert exact_profession("Land Surveyor (Cadastral)").id == "land_surveyor"
    assert exact_profession("Software Engineer") is None
    assert exact_profession("Pharmacist, Oncology Day Unit").id == "pharmacist"
    assert exact_profession("Economist – Trade Policy").id == "economist"
    assert exact_profession("Data Engineer, Platform Team") is None
    # Manuals about pumps rank Engineer first on the duties; the title is a Technical Writer's.
    writer = Example(title="Senior Technical Writer", duties=("Write maintenance manuals for centrifugal pumps",),
                     fields={"worksite": {"city": "Halifax", "province": "NS"}},
                     cusma=(("engineer", 0.7), ("technical_publications_writer", 0.6)),
                     title_cusma=(("technical_publications_writer", 0.95),), noc=(("51110", 0.6),))
    assert build_context(writer).claimed_profession.id == "technical_publications_writer"
    assert "licence-not-mentioned" not in names(writer)
    # The title model ranks a neighbour first; the title is still the Dietitian's own name.
    dietitian = Example(title="Dietitian", duties=("Plan therapeutic diets for renal patients",),
                        cusma=(("nutritionist", 0.8),), title_cusma=(("nutritionist", 0.7),), noc=(("31121", 0.8),))
    assert "title-not-profession-name" not in names(dietitian)
    # A title that names no profession is still checked against the duties' profession.
    specialist = Example(title="Nutrition Programs Specialist", duties=dietitian.duties,
                         cusma=(("dietitian", 0.8),), title_cusma=(("dietitian", 0.3),), noc=(("31121", 0.8),))
    assert "title-not-profession-name" in names(specialist)


def _missing(paragraphs: tuple[str, ...], drop: tuple[str, ...], duties: tuple[str, ...] = GOOD) -> dict[str, str]:
    """missing-element's findings by label word -> severity, for a letter whose ``drop`` fields were not read."""
    found = fire("missing-element", title="Computer Systems Analyst", duties=duties, paragraphs=paragraphs, **CSA,
                 fields={k: v for k, v in FIELDS.items() if k not in drop})
    return {f.message: f.severity for f in found}


def test_missing_element_stated_but_unread_is_info_not_warning() -> None:
    drop = ("wage", "start_date", "end_date", "term_months", "education", "signatory")
    found = _missing(("• Compensation: CAD 104,500 per annum, paid semi-monthly",
                      "The engagement runs for eighteen months from your first day.",
                      "You will commence on 3 March 2027 at our Markham office.",
                      "Applicants must hold a bachelor's in information systems.",
                      "Warm regards,", "Lena Park, VP Engineering"), drop)
    assert len(found) == 5 and set(found.values()) == {"info"}
    assert all(m.startswith("offercheck could not read the ") for m in found)


def test_missing_element_still_warns_when_the_value_is_open_or_absent() -> None:
    found = _missing(("Remuneration will be discussed at a later date.",
                      "The start date is to be confirmed once your permit is issued.",
                      "We look for 5 years of experience with ERP rollouts.",
                      "Please return a signed copy within ten days."),
                     ("wage", "start_date", "end_date", "term_months", "signatory"))
    assert found == {"The letter does not state the salary or wage.": "warning",
                     "The letter does not state the start date.": "warning",
                     "The letter does not state the duration of employment.": "warning",
                     "The letter does not state the signature of an authorised signatory.": "warning"}


def test_missing_duties_found_in_prose_or_under_a_heading() -> None:
    prose = ("You will model hydraulic loads for the Riverside pumping station upgrade.",
             "You will also audit the SCADA alarm logs each quarter and propose set-point changes.",
             "Finally, you will calibrate the new ultrasonic flow meters with the field crew.")
    assert _missing(prose, (), duties=()) == {
        "offercheck could not read the duties from the letter, though it seems to be stated "
        f"('{prose[0][:59]}…'); check it is stated plainly.": "info"}
    assert _missing(("Key Responsibilities", "Described in the attached schedule."), (), duties=()) != {}
    assert _missing(("Welcome aboard! We are glad you are joining.",), (), duties=()) == {
        "The letter does not state the duties.": "warning"}


def test_vague_duty_counts_domain_jargon_outside_noc_vocabulary() -> None:
    from analyzer.checks._specificity import measure

    concrete = ("Draft statements of claim and prepare affiants for cross-examination on their affidavits",
                "Plan the tenant data migration and the cut-over runbook for the new mail platform",
                "Redline vendor master services agreements and track the open issues list",
                "Size the sump pumps and detail the sleeve penetrations for the parkade slab")
    generic = ("Work on making things better across the board",
               "Support ongoing improving of processes and initiatives",
               "Handle whatever comes up and help out as needed")
    for text in concrete:
        assert not fire("vague-duty", title="Lawyer", duties=(text,), cusma=(("lawyer", 0.9),),
                        noc=(("41101", 0.8),)), (text, measure(text))
    for text in generic:
        assert fire("vague-duty", title="Lawyer", duties=(text,), cusma=(("lawyer", 0.9),),
                    noc=(("41101", 0.8),)), (text, measure(text))


def test_missing_element_cues_compile_for_every_element() -> None:
    import re

    from analyzer.checks._data import lexicon
    from analyzer.checks._evidence import _compiled, cue

    data = lexicon("missing_elements")
    for element in data["elements"]:
        assert element["evidence"], element["element"]
        assert all(isinstance(_compiled(p), re.Pattern) for p in element["evidence"])
    wage = next(e for e in data["elements"] if e["element"] == "wage")
    assert cue("Base pay: 61.25 per hour, overtime at time and a half.", wage) is not None
    assert cue("Pay: to be determined after the probation review.", wage) is None


def test_missing_duties_vague_list_under_role_heading_and_run_on_clauses() -> None:
    vague = ("The Role", "As our Operations Consultant you will:", "• Support colleagues with day-to-day matters",
             "• Assist with whatever priorities come up", "• Help the office run smoothly each week")
    assert set(_missing(vague, (), duties=()).values()) == {"info"}
    run_on = ("In the studio you will draft the façade details for the library, check the consultants' "
              "drawings against the code, coordinate the window schedule with the supplier; you will also "
              "prepare the tender set for the second phase.",)
    assert set(_missing(run_on, (), duties=()).values()) == {"info"}
    # A heading-like sentence that only mentions the role is not a duties heading.
    assert _missing(("The role requires strong references from two employers.",), (), duties=()) == {
        "The letter does not state the duties.": "warning"}


SALES = ("Meet the quarterly order target for control valves in the territory",
         "Visit plant managers to present the product range and close orders",
         "Keep the pipeline in the CRM and forecast bookings weekly")


def test_a_profession_title_over_duties_that_never_show_it_is_a_mismatch() -> None:
    """'Sales Engineer' read by NOC as technical sales (62100), which the sales duties agree with: the
    letter is still filed as an Engineer and no duty is engineering."""
    kw = dict(title="Sales Engineer", duties=SALES, fields=FIELDS, cusma=(("engineer", 0.0),),
              title_cusma=(("engineer", 0.55),), duties_cusma=(("economist", 0.05), ("engineer", 0.0)),
              title_noc=(("62100", 0.95),), duties_noc=(("60010", 0.43), ("62100", 0.02), ("70010", 0.02)))
    found = fire("occupation-mismatch", **kw)
    assert found and "Engineer" in found[0].message and "60010" in found[0].message
    # an engineer's duties among the duties' top groups settle it
    assert not fire("occupation-mismatch", **{**kw, "duties_noc": (("60010", 0.43), ("21301", 0.1))})
    # every profession at 0.00 on the duties: the title's coming first in that list is no support
    assert fire("occupation-mismatch", **{**kw, "duties_cusma": (("engineer", 0.0), ("economist", 0.0))})


def test_a_research_assistants_duties_need_not_fit_its_setting_code() -> None:
    """Research Assistant (41201) is any field's research in a post-secondary institution."""
    assert not fire("occupation-mismatch", title="Research Assistant", duties=GOOD, fields=FIELDS,
                    cusma=(("research_assistant", 0.3),), title_cusma=(("research_assistant", 0.51),),
                    duties_cusma=(("scientific_technician_technologist", 0.3),),
                    title_noc=(("12113", 0.94),), duties_noc=(("33101", 0.43), ("12113", 0.05)))


def test_a_noc_level_mismatch_needs_a_confident_duties_reading() -> None:
    """The duties-only NOC reading is the matcher's weakest signal: at 0.33 (an actuary's pricing duties
    read as insurance underwriting) it does not make a mismatch; at 0.45 it does."""
    kw = dict(title="Actuary", duties=GOOD, fields=FIELDS, cusma=(("mathematician", 0.9),),
              title_cusma=(("mathematician", 0.9),), duties_cusma=(("economist", 0.1), ("mathematician", 0.02)),
              title_noc=(("21210", 0.96),))
    weak = (("12202", 0.33), ("11101", 0.05), ("12100", 0.05))
    assert not fire("occupation-mismatch", duties_noc=weak, **kw)
    assert fire("occupation-mismatch", duties_noc=(("12202", 0.45),) + weak[1:], **kw)


def test_a_contract_for_services_with_gst_is_self_employment() -> None:
    found = fire("self-employment", title="Computer Systems Analyst", duties=GOOD, fields=FIELDS, **CSA,
                 paragraphs=("This letter sets out a contract for services between the Company and your "
                             "consulting company, which will be paid $80 per hour plus GST.",))
    assert {f.evidence.text.lower() for f in found} >= {"contract for services", "your consulting company", "plus gst"}
    assert not fire("self-employment", title="Computer Systems Analyst", duties=GOOD, fields=FIELDS, **CSA,
                    paragraphs=("This is a contract of employment; you will be on our payroll.",))


def test_a_bonus_or_moving_amount_is_not_a_stated_wage() -> None:
    no_wage = {k: v for k, v in FIELDS.items() if k != "wage"}
    found = fire("missing-element", title="Computer Systems Analyst", duties=GOOD, fields=no_wage, **CSA,
                 paragraphs=("You will receive a signing bonus of $4,000 and we will reimburse moving costs "
                             "up to $6,500.",))
    wage = [f for f in found if "salary or wage" in f.message]
    assert wage and wage[0].severity == "warning"
    quiet = fire("missing-element", title="Computer Systems Analyst", duties=GOOD, fields=no_wage, **CSA,
                 paragraphs=("Your pay will be $4,000 every two weeks.",))
    assert [f.severity for f in quiet if "salary or wage" in f.message] == ["info"]


def test_an_agreement_line_to_sign_is_not_a_placeholder() -> None:
    assert not fire("unfilled-placeholder", title="Computer Systems Analyst", duties=GOOD, fields=FIELDS, **CSA,
                    paragraphs=("Agreed: ______________________   Date: ____________",))
    duties = GOOD[:2]  # GOOD's third duty says "user acceptance", which would read as an acceptance block
    assert fire("unfilled-placeholder", title="Computer Systems Analyst", duties=duties, fields=FIELDS, **CSA,
                paragraphs=("Your start date will be ____________.",))


def test_mostly_generic_duties_are_not_read_as_below_level_work() -> None:
    """Generic duties give the duties model nothing to read: its TEER-3 guess is no evidence."""
    vague = ("Support the team with various tasks", "Perform other duties as assigned",
             "Analyse business requirements for the claims-processing system and write functional specifications")
    kw = dict(title="Computer Systems Analyst", fields=FIELDS, cusma=(("computer_systems_analyst", 0.3),),
              title_noc=(("21222", 0.9),), duties_noc=(("43100", 0.2), ("14100", 0.1)))
    assert not fire("below-professional-level", duties=vague, **kw)
    concrete = ("Sort incoming mail and deliver it to the departments", "Greet visitors and answer the phones",
                "Analyse business requirements for the claims-processing system and write functional specifications")
    assert fire("below-professional-level", duties=concrete, **{**kw, "duties_noc": (("14100", 0.4), ("43100", 0.1))})
