"""Event status from morphology: held, announced, planned, background, non-finite (own sentences,
one table per capability and language)."""

from __future__ import annotations

import pytest

from kg.extract.morph import BACKGROUND, FUTURE, HELD, MODAL, NONFINITE, PRESENT, grammar

from .helpers import meetings


@pytest.mark.parametrize(
    ("lang", "word", "status"),
    [
        # Turkish endings: future, past, pluperfect, progressive, verbal noun, necessity
        ("tr", "yapılacak", FUTURE),
        ("tr", "görüşecekler", FUTURE),
        ("tr", "imzalandı", HELD),
        ("tr", "görüşmüşlerdi", BACKGROUND),
        ("tr", "görüşüyor", PRESENT),
        ("tr", "görüşmeyi", NONFINITE),
        ("tr", "imzalanmalı", MODAL),
        # Turkmen: future, aorist, past, evidential past, pluperfect, progressive, verbal noun
        ("tk", "geçiriljek", FUTURE),
        ("tk", "geçirer", FUTURE),
        ("tk", "geçirildi", HELD),
        ("tk", "geçiripdir", HELD),
        ("tk", "geçiripdi", BACKGROUND),
        ("tk", "geçirilýär", PRESENT),
        ("tk", "geçirmek", NONFINITE),
        # Russian through pymorphy3: perfective future, past, present, infinitive
        ("ru", "проведут", FUTURE),
        ("ru", "состоятся", FUTURE),
        ("ru", "провели", HELD),
        ("ru", "проходит", PRESENT),
        ("ru", "подписать", NONFINITE),
    ],
)
def test_word_forms(lang, word, status):
    form = grammar(lang).form(word)
    assert form is not None and form.status == status


@pytest.mark.parametrize(
    ("lang", "word"),
    [
        ("tr", "planlıyor"),
        ("tk", "meýilleşdirilýär"),
        ("ru", "планирует"),
        ("ru", "предстоящей"),
        ("en", "expected"),
    ],
)
def test_planning_verbs(lang, word):
    assert grammar(lang).form(word).plan


@pytest.mark.parametrize(
    ("lang", "word"),
    [
        # look like verb forms, are not: a postposition, lexicalised nouns, a name
        ("tk", "bilen"),
        ("tk", "geljegi"),
        ("tr", "gelecek"),
        ("tr", "ile"),
    ],
)
def test_not_verbs(lang, word):
    assert grammar(lang).form(word) is None


HELD_TEXTS = [
    ("en", "The foreign ministers of Turkmenistan and Russia held talks in Ashgabat."),
    ("ru", "В Ашхабаде состоялись переговоры министров иностранных дел Туркменистана и России."),
    ("tr", "Türkmenistan ve Rusya dışişleri bakanları Aşkabat'ta görüştü."),
    ("tk", "Türkmenistanyň we Russiýanyň daşary işler ministrleri Aşgabatda gepleşik geçirdiler."),
]

NOT_HELD_TEXTS = [
    # announced with an auxiliary or a future tense
    ("en", "The foreign ministers of Turkmenistan and Russia will hold talks in Ashgabat."),
    ("en", "Talks between Turkmenistan and Russia are expected to take place in Moscow."),
    ("en", "Documents of Turkmenistan and Russia are to be signed during the visit."),
    ("ru", "Министр иностранных дел России примет участие в переговорах в Ашхабаде с коллегой из Туркменистана."),
    ("ru", "Стороны Туркменистана и России обсудят сотрудничество на встрече в Москве."),
    ("ru", "Переговоры президентов Туркменистана и России состоятся в Москве."),
    ("ru", "Запланированное на октябрь заседание межправительственной комиссии пройдёт в Ашхабаде."),
    ("tr", "Rusya Dışişleri Bakanı Türkmenistan'ı ziyaret edecek ve görüşmeler yapacak."),
    ("tr", "Rusya Devlet Başkanı, Türkmenistan Devlet Başkanı ile görüşmeyi planlıyor."),
    ("tk", "Russiýanyň daşary işler ministri Aşgabatda türkmen kärdeşi bilen gepleşik geçirer."),
    ("tk", "Hökümetara toparyň mejlisini Moskwada geçirmek meýilleşdirilýär."),
    # recalled as background: pluperfect
    ("en", "The presidents of Turkmenistan and Russia had met in Moscow before the summit."),
    ("tr", "Türkmenistan ve Rusya bakanları daha önce Moskova'da görüşmüştü."),
    ("tk", "Türkmenistanyň we Russiýanyň ministrleri öň Moskwada duşuşypdy."),
]


@pytest.mark.parametrize(("lang", "text"), HELD_TEXTS)
def test_held_is_a_meeting(lang, text):
    assert len(meetings(text, lang)) == 1


@pytest.mark.parametrize(("lang", "text"), NOT_HELD_TEXTS)
def test_announced_or_recalled_is_no_meeting(lang, text):
    assert meetings(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a participle before the event noun decides: held meeting, future session in one sentence
        (
            "tk",
            "Sişenbe güni Aşgabatda geçirilen duşuşykda Türkmenistanyň we Russiýanyň wekilleri geçiriljek mejlise "
            "taýýarlyk meselelerini ara alyp maslahatlaşdylar.",
        ),
        ("tr", "Aşkabat'ta yapılan görüşmede Türkmenistan ve Rusya heyetleri yapılacak toplantıya hazırlığı ele aldı."),
        (
            "ru",
            "На прошедшей в Ашхабаде встрече представители Туркменистана и России обсудили подготовку к "
            "предстоящему заседанию.",
        ),
        ("en", "At the talks held in Ashgabat, Turkmenistan and Russia discussed the upcoming session."),
    ],
)
def test_held_and_upcoming_in_one_sentence(lang, text):
    (m,) = meetings(text, lang)
    assert m.kind == "other"


@pytest.mark.parametrize(
    ("lang", "text", "signed"),
    [
        (
            "en",
            "Turkmenistan and Russia held talks in Moscow. Documents are to be signed during the next visit.",
            False,
        ),
        (
            "en",
            "Turkmenistan and Russia held talks in Moscow. Since 1992 more than 100 documents have been signed.",
            False,
        ),
        ("en", "Turkmenistan and Russia held talks in Moscow. Three documents were signed.", True),
        ("ru", "В Москве прошли переговоры Туркменистана и России. Документы будут подписаны позднее.", False),
        ("ru", "В Москве прошли переговоры Туркменистана и России. По итогам подписаны три документа.", True),
        ("tr", "Türkmenistan ve Rusya Moskova'da görüştü. Belgeler gelecek ay imzalanacak.", False),
        ("tr", "Türkmenistan ve Rusya Moskova'da görüştü. Görüşmede üç belge imzalandı.", True),
        ("tk", "Türkmenistan we Russiýa Moskwada gepleşik geçirdi. Resminamalara soňra gol çekiler.", False),
        ("tk", "Türkmenistan we Russiýa Moskwada gepleşik geçirdi. Üç resminama gol çekildi.", True),
    ],
)
def test_signing_status(lang, text, signed):
    (m,) = meetings(text, lang)
    assert m.agreements_signed is signed


@pytest.mark.parametrize(
    ("lang", "text", "n"),
    [
        # a meeting told in the present, then announced in the future: scheduled, not held
        (
            "tk",
            "Russiýanyň ministri Aşgabatda türkmen kärdeşi bilen gepleşik geçirýär. Ministr Aşgabada sapar edip, "
            "gepleşikleri geçirer.",
            0,
        ),
        ("tr", "Rusya Dışişleri Bakanı Aşkabat'ta Türkmen mevkidaşıyla görüşüyor. Bakan görüşmeler yapacak.", 0),
        # ... but "today we are meeting" is under way
        (
            "en",
            "Today the ministers of Turkmenistan and Russia are meeting in Ashgabat. The next meeting will be held "
            "in Moscow.",
            1,
        ),
    ],
)
def test_present_then_future(lang, text, n):
    assert len(meetings(text, lang)) == n


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # negated: the meeting did not take place
        ("en", "The session of the Intergovernmental Commission did not take place in Ashgabat."),
        ("ru", "Заседание межправительственной комиссии в Ашхабаде не состоялось."),
        ("tr", "Hükümetlerarası Komisyonun toplantısı Aşkabat'ta yapılmadı."),
        ("tk", "Hökümetara toparyň mejlisi Aşgabatda geçirilmedi."),
    ],
)
def test_negated_is_no_meeting(lang, text):
    assert meetings(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a document described as signed earlier is no signing at this meeting
        (
            "ru",
            "Министры Туркменистана и России провели переговоры в Москве и обсудили выполнение подписанного в июне "
            "соглашения.",
        ),
        (
            "tr",
            "Türkmenistan ve Rusya bakanları Moskova'da görüştü ve Haziran ayında imzalanan anlaşmanın uygulanmasını "
            "ele aldı.",
        ),
        (
            "tk",
            "Türkmenistanyň we Russiýanyň ministrleri Moskwada duşuşdylar we iýunda gol çekilen ylalaşygyň ýerine "
            "ýetirilişini ara alyp maslahatlaşdylar.",
        ),
    ],
)
def test_signed_document_is_no_signing(lang, text):
    (m,) = meetings(text, lang)
    assert m.agreements_signed is False


def test_turkmen_plurals_are_no_aorist():
    text = (
        "Aşgabatda türkmen-rus gepleşikleri: täze mümkinçilikler. 20-nji maýda Aşgabatda Türkmenistanyň we "
        "Russiýanyň wekilleri gepleşik geçirdiler."
    )
    (m,) = meetings(text, "tk", "2025-05-21")
    assert m.date == "2025-05-20" and m.city == "Ashgabat"


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # a Title Case headline keeps its verbs: capitals there mark no names
        ("Turkmen, Russian Foreign Ministers Expected To Hold Talks In Ashgabat", 0),
        ("Turkmen And Russian Foreign Ministers Held Talks In Ashgabat", 1),
    ],
)
def test_title_case_headlines(text, n):
    assert len(meetings(text, "en")) == n


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a "held" participle is relative to its clause: under a pluperfect verb the meeting is a
        # recollection (news about something else that goes back to it)
        (
            "tk",
            "Bu mesele mart aýynda Türkmenistanyň Prezidenti bilen Russiýanyň ministriniň arasynda geçirilen "
            "gepleşiklerde hem ara alnyp maslahatlaşylypdy.",
        ),
        (
            "tr",
            "Bu konu mart ayında Türkmenistan Devlet Başkanı ile Rusya Dışişleri Bakanı arasında yapılan "
            "görüşmede de ele alınmıştı.",
        ),
        (
            "en",
            "The issue had also been raised at the talks between the President of Turkmenistan and the Russian "
            "minister held in March.",
        ),
    ],
)
def test_held_participle_under_a_pluperfect_is_background(lang, text):
    assert meetings(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the same participle under a plain past verb is this meeting
        (
            "tk",
            "Bu mesele Türkmenistanyň Prezidenti bilen Russiýanyň ministriniň arasynda geçirilen gepleşiklerde "
            "ara alnyp maslahatlaşyldy.",
        ),
        (
            "tr",
            "Bu konu Türkmenistan Devlet Başkanı ile Rusya Dışişleri Bakanı arasında yapılan görüşmede ele alındı.",
        ),
        ("en", "The issue was raised at the talks between the President of Turkmenistan and the Russian minister."),
    ],
)
def test_held_participle_under_a_past_is_held(lang, text):
    assert len(meetings(text, lang)) == 1


@pytest.mark.parametrize(
    "text",
    [
        # an adverb inside an English verb group does not hide the auxiliary
        "Talks between the foreign ministers of Turkmenistan and Russia are also expected in Moscow.",
        "The foreign ministers of Turkmenistan and Russia had already met in Moscow.",
        "A meeting of the foreign ministers of Turkmenistan and Russia is then scheduled in Ashgabat.",
    ],
)
def test_adverb_inside_a_verb_group(text):
    assert meetings(text, "en") == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a meeting called off or put off was not held (the verb group as a whole, across an
        # inserted phrase between the subject and its verb)
        ("en", "The meeting of the foreign ministers of Turkmenistan and Russia was postponed."),
        ("en", "Talks between the Turkmen and Russian delegations planned for August were cancelled."),
        ("ru", "Встреча министров иностранных дел Туркменистана и России, запланированная на август, была перенесена."),
        ("ru", "Переговоры делегаций Туркменистана и России отменили."),
        ("tr", "Türkmenistan ve Rusya dışişleri bakanlarının ağustos ayında yapılması planlanan görüşmesi ertelendi."),
        ("tr", "Türkmenistan ve Rusya heyetleri arasındaki görüşme iptal edildi."),
        ("tk", "Türkmenistanyň we Russiýanyň daşary işler ministrleriniň duşuşygy yza süýşürildi."),
        ("tk", "Türkmenistanyň we Russiýanyň wekiliýetleriniň arasyndaky gepleşikler ýatyryldy."),
        # an English headline's infinitive announces
        ("en", "Turkmen and Russian foreign ministers to meet in Moscow"),
    ],
)
def test_called_off_or_announced_is_no_meeting(lang, text):
    assert meetings(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # nothing signed: a negated determiner or a signing put off
        ("en", "Putin met Berdimuhamedov in Ashgabat on Friday. No documents were signed following the talks."),
        ("en", "Putin met Berdimuhamedov in Ashgabat on Friday. The sides signed no documents."),
        ("ru", "Путин встретился с Бердымухамедовым в Ашхабаде в пятницу. Подписание меморандума было отложено."),
        ("tr", "Putin ve Berdimuhamedov cuma günü Aşkabat'ta görüştü. Belgelerin imzalanması ertelendi."),
        ("tk", "Putin bilen Berdimuhamedow anna güni Aşgabatda duşuşdy. Resminamalara gol çekmek yza süýşürildi."),
    ],
)
def test_nothing_signed(lang, text):
    (m,) = meetings(text, lang, "2024-06-03")
    assert not m.agreements_signed


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a meeting being worked on is planned; a working group's meeting is the commission's
        ("en", "We are working on a meeting of the presidents of Turkmenistan and Russia on the sidelines."),
        ("ru", "Мы прорабатываем встречу президентов Туркменистана и России на полях саммита."),
    ],
)
def test_worked_on_is_planned(lang, text):
    assert meetings(text, lang) == []


def test_working_group_names_the_commission():
    ms = meetings(
        "The twelfth meeting of the Intergovernmental Turkmen-Russian Commission was held in Ashgabat on 14 May 2026. "
        "On the eve of the session, the High-Level Working Group on transport met.",
        "en",
        "2026-05-15",
    )
    assert [(m.kind, m.date) for m in ms] == [("commission-session", "2026-05-14"), ("working-group", "2026-05-13")]


def test_russian_participle_before_a_negated_auxiliary():
    # «подписаны не были»: the participle is negated with the auxiliary after it
    (m,) = meetings("Мередов и Оверчук провели переговоры в Москве. Документы подписаны не были.", "ru")
    assert not m.agreements_signed


@pytest.mark.parametrize(
    ("lang", "text", "habitual"),
    [
        # a word of habit before a plural event word, no verb telling it held: a practice
        ("en", "The sides stressed the importance of regular high-level meetings.", True),
        ("en", "Regular political consultations between the ministries were held in Ashgabat.", False),
        ("en", "The regular meeting of the commission took place in Moscow.", False),
        ("ru", "Стороны подчеркнули важность регулярных встреч на высшем уровне.", True),
        ("ru", "Регулярное заседание комиссии состоялось в Москве.", False),
        ("tr", "Taraflar üst düzeyde düzenli görüşmelerin önemini vurguladı.", True),
        ("tr", "Komisyonun düzenli toplantısı Moskova'da yapıldı.", False),
        ("tk", "Taraplar ýokary derejedäki yzygiderli duşuşyklaryň ähmiýetini nygtadylar.", True),
        ("tk", "Toparyň yzygiderli mejlisi Moskwada geçirildi.", False),
    ],
)
def test_regular_meetings_are_a_practice(lang, text, habitual):
    from kg.extract.sentences import sentences

    s = next(s for s in sentences(text, lang, "2025-03-04") if s.all_event_cues())
    statuses = [s.status(m) for m in s.all_event_cues()]
    assert (statuses and all(st == BACKGROUND for st in statuses)) == habitual, statuses
