"""Co-chairs and people: role cues, sides, names across scripts and cases (own sentences)."""

from __future__ import annotations

import pytest

from kg.extract.names import nominative, surname_key

from .helpers import chairs, meetings

MEREDOV, OVERCHUK = ("rashid-meredov", "TM"), ("alexei-overchuk", "RU")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # co-chair cue before the names, names joined by "and"
        (
            "en",
            "A meeting of the co-chairs of the Intergovernmental Commission, Deputy Prime Minister Rashid Meredov "
            "and Deputy Prime Minister of Russia Alexei Overchuk, was held in Ashgabat.",
            {MEREDOV, OVERCHUK},
        ),
        (
            "ru",
            "В Москве состоялась встреча сопредседателей межправительственной комиссии Рашида Мередова и "
            "Алексея Оверчука.",
            {MEREDOV, OVERCHUK},
        ),
        (
            "tr",
            "Hükümetlerarası Komisyonun eş başkanları Raşid Meredov ile Aleksey Overçuk Aşkabat'ta bir araya geldi.",
            {MEREDOV, OVERCHUK},
        ),
        (
            "tk",
            "Hökümetara toparyň başlyklary Raşid Meredow we Aleksey Owerçuk Aşgabatda duşuşdy.",
            {MEREDOV, OVERCHUK},
        ),
        # the cue in a post after the name
        (
            "en",
            "President Serdar Berdimuhamedov received Alexei Overchuk, co-chair of the Intergovernmental Commission "
            "from the Russian side.",
            {OVERCHUK},
        ),
        (
            "ru",
            "Президент Туркменистана принял Алексея Оверчука, сопредседателя межправительственной комиссии.",
            {OVERCHUK},
        ),
        # heads of the national parts
        (
            "en",
            "The 13th session of the Intergovernmental Commission was held in Moscow. The head of the national part "
            "of the commission Rashid Meredov spoke first.",
            {MEREDOV},
        ),
        (
            "tk",
            "Türkmen-rus hökümetara toparynyň mejlisi geçirildi. Toparyň türkmen böleginiň başlygy Raşid Meredow "
            "çykyş etdi.",
            {MEREDOV},
        ),
        # delegation heads at a session, one per side
        (
            "en",
            "The 12th meeting of the Intergovernmental Commission was held in Moscow. The Turkmen delegation was "
            "headed by Rashid Meredov, the Russian one by Alexei Overchuk, with deputy minister Ivan Petrov.",
            {MEREDOV, OVERCHUK},
        ),
        (
            "ru",
            "В Ашхабаде прошло заседание межправительственной комиссии. Российскую делегацию возглавил Алексей "
            "Оверчук.",
            {OVERCHUK},
        ),
        # a co-chair missing from the gazetteer: normalised name and key, side from the post
        (
            "ru",
            "Состоялось заседание межправительственной комиссии. Сопредседатель комиссии с российской стороны, "
            "министр Российской Федерации Петр Самойлов, открыл заседание.",
            {("x-samoilov", "RU")},
        ),
        (
            "tk",
            "Hökümetara toparyň mejlisi geçirildi. Toparyň rus böleginiň başlygy, Russiýanyň ministri Pýotr "
            "Samoýlow mejlisi açdy.",
            {("x-samoilov", "RU")},
        ),
        # a head of state at a reception is not a co-chair
        (
            "tr",
            "Türkmenistan Cumhurbaşkanı Serdar Berdimuhamedov, Rusya Başbakan Yardımcısı ve Hükümetlerarası "
            "Komisyonun eş başkanı Aleksey Overçuk'u kabul etti.",
            {OVERCHUK},
        ),
    ],
)
def test_cochairs(lang, text, expected):
    (m,) = meetings(text, lang)
    assert chairs(m) == expected


@pytest.mark.parametrize(
    "spelling",
    [
        "Зубков",
        "Зубкова",
        "Зубкову",
        "Зубковым",
        "Zubkov",
        "Zubkow",
        "Zubkowyň",
        "Zubkowa",
        "Zubkov'un",
    ],
)
def test_unknown_key_ignores_case_endings(spelling):
    assert surname_key(spelling) == "x-zubkov"


@pytest.mark.parametrize(
    ("written", "nominative_form"),
    [
        ("Петра Самойлова", "Петр Самойлов"),
        ("Олегом Коробченко", "Олег Коробченко"),
        ("Алексея Оверчука", "Алексей Оверчук"),
        ("Owerçukyň", "Owerçuk"),
        ("Meredowa", "Meredow"),
        ("R.Meredov", "R.Meredov"),
    ],
)
def test_nominative(written, nominative_form):
    assert nominative(written) == nominative_form


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Мередов провел переговоры с Оверчуком в Москве."),
        ("ru", "Переговоры Мередова и Оверчука прошли в Москве."),
        ("tk", "Meredowyň we Owerçugyň gepleşikleri Moskwada geçirildi."),
        ("tr", "Meredov ve Overçuk Moskova'da görüştü."),
        ("en", "Meredov and Overchuk held talks in Moscow."),
    ],
)
def test_gazetteer_key_for_every_spelling(lang, text):
    (m,) = meetings(text, lang)
    keys = {p.key for p in m.cochairs + m.participants}
    assert keys == {"rashid-meredov", "alexei-overchuk"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "На заседании Кабинета Министров обсуждались вопросы торговли с Россией и встреча с делегацией."),
        ("en", "Turkmenistan Names New Co-Chairman after a meeting with Russia."),
        ("en", "The Sixth Caspian Summit was held in Ashgabat with Russia and Turkmenistan."),
    ],
)
def test_words_are_not_people(lang, text):
    for m in meetings(text, lang):
        assert not m.cochairs and not [p for p in m.participants if p.key.startswith("x-")]


@pytest.mark.parametrize(
    ("lang", "text", "names"),
    [
        ("tk", "Aşgabatda Owerçugyň çykyşy diňlenildi.", ["Owerçugyň"]),
        ("ru", "Стороны наметили пути развития, Мередов выступил.", ["Мередов"]),
        ("en", "A. Overchuk and Alexey Overchuk are one person.", ["A. Overchuk", "Alexey Overchuk"]),
    ],
)
def test_person_mentions(lang, text, names):
    from kg.extract.pipeline import mentions

    assert [text[a:b] for cat, _, a, b in mentions(text, lang) if cat == "PERSON"] == names


@pytest.mark.parametrize(
    ("lang", "text", "name", "post"),
    [
        (
            "en",
            "A meeting of the co-chairs of the Intergovernmental Commission was held by video link between Deputy "
            "Chairman of the Cabinet of Ministers R.Meredov and Deputy Chairman of the Government of the Russian "
            "Federation A.L.Overchuk.",
            "A.L.Overchuk",
            "Deputy Chairman of the Government of the Russian Federation",
        ),
        (
            "ru",
            "Состоялась встреча сопредседателей межправительственной комиссии Заместителя Председателя Кабинета "
            "Министров Туркменистана Р. Мередова и Вице-премьера России А. Оверчука.",
            "А. Оверчук",
            "Вице-премьера России",
        ),
    ],
)
def test_initials_belong_to_the_name_not_the_post(lang, text, name, post):
    """Regression: initials before a known surname were read as the end of the post."""
    m = meetings(text, lang)[0]
    p = next(c for c in m.cochairs if c.key == "alexei-overchuk")
    assert (p.name, p.post) == (name, post)


@pytest.mark.parametrize(
    ("lang", "text", "post"),
    [
        # a separator word ends the previous clause: the post starts after it
        (
            "en",
            "The talks in Ashgabat were held with Deputy Prime Minister Alexei Overchuk, co-chair of the "
            "Intergovernmental Commission.",
            "Deputy Prime Minister",
        ),
        (
            "tr",
            "Hükümetlerarası Komisyon eş başkanı Raşid Meredov ile Başbakan Yardımcısı Aleksey Overçuk görüştü.",
            "Başbakan Yardımcısı",
        ),
    ],
)
def test_post_starts_after_separator(lang, text, post):
    """Regression: separator words (ontology cue ``separator``) were compared unfolded and never matched."""
    p = next(p for m in meetings(text, lang) for p in m.cochairs + m.participants if p.key == "alexei-overchuk")
    assert p.post == post


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a working group's own co-chairs are not the commission's
        (
            "en",
            "A meeting of the Turkmen-Tatarstan working group was held in Kazan. The co-chairs of the group are "
            "Minister of Finance of Turkmenistan M. Serdarov and Deputy Prime Minister of Tatarstan R. Nigmatullin.",
        ),
        (
            "ru",
            "В Казани состоялось заседание туркмено-татарстанской рабочей группы. Сопредседателями группы являются "
            "министр финансов Туркменистана М. Сердаров и вице-премьер Татарстана Р. Нигматуллин.",
        ),
    ],
)
def test_working_group_chairs_are_not_commission_chairs(lang, text):
    (m,) = meetings(text, lang)
    assert m.kind == "working-group" and m.cochairs == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the head of a delegation named earlier leads the side at the session that follows
        (
            "en",
            "On 7 May 2019 talks were held in Ashgabat. The Russian delegation headed by Deputy Prime Minister Alexei "
            "Overchuk arrived for the talks. Then the 11th session of the Intergovernmental Commission was held.",
        ),
        (
            "ru",
            "7 мая 2019 года в Ашхабаде прошли переговоры. Российскую делегацию возглавил вице-премьер Алексей "
            "Оверчук. Затем состоялось 11-е заседание межправительственной комиссии.",
        ),
    ],
)
def test_delegation_head_leads_at_the_session(lang, text):
    session = next(m for m in meetings(text, lang) if m.kind == "commission-session")
    assert ("alexei-overchuk", "RU") in chairs(session)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the co-chair is named just before the report and then referred to by post
        (
            "ru",
            "Заместитель председателя правительства России Алексей Оверчук высоко оценил сотрудничество. "
            "Вице-премьер принял участие во встрече сопредседателей межправительственной комиссии в Ашхабаде.",
        ),
        (
            "en",
            "Deputy Prime Minister of Russia Alexei Overchuk praised the cooperation. The Vice-Premier took part in "
            "the meeting of the co-chairs of the Intergovernmental Commission in Ashgabat.",
        ),
    ],
)
def test_co_chair_named_before_the_report(lang, text):
    (m,) = meetings(text, lang)
    assert m.kind == "co-chairs-meeting" and ("alexei-overchuk", "RU") in chairs(m)


@pytest.mark.parametrize(
    ("lang", "text", "n"),
    [
        # a plural role word or a verb after joined names is all of theirs; a singular one is the
        # nearest person's only
        (
            "en",
            "Meredov and Overchuk, co-chairs of the Turkmen-Russian intergovernmental commission, met in Ashgabat.",
            2,
        ),
        (
            "en",
            "The 14th session of the Intergovernmental Turkmen-Russian Commission took place in Ashgabat. Rashid "
            "Meredov and Alexei Overchuk co-chaired the session.",
            2,
        ),
        ("ru", "Мередов и Оверчук, сопредседатели туркмено-российской межправкомиссии, встретились в Ашхабаде.", 2),
        (
            "ru",
            "В Ашхабаде прошло 14-е заседание Межправительственной туркмено-российской комиссии. Рашид Мередов и "
            "Алексей Оверчук сопредседательствовали на заседании.",
            2,
        ),
        ("en", "President Berdimuhamedov received Lavrov and Overchuk, co-chair of the commission.", 1),
    ],
)
def test_joined_co_chairs(lang, text, n):
    ms = meetings(text, lang)
    assert sum(len(m.cochairs) for m in ms) == n


@pytest.mark.parametrize(
    ("lang", "text", "key"),
    [
        # a surname two known people share is the one the article names in full
        (
            "en",
            "Deputy Prime Minister Serdar Berdimuhamedov attended. On Monday, Berdimuhamedov, co-chair of the "
            "Turkmen-Russian commission, held talks with Alexei Overchuk.",
            "serdar-berdimuhamedov",
        ),
        (
            "ru",
            "Присутствовал вице-премьер Сердар Бердымухамедов. В понедельник Бердымухамедов, сопредседатель "
            "туркмено-российской комиссии, провел переговоры с Алексеем Оверчуком.",
            "serdar-berdimuhamedov",
        ),
        (
            "tr",
            "Toplantıya Gurbanguli Berdimuhamedov katıldı. Pazartesi günü Türk-Rus komisyonu eş başkanı "
            "Berdimuhamedov, Aleksey Overçuk ile görüştü.",
            "gurbanguly-berdimuhamedov",
        ),
        (
            "tk",
            "Maslahata Serdar Berdimuhamedow gatnaşdy. Duşenbe güni türkmen-rus toparynyň bilelikdäki başlygy "
            "Berdimuhamedow Alekseý Owerçuk bilen gepleşik geçirdi.",
            "serdar-berdimuhamedov",
        ),
    ],
)
def test_shared_surname_is_the_one_named_in_full(lang, text, key):
    ms = meetings(text, lang)
    assert key in {p.key for m in ms for p in m.cochairs}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # talks the report then tells as "the co-chairs'" are a co-chairs' meeting of its two people
        ("en", "On Monday Meredov and Overchuk held a phone call. The co-chairs reviewed trade relations."),
        ("ru", "В понедельник Мередов и Оверчук провели телефонный разговор. Сопредседатели обсудили торговлю."),
        (
            "tr",
            "Pazartesi günü Meredov, Overçuk ile telefonda görüştü. Eş başkanlar ticaret ilişkilerini değerlendirdi.",
        ),
        (
            "tk",
            "Duşenbe güni Meredow bilen Owerçuk telefon arkaly söhbetdeşlik geçirdiler. Bilelikdäki başlyklar söwda "
            "gatnaşyklaryna garadylar.",
        ),
    ],
)
def test_the_co_chairs_told_after(lang, text):
    (m,) = meetings(text, lang, "2024-06-07")
    assert m.kind == "co-chairs-meeting" and {p.country for p in m.cochairs} == {"TM", "RU"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the co-chairs as the agent of the numbered session: a session, with its number
        (
            "ru",
            "Двенадцатое заседание межправкомиссии прошло во вторник в Москве. Заседание провели сопредседатели "
            "комиссии Алексей Оверчук и Рашид Мередов.",
        ),
        (
            "en",
            "The twelfth meeting of the intergovernmental commission took place in Moscow on Tuesday. The session "
            "was chaired by the co-chairs of the commission Alexei Overchuk and Rashid Meredov.",
        ),
    ],
)
def test_session_held_by_the_co_chairs(lang, text):
    (m,) = meetings(text, lang, "2024-06-07")
    assert m.kind == "commission-session" and m.ordinal == 12 and len(m.cochairs) == 2


def test_chair_from_one_side_is_no_co_chairs_meeting():
    # "the chair of the commission from the Turkmen side" describes Meredov; his talks with Lavrov
    # are no co-chairs' meeting, and Lavrov no co-chair
    text = (
        "22-nji aprelde Ykdysady hyzmatdaşlyk boýunça hökümetara türkmen-rus toparynyň türkmen tarapyndan "
        "başlygy Raşid Meredow Moskwada Russiýa Federasiýasynyň Daşary işler ministri Sergeý Lawrow bilen "
        "gepleşikler geçirdi."
    )
    (m,) = meetings(text, "tk", "2026-04-23")
    assert m.kind == "other" and chairs(m) == {("rashid-meredov", "TM")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # each side's leader named after its side marker, one chairing verb for both
        (
            "tr",
            "Türkmen-Rus Hükümetlerarası Komisyonu'nun 14. toplantısı Aşkabat'ta yapıldı. Toplantıya Türkmen "
            "tarafından Reşit Meredov, Rus tarafından Aleksey Overçuk başkanlık etti.",
        ),
        (
            "tk",
            "Hökümetara toparyň 14-nji mejlisi Aşgabatda geçirildi. Mejlisde Türkmen tarapyna Raşid Meredow, "
            "Russiýa tarapyna Aleksey Owerçuk ýolbaşçylyk etdiler.",
        ),
        (
            "en",
            "The 14th meeting of the Turkmen-Russian Intergovernmental Commission took place in Ashgabat, chaired on "
            "the Turkmen side by Rashid Meredov and on the Russian side by Alexei Overchuk.",
        ),
        (
            "ru",
            "В Ашхабаде прошло 14-е заседание Межправительственной туркмено-российской комиссии. С туркменской "
            "стороны заседание возглавил Рашид Мередов, с российской стороны — Алексей Оверчук.",
        ),
    ],
)
def test_leaders_named_per_side(lang, text):
    (m,) = meetings(text, lang)
    assert m.kind == "commission-session" and chairs(m) == {("rashid-meredov", "TM"), ("alexei-overchuk", "RU")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the co-chair someone stood in for did not take part
        (
            "en",
            "The meeting of the Intergovernmental Commission was held in Moscow on 2 December. Rashid Meredov "
            "led the Turkmen delegation. Deputy Minister Ivan Petrov led the Russian delegation in place of "
            "co-chair Alexei Overchuk.",
        ),
        (
            "ru",
            "2 декабря в Москве состоялось заседание Межправительственной комиссии. Туркменскую делегацию "
            "возглавил Рашид Мередов. Вместо сопредседателя Алексея Оверчука российскую делегацию возглавил "
            "замминистра Иван Петров.",
        ),
        (
            "tr",
            "Hükümetlerarası Komisyonun toplantısı 2 Aralık'ta Moskova'da yapıldı. Türkmen heyetine Raşid Meredov "
            "başkanlık etti. Rus tarafında eş başkan Aleksey Overçuk'un yerine İvan Petrov heyete başkanlık etti.",
        ),
        (
            "tk",
            "2-nji dekabrda Moskwada hökümetara toparyň mejlisi geçirildi. Türkmen wekiliýetine Reşit Meredow "
            "ýolbaşçylyk etdi. Rus tarapyndan toparyň başlygy Aleksey Owerçugyň ýerine Iwan Petrow wekiliýete "
            "ýolbaşçylyk etdi.",
        ),
    ],
)
def test_who_stood_in_for_a_co_chair(lang, text):
    (m,) = meetings(text, lang, "2025-12-03")
    assert "alexei-overchuk" not in {p.key for p in m.cochairs}


@pytest.mark.parametrize(
    "text",
    [
        # a known head leading a side's delegation, named by the side's adjective, chairs it
        "The meeting of the Intergovernmental Commission was held in Moscow on 2 December. Alexei Overchuk led "
        "the Russian delegation. Rashid Meredov headed the Turkmen delegation.",
    ],
)
def test_led_the_sides_delegation(text):
    (m,) = meetings(text, "en", "2025-12-03")
    assert chairs(m) == {("alexei-overchuk", "RU"), ("rashid-meredov", "TM")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # "the commission's meeting co-chaired by X and Y" is the commission's session, chaired by them
        (
            "en",
            "On 23 April, the meeting of the Intergovernmental Commission co-chaired by Rashid Meredov and Alexei "
            "Overchuk was held in Moscow.",
        ),
        (
            "ru",
            "23 апреля в Москве состоялось заседание Межправительственной комиссии под председательством Рашида "
            "Мередова и Алексея Оверчука.",
        ),
        (
            "tr",
            "Hükümetlerarası Komisyonun eş başkanlar Raşid Meredov ve Aleksey Overçuk başkanlığındaki toplantısı "
            "23 Nisan'da Moskova'da yapıldı.",
        ),
        (
            "tk",
            "23-nji aprelde Moskwada Reşit Meredowyň we Aleksey Owerçugyň ýolbaşçylygynda hökümetara toparyň "
            "mejlisi geçirildi.",
        ),
    ],
)
def test_session_chaired_by_the_co_chairs(lang, text):
    (m,) = meetings(text, lang, "2025-04-24")
    assert m.kind == "commission-session"
    assert chairs(m) == {("rashid-meredov", "TM"), ("alexei-overchuk", "RU")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # after "Name," a post needs a post word: what follows may be the clause ("Meredov, Russian investment ...")
        ("tr", "Meredov ve Overçuk Aşkabat'ta görüştü. Meredov, Rus yatırımlarının önemini vurguladı."),
        ("en", "Meredov and Overchuk met in Ashgabat. Meredov, Russian investors said, is open to investment."),
        ("tk", "Meredow we Owerçuk Aşgabatda duşuşdylar. Meredow, rus maýa goýumlarynyň ähmiýetini belledi."),
        ("ru", "Мередов и Оверчук встретились в Ашхабаде. Мередов, российские инвестиции приветствуются, отметил он."),
    ],
)
def test_no_post_without_a_post_word(lang, text):
    (m,) = meetings(text, lang, "2026-03-06")
    assert m.areas == ["investment"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # in a verb-final language a co-chair noun with a verb after it is the act of co-chairing: it applies
        # to every name joined before it
        (
            "tr",
            "Hükümetlerarası Komisyonun toplantısı 15 Mayıs'ta Aşkabat'ta yapıldı. Toplantıya Raşid Meredov ile "
            "Aleksey Overçuk eş başkanlık etti.",
        ),
        (
            "tr",
            "Hükümetlerarası Komisyonun toplantısı 15 Mayıs'ta Aşkabat'ta yapıldı. Toplantıya Raşid Meredov ve "
            "Aleksey Overçuk eş başkanlık ettiler.",
        ),
        (
            "en",
            "The meeting of the Intergovernmental Commission was held in Ashgabat on 15 May. It was co-chaired by "
            "Rashid Meredov and Alexei Overchuk.",
        ),
    ],
)
def test_co_chairing_verb_after_joined_names(lang, text):
    (m,) = meetings(text, lang, "2026-05-16")
    assert chairs(m) == {("rashid-meredov", "TM"), ("alexei-overchuk", "RU")}
