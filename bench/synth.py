"""Synthetic articles for the benchmark: template sentences of our own in the four
languages, varied meetings, people, dates, places and areas (deterministic for a seed).

    python bench/synth.py N OUT_DIR [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

TM = [
    ("Rashid Meredov", "Raşid Meredov", "Рашид Мередов", "Raşid Meredow"),
    ("Serdar Berdimuhamedov", "Serdar Berdimuhamedov", "Сердар Бердымухамедов", "Serdar Berdimuhamedow"),
    ("Batyr Amanov", "Batır Amanov", "Батыр Аманов", "Batyr Amanow"),
    ("Merdan Hojayev", "Merdan Hocayev", "Мердан Ходжаев", "Merdan Hojaýew"),
]
RU = [
    ("Alexei Overchuk", "Aleksey Overçuk", "Алексей Оверчук", "Aleksey Owerçuk"),
    ("Konstantin Chuychenko", "Konstantin Çuyçenko", "Константин Чуйченко", "Konstantin Çuýçenko"),
    ("Pavel Sergeyev", "Pavel Sergeyev", "Павел Сергеев", "Pawel Sergeýew"),
    ("Igor Volkov", "İgor Volkov", "Игорь Волков", "Igor Wolkow"),
]
CITIES = [
    ("Ashgabat", "Aşkabat'ta", "в Ашхабаде", "Aşgabatda"),
    ("Moscow", "Moskova'da", "в Москве", "Moskwada"),
    ("Kazan", "Kazan'da", "в Казани", "Kazanda"),
    ("Avaza", "Avaza'da", "в Авазе", "Awazada"),
]
AREAS = {
    "en": [
        "trade",
        "energy",
        "transport",
        "agriculture",
        "healthcare",
        "education",
        "culture",
        "industry",
        "digital technologies",
        "finance",
        "tourism",
        "science",
        "construction",
        "customs",
    ],
    "tr": [
        "ticaret",
        "enerji",
        "ulaştırma",
        "tarım",
        "sağlık",
        "eğitim",
        "kültür",
        "sanayi",
        "dijital teknoloji",
        "finans",
        "turizm",
        "bilim",
        "inşaat",
        "gümrük",
    ],
    "ru": [
        "торговли",
        "энергетики",
        "транспорта",
        "сельского хозяйства",
        "здравоохранения",
        "образования",
        "культуры",
        "промышленности",
        "цифровых технологий",
        "финансов",
        "туризма",
        "науки",
        "строительства",
        "таможни",
    ],
    "tk": [
        "söwda",
        "energetika",
        "ulag",
        "oba hojalygy",
        "saglygy goraýyş",
        "bilim",
        "medeniýet",
        "senagat",
        "sanly tehnologiýalar",
        "maliýe",
        "syýahatçylyk",
        "ylym",
        "gurluşyk",
        "gümrük",
    ],
}
MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "tr": [
        "Ocak",
        "Şubat",
        "Mart",
        "Nisan",
        "Mayıs",
        "Haziran",
        "Temmuz",
        "Ağustos",
        "Eylül",
        "Ekim",
        "Kasım",
        "Aralık",
    ],
    "ru": [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    "tk": [
        "ýanwarynda",
        "fewralynda",
        "martynda",
        "aprelinde",
        "maýynda",
        "iýunynda",
        "iýulynda",
        "awgustynda",
        "sentýabrynda",
        "oktýabrynda",
        "noýabrynda",
        "dekabrynda",
    ],
}
LANGS = ("en", "tr", "ru", "tk")
IDX = {lang: i for i, lang in enumerate(LANGS)}


def _join(items: list[str], lang: str) -> str:
    conj = {"en": "and", "tr": "ve", "ru": "и", "tk": "we"}[lang]
    return ", ".join(items[:-1]) + f" {conj} " + items[-1] if len(items) > 1 else items[0]


def article(n: int, rnd: random.Random) -> tuple[str, str]:
    """(file name, text) of synthetic article ``n``."""
    lang = LANGS[n % 4]
    i = IDX[lang]
    day = dt.date(2008, 1, 1) + dt.timedelta(days=rnd.randrange(0, 18 * 365))
    tm, ru = rnd.choice(TM)[i], rnd.choice(RU)[i]
    city = rnd.choice(CITIES)
    video = rnd.random() < 0.25
    session = rnd.random() < 0.5
    num = rnd.randrange(1, 20)
    areas = _join(rnd.sample(AREAS[lang], rnd.randrange(2, 6)), lang)
    signed = rnd.random() < 0.4
    date = {
        "en": f"{day.day} {MONTHS['en'][day.month - 1]} {day.year}",
        "tr": f"{day.day} {MONTHS['tr'][day.month - 1]} {day.year}",
        "ru": f"{day.day} {MONTHS['ru'][day.month - 1]} {day.year} года",
        "tk": f"{day.year}-nji ýylyň {day.day}-nji {MONTHS['tk'][day.month - 1]}",
    }[lang]
    if lang == "en":
        where = "by video conference" if video else f"in {city[0]}"
        head = (
            f"On {date} the {num}th meeting of the Intergovernmental Turkmen-Russian Commission on Economic "
            f"Cooperation was held {where}."
            if session
            else f"On {date} the co-chairs of the Intergovernmental Turkmen-Russian Commission, Deputy Chairman of "
            f"the Cabinet of Ministers {tm} and Deputy Prime Minister {ru}, met {where}."
        )
        body = [
            f"The parties discussed cooperation in {areas}.",
            f"The Turkmen delegation was headed by the co-chair {tm}; the Russian side by the co-chair {ru}.",
        ]
        tail = "Following the talks, several documents were signed." if signed else "The sides agreed to stay in touch."
    elif lang == "tr":
        where = "video konferans yoluyla" if video else city[1]
        head = (
            f"{date} tarihinde Türkmen-Rus Hükümetlerarası Ekonomik İşbirliği Komisyonu'nun {num}. toplantısı "
            f"{where} yapıldı."
            if session
            else f"{date} tarihinde Hükümetlerarası Komisyon eş başkanları Bakanlar Kurulu Başkan Yardımcısı {tm} ile "
            f"Başbakan Yardımcısı {ru} {where} bir görüşme gerçekleştirdi."
        )
        body = [
            f"Taraflar {areas} alanlarındaki işbirliğini ele aldı.",
            f"Komisyonun eş başkanları {tm} ve {ru} toplantıya başkanlık etti.",
        ]
        tail = "Görüşme sonunda belgeler imzalandı." if signed else "Taraflar temasları sürdürme kararı aldı."
    elif lang == "ru":
        where = "в режиме видеоконференции" if video else city[2]
        head = (
            f"{date} {where} состоялось {num}-е заседание Межправительственной туркмено-российской комиссии по "
            f"экономическому сотрудничеству."
            if session
            else f"{date} {where} состоялась встреча сопредседателей Межправительственной комиссии "
            f"заместителя Председателя Кабинета Министров {tm} и вице-премьера {ru}."
        )
        body = [f"Стороны обсудили сотрудничество в сферах {areas}.", f"Сопредседателями выступили {tm} и {ru}."]
        tail = "По итогам встречи подписан ряд документов." if signed else "Стороны договорились продолжить контакты."
    else:
        where = "wideoaragatnaşyk arkaly" if video else city[3]
        head = (
            f"{date} {where} Ykdysady hyzmatdaşlyk boýunça türkmen-rus hökümetara toparynyň {num}-nji mejlisi "
            f"geçirildi."
            if session
            else f"{date} {where} Hökümetara toparyň bilelikdäki başlyklary {tm} bilen {ru} duşuşdy."
        )
        body = [
            f"Taraplar {areas} ulgamlarynda hyzmatdaşlygy ara alyp maslahatlaşdylar.",
            f"Toparyň bilelikdäki başlyklary {tm} we {ru} mejlise ýolbaşçylyk etdi.",
        ]
        tail = (
            "Duşuşygyň jemleri boýunça resminamalara gol çekildi."
            if signed
            else "Taraplar gatnaşyklary dowam etdirmäge ylalaşdylar."
        )
    published = day + dt.timedelta(days=rnd.randrange(0, 3))
    text = (
        f"---\nurl: https://example.org/{lang}/synthetic/{n}\nlang: {lang}\npublished: {published}\n---\n"
        + "\n\n".join([head, *body, tail])
        + "\n"
    )
    return f"{n:06d}_{lang}.txt", text


def generate(n: int, out: Path, seed: int = 1) -> list[Path]:
    """Write ``n`` articles into ``out`` (created); returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(seed)
    paths = []
    for k in range(n):
        name, text = article(k, rnd)
        p = out / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    print(len(generate(a.n, a.out, a.seed)), "articles in", a.out)
