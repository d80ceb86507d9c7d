"""Work beside, under or outside a profession is not that profession, whatever the title says:
support-level duties (fuse.support_level), subordinate wording (cusma.subordinate, support_cues.json),
and a treaty condition the work does not meet (cusma.condition_unmet)."""

from __future__ import annotations

from analyzer.match import acceptance, match, scores
from analyzer.match.model import load
from tests.match_helpers import cusma_score


def test_personal_care_duties_under_a_nurse_title_are_not_accepted() -> None:
    m = match("Registered Nurse", ["Bathe and dress residents each morning",
                                   "Serve meal trays and help residents eat",
                                   "Change bed linen and tidy residents' rooms"])
    assert cusma_score(m, "registered_nurse") < acceptance()
    real = match("Registered Nurse", ["Assess patients after cardiac surgery and monitor vital signs",
                                      "Administer medications and intravenous therapy as ordered",
                                      "Develop nursing care plans and teach patients before discharge"])
    assert real.cusma[0].id == "registered_nurse" and real.cusma[0].score >= acceptance()


def test_assisting_the_profession_is_not_the_profession() -> None:
    m = match("Veterinarian", ["Hold and calm dogs and cats while the veterinarian examines them",
                               "Assist the veterinarians in surgery and clean the instruments afterwards",
                               "Answer the phone and book appointments"])
    assert cusma_score(m, "veterinarian") < acceptance()
    vet = match("Veterinarian", ["Examine, diagnose and treat companion animals",
                                 "Perform spays, neuters and dental surgery",
                                 "Prescribe medication and advise owners on vaccination schedules"])
    assert vet.cusma[0].id == "veterinarian" and vet.cusma[0].score >= acceptance()


def test_an_engineer_in_training_under_a_professional_engineer_stays_an_engineer() -> None:
    # "under the supervision of a P.Eng." is how a graduate engineer works; only "the"/"our" marks support
    m = match("Junior Structural Engineer", [
        "Design steel and concrete members for commercial buildings under the supervision of a Professional Engineer",
        "Prepare structural calculations and check shop drawings",
        "Inspect reinforcing steel on site before concrete placement"])
    assert m.cusma[0].id == "engineer" and m.cusma[0].score >= acceptance()


def test_claims_adjuster_needs_disaster_work() -> None:
    ordinary = match("Insurance Claims Adjuster", ["Investigate collision claims and interview the drivers",
                                                   "Appraise vehicle damage and approve repair estimates",
                                                   "Settle claims within the authority limits"])
    assert cusma_score(ordinary, "disaster_relief_insurance_claims_adjuster") < acceptance()
    disaster = match("Insurance Claims Adjuster", ["Investigate property claims arising from the spring flood",
                                                   "Inspect wildfire-damaged homes and estimate the losses",
                                                   "Settle catastrophe claims with policyholders"])
    assert disaster.cusma[0].id == "disaster_relief_insurance_claims_adjuster"
    assert disaster.cusma[0].score >= acceptance()


def test_title_channel_keeps_the_titles_own_view() -> None:
    # the rules compare title and duties: the title channel still names the adjuster profession
    m = match("Disaster Claims Adjuster", ["Investigate collision claims and interview the drivers"])
    assert m.title_cusma[0].id == "disaster_relief_insurance_claims_adjuster"


def test_disputed_positions_are_flagged_for_their_own_calibration() -> None:
    b = load()
    apart = scores.gather(b, "Hotel Manager", ["Cook and plate dishes on the grill station",
                                               "Prepare sauces, stocks and soups",
                                               "Clean the kitchen equipment and the walk-in cooler"])
    together = scores.gather(b, "Hotel Manager", ["Direct the front office, housekeeping and food services",
                                                  "Set room rates and the hotel's operating budget",
                                                  "Hire and supervise the department managers"])
    assert apart is not None and together is not None
    assert apart.noc_disputed and apart.noc_channel == scores.DISPUTED
    assert not together.noc_disputed and together.noc_channel == "noc"


def test_the_professions_own_name_is_not_one_of_its_not_covered_titles() -> None:
    # "physician" begins the not-covered "physician providing direct patient care" but is the
    # profession's name: the title channel names it (excluded-occupation reads it from there) ...
    m = match("Physician", ["Examine patients in the emergency department and order imaging",
                            "Prescribe treatment and admit patients to hospital"])
    assert m.title_cusma[0].id == "physician"
    # ... while the treaty condition (teaching or research; "in_matcher" in
    # cusma_profession_conditions.json) keeps clinical work from being accepted as the profession
    assert cusma_score(m, "physician") < acceptance()
    research = match("Physician", ["Lead clinical research on heart failure at the faculty of medicine",
                                   "Teach residents and medical students",
                                   "See patients in the research clinic as part of the trial protocols"])
    assert research.cusma[0].id == "physician" and research.cusma[0].score >= acceptance()
    lpn = match("Licensed Practical Nurse", ["Give medications to long-term care residents",
                                             "Change dressings and record vital signs"])
    assert cusma_score(lpn, "registered_nurse") < acceptance()


def test_when_the_duties_support_no_profession_the_title_orders_the_candidates() -> None:
    m = match("Sales Engineer", ["Reach the annual order-intake target for compressors in the region",
                                 "Call on plant managers and present the product range",
                                 "Prepare quotations and negotiate discounts"])
    assert m.cusma[0].id == "engineer"
    assert m.cusma[0].score < acceptance()


def test_a_disputed_position_is_coded_by_its_duties() -> None:
    m = match("Hotel Manager", ["Cook and plate dishes on the grill station",
                                "Prepare sauces, stocks and soups",
                                "Clean the kitchen equipment and the walk-in cooler"])
    assert m.agreement is False
    assert m.title_noc[0].code == "60031"  # the title's own reading stays visible
    assert m.noc[0].code == m.duties_noc[0].code == "63200"  # cooks: what the duties describe


def test_a_role_in_a_coordination_or_reported_to_is_not_the_position() -> None:
    m = match("Therapy Assistant", ["Run the mobility exercises set by the occupational therapist and physiotherapist",
                                    "Walk patients to the gym and help with transfers",
                                    "Report each patient's progress to the physiotherapists"])
    assert cusma_score(m, "physiotherapist") < acceptance()
    assert cusma_score(m, "occupational_therapist") < acceptance()


def test_another_health_professions_words_do_not_make_a_psychologist() -> None:
    m = match("Audiologist", ["Assess hearing loss in children and adults",
                              "Fit hearing aids and develop therapy plans",
                              "Write assessment reports for referring physicians"])
    assert cusma_score(m, "psychologist") < acceptance()


def test_the_claims_condition_is_judged_on_the_work_not_the_title() -> None:
    # "Catastrophe" in the title does not make collision claims disaster relief work
    m = match("Catastrophe Claims Adjuster", ["Handle windshield and collision claims from the call centre",
                                              "Review repair estimates and arrange rentals",
                                              "Settle claims within authority"])
    assert cusma_score(m, "disaster_relief_insurance_claims_adjuster") < acceptance()
    assert m.title_cusma[0].id == "disaster_relief_insurance_claims_adjuster"  # the title's own view stays


def test_a_qualified_supervising_role_still_marks_support_work() -> None:
    # "the attending physicians", "the supervising physician": the position works under physicians
    m = match("Physician Assistant", ["Take histories and examine patients under the supervision of the "
                                      "attending physicians", "Suture wounds and apply splints",
                                      "Discuss plans with the supervising physician"])
    assert cusma_score(m, "physician") < acceptance()


def test_a_confident_title_outweighs_a_neighbouring_professions_residue() -> None:
    # 41301 (music therapists) lists no profession; the duties hold no physiotherapy word
    m = match("Music Therapist", ["Provide music therapy sessions to clients with dementia",
                                  "Assess clients and set therapeutic goals",
                                  "Document sessions in client charts"])
    assert cusma_score(m, "physiotherapist") < acceptance()
