"""Lexicon matching beyond blind prefixes: abbreviations in capitals, Russian lemmas,
Turkic consonant alternation (own sentences)."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import mentions


def found(text: str, lang: str, cat: str, value: str) -> bool:
    return any(c == cat and v == value for c, v, _, _ in mentions(text, lang))


@pytest.mark.parametrize(
    ("lang", "text", "value", "expected"),
    [
        # an abbreviation matches only in capitals: «ООН» and «он» fold alike
        ("ru", "Стороны обсудили сотрудничество в ООН.", "international", True),
        ("ru", "Он встретился с министром.", "international", False),
        ("en", "They spoke about the UN agenda.", "international", True),
        ("en", "It was an unusual day.", "international", False),
        ("tk", "Taraplar BMG-niň çäklerinde hyzmatdaşlygy ara alyp maslahatlaşdylar.", "international", True),
        # consonant alternation: Turkmen hojalyk -> hojalygy, Turkish stems likewise
        ("tk", "Oba hojalygynda hyzmatdaşlyk ara alnyp maslahatlaşyldy.", "agriculture", True),
        ("tk", "Oba hojalyk pudagynda hyzmatdaşlyk ara alnyp maslahatlaşyldy.", "agriculture", True),
        # city names alternate too: Aşgabat -> Aşgabada (to Ashgabat)
        # a whole word with a noun inflection, not a blind prefix: gaz -> gazının, not gazete
        ("tr", "Türkmen gazının satışı görüşüldü.", "energy", True),
        ("tr", "Gazeteler bu konuyu yazdı.", "energy", False),
        ("tk", "Türkmen gazynyň satuwy ara alnyp maslahatlaşyldy.", "energy", True),
        # no blind prefixes on short words: importance is no import, tipi (type) no medicine
        ("en", "He stressed the importance of the visit.", "trade", False),
        ("en", "Imports from Russia grew.", "trade", True),
        ("tr", "Bu tipi toplantılar önemlidir.", "health", False),
    ],
)
def test_area_matching(lang, text, value, expected):
    assert found(text, lang, "AREA", value) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Russian verbs by lemma: forms of провести/пройти/встретиться, not «прошлом» or «проведение»
        ("В Ашхабаде прошли переговоры.", True),
        ("В Ашхабаде провели переговоры.", True),
        ("В прошлом месяце был подписан указ.", False),
    ],
)
def test_russian_lemmas(text, expected):
    assert found(text, "ru", "CUE", "held") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Министры встретились в Ашхабаде.", True),
        ("Министр встретится с коллегой.", True),
    ],
)
def test_russian_meeting_verbs(text, expected):
    assert found(text, "ru", "CUE", "meeting") is expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the month "maý" is no prefix of "maýa goýum" (investment)
        ("tk", "Bilelikdäki maýa goýum taslamalary ara alnyp maslahatlaşyldy.", False),
        ("tk", "Duşuşyk 5-nji maýda geçirildi.", True),
    ],
)
def test_month_names_are_words(lang, text, expected):
    assert found(text, lang, "MONTH", "5") is expected


@pytest.mark.parametrize(
    ("lang", "text", "areas"),
    [
        # "iş birliği" (cooperation) written in two words is no body's name
        ("tr", "Taraflar enerji ve ulaştırma alanlarında iş birliğini ele aldı.", {"energy", "transport"}),
        # ordinary nouns are no institutions: "energy concerns", "transport services"
        ("en", "The sides discussed energy concerns and transport services.", {"energy", "transport"}),
    ],
)
def test_fields_outside_names(lang, text, areas):
    from .helpers import meetings

    (m,) = meetings(
        "Turkmenistan and Russia held talks. " + text if lang == "en" else "Türkmenistan ve Rusya görüştü. " + text,
        lang,
    )
    assert areas <= set(m.areas)


def test_city_names_alternate():
    # city names alternate too: Aşgabat -> Aşgabada (to Ashgabat)
    assert found("Ministr Aşgabada geldi.", "tk", "CITY", "ashgabat")
