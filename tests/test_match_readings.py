"""What the CUSMA candidate list shows beyond its winner, and evidence that is not a profession's:
each source's own reading is listed (fuse.show_readings); an occupation the title and the duties
both name first is not a neighbouring profession (fuse.consensus_keep); a unit group shared with
other occupations needs the profession's words (shared_groups.json); sales duties are not the
profession the title names (fuse.sales_position)."""

from __future__ import annotations

import numpy as np

from analyzer.match import acceptance, cusma, duties, examples, fuse, match
from analyzer.match.model import load
from tests.match_helpers import cusma_score


def _ids(m: object, k: int = 3) -> list[str]:
    return [c.id for c in m.cusma[:k]]  # type: ignore[attr-defined]



def test_a_not_covered_title_over_professional_duties_lists_the_duties_profession() -> None:
    m = match("Bookkeeper", ["Prepare the annual consolidated financial statements under IFRS",
                             "Prepare corporate income tax returns and tax provisions",
                             "Lead the year-end audit with the external auditors"])
    assert "accountant" in _ids(m)
    assert cusma_score(m, "accountant") < acceptance()  # the not-covered title still counts against it
    shown = next(c for c in m.cusma if c.id == "accountant")
    assert shown.basis == "duties"


def test_the_titles_profession_is_listed_when_the_duties_read_elsewhere() -> None:
    m = match("Hydrogeologist", ["Plan groundwater monitoring well networks for a landfill expansion",
                                 "Run aquifer pumping tests and model contaminant plumes",
                                 "Write reports for the provincial environment ministry"])
    assert "geologist" in _ids(m)


def test_readings_never_change_the_winner_or_raise_a_score_beyond_its_neighbour() -> None:
    fused = np.array([0.30, 0.20, 0.10, 0.05, 0.01])
    title = np.array([0.1, 0.1, 0.1, 0.1, 0.9])  # the title reads candidate 4
    duties = np.array([0.5, 0.1, 0.1, 0.4, 0.0])  # the duties read candidate 0 (already first)
    out = fuse.show_readings(fused, title, duties, np.zeros(5, dtype=bool))
    order = list(np.argsort(-out, kind="stable"))
    assert order[0] == 0 and order[2] == 4 and order[3] == 2
    assert out[4] - fused[2] < 1e-5  # nudged to just above the candidate it displaced
    blocked = fuse.show_readings(fused, title, duties, np.array([False, False, False, False, True]))
    assert np.array_equal(blocked, fused)  # a reading the duties place below the profession is not shown


def test_two_missing_readings_take_second_and_third_place() -> None:
    fused = np.zeros(6)
    fused[0] = 0.01  # every candidate near 0: the order would otherwise be arbitrary
    title = np.array([0.0, 0.2, 0.2, 0.2, 0.0, 0.8])
    duties = np.array([0.0, 0.0, 0.0, 0.0, 0.6, 0.0])
    out = fuse.show_readings(fused, title, duties, np.zeros(6, dtype=bool))
    assert list(np.argsort(-out, kind="stable")[:3]) == [0, 4, 5]


def test_title_and_duties_naming_another_occupation_outweigh_a_neighbouring_profession() -> None:
    # both read 32104 (veterinary technicians), which no profession lists; the duties model's
    # residue on laboratory groups made this a scientific technician at 0.83 before
    m = match("Veterinary Technician", ["Take blood samples and run laboratory tests",
                                        "Take x-rays of animals", "Monitor anaesthesia during surgery"])
    assert m.cusma[0].score < acceptance()


def test_consensus_keeps_a_profession_that_lists_the_group() -> None:
    b = load()
    idx = cusma.index(b.codes)
    p = np.zeros(len(b.codes))
    p[b.codes.index("31202")] = 0.9
    keep = np.broadcast_to(fuse.consensus_keep(idx, p, p), (len(idx.ids),))
    assert keep[idx.ids.index("physiotherapist")] == 1.0
    assert abs(keep[idx.ids.index("architect")] - 0.1) < 1e-9
    unsure = p * 0.5  # the title at 0.45 and the duties elsewhere: no consensus, no confident title
    assert np.all(np.asarray(fuse.consensus_keep(idx, unsure, np.roll(p, 1))) == 1.0)


def test_a_confident_title_demotes_professions_the_duties_give_no_words() -> None:
    b = load()
    idx = cusma.index(b.codes)
    title = np.zeros(len(b.codes))
    title[b.codes.index("41301")] = 0.95  # "Art Therapist": counselling therapies, no profession's group
    duties = np.roll(title, 1)  # the duties model reads another group
    keep = fuse.consensus_keep(idx, title, duties, cusma.term_hits(idx, "Provide art therapy and assess clients' goals"))
    ot = idx.ids.index("occupational_therapist")
    assert abs(keep[ot] - (1 - 0.7 * 0.95)) < 1e-9
    with_words = fuse.consensus_keep(idx, title, duties, cusma.term_hits(idx, "Assess clients' activities of daily living"))
    assert with_words[ot] == 1.0  # the occupational therapist's own words in the duties speak for it


def test_a_shared_unit_group_needs_the_professions_words() -> None:
    b = load()
    idx = cusma.index(b.codes)
    p = np.zeros(len(b.codes))
    p[b.codes.index("31204")] = 0.8
    i = idx.ids.index("recreational_therapist")
    assert cusma.noc_support(idx, p)[i] == 0.8
    assert cusma.noc_support(idx, p, "Kinesiologist\nDesign exercise programs for injured workers")[i] == 0.0
    assert cusma.noc_support(idx, p, "Plan therapeutic recreation programs for residents")[i] == 0.8


def test_kinesiology_is_not_recreational_therapy() -> None:
    # 31204 holds both; without its words a kinesiologist read as a recreational therapist (0.83)
    for title, lines in (("Kinesiologist", ["Assess clients' fitness and movement",
                                             "Design exercise programs for clients recovering from injury",
                                             "Track progress and adjust programs"]),
                          ("Athletic Therapist", ["Assess injuries and design rehabilitation exercise programs",
                                                  "Provide on-field emergency care", "Track athletes' recovery"])):
        assert cusma_score(match(title, lines), "recreational_therapist") < acceptance()
    rec = match("Recreation Therapist", ["Assess residents' leisure interests and abilities",
                                         "Plan and lead therapeutic recreation programs",
                                         "Evaluate residents' progress and update care plans"])
    assert rec.cusma[0].id == "recreational_therapist" and rec.cusma[0].score >= acceptance()


def test_sales_duties_are_not_the_profession_in_the_title() -> None:
    lines = ["Sell our drainage and irrigation products to farm customers",
             "Visit growers in the territory and recommend products for their fields",
             "Meet the quarterly sales targets and grow market share"]
    assert fuse.sales_position(lines)
    m = match("Agronomist", lines)
    assert cusma_score(m, "agriculturist") < acceptance()
    assert not fuse.sales_position(["Analyse sales and market share data for the brand team",
                                    "Forecast demand with econometric models",
                                    "Write quarterly economic outlook reports"])
    assert not fuse.sales_position(["Sell products"])  # one line alone does not decide


def test_duty_examples_lift_the_group_letters_word_that_way() -> None:
    # letters say "imputation and weighting"; NOC's 21210 text does not: examples labelled 21210 lift it
    b = load()
    pairs = [{"noc": "21210", "duties": ["Develop imputation and weighting procedures for household surveys",
                                         "Calculate variance estimates for survey outputs"]}]
    ex = examples.build(b.duties, b.codes, pairs)
    query = [["Design imputation and weighting methods", "Estimate sampling variance for the business survey"]]
    col = b.codes.index("21210")
    without = duties.proba_many(b.duties, query)[0]
    with_ex = duties.proba_many(b.duties, query, ex)[0]
    assert with_ex[col] > 2 * without[col]
    unrelated = ["Prepare and serve meals in the staff cafeteria"]  # below the floor: no lift anywhere
    assert np.allclose(duties.proba_many(b.duties, [unrelated], ex)[0], duties.proba_many(b.duties, [unrelated])[0])


def test_a_confident_fused_reading_outweighs_professions_outside_it() -> None:
    b = load()
    idx = cusma.index(b.codes)
    fused = np.zeros(len(b.codes))
    fused[b.codes.index("41301")] = 0.7  # counselling therapies: no profession lists or relates to it
    keep = np.asarray(fuse.consensus_keep(idx, fused * 0.5, np.roll(fused, 3), None, fused))
    assert abs(keep[idx.ids.index("psychologist")] - 0.3) < 1e-9
    unsure = np.asarray(fuse.consensus_keep(idx, fused * 0.5, np.roll(fused, 3), None, fused * 0.6))
    assert unsure[idx.ids.index("psychologist")] == 1.0  # 0.42 is below fused_confident
