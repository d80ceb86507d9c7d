"""The employer is the legal entity: a company name printed at the top of page 1 and again in the
signature block on a short last page is neither a running header nor lost, and beats a letterhead
line naming a station, school or brand under it; a signature block's legal name (Inc., Professional
Corporation) beats a differing letterhead brand."""

from __future__ import annotations

from pathlib import Path

from analyzer import pipeline
from tests.heldout.render import render_pdf

DUTIES = "\n".join(f"- Design crossing blocks and select lines for drought tolerance in trial {i}" for i in range(1, 9))

TWO_PAGES = f"""# Northern Lights Seed Science Ltd.
Wheat Breeding Field Station
RR 2, Highway 2 South, Lacombe, Alberta T4L 1W1

February 1, 2027

Dr. Ana Ruiz
200 College Ave, Ames, IA 50011

Dear Dr. Ruiz,

We are pleased to offer you the position of Plant Breeder at our field station near Lacombe, for a term
of 24 months starting April 5, 2027, at a salary of $104,000 per year for 40 hours per week.

# Duties
{DUTIES}

The position requires a PhD in Plant Breeding.

Yours sincerely,

Karen Olsen
\f
Director of Research
Northern Lights Seed Science Ltd.

I accept this offer of employment.
Signature: ____________________   Date: ____________
"""


def test_the_company_on_top_and_in_a_short_last_pages_signature_is_the_employer(tmp_path: Path) -> None:
    pdf = render_pdf("legal-two-pages", TWO_PAGES, tmp_path)
    report = pipeline.analyse(pdf, citizenship="US")
    assert report.error is None
    assert report.extraction.field("employer") == "Northern Lights Seed Science Ltd."
    assert "missing-element" not in {f.rule for f in report.findings}  # the signature block is read


def test_a_signing_legal_entity_beats_the_letterhead_brand(tmp_path: Path) -> None:
    text = (TWO_PAGES.replace("# Northern Lights Seed Science Ltd.\nWheat Breeding Field Station\n", "# Prairie Smile Dental\n")
            .replace("Northern Lights Seed Science Ltd.\n", "Prairie Smile Dental Professional Corporation\n")
            .replace("\f\n", ""))  # one page: only the letterhead/signature choice is tested
    path = tmp_path / "offer.txt"
    path.write_text(text, encoding="utf-8")
    report = pipeline.analyse(path, citizenship="US")
    assert report.extraction.field("employer") == "Prairie Smile Dental Professional Corporation"
