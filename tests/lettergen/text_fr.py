"""French wording (spec ``"language": "fr"``): a Quebec-style offer letter, so readers can be
tested on refusing French letters in every format.  Less varied than the English wording; the
duties are the spec's own text (write them in French)."""

from __future__ import annotations

from datetime import date
from typing import Any

from .choose import Chooser
from .model import Element

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
PERIODS = {"hour": "l'heure", "week": "par semaine", "month": "par mois", "year": "par année"}


def date_fr(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{'1er' if d.day == 1 else d.day} {MONTHS[d.month - 1]} {d.year}"


def de(word: str) -> str:
    """'de ' or the elided "d'" before a vowel or mute h."""
    return "d'" if word[:1].lower() in "aeiouhéèê" else "de "


def money_fr(amount: float) -> str:
    whole = f"{amount:,.2f}".replace(",", " ").replace(".", ",")
    return (whole[:-3] if whole.endswith(",00") else whole) + " $"


def elements_fr(s: dict[str, Any], choose: Chooser) -> list[Element]:
    """The whole letter in French, in the same element kinds the English wording uses."""
    emp, cand, t = s["employer"], s["candidate"], s["terms"]
    title = s.get("title") or "à déterminer"
    els = [Element("letterhead", emp["name"], lines=(emp.get("address", ""), f"{emp.get('city', '')} "
                                                     f"({emp.get('province', '')}) {emp.get('postal_code', '')}")),
           Element("line", f"{emp.get('city', 'Montréal')}, le {date_fr(s.get('date') or '2026-11-02')}"),
           Element("gap"), Element("line", cand["name"]), Element("gap"),
           Element("subject", f"Objet : Offre d'emploi – {title}"),
           Element("line", "Madame, Monsieur,"), Element("gap"),
           Element("para", f"Nous avons le plaisir de vous offrir le poste {de(title)}{title} au sein de "
                           f"{emp['name'].rstrip('.')}."),
           Element("label", f"Poste : {title}"),
           Element("heading", choose("duties_heading_fr", ["Tâches principales", "Responsabilités"]))]
    els += [Element("item", d["text"], marker="•", duty=True) for d in s["duties"]]
    els.append(Element("heading", "Conditions d'emploi"))
    els += [Element("para", p) for p in _terms_fr(t, emp)]
    els += [Element("para", "Veuillez signer et nous retourner une copie de la présente lettre pour "
                            "confirmer votre acceptation."),
            Element("signature", "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.",
                    lines=(s["signatory"]["name"], s["signatory"]["title"], emp["name"]))]
    return els


def _terms_fr(t: dict[str, Any], emp: dict[str, Any]) -> list[str]:
    out = []
    if t.get("start_date"):
        out.append(f"Votre entrée en fonction est prévue le {date_fr(t['start_date'])}.")
    if t.get("term_months"):
        out.append(f"Il s'agit d'un poste temporaire à temps plein d'une durée de {t['term_months']} mois.")
    if t.get("hours_per_week"):
        out.append(f"L'horaire de travail est de {t['hours_per_week']:g} heures par semaine.")
    if t.get("wage"):
        w = t["wage"]
        out.append(f"Votre rémunération sera de {money_fr(float(w['amount']))} {PERIODS[w['period']]}.")
    out.append(f"Le lieu de travail est situé à {emp.get('city', '')} ({emp.get('province', '')}).")
    if t.get("education"):
        out.append(f"Ce poste exige {t['education']}.")
    return [" ".join(out)]
