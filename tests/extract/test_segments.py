"""Meeting segmentation: by pair of principals, two meetings in one sentence, multilateral
events, datelines (own sentences, each capability in the four languages)."""

from __future__ import annotations

import pytest

from .helpers import meetings


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the visitor is received by the president, then holds talks with the minister: two meetings
        (
            "en",
            "On 3 May 2023 the President of Turkmenistan Serdar Berdimuhamedov received Russian Foreign Minister "
            "Sergey Lavrov in Ashgabat. The same day Foreign Minister of Turkmenistan Rashid Meredov held talks with "
            "Sergey Lavrov.",
        ),
        (
            "ru",
            "3 мая 2023 года Президент Туркменистана Сердар Бердымухамедов принял в Ашхабаде министра иностранных "
            "дел России Сергея Лаврова. В тот же день министр иностранных дел Туркменистана Рашид Мередов провёл "
            "переговоры с Сергеем Лавровым.",
        ),
        (
            "tr",
            "3 Mayıs 2023'te Türkmenistan Devlet Başkanı Serdar Berdimuhamedov, Rusya Dışişleri Bakanı Sergey Lavrov'u "
            "Aşkabat'ta kabul etti. Aynı gün Türkmenistan Dışişleri Bakanı Raşid Meredov, Sergey Lavrov ile görüştü.",
        ),
        (
            "tk",
            "2023-nji ýylyň 3-nji maýynda Türkmenistanyň Prezidenti Serdar Berdimuhamedow Russiýanyň daşary işler "
            "ministri Sergeý Lawrowy Aşgabatda kabul etdi. Şol gün Türkmenistanyň daşary işler ministri Raşid Meredow "
            "Sergeý Lawrow bilen gepleşik geçirdi.",
        ),
    ],
)
def test_new_pair_new_meeting(lang, text):
    ms = meetings(text, lang)
    assert len(ms) == 2
    assert {p.key for p in ms[1].participants + ms[1].cochairs} >= {"rashid-meredov", "sergey-lavrov"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "Президент Туркменистана принял Алексея Оверчука, прибывшего в Ашхабад для участия в проходящем здесь "
            "заседании межправительственной комиссии.",
        ),
        (
            "en",
            "The President of Turkmenistan received Alexei Overchuk, who is taking part in the session of the "
            "Intergovernmental Commission being held in Ashgabat.",
        ),
    ],
)
def test_reception_and_session_in_one_sentence(lang, text):
    assert sorted(m.kind for m in meetings(text, lang)) == ["commission-session", "other"]


@pytest.mark.parametrize(
    ("lang", "text", "n"),
    [
        # a summit or body of several countries is no bilateral meeting ...
        (
            "en",
            "A meeting of the Council of CIS Heads of State with the presidents of Turkmenistan and Russia was held "
            "in Ashgabat.",
            0,
        ),
        (
            "ru",
            "В Ашхабаде прошло заседание Совета глав государств СНГ с участием президентов Туркменистана и России.",
            0,
        ),
        (
            "tr",
            "Orta Asya ile Rusya zirvesi Aşkabat'ta Türkmenistan ve Rusya devlet başkanlarının katılımıyla yapıldı.",
            0,
        ),
        (
            "tk",
            "Aşgabatda Merkezi Aziýa we Russiýa sammiti Türkmenistanyň we Russiýanyň Prezidentleriniň "
            "gatnaşmagynda geçirildi.",
            0,
        ),
        # ... but a bilateral meeting on its sidelines is
        (
            "en",
            "On the sidelines of the CIS summit the presidents of Turkmenistan and Russia held a bilateral meeting.",
            1,
        ),
        ("ru", "На полях саммита СНГ президенты Туркменистана и России провели двустороннюю встречу.", 1),
    ],
)
def test_multilateral(lang, text, n):
    assert len(meetings(text, lang)) == n


@pytest.mark.parametrize(
    ("lang", "text", "date"),
    [
        # an agency dateline gives the publication date, not the meeting's
        ("en", "ASHGABAT, June 25 (Trend) - The foreign ministers of Turkmenistan and Russia held talks.", None),
        ("ru", "АШХАБАД, 25 июня (Trend) - Министры иностранных дел Туркменистана и России провели переговоры.", None),
        # ... but resolves "today" and weekdays when the article has no published header
        (
            "en",
            "ASHGABAT, June 25, 2025 (Trend) - Today the foreign ministers of Turkmenistan and Russia held talks.",
            "2025-06-25",
        ),
        (
            "tr",
            "AŞKABAT, 25 Haziran 2025 (Trend) - Türkmenistan ve Rusya dışişleri bakanları bugün görüştü.",
            "2025-06-25",
        ),
        (
            "tk",
            "AŞGABAT, 2025-nji ýylyň 25-nji iýunynda (Trend) - Türkmenistanyň we Russiýanyň daşary işler "
            "ministrleri şu gün duşuşdylar.",
            "2025-06-25",
        ),
        (
            "ru",
            "МОСКВА, 25 июня 2025 года (ТАСС) - Министры иностранных дел Туркменистана и России сегодня провели "
            "переговоры.",
            "2025-06-25",
        ),
    ],
)
def test_dateline(lang, text, date):
    published = None if date else "2025-06-25"
    (m,) = meetings(text, lang, published)
    assert m.date == date


@pytest.mark.parametrize(
    ("lang", "text", "city"),
    [
        # a city named as a government is no place
        ("en", "Turkmenistan and Russia held talks. For Moscow and Ashgabat trade remains a priority.", None),
        ("ru", "Туркменистан и Россия провели переговоры. Москва ценит вклад Туркменистана.", None),
        # the place on the word after the city (Turkic apposition), or the host of the event
        ("tk", "Türkmenistanyň we Russiýanyň ministrleri duşuşdylar. Duşuşyk Moskwa şäherinde geçirildi.", "Moscow"),
        ("en", "Turkmenistan and Russia held talks on trade. Ashgabat hosted the talks.", "Ashgabat"),
    ],
)
def test_city_is_a_place(lang, text, city):
    (m,) = meetings(text, lang)
    assert m.city == city


@pytest.mark.parametrize(
    ("lang", "text", "published", "date"),
    [
        # the date of the report is not the meeting's
        (
            "en",
            "The foreign ministers of Turkmenistan and Russia held talks in Moscow, the ministry said on Friday. "
            "On April 1 Moscow hosted the talks.",
            "2021-04-03",
            "2021-04-01",
        ),
        (
            "ru",
            "Министры иностранных дел Туркменистана и России провели переговоры в Москве, сообщил в пятницу МИД. "
            "Переговоры прошли 1 апреля.",
            "2021-04-03",
            "2021-04-01",
        ),
    ],
)
def test_report_date_is_not_the_meeting_date(lang, text, published, date):
    (m,) = meetings(text, lang, published)
    assert m.date == date


@pytest.mark.parametrize(
    ("lang", "text", "n"),
    [
        # an article announcing a meeting: what follows about it, and earlier contacts, are no meetings held
        (
            "en",
            "The President of Russia will meet the President of Turkmenistan in Moscow in the coming days. The "
            "presidents held a phone conversation on 8 April.",
            0,
        ),
        (
            "ru",
            "Президент России в ближайшие дни проведёт встречу с президентом Туркменистана. Президенты России и "
            "Туркменистана провели телефонный разговор 8 апреля.",
            0,
        ),
        (
            "tk",
            "Russiýanyň Prezidenti ýakyn günlerde Türkmenistanyň Prezidenti bilen duşuşyk geçirer. Prezidentler "
            "8-nji aprelde telefon arkaly söhbetdeşlik geçirdiler.",
            0,
        ),
        (
            "tr",
            "Rusya Devlet Başkanı önümüzdeki günlerde Türkmenistan Devlet Başkanı ile görüşecek. Devlet başkanları "
            "8 Nisan'da telefonda görüştü.",
            0,
        ),
        # ... but a meeting dated relative to the report is news
        (
            "tk",
            "Hökümetara topar dekabrda Moskwada duşuşar. Sişenbe güni Aşgabatda Türkmenistanyň we Russiýanyň "
            "wekilleriniň arasynda duşuşyk geçirildi.",
            1,
        ),
        # "the next session will be held" announces another meeting, not this article's news
        (
            "en",
            "The next session of the Intergovernmental Commission will be held in Ashgabat. The President of "
            "Turkmenistan and the Speaker of the Russian Federation Council held phone talks.",
            1,
        ),
    ],
)
def test_announcement_articles(lang, text, n):
    assert len(meetings(text, lang)) == n


@pytest.mark.parametrize(
    ("lang", "text", "area", "kept"),
    [
        # a month inside what was discussed keeps the field; a statement dated to another month does not
        (
            "tk",
            "Türkmenistanyň we Russiýanyň ministrleri duşuşdylar. Taraplar noýabr aýynda gol çekilen energetika "
            "ylalaşygynyň ýerine ýetirilişini ara alyp maslahatlaşdylar.",
            "energy",
            True,
        ),
        (
            "tk",
            "Türkmenistanyň we Russiýanyň ministrleri duşuşdylar. Russiýanyň Prezidenti sentýabr aýynda söwda "
            "dolanyşygyny artdyrmak isleýändigini aýtdy.",
            "trade",
            False,
        ),
    ],
)
def test_month_dated_statements(lang, text, area, kept):
    (m,) = meetings(text, lang)
    assert (area in m.areas) is kept


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # one sentence, two meetings: the dated clause tells a meeting of its own
        (
            "en",
            "Today the presidents of Turkmenistan and Russia held talks in Moscow, and they also had a separate "
            "meeting yesterday.",
        ),
        (
            "ru",
            "Сегодня президенты Туркменистана и России провели переговоры в Москве, а вчера у них также состоялась "
            "отдельная встреча.",
        ),
        ("tr", "Türkmenistan ve Rusya devlet başkanları bugün Moskova'da görüştü, dün de ayrı bir toplantı yapıldı."),
        (
            "tk",
            "Türkmenistanyň we Russiýanyň Prezidentleri şu gün Moskwada gepleşik geçirdiler, düýn hem aýratyn "
            "duşuşyk geçirildi.",
        ),
    ],
)
def test_dated_clause_is_another_meeting(lang, text):
    dates = sorted(m.date for m in meetings(text, lang, "2025-06-25"))
    assert dates == ["2025-06-24", "2025-06-25"]


@pytest.mark.parametrize(
    ("lang", "text", "city"),
    [
        # a capital named by its country, written as the place of the meeting
        ("en", "Foreign ministers of Turkmenistan and Russia held talks in the Russian capital.", "Moscow"),
        ("en", "Talks of Turkmen and Russian delegations took place in the capital of Turkmenistan.", "Ashgabat"),
        ("ru", "Министры иностранных дел Туркменистана и России провели переговоры в российской столице.", "Moscow"),
        ("ru", "Переговоры делегаций Туркменистана и России прошли в столице Туркменистана.", "Ashgabat"),
        ("tr", "Türkmenistan ve Rusya dışişleri bakanları Rusya'nın başkentinde görüştü.", "Moscow"),
        ("tr", "Türkmenistan ve Rusya heyetleri Türkmenistan başkentinde bir araya geldi.", "Ashgabat"),
        ("tk", "Türkmenistanyň we Russiýanyň daşary işler ministrleri Russiýanyň paýtagtynda duşuşdylar.", "Moscow"),
        ("tk", "Türkmenistanyň we Russiýanyň wekiliýetleri türkmen paýtagtynda gepleşik geçirdiler.", "Ashgabat"),
        # capital as money is no place
        ("en", "Turkmenistan and Russia held talks on attracting Russian capital to the economy.", None),
        ("ru", "Туркменистан и Россия провели переговоры о привлечении российского капитала.", None),
    ],
)
def test_capital_of_a_country(lang, text, city):
    (m,) = meetings(text, lang)
    assert m.city == city


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a lead that names one side's principal only, then the partners on the other side: the
        # partners fill the lead's meeting (no extra meeting), one meeting per partner, and a
        # partner takes part in their own meeting only
        (
            "en",
            "On Monday Foreign Minister of Turkmenistan Rashid Meredov held phone talks with Russian officials. "
            "The minister held talks with Foreign Minister of Russia Sergey Lavrov and with Deputy Prime Minister "
            "of Russia Alexei Overchuk, co-chair of the Intergovernmental Turkmen-Russian Commission on Economic "
            "Cooperation.",
        ),
        (
            "ru",
            "В понедельник министр иностранных дел Туркменистана Рашид Мередов провёл телефонные переговоры с "
            "российскими официальными лицами. Министр провёл переговоры с министром иностранных дел России Сергеем "
            "Лавровым и с вице-премьером России Алексеем Оверчуком, сопредседателем Межправительственной "
            "туркмено-российской комиссии по экономическому сотрудничеству.",
        ),
        (
            "tr",
            "Türkmenistan Dışişleri Bakanı Raşid Meredov pazartesi günü Rus yetkililerle telefonda görüştü. "
            "Bakan, Rusya Dışişleri Bakanı Sergey Lavrov ile ve Hükümetlerarası Türkmen-Rus Ekonomik İşbirliği "
            "Komisyonu eş başkanı, Rusya Başbakan Yardımcısı Aleksey Overçuk ile görüştü.",
        ),
        (
            "tk",
            "Duşenbe güni Türkmenistanyň daşary işler ministri Raşid Meredow rus resmileri bilen telefon arkaly "
            "gepleşik geçirdi. Ministr Russiýanyň daşary işler ministri Sergeý Lawrow bilen we Hökümetara "
            "türkmen-rus toparynyň rus böleginiň başlygy, Russiýanyň wise-premýeri Alekseý Owerçuk bilen gepleşik "
            "geçirdi.",
        ),
    ],
)
def test_partners_fill_the_leads_meeting(lang, text):
    ms = meetings(text, lang)
    people = [{p.key for p in m.cochairs + m.participants} for m in ms]
    assert len(ms) == 2, people
    lavrov = next(p for p in people if "sergey-lavrov" in p)
    assert "alexei-overchuk" not in lavrov
    assert any("alexei-overchuk" in p and "sergey-lavrov" not in p for p in people)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # one sentence, two partners (two meetings); what each partner then says or does belongs
        # to their own meeting
        (
            "en",
            "On 5 March 2024 President of Turkmenistan Serdar Berdimuhamedov held talks in Moscow with President of "
            "Russia Vladimir Putin and Prime Minister of Russia Mikhail Mishustin. Putin noted the growth of trade. "
            "Mishustin, in his meeting with the Turkmen leader, spoke about cooperation in energy.",
        ),
        (
            "ru",
            "5 марта 2024 года Президент Туркменистана Сердар Бердымухамедов провёл в Москве переговоры с "
            "Президентом России Владимиром Путиным и Председателем Правительства России Михаилом Мишустиным. "
            "Путин отметил рост торговли. Мишустин на встрече с туркменским лидером говорил о сотрудничестве в "
            "энергетике.",
        ),
        (
            "tr",
            "Türkmenistan Devlet Başkanı Serdar Berdimuhamedov 5 Mart 2024'te Moskova'da Rusya Devlet Başkanı "
            "Vladimir Putin ve Rusya Başbakanı Mihail Mişustin ile görüştü. Putin ticaretin büyümesine dikkat "
            "çekti. Mişustin de Türkmen liderle görüşmesinde enerji alanındaki işbirliğinden söz etti.",
        ),
        (
            "tk",
            "2024-nji ýylyň 5-nji martynda Türkmenistanyň Prezidenti Serdar Berdimuhamedow Moskwada Russiýanyň "
            "Prezidenti Wladimir Putin we Russiýanyň Premýer-ministri Mihail Mişustin bilen gepleşik geçirdi. "
            "Putin söwdanyň artýandygyny belledi. Mişustin hem türkmen lideri bilen duşuşygynda energetika "
            "ulgamyndaky hyzmatdaşlyk barada aýtdy.",
        ),
    ],
)
def test_each_partner_keeps_what_they_say(lang, text):
    ms = meetings(text, lang)
    by_partner = {
        k: m
        for m in ms
        for k in ("vladimir-putin", "mikhail-mishustin")
        if k in {p.key for p in m.participants + m.cochairs}
    }
    assert len(ms) == 2
    assert set(by_partner["vladimir-putin"].areas) == {"trade"}
    assert set(by_partner["mikhail-mishustin"].areas) == {"energy"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # one side meeting a third country is no Turkmen-Russian meeting
        (
            "en",
            "On Monday Putin held a phone call with Berdimuhamedov. Earlier the same day Putin held a phone "
            "conversation with the President of Uzbekistan Shavkat Mirziyoyev.",
        ),
        (
            "ru",
            "В понедельник Путин провел телефонный разговор с Бердымухамедовым. Ранее в тот же день Путин провел "
            "телефонный разговор с президентом Узбекистана Шавкатом Мирзиёевым.",
        ),
        (
            "tr",
            "Putin pazartesi günü Berdimuhamedov ile telefonda görüştü. Aynı gün Putin, Özbekistan Cumhurbaşkanı "
            "Şevket Mirziyoyev ile de telefonda görüştü.",
        ),
        (
            "tk",
            "Duşenbe güni Putin Berdimuhamedow bilen telefon arkaly söhbetdeşlik geçirdi. Şol gün Putin "
            "Özbegistanyň Prezidenti Şawkat Mirziýoýew bilen hem telefon arkaly söhbetdeşlik geçirdi.",
        ),
        # a held event dated to an earlier year is background
        (
            "en",
            "Putin met Berdimuhamedov in Ashgabat on Friday. Earlier, in June 2022, the two countries signed a "
            "declaration in Moscow.",
        ),
        (
            "ru",
            "Путин встретился с Бердымухамедовым в Ашхабаде в пятницу. Ранее, в июне 2022 года, страны подписали "
            "в Москве декларацию.",
        ),
        (
            "tr",
            "Putin ve Berdimuhamedov cuma günü Aşkabat'ta görüştü. Taraflar Haziran 2022'de Moskova'da bir bildiri "
            "imzaladı.",
        ),
        (
            "tk",
            "Putin bilen Berdimuhamedow anna güni Aşgabatda duşuşdy. Taraplar 2022-nji ýylyň iýun aýynda "
            "Moskwada Jarnama gol çekdiler.",
        ),
    ],
)
def test_third_country_or_earlier_year_is_no_meeting(lang, text):
    (m,) = meetings(text, lang, "2024-06-03")
    assert m.city in (None, "Ashgabat") and not m.agreements_signed


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # what the summit itself discussed is not a field of the meeting on its sidelines
        (
            "en",
            "On 13 October, on the sidelines of the summit in Bishkek, Putin met the President of Turkmenistan. "
            "The summit participants discussed regional security.",
        ),
        (
            "ru",
            "13 октября на полях саммита в Бишкеке Путин встретился с Президентом Туркменистана. Участники саммита "
            "обсудили региональную безопасность.",
        ),
        (
            "tr",
            "Zirve marjında Putin, 13 Ekim'de Bişkek'te Türkmenistan Devlet Başkanı ile görüştü. Zirvede bölgesel "
            "güvenlik konuları ele alındı.",
        ),
        (
            "tk",
            "Sammitiň çäklerinde 13-nji oktýabrda Putin Türkmenistanyň Prezidenti bilen Bişkekde duşuşdy. Sammitde "
            "sebit howpsuzlygy ara alnyp maslahatlaşyldy.",
        ),
    ],
)
def test_the_setting_is_not_the_meeting(lang, text):
    (m,) = meetings(text, lang, "2024-10-14")
    assert m.date == "2024-10-13" and m.areas == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a co-chairs' meeting has no session number: the number is of the session it prepares
        (
            "en",
            "The co-chairs of the Intergovernmental Turkmen-Russian Commission held a video conference. They "
            "discussed preparations for the 15th session of the commission.",
        ),
        (
            "ru",
            "Сопредседатели Межправительственной туркмено-российской комиссии провели видеоконференцию. Они "
            "обсудили подготовку к 15-му заседанию комиссии.",
        ),
        (
            "tr",
            "Hükümetlerarası Türkmen-Rus Komisyonu eş başkanları video konferansla görüştü. Görüşmede komisyonun "
            "15. toplantısının hazırlıkları değerlendirildi.",
        ),
        (
            "tk",
            "Hökümetara türkmen-rus toparynyň bilelikdäki başlyklary wideoaragatnaşyk arkaly duşuşdylar. Olar "
            "toparyň 15-nji mejlisine taýýarlygy ara alyp maslahatlaşdylar.",
        ),
    ],
)
def test_co_chairs_meeting_has_no_number(lang, text):
    (m,) = meetings(text, lang)
    assert m.kind == "co-chairs-meeting" and m.ordinal is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a venue of the capital (gazetteer data) or a city that locates the venue ("-däki") places the meeting
        ("en", "President of Turkmenistan received Russian Foreign Minister Sergey Lavrov at the Oguzkhan Palace."),
        ("ru", "Президент Туркменистана принял министра иностранных дел России Сергея Лаврова в Огузханском дворце."),
        ("tr", "Türkmenistan Devlet Başkanı, Rusya Dışişleri Bakanı Sergey Lavrov'u Oğuzhan Sarayı'nda kabul etti."),
        (
            "tk",
            "Türkmenistanyň Prezidenti Russiýanyň daşary işler ministri Sergeý Lawrowy Oguzhan köşgünde kabul etdi.",
        ),
        ("tk", "Aşgabat şäherindäki myhmanhanada Türkmenistanyň we Russiýanyň wekiliýetleriniň duşuşygy geçirildi."),
        ("tr", "Aşkabat'taki otelde Türkmenistan ve Rusya heyetleri arasında bir görüşme yapıldı."),
    ],
)
def test_venue_places_the_meeting(lang, text):
    (m,) = meetings(text, lang)
    assert m.city == "Ashgabat"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a numbered session of the commission is a session, whoever chaired it
        ("en", "Co-chairs open 14th session of Turkmen-Russian intergovernmental commission in Ashgabat"),
        ("ru", "Сопредседатели открыли 14-е заседание Межправительственной туркмено-российской комиссии в Ашхабаде."),
        (
            "tr",
            "Türkmen-Rus Hükümetlerarası Ekonomik İşbirliği Komisyonu'nun 13. toplantısı Aşkabat'ta eş başkanlar "
            "Raşid Meredov ve Aleksey Overçuk'un başkanlığında yapıldı.",
        ),
        (
            "tk",
            "Hökümetara türkmen-rus toparynyň 13-nji mejlisi bilelikdäki başlyklar Raşid Meredowyň we Alekseý "
            "Owerçugyň ýolbaşçylygynda Aşgabatda geçirildi.",
        ),
    ],
)
def test_numbered_session_is_a_session(lang, text):
    (m,) = meetings(text, lang)
    assert m.kind == "commission-session" and m.ordinal in (13, 14)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # "the last time they met, in May" recalls an earlier meeting: no meeting, no signing
        (
            "en",
            "On Friday Putin held a phone call with Berdimuhamedov. The presidents last met in Ashgabat in May, when "
            "12 documents were signed.",
        ),
        (
            "ru",
            "В пятницу Путин провел телефонный разговор с Бердымухамедовым. Последний раз президенты встречались в "
            "Ашхабаде в мае, когда было подписано 12 документов.",
        ),
        (
            "tr",
            "Putin cuma günü Berdimuhamedov ile telefonda görüştü. İki lider en son mayıs ayında Aşkabat'ta görüşmüş "
            "ve 12 belge imzalamıştı.",
        ),
        (
            "tk",
            "Anna güni Putin Berdimuhamedow bilen telefon arkaly söhbetdeşlik geçirdi. Liderler iň soňky gezek maý "
            "aýynda Aşgabatda duşuşypdylar we 12 resminama gol çekipdiler.",
        ),
    ],
)
def test_last_met_is_background(lang, text):
    (m,) = meetings(text, lang, "2024-06-08")
    assert m.format == "phone" and not m.agreements_signed and m.city is None


@pytest.mark.parametrize(
    ("lang", "text", "city"),
    [
        # an agency's dateline in a third country is its office, not the meeting's place; one in a
        # side's country may be; a transcript's header line (date, then place) is the event's
        (
            "en",
            "BISHKEK, 10 October 2018 (Kabar). Today the President of Turkmenistan received the Deputy Prime "
            "Minister of Russia.",
            None,
        ),
        (
            "ru",
            "БИШКЕК, 10 октября 2018 /Кабар/. Сегодня Президент Туркменистана принял вице-премьера России.",
            None,
        ),
        (
            "tr",
            "BİŞKEK, 10 Ekim 2018 /Kabar/. Bugün Türkmenistan Devlet Başkanı Rusya Başbakan Yardımcısını kabul etti.",
            None,
        ),
        (
            "en",
            "ASHGABAT, 10 October 2018 (Trend). Today the President of Turkmenistan received the Deputy Prime "
            "Minister of Russia.",
            "Ashgabat",
        ),
        (
            "en",
            "September 3, 2011, Dushanbe\nMeeting of the President of Russia with the President of Turkmenistan.",
            "Dushanbe",
        ),
    ],
)
def test_dateline_city(lang, text, city):
    (m,) = meetings(text, lang, "2018-10-10")
    assert m.city == city


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # Turkmen articles are written from Turkmenistan: "our capital" is Ashgabat
        (
            "Şu gün paýtagtymyzda Türkmenistanyň we Russiýanyň daşary işler ministrleriniň duşuşygy geçirildi.",
            "Ashgabat",
        ),
        (
            "Russiýanyň daşary işler ministri Sergeý Lawrow paýtagtymyza geldi. Ol Raşid Meredow bilen "
            "gepleşik geçirdi.",
            "Ashgabat",
        ),
    ],
)
def test_our_capital_in_turkmen(text, city):
    (m,) = meetings(text, "tk")
    assert m.city == city


def test_our_capital_needs_a_home_country():
    # a Turkish article's "our capital" is Ankara: no city of the two sides
    (m,) = meetings("Türkmenistan ve Rusya dışişleri bakanları başkentimizde görüştü.", "tr")
    assert m.city is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the dateline's city is not the place when the text sends the visit to another country
        (
            "en",
            "MOSCOW, October 3 (TASS). The foreign ministers of Russia and Turkmenistan met on Monday during the "
            "President's visit to Turkmenistan.",
        ),
        (
            "ru",
            "МОСКВА, 3 октября /ТАСС/. Министры иностранных дел России и Туркменистана встретились в понедельник в "
            "ходе визита Президента в Туркменистан.",
        ),
        (
            "tr",
            "MOSKOVA, 3 Ekim (TASS). Rusya ve Türkmenistan dışişleri bakanları pazartesi günü Devlet Başkanının "
            "Türkmenistan ziyareti sırasında görüştü.",
        ),
    ],
)
def test_dateline_city_against_the_visit(lang, text):
    (m,) = meetings(text, lang, "2017-10-03")
    assert m.city is None


@pytest.mark.parametrize(
    ("lang", "text", "dates"),
    [
        # "the next day" / "on the eve" is another meeting, dated from the one told before
        (
            "en",
            "On 4 June 2024 Mishustin held talks with Serdar Berdimuhamedov in Ashgabat. The next day the Russian "
            "Prime Minister met Gurbanguly Berdimuhamedov.",
            ["2024-06-04", "2024-06-05"],
        ),
        (
            "ru",
            "4 июня 2024 года Мишустин провёл переговоры с Сердаром Бердымухамедовым в Ашхабаде. На следующий день "
            "российский премьер встретился с Гурбангулы Бердымухамедовым.",
            ["2024-06-04", "2024-06-05"],
        ),
        (
            "ru",
            "Заседание межправкомиссии прошло 4 июня 2024 года в Москве. Накануне в Москве состоялось заседание "
            "рабочей группы по транспорту.",
            ["2024-06-04", "2024-06-03"],
        ),
        (
            "tr",
            "Mişustin 4 Haziran 2024'te Aşkabat'ta Serdar Berdimuhamedov ile görüştü. Rus Başbakan ertesi gün "
            "Gurbanguli Berdimuhamedov ile bir araya geldi.",
            ["2024-06-04", "2024-06-05"],
        ),
        (
            "tk",
            "2024-nji ýylyň 4-nji iýunynda Mişustin Aşgabatda Serdar Berdimuhamedow bilen gepleşik geçirdi. Ertesi "
            "güni Russiýanyň Premýer-ministri Gurbanguly Berdimuhamedow bilen duşuşdy.",
            ["2024-06-04", "2024-06-05"],
        ),
    ],
)
def test_next_day_and_eve(lang, text, dates):
    assert [m.date for m in meetings(text, lang, "2024-06-07")] == dates


@pytest.mark.parametrize(
    ("lang", "text", "city", "date"),
    [
        # "take part", "accept a declaration" is no reception
        (
            "ru",
            "Мередов и Оверчук провели переговоры в Москве 4 июня 2024 года. Вице-премьер передал Мередову "
            "приглашение принять участие в форуме.",
            "Moscow",
            "2024-06-04",
        ),
        (
            "tk",
            "Putin bilen Berdimuhamedow 2024-nji ýylyň 4-nji iýunynda Aşgabatda duşuşdylar. Sammitiň Baştutanlary "
            "Jarnama kabul etdiler.",
            "Ashgabat",
            "2024-06-04",
        ),
        # Turkmen "Duşenbe": Monday with "güni" or in lower case, else the city
        ("tk", "Putin bilen Berdimuhamedow Duşenbede duşuşdylar.", "Dushanbe", None),
        ("tk", "Putin bilen Berdimuhamedow duşenbe güni Aşgabatda duşuşdylar.", "Ashgabat", "2024-06-03"),
    ],
)
def test_words_with_two_senses(lang, text, city, date):
    (m,) = meetings(text, lang, "2024-06-07")
    assert (m.city, m.date) == (city, date)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a session dated only to a month long before the article is background, and its
        # co-chairs take no part in the meeting reported; another principal of one side with the
        # other side named by its country is another meeting
        (
            "en",
            "Vladimir Putin held talks in the Kremlin yesterday with President of Turkmenistan Serdar "
            "Berdimuhamedov. Earlier that day, the President of Turkmenistan met Prime Minister Mikhail Mishustin. "
            "The tenth meeting of the Intergovernmental Commission took place in Ashgabat in March; its co-chairs "
            "Alexei Overchuk and Rashid Meredov reported to the leaders.",
        ),
        (
            "ru",
            "Владимир Путин вчера провёл в Кремле переговоры с Президентом Туркменистана Сердаром Бердымухамедовым. "
            "Ранее в тот же день Президент Туркменистана встретился с Председателем Правительства России Михаилом "
            "Мишустиным. Десятое заседание межправкомиссии прошло в Ашхабаде в марте; её сопредседатели Алексей "
            "Оверчук и Рашид Мередов доложили лидерам.",
        ),
    ],
)
def test_month_long_ago_and_a_second_principal(lang, text):
    ms = meetings(text, lang, "2026-06-12")
    assert len(ms) == 2 and all(m.kind == "other" and not m.cochairs for m in ms)


@pytest.mark.parametrize(
    ("lang", "text", "city"),
    [
        # a city of a planned meeting ("agreed to meet in Ashgabat") is not this meeting's place
        (
            "en",
            "Foreign ministers Lavrov and Meredov held talks in Moscow. Our presidents have agreed to meet in "
            "Ashgabat later this year.",
            "Moscow",
        ),
        (
            "tk",
            "Lawrow bilen Meredow Moskwada gepleşik geçirdiler. Prezidentler şu ýyl Aşgabatda duşuşmagy ylalaşdylar.",
            "Moscow",
        ),
    ],
)
def test_city_of_a_planned_meeting(lang, text, city):
    (m,) = meetings(text, lang)
    assert m.city == city


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a meeting on a summit's sidelines takes the summit's date and place told before it
        (
            "en",
            "The Central Asia - Russia summit was held in Astana on 2 May. On the sidelines of the summit, Serdar "
            "Berdimuhamedov and Vladimir Putin held a bilateral meeting.",
        ),
        (
            "ru",
            "Саммит «Центральная Азия – Россия» прошёл 2 мая в Астане. На полях саммита Сердар Бердымухамедов и "
            "Владимир Путин провели двустороннюю встречу.",
        ),
        (
            "tr",
            "Orta Asya-Rusya zirvesi 2 Mayıs'ta Astana'da düzenlendi. Zirve marjında Serdar Berdimuhamedov ile "
            "Vladimir Putin ikili görüşme yaptı.",
        ),
    ],
)
def test_sidelines_meeting_takes_the_summits_date_and_place(lang, text):
    (m,) = meetings(text, lang, "2026-05-03")
    assert (m.date, m.city) == ("2026-05-02", "Astana")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # an event that only dates another after a delay ("two weeks after X met") is a landmark, not news:
        # no meeting of its own, and its people, place and date stay out of the meeting reported
        (
            "en",
            "On 12 May deputy foreign ministers of Turkmenistan and Russia held consultations in Moscow. The "
            "consultations took place two weeks after the co-chairs Meredov and Overchuk met in Ashgabat on 28 April.",
        ),
        (
            "en",
            "On 12 May deputy foreign ministers of Turkmenistan and Russia held consultations in Moscow. The "
            "consultations took place two weeks after the co-chairs, Rashid Meredov and Alexei Overchuk, met in "
            "Ashgabat on 28 April to discuss trade.",
        ),
        (
            "ru",
            "12 мая в Москве прошли консультации заместителей министров иностранных дел Туркменистана и России. "
            "Консультации состоялись через две недели после встречи сопредседателей Мередова и Оверчука в Ашхабаде "
            "28 апреля.",
        ),
        (
            "tr",
            "12 Mayıs'ta Türkmenistan ve Rusya dışişleri bakan yardımcıları Moskova'da istişareler yaptı. "
            "İstişareler, eş başkanlar Meredov ile Overçuk'un 28 Nisan'da Aşkabat'ta görüşmesinden iki hafta sonra "
            "yapıldı.",
        ),
        (
            "tk",
            "12-nji maýda Moskwada Türkmenistanyň we Russiýanyň daşary işler ministrleriniň orunbasarlary "
            "geňeşmeleri geçirdiler. Geňeşmeler toparyň başlyklary Meredow bilen Owerçugyň 28-nji aprelde "
            "Aşgabatda geçiren duşuşygyndan iki hepde soň boldy.",
        ),
    ],
)
def test_event_dating_another_is_a_landmark(lang, text):
    (m,) = meetings(text, lang, "2025-05-14")
    assert (m.date, m.city, m.cochairs) == ("2025-05-12", "Moscow", [])


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the event after the delay is news: "a week after the talks, X met Y" reports X meeting Y
        ("en", "A week after the talks in Moscow, Rashid Meredov met Vladimir Putin in Sochi on 19 May."),
        ("ru", "Через неделю после переговоров в Москве Рашид Мередов 19 мая встретился в Сочи с Владимиром Путиным."),
        (
            "tr",
            "Moskova'daki görüşmelerden bir hafta sonra Raşid Meredov 19 Mayıs'ta Soçi'de Vladimir Putin ile görüştü.",
        ),
        (
            "tk",
            "Moskwadaky gepleşiklerden bir hepde soň Reşit Meredow 19-njy maýda Soçide Wladimir Putin bilen duşuşdy.",
        ),
    ],
)
def test_event_after_a_delay_is_news(lang, text):
    (m,) = meetings(text, lang, "2025-05-20")
    assert (m.date, m.city) == ("2025-05-19", "Sochi")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # someone taking part in the talks just told joins them; the sentence starts no meeting
        (
            "en",
            "On 3 July Prime Minister Mikhail Mishustin held talks in Ashgabat with Serdar Berdimuhamedov. "
            "Co-chair of the commission Alexei Overchuk also took part in the talks. Later that day Mishustin "
            "met Gurbanguly Berdimuhamedov.",
        ),
        (
            "ru",
            "3 июля Михаил Мишустин провёл в Ашхабаде переговоры с Сердаром Бердымухамедовым. В переговорах "
            "принял участие сопредседатель комиссии Алексей Оверчук. Позднее Мишустин встретился с Гурбангулы "
            "Бердымухамедовым.",
        ),
        (
            "tr",
            "Mişustin 3 Temmuz'da Aşkabat'ta Serdar Berdimuhamedov ile görüştü. Görüşmeye komisyonun eş başkanı "
            "Aleksey Overçuk da katıldı. Mişustin daha sonra Gurbangulı Berdimuhamedov ile bir araya geldi.",
        ),
        (
            "tk",
            "3-nji iýulda Mişustin Aşgabatda Serdar Berdimuhamedow bilen gepleşik geçirdi. Gepleşiklere toparyň "
            "başlygy Aleksey Owerçuk hem gatnaşdy. Soňra Mişustin Gurbanguly Berdimuhamedow bilen duşuşdy.",
        ),
    ],
)
def test_taking_part_joins_the_meeting_told(lang, text):
    ms = meetings(text, lang, "2025-07-04")
    assert [m.kind for m in ms] == ["other", "other"]
    assert [p.key for p in ms[0].cochairs] == ["alexei-overchuk"] and ms[1].cochairs == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a meeting of another kind held the same day in another city is another meeting
        (
            "en",
            "On 9 October the co-chairs Meredov and Overchuk met in Ashgabat. On the same day, the working group "
            "on energy met in Moscow.",
        ),
        (
            "ru",
            "9 октября в Ашхабаде встретились сопредседатели комиссии Мередов и Оверчук. В тот же день в Москве "
            "прошло заседание рабочей группы по энергетике.",
        ),
        (
            "tr",
            "Komisyonun eş başkanları Meredov ve Overçuk 9 Ekim'de Aşkabat'ta görüştü. Aynı gün enerji çalışma "
            "grubu Moskova'da toplandı.",
        ),
        (
            "tk",
            "9-njy oktýabrda Aşgabatda toparyň başlyklary Meredow we Owerçuk duşuşdylar. Şol gün Moskwada energetika "
            "boýunça iş toparynyň mejlisi geçirildi.",
        ),
    ],
)
def test_another_kind_in_another_city(lang, text):
    ms = meetings(text, lang, "2025-10-10")
    assert [(m.kind, m.city) for m in ms] == [("co-chairs-meeting", "Ashgabat"), ("working-group", "Moscow")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # but not one recalled (a year before, the year closing the sentence) or planned there
        (
            "en",
            "The 12th meeting of the Intergovernmental Commission was held in Ashgabat on 9 October. The co-chairs "
            "last met in Moscow in 2024.",
        ),
        (
            "ru",
            "9 октября в Ашхабаде прошло двенадцатое заседание Межправительственной комиссии. Мередов и Оверчук "
            "договорились провести встречу в Москве.",
        ),
    ],
)
def test_not_another_city_when_recalled_or_planned(lang, text):
    ms = meetings(text, lang, "2025-10-10")
    assert [(m.kind, m.city) for m in ms] == [("commission-session", "Ashgabat")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a headline restating the lead has no date: the meeting's date is its lead's, and a meeting
        # told later with another date is another meeting
        (
            "en",
            "Intergovernmental Commission meets in Moscow\n\nOn 23 April the Turkmen-Russian Intergovernmental "
            "Commission met in Moscow. On 22 April, Rashid Meredov held talks with Sergei Lavrov.",
        ),
        (
            "ru",
            "В Москве прошло заседание Межправительственной комиссии\n\n23 апреля в Москве состоялось заседание "
            "Межправительственной туркмено-российской комиссии. 22 апреля Рашид Мередов провёл переговоры с "
            "Сергеем Лавровым.",
        ),
        (
            "tr",
            "Hükümetlerarası Komisyon Moskova'da toplandı\n\nTürkmen-Rus Hükümetlerarası Komisyonu 23 Nisan'da "
            "Moskova'da toplandı. Raşid Meredov, 22 Nisan'da Sergey Lavrov ile görüştü.",
        ),
        (
            "tk",
            "Hökümetara toparyň mejlisi Moskwada geçirildi\n\n23-nji aprelde Moskwada türkmen-rus hökümetara "
            "toparynyň mejlisi geçirildi. 22-nji aprelde Reşit Meredow Sergeý Lawrow bilen gepleşik geçirdi.",
        ),
    ],
)
def test_headline_without_date_then_another_day(lang, text):
    ms = meetings(text, lang, "2026-04-24")
    assert [(m.kind, m.date) for m in ms] == [("commission-session", "2026-04-23"), ("other", "2026-04-22")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a call with the head of a third country's ministry (the post word in any case) is no meeting
        (
            "ru",
            "Сергей Лавров во вторник провёл телефонный разговор с Рашидом Мередовым. Ранее Лавров провёл "
            "телефонный разговор с главой МИД Узбекистана.",
        ),
        (
            "ru",
            "Сергей Лавров во вторник провёл телефонный разговор с Рашидом Мередовым. Вечером Лавров принял главу "
            "МИД Узбекистана.",
        ),
        (
            "en",
            "Sergei Lavrov held a phone call with Rashid Meredov on Tuesday. Earlier, Lavrov spoke by phone with "
            "the head of the Foreign Ministry of Uzbekistan.",
        ),
        (
            "tr",
            "Sergey Lavrov salı günü Raşid Meredov ile telefonda görüştü. Lavrov daha önce Özbekistan Dışişleri "
            "Bakanı ile de telefonda görüştü.",
        ),
    ],
)
def test_call_with_a_third_countrys_head(lang, text):
    (m,) = meetings(text, lang, "2026-03-05")
    assert m.format == "phone"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # another country's head of state (gazetteer data) makes a third-country meeting: its signing is
        # not the bilateral meeting's
        (
            "en",
            "Putin met Serdar Berdimuhamedov in Astana on Friday. Before that, Putin held talks with Kassym-Jomart "
            "Tokayev, after which they signed a joint statement.",
        ),
        (
            "ru",
            "Путин в пятницу встретился в Астане с Сердаром Бердымухамедовым. Перед этим Путин провёл переговоры с "
            "Касым-Жомартом Токаевым, по итогам которых был подписан ряд документов.",
        ),
        (
            "tr",
            "Putin cuma günü Astana'da Serdar Berdimuhamedov ile görüştü. Bundan önce Putin, Kasım Cömert Tokayev "
            "ile görüşmüş ve iki lider ortak bildiri imzalamıştı.",
        ),
        (
            "tk",
            "Wladimir Putin anna güni Astanada Serdar Berdimuhamedow bilen duşuşdy. Ondan öň Putin Kasym-Žomart "
            "Tokaýew bilen gepleşik geçirip, bilelikdäki beýannama gol çekdi.",
        ),
    ],
)
def test_third_countrys_head_of_state(lang, text):
    (m,) = meetings(text, lang, "2025-07-05")
    assert m.agreements_signed is False


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a meeting on a summit's sidelines takes the summit's date and place, told before it, even with
        # another sentence about the summit in between
        (
            "en",
            "The SCO summit was held in Astana on 4 July. Speaking at the summit, Serdar Berdimuhamedov called "
            "for dialogue. On the sidelines of the summit, Berdimuhamedov met Vladimir Putin.",
        ),
        (
            "ru",
            "4 июля в Астане прошёл саммит ШОС. Выступая на саммите, Сердар Бердымухамедов призвал к диалогу. "
            "На полях саммита Сердар Бердымухамедов встретился с Владимиром Путиным.",
        ),
        (
            "tr",
            "ŞİÖ zirvesi 4 Temmuz'da Astana'da düzenlendi. Zirvede konuşan Serdar Berdimuhamedov diyalog çağrısında "
            "bulundu. Zirve marjında Serdar Berdimuhamedov, Vladimir Putin ile görüştü.",
        ),
        (
            "tk",
            "4-nji iýulda Astana şäherinde ŞHG-niň sammiti geçirildi. Sammitde çykyş edip, Serdar Berdimuhamedow "
            "dialoga çagyrdy. Sammitiň çäklerinde Serdar Berdimuhamedow Wladimir Putin bilen duşuşdy.",
        ),
    ],
)
def test_sidelines_date_told_two_sentences_before(lang, text):
    (m,) = meetings(text, lang, "2025-07-05")
    assert (m.date, m.city) == ("2025-07-04", "Astana")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a city the talks were about ("between the ports of X and Y") is no place: the place is where the
        # visitor arrived; an opening sentence with a verb is no header line
        (
            "en",
            "On 23 September, the Governor of Astrakhan Region arrived in Turkmenbashi. At the meeting with the "
            "hakim of Balkan velayat, the sides discussed cargo flows between the ports of Astrakhan and Turkmenbashi.",
        ),
        (
            "ru",
            "Губернатор Астраханской области 23 сентября прибыл в Туркменбаши. В ходе встречи с хякимом Балканского "
            "велаята стороны обсудили грузопоток между портами Астрахани и Туркменбаши.",
        ),
        (
            "tr",
            "Astrahan Valisi 23 Eylül'de Türkmenbaşı'na geldi. Balkan velayeti hakimi ile görüşmesinde taraflar "
            "Astrahan ve Türkmenbaşı limanları arasındaki yük akışını ele aldı.",
        ),
    ],
)
def test_city_talked_about_is_no_place(lang, text):
    (m,) = meetings(text, lang, "2025-09-24")
    assert m.city == "Turkmenbashi"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # "X held its sixth meeting": the numbered meeting of the body named before the possessive
        ("en", "The Turkmen-Russian working group on energy held its sixth meeting in Ashgabat on 3 February."),
        ("ru", "Рабочая группа по энергетике провела своё шестое заседание в Ашхабаде 3 февраля."),
        ("tr", "Türkmen-Rus enerji çalışma grubu altıncı toplantısını 3 Şubat'ta Aşkabat'ta yaptı."),
        ("tk", "Türkmen-rus energetika boýunça iş topary 3-nji fewralda Aşgabatda altynjy mejlisini geçirdi."),
    ],
)
def test_held_its_nth_meeting(lang, text):
    (m,) = meetings(text, lang, "2026-02-04")
    assert (m.kind, m.ordinal) == ("working-group", 6)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a session numbered in Roman numerals
        ("ru", "XII заседание Межправительственной комиссии прошло в Москве 3 февраля."),
        ("en", "The XII meeting of the Intergovernmental Commission was held in Moscow on 3 February."),
        ("tr", "Hükümetlerarası Komisyonun XII. toplantısı 3 Şubat'ta Moskova'da yapıldı."),
        ("tk", "Hökümetara toparyň XII mejlisi 3-nji fewralda Moskwada geçirildi."),
    ],
)
def test_roman_session_number(lang, text):
    (m,) = meetings(text, lang, "2026-02-04")
    assert (m.kind, m.ordinal) == ("commission-session", 12)


def test_roman_numerals():
    from kg.extract.ordinals import roman

    assert [roman(x) for x in ("XII", "IX", "XL", "IIII", "VX", "XIV")] == [12, 9, 40, 0, 0, 14]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a city of a meeting planned ("it was noted that the next session will be held in Moscow") or
        # recalled ("the presidents met in Moscow in March") is not the place of the meeting reported
        ("en", "On 15 May, Meredov and Overchuk met. It was noted that the next session will be held in Moscow."),
        ("en", "On 15 May, Meredov and Overchuk met. The presidents met in Moscow in March."),
        ("ru", "15 мая Мередов и Оверчук встретились. Было отмечено, что очередное заседание пройдет в Москве."),
        (
            "tk",
            "15-nji maýda Meredow we Owerçuk duşuşdylar. Ýakyn wagtda Moskwada toparyň nobatdaky mejlisiniň "
            "geçiriljekdigi bellenildi.",
        ),
        (
            "tr",
            "Meredov ve Overçuk 15 Mayıs'ta görüştü. Komisyonun bir sonraki toplantısının Moskova'da yapılacağı "
            "belirtildi.",
        ),
    ],
)
def test_city_of_a_planned_or_recalled_meeting(lang, text):
    (m,) = meetings(text, lang, "2026-05-16")
    assert m.city is None


FORUMS = [
    # (lang, talks then a forum of the two countries held the same day, a forum only proposed)
    (
        "en",
        "Putin and Berdimuhamedov held talks in Ashgabat on 20 November and discussed energy. On the same day, "
        "a Turkmen-Russian business forum took place in Ashgabat, attended by 200 entrepreneurs. "
        "Forum participants discussed industrial cooperation.",
        "Meredov proposed to Overchuk to hold a Russian-Turkmen business forum in Ashgabat.",
    ),
    (
        "ru",
        "20 ноября в Ашхабаде Путин и Бердымухамедов провели переговоры и обсудили энергетику. В тот же день "
        "в Ашхабаде прошёл туркмено-российский бизнес-форум, участники которого обсудили промышленную кооперацию.",
        "Мередов предложил Оверчуку провести в Ашхабаде российско-туркменский бизнес-форум.",
    ),
    (
        "tr",
        "Putin ve Berdimuhamedov 20 Kasım'da Aşkabat'ta görüştü ve enerji konularını ele aldı. Aynı gün "
        "Aşkabat'ta Türkmen-Rus iş forumu düzenlendi. Forumda sanayi işbirliği ele alındı.",
        "Meredov, Aşkabat'ta bir Türkmen-Rus iş forumu düzenlenmesini önerdi.",
    ),
    (
        "tk",
        "20-nji noýabrda Aşgabatda Putin bilen Berdimuhamedow gepleşikleri geçirdi we energetika meselelerini "
        "ara alyp maslahatlaşdylar. Şol gün Aşgabatda türkmen-rus işewürlik forumy geçirildi. Forumda senagat "
        "hyzmatdaşlygy ara alnyp maslahatlaşyldy.",
        "Meredow Aşgabatda türkmen-rus işewürlik forumyny geçirmegi teklip etdi.",
    ),
]


@pytest.mark.parametrize(("lang", "text", "proposed"), FORUMS)
def test_a_forum_of_the_two_countries_held_is_a_meeting_of_its_own(lang, text, proposed):
    """ANNOTATION: a business forum is an ``other`` meeting, also beside talks (its fields its own);
    a forum proposed or planned is none."""
    talks, forum = meetings(text, lang, "2024-11-21")
    assert (talks.date, forum.date, forum.kind, forum.city) == ("2024-11-20", "2024-11-20", "other", "Ashgabat")
    assert talks.areas == ["energy"] and forum.areas == ["industry"] and not forum.cochairs
    assert len(meetings(text.split(". ")[0] + ". " + proposed, lang, "2024-11-21")) == 1


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # an event verb in the infinitive (or a verbal noun) under a verb of proposing reports the proposal
        ("en", "On 20 November Meredov proposed to Overchuk to hold a session of the commission in Ashgabat."),
        ("ru", "20 ноября Мередов предложил Оверчуку провести в Ашхабаде заседание межправкомиссии."),
        ("tr", "Meredov 20 Kasım'da Overçuk'a Aşkabat'ta hükümetlerarası komisyonun toplantısını düzenlemeyi önerdi."),
        ("tk", "Meredow 20-nji noýabrda Owerçuga Aşgabatda hökümetara toparyň mejlisini geçirmegi teklip etdi."),
    ],
)
def test_an_event_proposed_is_not_held(lang, text):
    assert meetings(text, lang, "2024-11-21") == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a reception, then a sentence on it that calls the guest the commission's co-chair: one meeting
        (
            "en",
            "President Serdar Berdimuhamedov yesterday received Russian Deputy Prime Minister Alexei Overchuk in "
            "Ashgabat. At the meeting with the Russian co-chair of the intergovernmental commission Overchuk, "
            "energy cooperation was discussed.",
        ),
        (
            "ru",
            "Президент Туркменистана Сердар Бердымухамедов вчера в Ашхабаде принял вице-премьера России Алексея "
            "Оверчука. На встрече с российским сопредседателем межправкомиссии Оверчуком обсуждалось "
            "сотрудничество в энергетике.",
        ),
        (
            "tr",
            "Türkmenistan Devlet Başkanı Serdar Berdimuhamedov dün Aşkabat'ta Rusya Başbakan Yardımcısı Aleksey "
            "Overçuk'u kabul etti. Görüşmede, komisyonun Rus tarafı eş başkanı olan Overçuk'la enerji işbirliği "
            "ele alındı.",
        ),
        (
            "tk",
            "Türkmenistanyň Prezidenti Serdar Berdimuhamedow düýn Aşgabatda Russiýanyň Premýer-ministriniň "
            "orunbasary Aleksey Owerçugy kabul etdi. Duşuşykda toparyň rus tarapyndan başlygy bolan Owerçuk bilen "
            "energetika ulgamyndaky hyzmatdaşlyk ara alnyp maslahatlaşyldy.",
        ),
    ],
)
def test_a_role_describing_one_guest_is_no_co_chairs_meeting(lang, text):
    """'the co-chair of the commission X', «сопредседателем межправкомиссии X», 'eş başkanı olan X',
    'başlygy bolan X': one person's role, whatever stands between (the commission, its side, 'being')."""
    (m,) = meetings(text, lang, "2025-02-12")
    assert (m.kind, m.date, m.areas) == ("other", "2025-02-11", ["energy"])
