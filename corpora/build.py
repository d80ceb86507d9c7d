"""Build the bundled corpora from the raw reference data: ``python -m corpora.build ../shared/data``.

``python -m corpora.build --manifest`` only refreshes the checksums (after a lexicon is edited).

This is the only code that reads the raw data; the package reads the compact files written here.
Every output file gets a row in ``MANIFEST.json`` with its source, licence, row count and SHA-256.
Corrections to the raw data are made here, in code, and listed in the manifest's ``fixes``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import sys
from collections import defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CORPUS_VERSION = "2026.11.1"
NOC_LICENCE = "Open Government Licence - Canada (Statistics Canada content); attribution required, no endorsement implied"
NOC_ATTRIBUTION = (
    "Source: Statistics Canada, National Occupational Classification (NOC) 2021 Version 1.0. Adapted from the "
    "classification structure and elements files. This does not constitute an endorsement by Statistics Canada "
    "of this product."
)
TREATY_LICENCE = (
    "Compiled from Government of Canada (IRCC) program delivery instructions, reproduced under the Open "
    "Government Licence - Canada / non-commercial reproduction terms; NOC mapping and aliases are the compiler's"
)
CPTPP_COUNTRIES = {
    "Australia": "AU", "Brunei": "BN", "Chile": "CL", "Japan": "JP", "Malaysia": "MY", "Mexico": "MX",
    "New Zealand": "NZ", "Peru": "PE", "Singapore": "SG", "United Kingdom": "GB", "Vietnam": "VN",
}

# Corrections of the raw data, applied below and recorded in the manifest.
FIXES: list[str] = [
    "main_duties: 4 sub-role headings that the raw heuristic left as duties (SOURCE.md, Gaps 2) are dropped "
    "from duties: 54100 'Program leaders and instructors in recreation and sport', 70020 'Managers in "
    "transportation operations' and 'Managers in transportation freight traffic', 72205 'Switch network "
    "installers and repairers'.",
    "cusma_professions / cptpp_canada: NOC code lists are split on ';' and stripped of spaces (raw cells such "
    "as '21202; 41...' carry leading spaces).",
    "cptpp_canada: country names are given ISO 3166 alpha-2 codes (UK = GB).",
    "cptpp_canada: Japan's professional exclusion 'researchers, except those intending to work at an academic "
    "entity' has no codes in the raw data; it is given the research unit groups its note names (21100-21112 "
    "natural and applied scientists, 41400-41409 policy researchers) and `unless: academic_employer`.",
    "cptpp_canada: Australia's 'judges and notaries' exclusion lists 41101 (Lawyers and Quebec notaries), of which "
    "only Quebec notaries are excluded; 41101 is recorded as `partial` so an Australian lawyer is not refused.",
    "cptpp_canada: Malaysia's code-less 'all other TEER 0 and 1 occupations' exclusion is marked `closed_list`.",
]
JP_RESEARCH = ("Japan", "researchers")  # (country, selector prefix) of the code-less research exclusion
PARTIAL = {("Australia", "judges and notaries"): {"41101": "only Quebec notaries are excluded; lawyers are not"}}
MISLABELLED_HEADINGS = {
    ("54100", "Program leaders and instructors in recreation and sport"),
    ("70020", "Managers in transportation operations"),
    ("70020", "Managers in transportation freight traffic"),
    ("72205", "Switch network installers and repairers"),
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _codes(cell: str) -> list[str]:
    return [c.strip() for c in (cell or "").split(";") if c.strip()]


def _list(cell: str) -> list[str]:
    return [c.strip() for c in (cell or "").split(";") if c.strip()]


def build_noc(raw: Path) -> dict[str, list]:
    units = {r["code"]: r for r in _rows(raw / "unit_groups.csv")}
    per: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for r in _rows(raw / "main_duties.csv"):
        if r["kind"] == "duty" and (r["code"], r["duty"]) not in MISLABELLED_HEADINGS:
            per[r["code"]]["duties"].append(r["duty"])
    for r in _rows(raw / "example_titles.csv"):
        per[r["code"]]["example_titles"].append(r["title"])
        if r["illustrative"] == "true":
            per[r["code"]]["illustrative_titles"].append(r["title"])
    for r in _rows(raw / "employment_requirements.csv"):
        per[r["code"]]["requirements"].append(r["requirement"])
    for r in _rows(raw / "additional_information.csv"):
        per[r["code"]]["additional_information"].append(r["text"])
    for r in _rows(raw / "inclusions.csv"):
        per[r["code"]]["inclusions"].append(r["title"])
    for r in _rows(raw / "exclusions.csv"):
        per[r["code"]]["exclusions"].append([r["excluded_code"], r["text"]])
    out = []
    for code, u in sorted(units.items()):
        entry = {
            "code": code, "title": u["title"], "teer": int(u["teer"]), "lead_statement": u["lead_statement"],
            "broad_category_title": u["broad_category_title"], "major_group_title": u["major_group_title"],
            "sub_major_group_title": u["sub_major_group_title"], "minor_group": u["minor_group"],
            "minor_group_title": u["minor_group_title"],
        }
        for key in ("duties", "example_titles", "illustrative_titles", "requirements",
                    "additional_information", "inclusions", "exclusions"):
            entry[key] = per[code][key]
        out.append(entry)
    return {"unit_groups": out}


def build_cusma(raw: Path) -> list[dict]:
    out = []
    for r in _rows(raw / "cusma_professions.csv"):
        out.append({
            "id": r["id"], "name": r["profession"], "category": r["category"],
            "credential_text": r["credential_text"], "min_education": r["min_education"],
            "alternative_credentials": [a.strip() for a in r["alternative_credentials"].split(";") if a.strip()],
            "conditions": r["conditions_footnote"], "ircc_guidance": r["ircc_guidance"],
            "noc_codes": _codes(r["noc2021_codes"]), "noc_related": _codes(r["noc2021_related"]),
            "noc2016_codes": _codes(r["noc2016_codes"]), "noc_confidence": r["noc_confidence"],
            "noc_mapping_note": r["noc_mapping_note"], "regulated": r["regulated_hint"],
            "aliases": _list(r["aliases"]), "not_covered_titles": _list(r["not_covered_titles"]),
        })
    return out


def build_cptpp(raw: Path, noc_codes: list[str]) -> list[dict]:
    out = []
    for r in _rows(raw / "cptpp_canada.csv"):
        extra: dict = {}
        if r["country"] == JP_RESEARCH[0] and r["rule"] == "exclude" and r["noc_selector"].startswith(JP_RESEARCH[1]):
            r["noc2021_codes"] = ";".join(c for c in noc_codes if "21100" <= c <= "21112" or "41400" <= c <= "41409")
            extra["unless"] = "academic_employer"
        if r["rule"] == "exclude" and not r["noc2021_codes"].strip():
            extra["closed_list"] = True
        if (r["country"], r["noc_selector"]) in PARTIAL:
            extra["partial"] = PARTIAL[(r["country"], r["noc_selector"])]
        out.append({**extra,
            "country": CPTPP_COUNTRIES[r["country"]], "country_name": r["country"], "category": r["category"],
            "rule": r["rule"], "selector": r["noc_selector"], "codes": _codes(r["noc2021_codes"]),
            "text": r["text"], "confidence": r["confidence"], "notes": r["notes"],
        })
    return out


def build_concordance(raw: Path) -> list[dict]:
    return [
        {"noc2016": r["noc2016_code"], "noc2016_title": r["noc2016_title"], "change": r["gsim_type_of_change"],
         "noc2021": r["noc2021_code"], "noc2021_title": r["noc2021_title"]}
        for r in _rows(raw / "concordance_noc2016v1.3_noc2021v1.0.csv")
    ]


def _write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n",
                    encoding="utf-8")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--manifest"]:  # refresh checksums after editing a project lexicon; needs no raw data
        write_manifest([])
        print(f"{HERE / 'MANIFEST.json'} refreshed")
        return 0
    shared = Path(argv[0] if argv else "../shared/data").resolve()
    noc_raw, treaties = shared / "noc2021", shared / "treaties"
    if not noc_raw.is_dir() or not treaties.is_dir():
        print(f"corpora.build: {shared} must hold noc2021/ and treaties/", file=sys.stderr)
        return 2
    noc_data = build_noc(noc_raw)
    outputs = {
        "noc2021/unit_groups.json": (noc_data, "NOC 2021 v1.0 unit groups with lead statements, main "
                                     "duties, example titles, requirements, inclusions, exclusions",
                                     ["noc2021/unit_groups.csv", "noc2021/main_duties.csv",
                                      "noc2021/example_titles.csv", "noc2021/employment_requirements.csv",
                                      "noc2021/additional_information.csv", "noc2021/inclusions.csv",
                                      "noc2021/exclusions.csv"], NOC_LICENCE),
        "noc2021/concordance_2016_2021.json": (build_concordance(noc_raw), "official NOC 2016 v1.3 -> NOC 2021 "
                                               "v1.0 correspondence", ["noc2021/concordance_noc2016v1.3_noc2021v1.0.csv"],
                                               NOC_LICENCE),
        "treaties/cusma_professions.json": (build_cusma(treaties), "the 63 CUSMA Appendix 2 professions",
                                            ["treaties/cusma_professions.csv"], TREATY_LICENCE),
        "treaties/cptpp_rules.json": (build_cptpp(treaties, [u["code"] for u in noc_data["unit_groups"]]), "Canada's CPTPP professional/technician schedule by "
                                      "country", ["treaties/cptpp_canada.csv"], TREATY_LICENCE),
    }
    manifest_files = []
    for rel, (data, what, sources, licence) in outputs.items():
        _write_json(HERE / rel, data)
        rows = len(data["unit_groups"]) if isinstance(data, dict) else len(data)
        manifest_files.append({"file": rel, "what": what, "rows": rows, "sources": sources, "licence": licence})
    for name in ("cusma_conditions.yaml", "cptpp_conditions.yaml"):
        yaml.safe_load((treaties / name).read_text(encoding="utf-8"))  # must parse before it is bundled
        shutil.copyfile(treaties / name, HERE / "treaties" / name)
        manifest_files.append({"file": f"treaties/{name}", "what": "program conditions as IRCC applies them",
                               "rows": None, "sources": [f"treaties/{name}"], "licence": TREATY_LICENCE})
    for name in ("SOURCE.md",):
        shutil.copyfile(noc_raw / name, HERE / "noc2021" / name)
        shutil.copyfile(treaties / name, HERE / "treaties" / name)
    write_manifest(manifest_files, shared)
    print(f"corpora built in {HERE} from {shared}")
    return 0


def write_manifest(generated: list[dict], shared: Path | None = None) -> None:
    """Checksums for every data file under corpora/ (generated ones and the project's own lexicons)."""
    by_file = {g["file"]: g for g in generated}
    old = HERE / "MANIFEST.json"
    if old.exists():
        for entry in json.loads(old.read_text(encoding="utf-8"))["files"]:
            by_file.setdefault(entry["file"], entry)
    files = []
    for path in sorted(HERE.rglob("*")):
        rel = path.relative_to(HERE).as_posix()
        if not path.is_file() or path.suffix in {".py", ".pyc"} or rel == "MANIFEST.json" or "__pycache__" in rel:
            continue
        entry = dict(by_file.get(rel) or {"file": rel, "what": "project-written data", "rows": None,
                                          "sources": ["written by the offercheck project"],
                                          "licence": "MIT (this project)"})
        entry["sha256"] = _sha256(path)
        files.append(entry)
    manifest = {"corpus_version": CORPUS_VERSION, "attribution": NOC_ATTRIBUTION,
                "built_from": "../shared/data (see noc2021/SOURCE.md, treaties/SOURCE.md)", "fixes": FIXES,
                "files": files}
    _write_json(old, manifest)


if __name__ == "__main__":
    sys.exit(main())
