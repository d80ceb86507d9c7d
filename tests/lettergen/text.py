"""The letter's wording: a spec becomes a format-neutral list of elements the renderers draw.

Every choice (phrasing, markers, headings, date format) is seeded by the spec id (one stream per
decision, see ``choose.py``), so a spec always renders the same letter while the set as a whole
varies like real letters.  A spec may pin any choice in ``style`` by its name (``marker``,
``duties_heading``, ``title_label``, ``opening``, ``terms``, ``date_format``, ``duties_intro``,
``item_punctuation``, ...) when a test needs it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from .choose import Chooser
from .model import Element, Letter
from .spec import normalise, seed_for
from .terms import article, fmt_date, term_items
from .text_fr import elements_fr

CANDIDATE_ADDRESSES = {
    "US": ["2210 Maple Avenue", "Austin, TX 78704", "United States"],
    "MX": ["Av. Paseo de la Reforma 250", "Ciudad de México, CDMX 06600", "Mexico"],
    "AU": ["15 Collins Street", "Melbourne VIC 3000", "Australia"],
    "JP": ["1-2-3 Jingumae, Shibuya-ku", "Tokyo 150-0001", "Japan"],
    "CL": ["Av. Providencia 1234", "Santiago", "Chile"],
    "PE": ["Av. Larco 345, Miraflores", "Lima 15074", "Peru"],
    "MY": ["22 Jalan Ampang", "50450 Kuala Lumpur", "Malaysia"],
}
BULLETS = ["•", "•", "*", "◦"]
DASHES = ["-", "-", "–"]
NUMBERINGS = ["1.", "1.", "1)", "(a)", "a."]
NOUN_HEADINGS = ["Duties", "Key Responsibilities", "Duties and Responsibilities", "Main Duties",
                 "Summary of Duties", "Job Description"]
SENTENCE_HEADINGS = ["Your responsibilities will include:", "Your main duties will be as follows:"]
DUTIES_INTROS = [
    "Reporting to the {boss}, you will be responsible for the following:",
    "In this role, your main duties will include:",
    "The main duties of the position are:",
]
DEPARTMENTS = ["Operations", "Professional Services", "Engineering", "Finance", "Client Services"]
BOSSES = ["Director of Operations", "Vice President, Operations", "Managing Director",
          "Chief Executive Officer", "Department Manager"]
PARAGRAPH_HEADINGS = ["Duties", "Job Duties", "Responsibilities"]
TITLE_LABELS = ["Position:", "Job Title:", "Position Title:", "Role:", "Title:", "Position Offered:"]
VALEDICTIONS = ["Sincerely,", "Yours truly,", "Kind regards,", "Best regards,"]


def marker_for(kind: str, i: int) -> str:
    """The i-th (0-based) marker in a numbering style like '1.', '1)', '(a)', 'a.'."""
    n = str(i + 1) if kind[0 if kind[0] != "(" else 1] == "1" else chr(ord("a") + i)
    if kind.startswith("("):
        return f"({n})"
    return n + kind[-1]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def apply_noise(text: str, noise: tuple[str, ...]) -> str:
    if "smart-quotes" in noise:
        text = re.sub(r'"([^"]*)"', "“\\1”", text).replace("'", "’")
    if "ligatures" in noise:
        text = text.replace("fi", "ﬁ").replace("fl", "ﬂ")
    return text


def build(spec: dict[str, Any]) -> Letter:
    """The letter for a spec, with its wording chosen and its noise applied."""
    s = normalise(spec)
    ctx = _Context(s, Chooser(seed_for(s), s["style"]))
    if s.get("language") == "fr":
        els = elements_fr(s, ctx.choose)
    else:
        els = ctx.head() + ctx.opening() + ctx.duties_section()
        els += [Element("para", p) for p in s["extra_paragraphs"]]
        els += ctx.terms() + ctx.closing()
    style_headings(els, ctx.choose("heading_style", ["plain"] * 6 + ["upper"] * 2 + ["numbered"] * 2),
                   numbered_list=s["layout"] == "numbered")
    noise = tuple(s["noise"])
    for el in els:
        el.text = apply_noise(el.text, noise)
        el.lines = tuple(apply_noise(t, noise) for t in el.lines)
        el.rows = tuple(tuple(apply_noise(c, noise) for c in r) for r in el.rows)
    employer = None if "employer" in s["omit"] else s["employer"]["name"]
    return Letter(
        elements=els, employer=apply_noise(employer, noise) if employer else None,
        list_kind=ctx.list_kind, twocolumn=s["layout"] == "twocolumn",
        running=s["layout"] == "pagebreak" or "header-footer" in noise or ctx.running,
        hyphenate="hyphenation" in noise, wrap="wrapped" in noise, noise=noise,
        justify=ctx.choose.chance("justify", 0.3), label_column=ctx.choose.chance("label_column", 0.4),
        letterhead_in_header=ctx.choose.chance("letterhead_in_header", 0.35),
    )


def style_headings(els: list[Element], style: str, numbered_list: bool) -> None:
    """Headings in capitals ("KEY RESPONSIBILITIES") or numbered as sections ("2. Duties"), as
    formal letters often write them; sentence headings ending in ':' keep their case."""
    headings = [el for el in els if el.kind == "heading"]
    if style == "upper":
        for el in headings:
            el.text = el.text if el.text.endswith(":") else el.text.upper()
    elif style == "numbered" and not numbered_list and not any(h.text.endswith(":") for h in headings):
        # (section numbers beside a numbered duty list, or on a sentence heading, would be odd)
        for n, el in enumerate(headings, 1):
            el.text = f"{n}. {el.text}"


def contact_lines(emp: dict[str, Any], choose: Chooser) -> list[str]:
    words = [w for w in re.findall(r"[a-z]+", emp["name"].lower())
             if w not in ("inc", "ltd", "corp", "llp", "the", "of", "society")]
    city_line = f"{emp.get('city', '')}, {emp.get('province', '')} {emp.get('postal_code', '')}"
    phone = f"Tel. ({choose.randint('area', 204, 905)}) 555-{choose.randint('phone', 1000, 9999)}"
    lines = [emp.get("address", ""), city_line.strip(" ,"), phone, f"www.{''.join(words[:2])}.ca"]
    return [c for c in lines if c]


class _Context:
    """Wording helpers sharing the spec, the seeded choices and the choices made so far."""

    def __init__(self, s: dict[str, Any], choose: Chooser) -> None:
        self.s, self.choose = s, choose
        self.omit = set(s["omit"])
        self.emp = s["employer"]
        self.name = "our company" if "employer" in self.omit else self.emp["name"]
        self.date_style = choose("date_format", [0, 0, 0, 0, 1, 1, 2, 3])
        self.list_kind = "bullet"
        self.running = s["layout"] == "signed-page3" and choose.chance("running", 0.5)
        self.title = None if "title" in self.omit else s["title"]

    def date(self, iso: str) -> str:
        return fmt_date(iso, self.date_style)

    def letter_date(self) -> str:
        if self.s.get("date"):
            return self.s["date"]
        start = self.s["terms"].get("start_date") or "2027-03-01"
        return (date.fromisoformat(start) - timedelta(days=self.choose.randint("lead", 40, 90))).isoformat()

    def head(self) -> list[Element]:
        c, cand = self.choose, self.s["candidate"]
        name = "" if "employer" in self.omit else self.emp["name"]
        addr = cand.get("address") or CANDIDATE_ADDRESSES.get(cand.get("citizenship", ""), [])
        subject = "Re: Offer of Employment"
        if self.title and self.s["title_in"] != "sentence":
            subject = c("subject", [f"Re: Offer of Employment – {self.title}",
                                    f"RE: Offer of Employment - {self.title}",
                                    f"Subject: Employment Offer – {self.title}",
                                    f"Re: Job Offer – {self.title}",
                                    f"RE: {self.title} – Offer of Employment"])
        first = cand["name"].split()[0]
        contact = contact_lines(self.emp, c)[:None if name else 3]  # the web address names the employer
        els = [Element("letterhead", name, lines=tuple(contact)),
               Element("line", self.date(self.letter_date())), Element("gap")]
        if c.chance("confidential", 0.25):
            els.append(Element("line", c("confidential_form", ["PRIVATE AND CONFIDENTIAL",
                                                               "Private & Confidential"])))
        if c.chance("by_email", 0.25):
            els.append(Element("line", "Sent by email"))
        els += [Element("line", cand["name"], lines=tuple(addr)), Element("gap"),
                Element("subject", subject),
                Element("line", c("salutation", [f"Dear {cand['name']},", f"Dear {first},", f"Dear {first}:"])),
                Element("gap")]
        return els

    def opening(self) -> list[Element]:
        t, e, c = self.title, self.name, self.choose
        if t is None:
            text = f"We are pleased to offer you employment with {e.rstrip('.')}, on the terms set out below."
        else:
            text = c("opening", [
                f"We are pleased to offer you the position of {t} with {e.rstrip('.')}.",
                f"On behalf of {e}, I am delighted to offer you employment as {article(t)}{t}.",
                f"Following your recent interviews, {e} is pleased to invite you to join us as "
                f"{article(t)}{t} in our {self.emp.get('city', 'head')} office.",
                f"We are pleased to confirm our offer of employment as {article(t)}{t} with {e.rstrip('.')}.",
                f"I am pleased to confirm that {e.rstrip('.')} is offering you the role of {t}.",
                f"Congratulations! We are delighted to extend to you an offer for the position of {t}.",
            ])
        els = [Element("para", text)]
        if self.s["layout"] in ("pagebreak", "signed-page3"):
            els.append(Element("para", self.background()))
        if t and self.s["title_in"] == "label":
            els.append(Element("label", f"{c('title_label', TITLE_LABELS)} {t}"))
            if c.chance("reports_to", 0.3):  # labelled lines that are not the title
                els.append(Element("label", f"Reports to: {upper_first(c('boss', BOSSES))}"))
                els.append(Element("label", f"Department: {c('department', DEPARTMENTS)}"))
        return els

    def background(self) -> str:
        business = self.emp.get("business", "a Canadian company")
        return (f"{self.name[:1].upper()}{self.name[1:]} is {business} based in "
                f"{self.emp.get('city', 'Canada')}. Our team serves clients across Canada and "
                f"abroad, and we value the experience you will bring to the role described in this "
                f"letter. The sections below set out your responsibilities and the terms of the offer.")

    def duties_section(self) -> list[Element]:
        if "duties" in self.omit:
            return []
        layout, duties = self.s["layout"], self.s["duties"]
        if layout == "table":
            return self.duties_table(duties)
        if layout == "paragraph":
            return self.duties_prose(duties)
        els = self.duties_heading()
        texts = self.punctuate([d["text"] for d in duties])
        markers = self.markers(layout, len(duties))
        for i, (text, m) in enumerate(zip(texts, markers, strict=True)):
            if layout == "pagebreak" and i == max(1, len(duties) // 2):
                els.append(Element("break"))
            els.append(Element("item", text, marker=m, duty=True))
        return els

    def duties_heading(self) -> list[Element]:
        """A heading, sometimes followed by an introductory sentence that is not a duty."""
        c = self.choose
        if c.chance("duties_intro", 0.35):
            intro = c("duties_intro_text", DUTIES_INTROS).format(boss=c("boss", BOSSES))
            return [Element("heading", c("duties_heading", NOUN_HEADINGS)), Element("para", intro)]
        return [Element("heading", c("duties_heading", NOUN_HEADINGS + SENTENCE_HEADINGS))]

    def punctuate(self, texts: list[str]) -> list[str]:
        """Lists written as one sentence: items end with ';', the last but one with '; and'."""
        if not self.choose.chance("item_punctuation", 0.25) or len(texts) < 2:
            return texts
        out = [t.rstrip(".;") + ";" for t in texts[:-2]]
        return out + [texts[-2].rstrip(".;") + "; and", texts[-1].rstrip(".;") + "."]

    def markers(self, layout: str, n: int) -> list[str]:
        if layout == "numbered":
            kind = self.choose("marker", NUMBERINGS)
            self.list_kind = "number"
            return [marker_for(kind, i) for i in range(n)]
        if layout == "dashes":
            self.list_kind = "plain"
            return [self.choose("marker", DASHES)] * n
        return [self.choose("marker", BULLETS)] * n

    def duties_table(self, duties: list[dict[str, Any]]) -> list[Element]:
        header = self.choose("table_header", [("Duty", "% of time"), ("Responsibility", "Time (%)"),
                                              ("Main duties", "% of time")])
        rows = [tuple(header)] + [(d["text"], f"{d.get('share', 0):g}%") for d in duties]
        heading = self.choose("duties_heading", ["Duties and Time Allocation", "Duties",
                                                 "Key Responsibilities"])
        return [Element("heading", heading), Element("table", rows=tuple(rows), duty=True)]

    def duties_prose(self, duties: list[dict[str, Any]]) -> list[Element]:
        sentences = [d["text"] if d["text"].rstrip()[-1:] in ".!?" else d["text"] + "." for d in duties]
        half = len(sentences) // 2 if len(sentences) > 5 else len(sentences)
        paras = [" ".join(sentences[:half]), " ".join(sentences[half:])]
        heading = Element("heading", self.choose("duties_heading", PARAGRAPH_HEADINGS))
        return [heading] + [Element("para", p, duty=True) for p in paras if p]

    def terms(self) -> list[Element]:
        items = term_items(self.s, self.choose, self.date_style)
        els: list[Element] = []
        if self.s["layout"] == "signed-page3":
            els.append(Element("break", page=2))
        els.append(Element("heading", self.choose("terms_heading", [
            "Terms of Employment", "Terms and Conditions", "Compensation and Hours"])))
        if self.choose("terms", ["paragraphs", "paragraphs", "labelled"]) == "labelled":
            els += [Element("label", f"{label}: {value}") for label, value, _ in items] + [Element("gap")]
        else:
            sentences = [sentence for _, _, sentence in items]
            for i in range(0, len(sentences), 3):
                els.append(Element("para", " ".join(sentences[i:i + 3])))
        return els + [Element("para", p) for p in self.boilerplate()]

    def boilerplate(self) -> list[str]:
        clauses = [
            "You will be eligible for our group health and dental benefits from your first day of employment.",
            "You will receive three weeks of paid vacation per year.",
            "This offer is conditional on your obtaining a valid work permit from Immigration, "
            "Refugees and Citizenship Canada.",
        ]
        if self.s.get("boilerplate") is False:
            return []
        if self.s["layout"] in ("pagebreak", "signed-page3"):
            return clauses
        rng = self.choose.rng("boilerplate")
        return rng.sample(clauses, rng.randint(1, 2))

    def closing(self) -> list[Element]:
        c, sig = self.choose, self.s["signatory"]
        els: list[Element] = []
        if self.s["layout"] == "signed-page3":
            els.append(Element("break", page=3))
        els.append(Element("para", c("closing", [
            "To accept this offer, please sign below and return a copy of this letter to us.",
            "Please confirm your acceptance by signing and returning a copy of this letter within "
            "ten business days.",
        ]) + " " + c("welcome", [f"We look forward to welcoming you to {self.name.rstrip('.')}.",
                                 "We are excited to have you join our team."])))
        if "signature" in self.omit:
            return els
        lines = [sig["name"], sig["title"]] + ([] if "employer" in self.omit else [self.emp["name"]])
        els.append(Element("signature", c("valediction", VALEDICTIONS), lines=tuple(lines)))
        if self.s["layout"] == "signed-page3" or c.chance("acceptance", 0.4):
            els.append(Element("heading", "Acceptance"))
            els.append(Element("para", "I accept the offer of employment set out in this letter."))
            els.append(Element("line", "Signature: ______________________   Date: ______________",
                               lines=(self.s["candidate"]["name"],)))
        return els
