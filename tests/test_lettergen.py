"""The test-letter generator: letters really contain what their specs say, in every format."""

from __future__ import annotations

import copy
import json
import re
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

import docx
import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.types import FIELD_NAMES
from tests.lettergen import LAYOUTS, NOISES, OMITTABLE, expected, load_specs, render
from tests.lettergen.__main__ import main as cli_main
from tests.lettergen.spec import validate

ROOT = Path(__file__).resolve().parent
SPECS = {s["id"]: s for s in load_specs(ROOT / "labelled" / "letters")}
FURNITURE = re.compile(r"^\s*(Page \d+ of \d+|Confidential( – .*)?)\s*$", re.M)


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def docx_text(path: Path) -> str:
    d = docx.Document(str(path))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def read_back(path: Path, drop_shares: bool = False) -> str:
    """The letter's text with the noise a careful reader removes (ligatures, quotes, hyphens);
    ``drop_shares`` removes a TXT table's "% of time" column, which interrupts wrapped duties."""
    raw = {"pdf": pdf_text, "docx": docx_text}.get(path.suffix[1:], lambda p: p.read_text("utf-8"))(path)
    if drop_shares:
        raw = re.sub(r"\s+\d+%$", "", raw, flags=re.M)
    text = unicodedata.normalize("NFKC", raw).replace("’", "'").replace("“", '"').replace("”", '"')
    text = FURNITURE.sub("", text.replace("\f", "\n"))
    text = re.sub(r"(\w)-\n\s*(\w)", r"\1\2", text)  # undo line-end hyphenation
    return re.sub(r"\s+", " ", text)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# One PDF per layout plus every DOCX and TXT letter of three layouts.
SAMPLE = [f"{layout}-01" for layout in LAYOUTS if layout != "table"] + [
    "bullets-04", "numbered-04", "dashes-04", "bullets-05", "paragraph-05", "pagebreak-05"]


@pytest.mark.parametrize("sid", SAMPLE)
def test_title_and_duties_present(sid: str, tmp_path: Path) -> None:
    spec = SPECS[sid]
    text = read_back(render(spec, tmp_path))
    truth = expected(spec)
    assert truth["title"] in text
    for duty in truth["duties"]:
        assert flat(duty["text"]) in text, duty["text"]
    assert truth["fields"]["portal_offer_number"] in text


def test_inline_title_only_in_a_sentence(tmp_path: Path) -> None:
    spec = SPECS["inline-title-02"]
    text = read_back(render(spec, tmp_path))
    assert text.count(spec["title"]) == 1
    sentence = next(s for s in re.split(r"(?<=\.) ", text) if spec["title"] in s)
    assert re.search(r"(position of|employment as|join us as)", sentence)
    assert not re.search(r"(Position|Job Title|Role|Position Title): " + re.escape(spec["title"]), text)


def test_table_pdf_has_duty_and_share_cells(tmp_path: Path) -> None:
    spec = SPECS["table-01"]
    with pdfplumber.open(render(spec, tmp_path)) as pdf:
        rows = [r for page in pdf.pages for t in page.extract_tables() for r in t]
    cells = {flat(unicodedata.normalize("NFKC", r[0])).replace("’", "'"): r[1] for r in rows[1:]}
    for duty in expected(spec)["duties"]:
        assert cells[duty["text"]] == f"{duty['share']:g}%"
    assert sum(d["share"] for d in spec["duties"]) == 100


def test_table_docx_is_a_real_table(tmp_path: Path) -> None:
    spec = SPECS["table-04"]
    d = docx.Document(str(render(spec, tmp_path)))
    duty_table = next(t for t in d.tables if len(t.columns) == 2 and len(t.rows) == len(spec["duties"]) + 1)
    cells = [unicodedata.normalize("NFKC", r.cells[0].text) for r in duty_table.rows[1:]]
    assert cells == [x["text"] for x in spec["duties"]]


def test_docx_lists_use_word_list_styles(tmp_path: Path) -> None:
    for sid, style in (("bullets-04", "List Bullet"), ("numbered-04", "List Number")):
        spec = SPECS[sid]
        d = docx.Document(str(render(spec, tmp_path)))
        items = [re.sub(r"(; and|;|\.)$", "", unicodedata.normalize("NFKC", p.text))
                 for p in d.paragraphs if p.style.name == style]
        assert items == [x["text"] for x in spec["duties"]]


@pytest.mark.parametrize("sid", [s for s in SPECS if s.startswith("pagebreak")])
def test_pagebreak_splits_the_duty_list(sid: str, tmp_path: Path) -> None:
    spec = SPECS[sid]
    path = render(spec, tmp_path)
    first, last = spec["duties"][0]["text"], spec["duties"][-1]["text"]
    if spec["format"] == "pdf":
        with pdfplumber.open(path) as pdf:
            pages = [flat(unicodedata.normalize("NFKC", p.extract_text())) for p in pdf.pages]
        assert len(pages) >= 2
        assert first[:40] in pages[0] and last[:40] not in pages[0]
        assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, 1))
    elif spec["format"] == "txt":
        pages = unicodedata.normalize("NFKC", path.read_text("utf-8")).split("\f")
        assert len(pages) >= 2 and first[:40] in flat(pages[0]) and last[:40] not in flat(pages[0])
    else:
        d = docx.Document(str(path))
        items = [p for p in d.paragraphs if p.style.name.startswith("List") or p.text[:2] in ("- ", "– ")]
        assert any(p.paragraph_format.page_break_before for p in items[1:])
        assert "PAGE" in d.sections[0].footer._element.xml


def test_signed_page3_pdf_signature_on_page_3(tmp_path: Path) -> None:
    for sid in ("signed-page3-01", "signed-page3-02"):
        spec = SPECS[sid]
        with pdfplumber.open(render(spec, tmp_path)) as pdf:
            pages = [p.extract_text() for p in pdf.pages]
        assert len(pages) == 3
        assert [n for n, t in enumerate(pages, 1) if spec["signatory"]["name"] in t] == [3]


def test_signed_page3_txt_and_docx(tmp_path: Path) -> None:
    txt = SPECS["signed-page3-05"]
    pages = render(txt, tmp_path).read_text("utf-8").split("\f")
    assert len(pages) == 3 and txt["signatory"]["name"] in pages[2]
    assert all(txt["signatory"]["name"] not in page for page in pages[:2])
    spec = SPECS["signed-page3-04"]
    paras = docx.Document(str(render(spec, tmp_path))).paragraphs
    breaks = [i for i, p in enumerate(paras) if p.paragraph_format.page_break_before]
    sig = next(i for i, p in enumerate(paras) if p.text == spec["signatory"]["name"])
    assert len(breaks) == 2 and breaks[-1] < sig


def test_noise_is_really_in_the_letter(tmp_path: Path) -> None:
    lig = next(s for s in SPECS.values() if "ligatures" in s["noise"] and s["format"] == "pdf")
    with pdfplumber.open(render(lig, tmp_path)) as pdf:  # extract_text() would expand ligatures
        assert any(c["text"] in "ﬁﬂ" for page in pdf.pages for c in page.chars)
    quotes = next(s for s in SPECS.values() if "smart-quotes" in s["noise"] and s["format"] == "txt")
    assert "’" in render(quotes, tmp_path).read_text("utf-8")
    for s in SPECS.values():
        if "hyphenation" in s["noise"] and s["format"] != "docx":
            path = render(s, tmp_path)
            raw = pdf_text(path) if s["format"] == "pdf" else path.read_text("utf-8")
            raw = re.sub(r"\s+\d+%$", "", raw, flags=re.M)  # a table's share column ends the line
            assert re.search(r"[a-z]-\n\s*[a-z]", raw), s["id"]


def test_rendering_is_deterministic(tmp_path: Path) -> None:
    for sid in ("bullets-01", "paragraph-05", "bullets-04"):
        a = render(SPECS[sid], tmp_path / "a").read_bytes()
        b = render(SPECS[sid], tmp_path / "b").read_bytes()
        assert a == b


def _variant(**changes: object) -> dict:
    spec = copy.deepcopy(SPECS["bullets-01"])
    spec.update(changes)
    return spec


@pytest.mark.parametrize("fmt", ["pdf", "docx", "txt"])
def test_omit_and_extra_paragraphs(fmt: str, tmp_path: Path) -> None:
    base = SPECS["bullets-01"]
    extra = "You will invoice the company monthly as an independent contractor."
    spec = _variant(id=f"omit-{fmt}", format=fmt, extra_paragraphs=[extra],
                    omit=["wage", "title", "signature", "employer", "start_date"])
    text = read_back(render(spec, tmp_path))
    assert base["title"] not in text and base["employer"]["name"] not in text
    assert base["signatory"]["name"] not in text and "$" not in text
    assert text.index(extra) > text.index(flat(base["duties"][-1]["text"]))
    truth = expected(spec)
    assert truth["title"] is None and truth["fields"]["wage"] is None
    assert truth["fields"]["signatory"] is None and truth["fields"]["start_date"] is None


def test_omit_duties_term_worksite(tmp_path: Path) -> None:
    base = SPECS["bullets-01"]
    spec = _variant(id="omit-2", format="txt", omit=["duties", "term", "worksite"])
    text = read_back(render(spec, tmp_path))
    assert all(flat(d["text"]) not in text for d in base["duties"])
    assert not re.search(r"months|permanent|will end on|located in|office in|place of work", text)
    f = expected(spec)["fields"]
    assert f["worksite"] is None and f["term_months"] is None and f["permanent"] is None


def test_expected_fields() -> None:
    spec = _variant(terms={"start_date": "2027-01-15", "term_months": 24, "end_date": "2029-01-14",
                           "hours_per_week": 37.5, "wage": {"amount": 48.5, "period": "hour"},
                           "portal_offer_number": "A1234567"})
    truth = expected(spec)
    assert set(truth["fields"]) == set(FIELD_NAMES)
    assert truth["fields"]["wage"] == {"amount": 48.5, "currency": "CAD", "period": "hour",
                                       "hourly": 48.5, "annual": 94575.0}
    assert truth["fields"]["permanent"] is False and truth["fields"]["term_months"] == 24
    assert truth["fields"]["worksite"] == {"city": spec["employer"]["city"],
                                           "province": spec["employer"]["province"]}


def test_term_months_from_dates() -> None:
    spec = _variant(terms={"start_date": "2027-03-15", "end_date": "2028-03-14"})
    assert expected(spec)["fields"]["term_months"] == 12
    spec = _variant(terms={"start_date": "2027-03-15", "end_date": "2029-09-30"})
    assert expected(spec)["fields"]["term_months"] == 31


def test_labelled_set_coverage() -> None:
    layouts = Counter(s["layout"] for s in SPECS.values())
    formats = Counter(s["format"] for s in SPECS.values())
    assert len(SPECS) >= 48 and len(layouts) >= 8 and min(layouts.values()) >= 6
    assert formats["docx"] >= 5 and formats["txt"] >= 5 and formats["pdf"] > len(SPECS) / 2
    assert all(4 <= len(s["duties"]) <= 9 for s in SPECS.values())


def test_bad_specs_are_rejected() -> None:
    with pytest.raises(ValueError, match="layout"):
        validate(_variant(layout="zigzag"))
    with pytest.raises(ValueError, match="omit"):
        validate(_variant(omit=["salary"]))
    with pytest.raises(ValueError, match="title"):
        validate(_variant(title=""))
    validate(_variant(title="", omit=["title"]))


def test_cli_renders_a_directory(tmp_path: Path) -> None:
    spec_dir = tmp_path / "specs"
    spec_dir.mkdir()
    (spec_dir / "x.jsonl").write_text("\n".join(
        json.dumps(_variant(id=f"cli-{f}", format=f)) for f in ("pdf", "docx", "txt")))
    assert cli_main([str(spec_dir), str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["cli-docx.docx", "cli-pdf.pdf", "cli-txt.txt"]


def test_committed_examples_match_their_specs(tmp_path: Path) -> None:
    """`make examples` reproduces the committed letters byte for byte (regenerate after edits)."""
    examples = ROOT.parent / "examples"
    specs = load_specs(examples / "specs")
    assert len(specs) >= 6 and {s["format"] for s in specs} == {"pdf", "docx", "txt"}
    for spec in specs:
        fresh = render(spec, tmp_path)
        committed = examples / fresh.name
        assert committed.read_bytes() == fresh.read_bytes(), f"{committed} is stale: run make examples"


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("fmt", ["pdf", "docx", "txt"])
def test_minimal_spec_renders_every_layout(layout: str, fmt: str, tmp_path: Path) -> None:
    """Only the required fields: every optional part of the letter falls back to a default."""
    spec = {"id": f"min-{layout}-{fmt}", "layout": layout, "format": fmt,
            "employer": {"name": "Acme Widgets Inc."}, "title": "Industrial Designer",
            "duties": [{"text": "Develop concepts and renderings for consumer products", "share": 60},
                       {"text": "Build prototypes to evaluate form and ergonomics", "share": 40}]}
    text = read_back(render(spec, tmp_path))
    assert "Industrial Designer" in text and "Acme Widgets Inc." in text
    assert all(d["text"] in text for d in spec["duties"])
    assert expected(spec)["fields"]["wage"] is None


@pytest.mark.parametrize("layout", LAYOUTS)
@settings(max_examples=8, deadline=None)
@given(omit=st.sets(st.sampled_from(OMITTABLE)), noise=st.sets(st.sampled_from(NOISES)),
       seed=st.integers(0, 10_000))
def test_any_omit_and_noise_combination_renders(layout: str, omit: set, noise: set, seed: int) -> None:
    spec = _variant(id="combo", layout=layout, format="txt", omit=sorted(omit), noise=sorted(noise),
                    seed=seed)
    with tempfile.TemporaryDirectory() as tmp:
        text = read_back(render(spec, Path(tmp)), drop_shares=layout == "table")
    truth = expected(spec)
    if truth["title"]:
        assert truth["title"] in text
    assert all(flat(d["text"]) in text for d in truth["duties"])
    assert (truth["fields"]["signatory"] in text) if truth["fields"]["signatory"] else True


@pytest.mark.parametrize("fmt", ["pdf", "docx", "txt"])
def test_french_letter(fmt: str, tmp_path: Path) -> None:
    spec = _variant(id=f"fr-{fmt}", format=fmt, language="fr", title="Analyste des systèmes informatiques",
                    duties=[{"text": "Analyser les besoins des utilisateurs et rédiger les spécifications"},
                            {"text": "Concevoir et tester les interfaces entre les systèmes de l'entreprise"}])
    text = read_back(render(spec, tmp_path))
    assert "Objet : Offre d'emploi – Analyste des systèmes informatiques" in text
    assert "Analyser les besoins des utilisateurs et rédiger les spécifications" in text
    assert "Nous avons le plaisir" in text and "Dear" not in text
    assert expected(spec)["language"] == "fr"
