"""``offercheck corpora``: what the bundled reference data holds (counts, versions, sources, load time)."""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter

from analyzer import corpora


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format")


def summary() -> dict:
    start = time.perf_counter()
    noc, cusma = corpora.noc(), corpora.cusma()
    titles = corpora.noc_titles()
    rules = corpora.cptpp_rules()
    load_ms = (time.perf_counter() - start) * 1000
    manifest = corpora.manifest()
    return {
        "corpus_version": manifest["corpus_version"],
        "directory": str(corpora.CORPORA_DIR),
        "load_ms": round(load_ms, 1),
        "noc2021": {
            "unit_groups": len(noc),
            "by_teer": dict(sorted(Counter(u.teer for u in noc.values()).items())),
            "main_duties": sum(len(u.duties) for u in noc.values()),
            "index_titles": len(titles),
            "noc2016_codes_in_concordance": len(corpora.concordance_2016()),
        },
        "cusma": {"professions": len(cusma), "by_category": dict(Counter(p.category for p in cusma.values()))},
        "cptpp": {"countries": corpora.cptpp_countries(), "schedule_rows": len(rules)},
        "attribution": manifest["attribution"],
        "files": [{k: f[k] for k in ("file", "rows", "licence", "sha256")} for f in manifest["files"]],
        "fixes": manifest["fixes"],
    }


def run(args: argparse.Namespace) -> int:
    s = summary()
    if args.format == "json":
        print(json.dumps(s, indent=2, ensure_ascii=False))
        return 0
    n, c = s["noc2021"], s["cusma"]
    print(f"offercheck corpora {s['corpus_version']}  ({s['directory']}, loaded in {s['load_ms']:.0f} ms)")
    teers = ", ".join(f"TEER {t}: {k}" for t, k in n["by_teer"].items())
    print(f"  NOC 2021 v1.0     {n['unit_groups']} unit groups ({teers})")
    print(f"                    {n['main_duties']} main duties, {n['index_titles']} index titles, "
          f"{n['noc2016_codes_in_concordance']} NOC 2016 codes in the concordance")
    cats = ", ".join(f"{k} {v}" for k, v in c["by_category"].items())
    print(f"  CUSMA Appendix 2  {c['professions']} professions ({cats})")
    print(f"  CPTPP (Canada)    {s['cptpp']['schedule_rows']} schedule rules for "
          f"{', '.join(f'{k} {v}' for k, v in s['cptpp']['countries'].items())}")
    print("  files:")
    for f in s["files"]:
        rows = f"{f['rows']} rows" if f["rows"] is not None else ""
        print(f"    {f['file']:<40} {rows:>12}  sha256 {f['sha256'][:12]}")
    print(f"  {s['attribution']}")
    return 0
