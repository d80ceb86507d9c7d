"""Self-contained HTML: one page per letter (the letter's text with each finding's words
highlighted and linked to the finding) and an index page for a batch, sortable by verdict.

Everything from the letter is escaped; pages load nothing from elsewhere (inline CSS and a few
lines of inline JS, locked down by a Content-Security-Policy)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any
from urllib.parse import quote

from analyzer.report import VERDICTS, ReportLike, as_dict, severity_counts, sorted_findings
from analyzer.report.text import shown_cusma
from analyzer.types import Report

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#f6f6f4}
header{padding:14px 24px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:18px 0 8px}
.verdict{display:inline-block;padding:2px 10px;border-radius:10px;font-weight:700;color:#fff}
.v-fail,.v-error{background:#c62828}.v-review{background:#b26a00}.v-pass{background:#2e7d32}
.cols{display:flex;gap:20px;padding:0 24px 24px;align-items:flex-start}
.letter{flex:3;min-width:0;position:sticky;top:0}.side{flex:2;min-width:0}
pre.text{white-space:pre-wrap;background:#fff;border:1px solid #ddd;padding:16px;font:13px/1.5 ui-monospace,monospace}
mark{padding:0 1px;border-radius:2px}
.page{display:block;border-top:1px dashed #bbb;color:#888;font-size:11px;margin:4px 0}mark a{color:inherit;text-decoration:none}
mark.sev-error{background:#ffcdd2;border-bottom:2px solid #c62828}
mark.sev-warning{background:#ffecb3;border-bottom:2px solid #b26a00}
mark.sev-info{background:#d7ecff;border-bottom:2px solid #1565c0}
ol.findings{padding-left:0;list-style:none}
ol.findings li{background:#fff;border:1px solid #ddd;border-left:5px solid #999;padding:8px 12px;margin:0 0 8px}
li.sev-error{border-left-color:#c62828!important}li.sev-warning{border-left-color:#b26a00!important}
li.sev-info{border-left-color:#1565c0!important}li:target{outline:2px solid #1565c0}
.code{font:12px ui-monospace,monospace;background:#eee;padding:1px 4px;border-radius:3px}
.fix{color:#2e5b2e}.quote{font-style:italic}
table{border-collapse:collapse;background:#fff;width:100%}
td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th button{all:unset;cursor:pointer;font-weight:700}
nav a{margin-right:14px}
"""
SORT_JS = """
document.querySelectorAll('th button').forEach(function(b){b.addEventListener('click',function(){
var th=b.parentNode,i=Array.prototype.indexOf.call(th.parentNode.children,th),
tb=th.closest('table').tBodies[0],up=th.getAttribute('aria-sort')!=='ascending';
var rows=Array.prototype.slice.call(tb.rows);rows.sort(function(x,y){
var a=x.cells[i].dataset.key||x.cells[i].textContent,c=y.cells[i].dataset.key||y.cells[i].textContent;
var n=parseFloat(a)-parseFloat(c);var r=isNaN(n)?a.localeCompare(c):n;return up?r:-r;});
rows.forEach(function(r){tb.appendChild(r);});
th.parentNode.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort');});
th.setAttribute('aria-sort',up?'ascending':'descending');});});
"""


def html_page(title: str, body: str, script: str = "") -> str:
    js = f"<script>{script}</script>" if script else ""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
            f"<body>{body}{js}</body></html>\n")


def _spans(findings: Sequence[Mapping[str, Any]], size: int) -> list[tuple[int, int, int]]:
    """(start, end, finding index) for every finding whose evidence is a valid span of the text."""
    out = []
    for i, f in enumerate(findings):
        ev = f.get("evidence")
        if ev and 0 <= ev["start"] < ev["end"] <= size:
            out.append((ev["start"], ev["end"], i))
    return out


def page_starts(report: ReportLike) -> dict[int, int]:
    """Text offset -> page number where pages 2, 3, ... begin (known when the Report holds its
    Document; a report dict has no page layout)."""
    doc = report.document if isinstance(report, Report) else None
    if doc is None:
        return {}
    return {page.lines[0].start: page.number for page in doc.pages[1:] if page.lines}


def highlight(text: str, findings: Sequence[Mapping[str, Any]], pages: Mapping[int, int] | None = None) -> str:
    """The escaped letter text with each finding's evidence in ``<mark>`` linked to ``#f<i>``.

    Overlapping evidence is cut at every boundary; a piece covered by several findings links to
    the worst one (findings come worst first) and names all of them in ``data-findings``.
    ``pages`` (offset -> page number) adds a page rule where each page begins."""
    pages = {k: v for k, v in (pages or {}).items() if 0 < k < len(text)}
    spans = _spans(findings, len(text))
    cuts = sorted({0, len(text), *pages, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    starts = {}
    for s, _, i in spans:
        starts.setdefault(s, []).append(i)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a in pages:
            out.append(f'<span class="page" id="page{pages[a]}">page {pages[a]}</span>')
        out += [f'<span class="anchor" id="m{i + 1}"></span>' for i in starts.get(a, [])]
        cover = [i for s, e, i in spans if s <= a and b <= e]
        piece = escape(text[a:b])
        if not cover:
            out.append(piece)
            continue
        first = findings[cover[0]]
        ids = " ".join(f"f{i + 1}" for i in cover)
        label = escape("; ".join(f"{findings[i]['rule']}: {findings[i]['message']}" for i in cover))
        out.append(f'<mark class="sev-{escape(first["severity"])}" data-findings="{ids}" '
                   f'title="{label}"><a href="#f{cover[0] + 1}">{piece}</a></mark>')
    return "".join(out)


def _finding_item(i: int, f: Mapping[str, Any], linked: bool) -> str:
    ev = f.get("evidence")
    if ev:
        quote_ = escape(" ".join(ev["text"].split()))
        where = f'page {ev["page"]}: <span class="quote">\u201c{quote_}\u201d</span>'
        where = f'<a href="#m{i}">{where}</a>' if linked else where
    else:
        where = "not in the letter"
    return (f'<li id="f{i}" class="sev-{escape(f["severity"])}"><span class="code">{escape(f["code"])}'
            f'</span> <b>{escape(f["rule"])}</b> ({escape(f["severity"])}) \u2014 {where}'
            f'<p>{escape(f["message"])}</p><p class="fix"><b>Fix:</b> {escape(f["fix"])}</p></li>')


def _matches(r: Mapping[str, Any]) -> str:
    cusma = "".join(f"<tr><td>{escape(c['name'])}<br><small>{escape(c['id'])}</small></td>"
                    f"<td>{c['score']:.2f}</td></tr>" for c in shown_cusma(r, 5)) or (
        "<tr><td colspan=2>none above 0.00</td></tr>")
    noc = "".join(f"<tr><td>{escape(c['code'])}</td><td>{escape(c['title'])}</td><td>{c['teer']}</td>"
                  f"<td>{c['score']:.2f}</td></tr>" for c in r.get("noc", [])[:5])
    return (f"<h2>CUSMA professions</h2><table><tr><th>profession</th><th>score</th></tr>{cusma}</table>"
            f"<h2>NOC 2021</h2><table><tr><th>code</th><th>title</th><th>TEER</th><th>score</th></tr>"
            f"{noc}</table>")


Link = tuple[str, str] | tuple[str, str, bool]  # (label, href[, is a download: default True])


def _value_text(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items() if v is not None)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _terms(r: Mapping[str, Any]) -> str:
    """The terms the letter states (absent ones are findings, not rows)."""
    rows = "".join(f"<tr><th>{escape(name.replace('_', ' '))}</th><td>{escape(_value_text(v['value']))}</td></tr>"
                   for name, v in r.get("fields", {}).items() if v is not None)
    return f'<h2>Terms found</h2><table id="terms">{rows}</table>' if rows else ""


def _header(r: Mapping[str, Any], links: Sequence[Link]) -> str:
    counts = severity_counts(r)
    title = r.get("title")
    nav = "".join(f'<a href="{escape(link[1])}"{" download" if link[2:3] != (False,) else ""}>'
                  f'{escape(link[0])}</a>' for link in links)
    who = f", citizenship {r['citizenship']}" if r.get("citizenship") else ""
    return (f'<header><h1>{escape(r["file"])}</h1><span class="verdict v-{escape(r["verdict"])}" '
            f'id="verdict">{escape(r["verdict"].upper())}</span> '
            f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes \u2014 "
            f"{escape(r['program'].upper() + who)}"
            f"<p>Job title: <b>{escape(title['text']) if title else '(none found)'}</b></p>"
            f"{f'<nav>{nav}</nav>' if nav else ''}</header>")


def render(report: ReportLike, links: Sequence[Link] = ()) -> str:
    """One letter's page.  ``links``: (label, href[, download]) links shown in the header."""
    r = as_dict(report, include_text=True)
    if r["status"] == "error":
        body = (f'{_header(r, links)}<div class="cols"><p id="error">Could not read this file '
                f'({escape(r["error"]["code"])}): {escape(r["error"]["message"])}</p></div>')
        return html_page(f"offercheck: {r['file']}", body)
    findings = sorted_findings(r)
    text = r.get("text")
    marked = highlight(text, findings, page_starts(report)) if text is not None else ""
    letter = (f'<pre class="text" id="letter">{marked}</pre>' if text is not None
              else "<p>(letter text not included in this report)</p>")
    items = "".join(_finding_item(i + 1, f, text is not None) for i, f in enumerate(findings))
    body = (f"{_header(r, links)}<div class=\"cols\"><section class=\"letter\"><h2>Letter</h2>"
            f"{letter}</section><section class=\"side\"><h2>Findings ({len(findings)})</h2>"
            f'<ol class="findings">{items or "<li>No findings.</li>"}</ol>{_matches(r)}{_terms(r)}'
            "</section></div>")
    return html_page(f"offercheck: {r['file']}", body)


def _index_row(r: Mapping[str, Any], href: str | None) -> str:
    counts = severity_counts(r)
    name = escape(r["file"])
    cell = f'<a href="{escape(quote(href))}">{name}</a>' if href else name
    title = r["title"]["text"] if r.get("title") else (r["error"]["message"] if r.get("error") else "")
    top_c = r["cusma"][0]["id"] if r.get("cusma") else ""
    top_n = r["noc"][0]["code"] if r.get("noc") else ""
    rank = VERDICTS.index(r["verdict"]) if r["verdict"] in VERDICTS else len(VERDICTS)
    return (f'<tr><td>{cell}</td><td data-key="{rank}"><span class="verdict v-{escape(r["verdict"])}">'
            f'{escape(r["verdict"])}</span></td><td>{escape(title)}</td><td>{escape(top_c)}</td>'
            f"<td>{escape(top_n)}</td><td>{counts['error']}</td><td>{counts['warning']}</td>"
            f"<td>{counts['info']}</td></tr>")


def render_index(reports: Sequence[ReportLike], hrefs: Sequence[str | None] = ()) -> str:
    """The batch index: one row per letter, worst verdict first, columns sortable by click.
    ``hrefs[i]`` links row i to its letter page (relative URL)."""
    dicts = [as_dict(r, include_text=False) for r in reports]
    links = list(hrefs) + [None] * (len(dicts) - len(hrefs))
    order = sorted(range(len(dicts)), key=lambda i: (VERDICTS.index(dicts[i]["verdict"])
                                                     if dicts[i]["verdict"] in VERDICTS else 9, i))
    rows = "".join(_index_row(dicts[i], links[i]) for i in order)
    verdicts = [d["verdict"] for d in dicts]
    counts = ", ".join(f"{verdicts.count(v)} {v}" for v in VERDICTS if verdicts.count(v))
    heads = "".join(f"<th><button>{h}</button></th>" for h in
                    ("file", "verdict", "job title", "CUSMA", "NOC", "errors", "warnings", "notes"))
    body = (f"<header><h1>offercheck: {len(dicts)} letters</h1><p id=\"counts\">{counts}</p></header>"
            f"<div class=\"cols\">"
            f'<table id="index"><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table></div>')
    return html_page("offercheck: batch index", body, SORT_JS)
