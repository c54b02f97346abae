"""Made-up articles for the store tests (our own text, in the style of the sources).

* ``MEETING_*``: one video meeting of the co-chairs on 14 April 2023 reported in Turkish, English
  and Russian (-> one Meeting with three sources; Meredov spelled in three scripts);
* ``SESSION_TK``: the 13th session in Ashgabat on 5 June 2024 in Turkmen (Meredow);
* ``CONFLICT_*``: the 11th session reported as 7 May 2019 by one source and 8 May 2019 by another.
"""

from __future__ import annotations

MEETING_TR = """\
---
url: https://example.org/tr/haber/101
lang: tr
published: 2023-04-14
---
14 Nisan 2023 tarihinde Türkmen-Rus Hükümetlerarası Ekonomik İşbirliği Komisyonu eş başkanları, \
Türkmenistan Bakanlar Kurulu Başkan Yardımcısı Raşid Meredov ile Rusya Federasyonu Hükümeti Başkan \
Yardımcısı Aleksey Overçuk arasında video konferans yoluyla bir görüşme yapıldı.

Taraflar ticaret, enerji ve ulaştırma alanlarındaki işbirliğini ele aldı.
"""

MEETING_EN = """\
---
url: https://example.org/en/news/102
lang: en
published: 2023-04-15
---
On April 14, 2023, a meeting through videoconferencing took place between the co-chairs of the \
Intergovernmental Turkmen-Russian Commission on Economic Cooperation, Deputy Chairman of the Cabinet \
of Ministers of Turkmenistan Rashid Meredov and Deputy Prime Minister of the Russian Federation \
Alexei Overchuk.

The parties discussed cooperation in trade, energy and education.
"""

MEETING_RU = """\
---
url: https://example.org/ru/news/103
lang: ru
published: 2023-04-14
---
14 апреля 2023 года в режиме видеоконференции состоялась встреча сопредседателей Межправительственной \
туркмено-российской комиссии по экономическому сотрудничеству заместителя Председателя Кабинета \
Министров Туркменистана Рашида Мередова и заместителя Председателя Правительства Российской \
Федерации Алексея Оверчука.

Стороны обсудили сотрудничество в сферах торговли и транспорта.
"""

SESSION_TK = """\
---
url: https://example.org/tk/habar/104
lang: tk
published: 2024-06-05
---
2024-nji ýylyň 5-nji iýunynda Aşgabatda Ykdysady hyzmatdaşlyk boýunça türkmen-rus hökümetara \
toparynyň 13-nji mejlisi geçirildi.

Toparyň bilelikdäki başlyklary Raşid Meredow we Aleksey Owerçuk mejlise ýolbaşçylyk etdi.

Taraplar söwda we energetika ulgamlarynda hyzmatdaşlygy ara alyp maslahatlaşdylar.

Mejlisiň jemleri boýunça resminamalara gol çekildi.
"""

CONFLICT_EN = """\
---
url: https://example.org/en/news/105
lang: en
published: 2019-05-07
---
On 7 May 2019 the 11th meeting of the Intergovernmental Turkmen-Russian Commission on Economic \
Cooperation was held in Ashgabat.

The Turkmen delegation was headed by the co-chair Rashid Meredov; the Russian side by the co-chair \
Alexei Overchuk.

Following the talks, several documents were signed.
"""

CONFLICT_RU = """\
---
url: https://example.org/ru/news/106
lang: ru
published: 2019-05-08
---
8 мая 2019 года в Ашхабаде состоялось 11-е заседание Межправительственной туркмено-российской \
комиссии по экономическому сотрудничеству.

Сопредседателями выступили Рашид Мередов и Алексей Оверчук.
"""

MEETING = {"a_tr.txt": MEETING_TR, "b_en.txt": MEETING_EN, "c_ru.txt": MEETING_RU}
ALL = {**MEETING, "d_tk.txt": SESSION_TK, "e_en.txt": CONFLICT_EN, "f_ru.txt": CONFLICT_RU}
