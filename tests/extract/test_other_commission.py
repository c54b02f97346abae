"""The countries and the commission are data: a made-up commission of another country pair,
added to a copy of the gazetteer, is extracted with no code change."""

from __future__ import annotations

import shutil

import pytest

from kg import ontology
from kg.extract import lexicon, morph, pipeline

from .helpers import chairs, meetings

EXTRA = """
country:KZ a tmru:Country ; tmru:iso "KZ" ;
    skos:prefLabel "Kazakhstan"@en, "Kazakistan"@tr, "Казахстан"@ru, "Gazagystan"@tk ;
    skos:altLabel "Kazakh"@en, "казахстанский"@ru ;
    tmru:stem "kazakh", "казах", "kazak", "gazak" .

commission:kz-ru-test a tmru:Commission ; tmru:party country:KZ, country:RU ;
    skos:prefLabel "Kazakh-Russian Test Commission"@en, "Казахстанско-российская тестовая комиссия"@ru ;
    tmru:stem "kazakh russian test commission"@en, "казахстанско российск тестов комисс"@ru .

person:test-abenov a tmru:Person ; tmru:forCountry country:KZ ;
    skos:prefLabel "Nurlan Abenov"@en, "Нурлан Абенов"@ru .
"""


def _clear() -> None:
    for f in (ontology.load, lexicon.lexicon, morph.grammar, pipeline.nlp_for):
        f.cache_clear()


@pytest.fixture
def other_commission(tmp_path, monkeypatch):
    folder = tmp_path / "ontology"
    shutil.copytree(ontology.ontology_dir(), folder)
    with (folder / "gazetteer.ttl").open("a", encoding="utf-8") as f:
        f.write(EXTRA)
    monkeypatch.setenv("KG_ONTOLOGY", str(folder))
    _clear()
    yield
    monkeypatch.delenv("KG_ONTOLOGY")
    _clear()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The co-chairs of the Kazakh-Russian Test Commission, Nurlan Abenov and Alexei Overchuk, held a meeting "
            "in Moscow.",
        ),
        (
            "ru",
            "В Москве состоялась встреча сопредседателей казахстанско-российской тестовой комиссии Нурлана Абенова "
            "и Алексея Оверчука.",
        ),
    ],
)
def test_commission_of_another_pair(other_commission, lang, text):
    (m,) = meetings(text, lang)
    assert m.commission == "kz-ru-test"
    assert m.kind == "co-chairs-meeting"
    assert chairs(m) == {("test-abenov", "KZ"), ("alexei-overchuk", "RU")}
