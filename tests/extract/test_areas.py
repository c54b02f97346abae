"""Cooperation areas through the lexicon in four languages (own sentences)."""

from __future__ import annotations

import pytest

from .helpers import meetings

# a first sentence that reports a meeting without naming any field
LEAD = {
    "en": "Delegations of Turkmenistan and Russia held talks in Ashgabat. ",
    "ru": "В Ашхабаде прошли переговоры делегаций Туркменистана и России. ",
    "tr": "Türkmenistan ve Rusya heyetleri Aşkabat'ta görüştü. ",
    "tk": "Türkmenistanyň we Russiýanyň wekiliýetleri Aşgabatda gepleşik geçirdiler. ",
}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # compounds give each part
        (
            "en",
            "The co-chairs met and discussed trade-economic and cultural-humanitarian ties.",
            {"trade", "economy", "culture", "humanitarian"},
        ),
        (
            "ru",
            "В Москве прошла встреча, стороны обсудили торгово-экономическое и культурно-гуманитарное сотрудничество.",
            {"trade", "economy", "culture", "humanitarian"},
        ),
        (
            "ru",
            "Стороны провели переговоры о торгово-экономической и финансово-банковской сферах.",
            {"trade", "economy", "finance"},
        ),
        ("ru", "Состоялась встреча, обсуждался транспортно-коммуникационный сектор.", {"transport", "digital"}),
        (
            "tr",
            "Taraflar görüşmede ticari-ekonomik ve kültürel-insani işbirliğini ele aldı.",
            {"trade", "economy", "culture", "humanitarian"},
        ),
        (
            "tk",
            "Gepleşiklerde söwda-ykdysady we medeni-ynsanperwer hyzmatdaşlyk maslahatlaşyldy.",
            {"trade", "economy", "culture", "humanitarian"},
        ),
        # single fields
        (
            "en",
            "The meeting covered oil and gas, electric power, healthcare and the digitization of customs.",
            {"energy", "health", "digital", "customs"},
        ),
        (
            "ru",
            "На встрече обсуждались нефтегазовая отрасль, сельское хозяйство и образование.",
            {"energy", "agriculture", "education"},
        ),
        (
            "tr",
            "Görüşmede enerji, tarım, sağlık ve eğitim alanları ele alındı.",
            {"energy", "agriculture", "health", "education"},
        ),
        (
            "tk",
            "Duşuşykda nebitgaz, oba hojalygy, saglygy goraýyş we bilim ulgamlary ara alnyp maslahatlaşyldy.",
            {"energy", "agriculture", "health", "education"},
        ),
        (
            "en",
            "The talks dealt with regional and international issues and the situation in Afghanistan.",
            {"international"},
        ),
        # look-alikes are not fields
        (
            "en",
            "The meeting was held in a constructive atmosphere; Russia thanked Turkmenistan for humanitarian aid.",
            set(),
        ),
        ("ru", "Встреча прошла, сообщает газета, стороны выразили признательность за гуманитарную помощь.", set()),
        ("tk", "Duşuşyk geçirildi, taraplar uly üstünlikler gazandylar.", set()),
        ("tr", "Görüşmeye Ticaret ve Sanayi Odası Başkanı katıldı.", set()),
    ],
)
def test_areas(lang, text, expected):
    (m,) = meetings(LEAD[lang] + text, lang)
    assert set(m.areas) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the commission's or a group's own name is not a field discussed
        (
            "en",
            "The Intergovernmental Turkmen-Russian Commission on Economic Cooperation met in Ashgabat to discuss "
            "transport.",
            {"transport"},
        ),
        (
            "ru",
            "Прошло заседание рабочей группы по торгово-экономическому и научно-техническому сотрудничеству, "
            "обсуждена энергетика.",
            {"energy"},
        ),
        (
            "tk",
            "Söwda-ykdysady hyzmatdaşlyk boýunça hökümetara toparyň mejlisi geçirildi, ulag meseleleri "
            "maslahatlaşyldy.",
            {"transport"},
        ),
        # a post is not a field
        ("en", "Minister of Agriculture Ivan Petrov held talks in Ashgabat on trade.", {"trade"}),
        # future plans and recollections are not fields of this meeting
        ("en", "The ministers met in Ashgabat and discussed trade. Next year they will discuss energy.", {"trade"}),
        ("ru", "Министры провели переговоры о торговле. Напомним, ранее стороны обсуждали энергетику.", {"trade"}),
    ],
)
def test_areas_of_this_meeting(lang, text, expected):
    (m,) = meetings(LEAD[lang] + text, lang)
    assert set(m.areas) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a field in a negated clause was not discussed; the positive clause beside it was
        ("en", "The sides discussed trade. Energy was not discussed.", {"trade"}),
        ("en", "The ministers discussed transport, but they did not discuss energy.", {"transport"}),
        ("ru", "Стороны обсудили торговлю. Вопросы энергетики не обсуждались.", {"trade"}),
        ("ru", "Министры обсудили транспорт, но не затрагивали энергетику.", {"transport"}),
        ("tr", "Taraflar ticareti ele aldı. Enerji konusu görüşülmedi.", {"trade"}),
        ("tr", "Bakanlar ulaştırmayı görüştü, ancak enerjiyi ele almadı.", {"transport"}),
        (
            "tk",
            "Taraplar söwda meselelerini ara alyp maslahatlaşdylar. Energetika meselesi ara alnyp maslahatlaşylmady.",
            {"trade"},
        ),
        (
            "tk",
            "Ministrler ulag ulgamyny ara alyp maslahatlaşdylar, emma energetika meselesine degmediler.",
            {"transport"},
        ),
    ],
)
def test_negated_clause_is_no_field(lang, text, expected):
    (m,) = meetings(LEAD[lang] + text, lang)
    assert set(m.areas) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "industry" as the head of another field's name is that field; alone or listed it is industry
        ("en", "They discussed cooperation in the gas industry.", {"energy"}),
        ("en", "They discussed cooperation in energy, industry and transport.", {"energy", "industry", "transport"}),
        ("ru", "Стороны обсудили сотрудничество в газовой промышленности.", {"energy"}),
        ("ru", "Стороны обсудили сотрудничество в энергетике и промышленности.", {"energy", "industry"}),
        ("tr", "Taraflar doğal gaz sanayisinde işbirliğini ele aldı.", {"energy"}),
        ("tr", "Taraflar enerji ve sanayi alanlarında işbirliğini ele aldı.", {"energy", "industry"}),
        ("tk", "Taraplar gaz senagatynda hyzmatdaşlygy ara alyp maslahatlaşdylar.", {"energy"}),
        (
            "tk",
            "Taraplar energetika we senagat ulgamlarynda hyzmatdaşlygy ara alyp maslahatlaşdylar.",
            {"energy", "industry"},
        ),
    ],
)
def test_generic_head_noun(lang, text, expected):
    (m,) = meetings(LEAD[lang] + text, lang)
    assert set(m.areas) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a speech about the future, made at the meeting, discussed its fields
        ("en", "Berdimuhamedov said Russia will remain a key partner in the gas sector.", {"energy"}),
        ("ru", "Бердымухамедов заявил, что Россия останется ключевым партнером в газовой сфере.", {"energy"}),
        (
            "tr",
            "Berdimuhamedov, Rusya'nın doğal gaz sektöründe önemli bir ortak olmaya devam edeceğini söyledi.",
            {"energy"},
        ),
        ("tk", "Berdimuhamedow Russiýanyň gaz pudagynda möhüm hyzmatdaş bolup galjakdygyny aýtdy.", {"energy"}),
        # unless it announces another event
        ("en", "Lavrov said the sides will discuss energy at the next meeting.", set()),
    ],
)
def test_speech_about_the_future(lang, text, expected):
    (m,) = meetings(LEAD[lang] + text, lang)
    assert set(m.areas) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # no field from a question, from a topic said not to have come up (also in a nominalised
        # Turkic clause), nor from a meeting of one side with a third country
        ("ru", "— Есть ли планы по новым газовым контрактам? — Этот вопрос на переговорах не поднимался."),
        ("en", "Was gas on the agenda? The minister did not answer."),
        ("tr", "Bakan, doğal gaz fiyatlarının görüşmede gündeme gelmediğini söyledi."),
        ("tk", "Ministr gaz bahalarynyň gepleşiklerde ara alnyp maslahatlaşylmandygyny aýtdy."),
        ("en", "Turkmen and Iranian officials met in Tehran on Wednesday to discuss gas."),
    ],
)
def test_no_field_from_questions_denials_or_others(lang, text):
    (m,) = meetings(LEAD[lang] + text, lang)
    assert "energy" not in m.areas


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # specific goods and branches count for their field; "agro-industrial" is agriculture
        (
            "en",
            "They discussed shipbuilding, grain supplies and a container train.",
            {"industry", "agriculture", "transport"},
        ),
        ("ru", "Стороны обсудили судостроение, поставки лекарств и зерна.", {"industry", "health", "agriculture"}),
        ("ru", "Стороны обсудили кибербезопасность.", {"security"}),
        ("en", "They discussed cooperation in the agro-industrial complex.", {"agriculture"}),
        (
            "tk",
            "Taraplar galla we rus edebiýaty günlerini geçirmek meselelerini maslahatlaşdylar.",
            {"agriculture", "culture"},
        ),
        (
            "tr",
            "Taraflar tahıl ticaretini ve gemi inşa alanındaki işbirliğini ele aldı.",
            {"agriculture", "trade", "industry"},
        ),
    ],
)
def test_goods_and_branches(lang, text, expected):
    (m,) = meetings(LEAD[lang] + text, lang)
    assert set(m.areas) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a draft agreement being prepared is the legal base; freight is transport; textiles are industry;
        # veterinary medicine is agriculture, not health (a generic head noun after agriculture)
        ("en", "They agreed to prepare a draft agreement on freight transit.", {"legal", "transport"}),
        ("en", "They discussed veterinary medicine and the textile sector.", {"agriculture", "industry"}),
        ("ru", "Стороны договорились подготовить проект соглашения о грузоперевозках.", {"legal", "transport"}),
        ("ru", "Стороны обсудили ветеринарную медицину и текстильную отрасль.", {"agriculture", "industry"}),
        (
            "tr",
            "Taraflar yük taşımacılığına ilişkin anlaşma taslağı hazırlanması konusunda anlaştı.",
            {"legal", "transport"},
        ),
        ("tr", "Taraflar veteriner hekimliği ve tekstil sektörünü ele aldı.", {"agriculture", "industry"}),
        (
            "tk",
            "Taraplar ýük daşamak boýunça ylalaşygyň taslamasyny taýýarlamak barada ylalaşdylar.",
            {"legal", "transport"},
        ),
        (
            "tk",
            "Taraplar weterinar lukmançylygyny we dokma pudagyny ara alyp maslahatlaşdylar.",
            {"agriculture", "industry"},
        ),
        ("tk", "Taraplar elektroenergetika ulgamyndaky hyzmatdaşlygy ara alyp maslahatlaşdylar.", {"energy"}),
    ],
)
def test_drafts_freight_textiles_veterinary(lang, text, expected):
    (m,) = meetings(LEAD[lang] + text, lang)
    assert set(m.areas) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the commission's name (any word order) names no field of the meeting
        ("tr", "Ekonomik İşbirliği Hükümetlerarası Komisyonu'nun toplantısı Moskova'da yapıldı. Sağlık ele alındı."),
        ("en", "The Commission on Economic Cooperation met in Moscow. Healthcare was discussed."),
        ("ru", "В Москве прошло заседание Комиссии по экономическому сотрудничеству. Обсуждалось здравоохранение."),
        (
            "tk",
            "Ykdysady hyzmatdaşlyk boýunça hökümetara toparyň mejlisi Moskwada geçirildi. "
            "Saglygy goraýyş ara alnyp maslahatlaşyldy.",
        ),
    ],
)
def test_commission_name_is_no_field(lang, text):
    (m,) = meetings(text, lang)
    assert set(m.areas) == {"health"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the summit a meeting was held on the sidelines of names no field, nor does what its leaders
        # did "earlier"
        (
            "en",
            "Putin met Serdar Berdimuhamedov in Astana on the sidelines of the SCO summit. Earlier, the SCO "
            "leaders adopted a declaration on energy security.",
        ),
        (
            "ru",
            "Путин встретился в Астане на полях саммита ШОС с Сердаром Бердымухамедовым. Ранее лидеры ШОС "
            "приняли декларацию об энергетической безопасности.",
        ),
        (
            "tr",
            "Putin, Astana'da ŞİÖ zirvesi marjında Serdar Berdimuhamedov ile görüştü. Daha önce ŞİÖ liderleri "
            "enerji güvenliği bildirisi kabul etti.",
        ),
        (
            "tk",
            "Wladimir Putin Astanada ŞHG-niň sammitiniň çäklerinde Serdar Berdimuhamedow bilen duşuşdy. Ozal "
            "ŞHG-niň liderleri energetika howpsuzlygy barada jarnama kabul etdiler.",
        ),
    ],
)
def test_no_field_from_the_setting_or_earlier(lang, text):
    (m,) = meetings(text, lang, "2025-07-05")
    assert m.areas == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # high-level visits are politics; "ecological security" is environment, "digital economy" digital;
        # the Caspian ecosystem is environment
        (
            "en",
            "They discussed the schedule of high-level visits and the Caspian ecosystem.",
            {"politics", "environment"},
        ),
        ("en", "They discussed ecological security and the digital economy.", {"environment", "digital"}),
        ("ru", "Обсужден график визитов на высшем уровне и экосистема Каспия.", {"politics", "environment"}),
        ("ru", "Стороны обсудили экологическую безопасность и цифровую экономику.", {"environment", "digital"}),
        (
            "tr",
            "Taraflar üst düzey ziyaretlerin takvimini ve Hazar ekosistemini ele aldı.",
            {"politics", "environment"},
        ),
        ("tr", "Taraflar ekolojik güvenliği ve dijital ekonomiyi ele aldı.", {"environment", "digital"}),
        (
            "tk",
            "Taraplar ýokary derejedäki saparlaryň tertibini we ekologiýa howpsuzlygyny ara alyp maslahatlaşdylar.",
            {"politics", "environment"},
        ),
    ],
)
def test_visits_ecology_digital_economy(lang, text, expected):
    (m,) = meetings(LEAD[lang] + text, lang)
    assert set(m.areas) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # an impersonal planning verb makes the signing planned («планируется подписать»)
        ("ru", "5 марта Мередов и Оверчук встретились в Ашхабаде. Планируется подписать соглашение о торговле."),
        ("ru", "5 марта Мередов и Оверчук встретились в Ашхабаде. Намечается подписать соглашение о торговле."),
        ("en", "Meredov and Overchuk met in Ashgabat on 5 March. An agreement on trade is planned to be signed."),
    ],
)
def test_planned_signing_is_not_signed(lang, text):
    (m,) = meetings(text, lang, "2026-03-06")
    assert m.agreements_signed is False


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a past year inside what a participant says at the meeting dates the statement's content, not the
        # statement: its fields count; a fronted year dates the sentence's own event
        ("en", "Overchuk noted that bilateral trade grew by 35 percent in 2024.", {"trade"}),
        ("ru", "Оверчук отметил, что товарооборот в 2024 году вырос на 35 процентов.", {"trade"}),
        ("tr", "Overçuk, ikili ticaretin 2024'te yüzde 35 arttığını belirtti.", {"trade"}),
        ("tk", "Owerçuk 2024-nji ýylda söwdanyň 35 göterim artandygyny belledi.", {"trade"}),
        ("en", "In 2024, the sides discussed energy.", set()),
    ],
)
def test_past_year_in_what_was_said(lang, text, expected):
    (m,) = meetings(LEAD[lang] + text, lang, "2026-05-16")
    assert set(m.areas) == expected


LAST_YEAR = [
    # (lang, talks on energy, a reporter's figure for last year, the same figure in a participant's words)
    (
        "en",
        "Lavrov held talks with Meredov in Moscow on 22 April and discussed energy.",
        "Trade turnover between the two countries grew by 10 percent last year.",
        "Lavrov: Last year our trade grew by 10 percent.",
    ),
    (
        "ru",
        "22 апреля в Москве Лавров провёл переговоры с Мередовым, стороны обсудили энергетику.",
        "Товарооборот между странами в прошлом году вырос на 10 процентов.",
        "Лавров: В прошлом году наш товарооборот вырос на 10 процентов.",
    ),
    (
        "tr",
        "Lavrov, 22 Nisan'da Moskova'da Meredov ile görüştü ve enerji konularını ele aldı.",
        "İki ülke arasındaki ticaret hacmi geçen yıl yüzde 10 arttı.",
        "Lavrov: Geçen yıl bizim ticaret hacmimiz yüzde 10 arttı.",
    ),
    (
        "tk",
        "Lawrow 22-nji aprelde Moskwada Meredow bilen duşuşdy we energetika meselelerini ara alyp maslahatlaşdylar.",
        "Geçen ýyl iki ýurduň arasyndaky söwda dolanyşygy 10 göterim artdy.",
        "Lawrow: Geçen ýyl biziň söwda dolanyşygymyz 10 göterim artdy.",
    ),
]


@pytest.mark.parametrize(("lang", "talks", "figure", "said"), LAST_YEAR)
def test_last_year_is_a_past_year(lang, talks, figure, said):
    """ "last year" («в прошлом году», "geçen yıl", "geçen ýyl") dates a reporter's figure to the past, as a
    year written out does: no field of the meeting; in a participant's own words it was said there."""
    (m,) = meetings(f"{talks} {figure}", lang, "2025-04-23")
    assert m.areas == ["energy"]
    (m,) = meetings(f"{talks}\n\n{said}", lang, "2025-04-23")
    assert set(m.areas) == {"energy", "trade"}
