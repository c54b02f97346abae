"""Dates in the four languages (sentences written for these tests)."""

from __future__ import annotations

import pytest

from kg.extract.dates import find_dates

from .helpers import meetings

PUB = "2021-03-05"  # a Friday


@pytest.mark.parametrize(
    ("lang", "text", "published", "expected"),
    [
        # explicit dates
        ("tr", "Görüşme 19 Haziran 2020 tarihinde yapıldı.", None, ["2020-06-19"]),
        ("en", "The talks took place on June 19, 2020 in the capital.", None, ["2020-06-19"]),
        ("en", "On the 7th of May 2019 the delegations met.", None, ["2019-05-07"]),
        ("ru", "Заседание прошло 19 июня 2020 года в столице.", None, ["2020-06-19"]),
        ("tk", "Duşuşyk 2020-nji ýylyň 19-njy iýunynda geçirildi.", None, ["2020-06-19"]),
        ("tk", "Aşgabat. 2-nji oktýabr, 2017 ý.", None, ["2017-10-02"]),
        ("ru", "Опубликовано 7.12.2022 на сайте.", None, ["2022-12-07"]),
        ("en", "Report of 2022-12-07.", None, ["2022-12-07"]),
        # ranges give the first day
        ("en", "The group met on 6-7 May 2021.", None, ["2021-05-06"]),
        ("tk", "Forum 2022-nji ýylyň 12-13-nji maýynda geçirildi.", None, ["2022-05-12"]),
        ("tr", "Heyet 24-25 Haziran 2021 tarihlerinde geldi.", None, ["2021-06-24"]),
        # no year: the published year, else nothing
        ("en", "The meeting was held on 4 December in the capital.", "2021-12-10", ["2021-12-04"]),
        ("en", "The meeting was held on 4 December in the capital.", None, []),
        ("ru", "Встреча прошла 4 декабря в столице.", None, []),
        ("en", "A call took place on 28 December.", "2022-01-03", ["2021-12-28"]),
        # relative days
        ("en", "Today the sides held talks.", PUB, ["2021-03-05"]),
        ("en", "Yesterday the sides held talks.", PUB, ["2021-03-04"]),
        ("en", "The ministers spoke on Friday.", PUB, ["2021-03-05"]),
        ("en", "The ministers spoke on Monday.", PUB, ["2021-03-01"]),
        ("ru", "Вчера стороны провели переговоры.", PUB, ["2021-03-04"]),
        ("ru", "В среду стороны провели переговоры.", PUB, ["2021-03-03"]),
        ("tr", "Bakanlar dün telefonda görüştü.", PUB, ["2021-03-04"]),
        ("tk", "Şu gün ministrler duşuşdy.", PUB, ["2021-03-05"]),
        ("en", "The ministers spoke on Monday.", None, []),
        # look-alikes are not dates or weekdays
        ("ru", "Вопросы окружающей среды обсуждались среди прочего.", PUB, []),
        ("tr", "Dünya ekonomisi ve pazar koşulları ele alındı.", PUB, []),
        ("en", "Over the first 11 months trade grew.", PUB, []),
    ],
)
def test_find_dates(lang, text, published, expected):
    assert [d.date for d in find_dates(text, lang, published)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "date"),
    [
        # a headline's meeting is dated by the report's own sentence, not by the digest's "today"
        (
            "tr",
            "Bültende bugün öne çıkan başlıklar şöyle:\n\nLavrov, Türkmen mevkidaşı Meredov ile Moskova'da görüştü\n\n"
            "Rusya Dışişleri Bakanı Sergey Lavrov, dün Moskova'da Türkmenistan Dışişleri Bakanı Raşid Meredov'u "
            "kabul etti.",
            "2026-04-21",
        ),
        (
            "en",
            "Today's top stories:\n\nLavrov meets Turkmen counterpart Meredov in Moscow\n\nRussian Foreign Minister "
            "Sergey Lavrov yesterday received Foreign Minister of Turkmenistan Rashid Meredov in Moscow.",
            "2026-04-21",
        ),
    ],
)
def test_digest_today_is_not_the_meeting_day(lang, text, date):
    (m,) = meetings(text, lang, "2026-04-22")
    assert m.date == date


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a weekday of last week is in the week before the article's (published Friday 13 March)
        ("en", "Meredov and Lavrov met in Moscow on Thursday last week."),
        ("ru", "В четверг на прошлой неделе Мередов и Лавров встретились в Москве."),
        ("tr", "Meredov ve Lavrov geçen hafta perşembe günü Moskova'da görüştü."),
        ("tk", "Geçen hepdäniň penşenbe güni Meredow bilen Lawrow Moskwada duşuşdy."),
    ],
)
def test_weekday_of_last_week(lang, text):
    (m,) = meetings(text, lang, "2026-03-13")
    assert m.date == "2026-03-05"
