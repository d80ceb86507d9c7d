"""Language: French letters are recognised and refused with a clear error, English ones read."""

from __future__ import annotations

import pytest

from analyzer.extract import extract
from analyzer.extract.language import detect
from analyzer.types import InputError
from tests.extract_helpers import layout

FRENCH = ("Nous avons le plaisir de vous offrir le poste d'analyste des systèmes informatiques au sein de "
          "notre équipe à Montréal. Vos fonctions comprendront l'analyse des besoins des utilisateurs et la "
          "conception de solutions. Votre salaire sera de 95 000 $ par année et vous travaillerez 40 heures "
          "par semaine. Veuillez signer cette lettre pour accepter notre offre.")
ENGLISH = ("We are pleased to offer you the position of Computer Systems Analyst with our team in Montréal, "
           "Québec. Your duties will include the analysis of user needs and the design of solutions. Your "
           "salary will be $95,000 per year and you will work 40 hours per week.")


def test_detect() -> None:
    assert detect(FRENCH) == "fr"
    assert detect(ENGLISH) == "en"
    assert detect("Dear Marie,") == "en"  # too little text to call it French


def test_french_letter_raises_unsupported_language_naming_the_file() -> None:
    with pytest.raises(InputError) as err:
        extract(layout(("paragraph", FRENCH), source="offre.pdf"))
    assert err.value.code == "unsupported_language"
    assert err.value.message == "offre.pdf: the letter is in French (fr); offercheck reads English letters only"


def test_english_letter_with_french_place_names_is_read() -> None:
    ex = extract(layout(("paragraph", ENGLISH)))
    assert ex.language == "en"
    assert ex.title is not None and ex.title.value == "Computer Systems Analyst"
    assert ex.field("worksite") == {"city": "Montréal", "province": "QC"}
