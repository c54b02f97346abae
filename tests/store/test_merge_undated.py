"""An undated report that names its weekday joins the one dated meeting it fits (merge rule)."""

from __future__ import annotations

import pytest

from kg.store import open_store

from .conftest import build, write_articles
from .fixtures import MEETING_EN
from .test_store import values

UNDATED_RU = """\
---
url: https://example.org/ru/news/{n}
lang: ru
---
В {day} в режиме видеоконференции состоялось заседание Межправительственной туркмено-российской \
комиссии по экономическому сотрудничеству.

Стороны обсудили сотрудничество в сфере {areas}.
"""
FITS = "торговли, энергетики и образования"


@pytest.mark.parametrize(
    ("day", "areas", "merged"),
    [
        ("пятницу", FITS, True),  # 14 April 2023 was a Friday; the areas agree
        ("среду", FITS, False),  # another weekday
        ("пятницу", "туризма, спорта и геологии", False),  # the areas disagree
    ],
)
def test_undated_report_with_weekday(tmp_path, day, areas, merged):
    folder = write_articles(
        tmp_path / "in", {"a_en.txt": MEETING_EN, "b_ru.txt": UNDATED_RU.format(n=1, day=day, areas=areas)}
    )
    assert build([folder], str(tmp_path / "s"), tmp_path / "out") == 0
    with open_store(str(tmp_path / "s")) as s:
        meetings = values(s, "SELECT DISTINCT ?m WHERE { ?m a tmru:Meeting }", "m")
    assert len(meetings) == (1 if merged else 2)
