"""Meetings: which ones, their kind, number, place, format and date (own sentences)."""

from __future__ import annotations

import pytest

from .helpers import meetings


@pytest.mark.parametrize(
    ("lang", "text", "ordinal"),
    [
        ("en", "The 12th meeting of the Intergovernmental Commission was held in Moscow.", 12),
        ("en", "The eleventh session of the Intergovernmental Commission took place in Ashgabat.", 11),
        ("ru", "В Москве состоялось 12-е заседание межправительственной комиссии.", 12),
        ("ru", "В пятницу в Москве прошло пятое заседание межправительственной комиссии.", 5),
        ("tr", "Hükümetlerarası Komisyonun 12. toplantısı Moskova'da yapıldı.", 12),
        ("tk", "Hökümetara toparyň 13-nji mejlisi Aşgabatda geçirildi.", 13),
        ("tk", "Hökümetara toparyň on üçünji mejlisi Aşgabatda geçirildi.", 13),
        ("ru", "В пятницу в Москве прошло заседание межправительственной комиссии.", None),
    ],
)
def test_session_number(lang, text, ordinal):
    (m,) = meetings(text, lang, "2021-05-14")
    assert m.kind == "commission-session"
    assert m.ordinal == ordinal


@pytest.mark.parametrize(
    ("lang", "text", "city", "fmt"),
    [
        ("tk", "Türkmenistanyň we Russiýanyň ministrleri Aşgabatda duşuşdylar.", "Ashgabat", "in-person"),
        ("ru", "Министры Туркменистана и России провели переговоры в Ашхабаде.", "Ashgabat", "in-person"),
        ("tk", "Hökümetara toparyň mejlisi Moskwada geçirildi.", "Moscow", "in-person"),
        ("tr", "Türkmenistan ve Rusya bakanları Moskova'da görüştü.", "Moscow", "in-person"),
        (
            "en",
            "Ashgabat and Moscow agree on trade\\nThe ministers of Turkmenistan and Russia met in Moscow.",
            "Moscow",
            "in-person",
        ),
        ("en", "The co-chairs of the Intergovernmental Commission held a meeting via videoconference.", None, "video"),
        ("ru", "Министры иностранных дел Туркменистана и России провели телефонный разговор.", None, "phone"),
        ("tr", "Türkmenistan ve Rusya dışişleri bakanları telefonda görüştü.", None, "phone"),
        ("tk", "Türkmenistanyň we Russiýanyň ministrleri wideoaragatnaşyk arkaly duşuşdylar.", None, "video"),
        ("en", "President of Turkmenistan received the Russian delegation.", None, "in-person"),
    ],
)
def test_place_and_format(lang, text, city, fmt):
    (m,) = meetings(text.replace("\\n", "\n"), lang)
    assert (m.city, m.format) == (city, fmt)


@pytest.mark.parametrize(
    ("lang", "text", "published", "kinds", "dates"),
    [
        # talks, then a reception by the president: two meetings, same day
        (
            "en",
            "On 3 March 2021 the 14th session of the Intergovernmental Turkmen-Russian Commission was held in "
            "Ashgabat. The sides discussed energy. Then the President of Turkmenistan received Alexei Overchuk.",
            None,
            ["commission-session", "other"],
            ["2021-03-03", "2021-03-03"],
        ),
        (
            "ru",
            "Вчера президент Туркменистана принял Алексея Оверчука. Затем в Ашхабаде состоялось заседание "
            "межправительственной комиссии.",
            "2021-03-04",
            ["other", "commission-session"],
            ["2021-03-03", "2021-03-03"],
        ),
        # one meeting told in several sentences
        (
            "tr",
            "Türkmenistan ve Rusya heyetleri 5 Mart 2021 tarihinde Aşkabat'ta görüştü. Görüşmede ticaret ele "
            "alındı. Görüşme sonunda belgeler imzalandı.",
            None,
            ["other"],
            ["2021-03-05"],
        ),
        # only announced for the future: nothing
        (
            "en",
            "The next meeting of the Intergovernmental Turkmen-Russian Commission will be held in Moscow in May.",
            None,
            [],
            [],
        ),
        ("ru", "Очередное заседание межправительственной комиссии состоится в Москве в мае.", None, [], []),
        ("tr", "Rusya Dışişleri Bakanı haziranda Türkmenistan'ı ziyaret edecek ve görüşmeler yapacak.", None, [], []),
        ("tk", "Russiýanyň ministri Aşgabada sapar edip, gepleşikleri geçirer.", None, [], []),
        # background only: nothing
        ("ru", "Напомним, в 2019 году в Ашхабаде прошло заседание межправительственной комиссии.", None, [], []),
        # a meeting long before the published date is background
        ("en", "Turkmenistan and Russia held talks on 5 May 2015 in Ashgabat.", "2021-01-10", [], []),
        # a domestic cabinet meeting is not bilateral
        ("en", "At a Cabinet of Ministers meeting the President of Turkmenistan spoke about Russia.", None, [], []),
        # an earlier meeting gets no date of its own
        (
            "en",
            "On 25 June 2025 the ministers of Turkmenistan and Russia signed a programme in Ashgabat. Earlier, "
            "the Russian minister met with the President of Turkmenistan.",
            "2025-06-25",
            ["other", "other"],
            ["2025-06-25", None],
        ),
    ],
)
def test_which_meetings(lang, text, published, kinds, dates):
    ms = meetings(text, lang, published)
    assert [m.kind for m in ms] == kinds
    assert [m.date for m in ms] == dates


@pytest.mark.parametrize(
    ("lang", "text", "kind", "signed"),
    [
        ("en", "A working group of the Intergovernmental Commission met in Ashgabat.", "working-group", False),
        ("ru", "В Москве прошло заседание подкомиссии межправительственной комиссии.", "working-group", False),
        (
            "en",
            "A meeting of the co-chairs of the Intergovernmental Commission took place in Moscow. Documents were "
            "signed.",
            "co-chairs-meeting",
            True,
        ),
        (
            "ru",
            "Состоялась встреча сопредседателей межправительственной комиссии. Подписан протокол.",
            "co-chairs-meeting",
            True,
        ),
        (
            "tk",
            "Hökümetara toparyň başlyklarynyň duşuşygy geçirildi. Resminamalara gol çekildi.",
            "co-chairs-meeting",
            True,
        ),
        ("ru", "Президент Туркменистана провел встречу с делегацией России и подписал указ.", "other", False),
    ],
)
def test_kind_and_agreements(lang, text, kind, signed):
    (m,) = meetings(text, lang)
    assert (m.kind, m.agreements_signed) == (kind, signed)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a law, decision or declaration adopted ("kabul edildi", «принят закон») is no reception, and the
        # Turkmen parliament (the Mejlis) is no session
        ("tr", "Türkmenistan Meclisi'nde Rusya ile ticarete ilişkin kanun kabul edildi."),
        ("tk", "Türkmenistanyň Mejlisinde Russiýa bilen söwda hakynda Kanun kabul edildi."),
        ("tk", "Russiýa bilen hyzmatdaşlyk boýunça Maksatnama kabul edildi."),
        ("ru", "В Туркменистане принят закон о торговле с Россией."),
        ("en", "The parliament of Turkmenistan adopted a law on trade with Russia."),
    ],
)
def test_adopted_law_is_no_meeting(lang, text):
    assert meetings(text, lang, "2026-03-05") == []
