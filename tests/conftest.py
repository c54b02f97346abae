"""Shared fixtures: small articles written for the tests (no third-party text)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

# A made-up press release in Turkish, in the style of the sources.
TR_ARTICLE = textwrap.dedent("""\
    ---
    url: https://example.org/tr/haber/1
    lang: tr
    published: 2021-03-05
    ---
    3 Mart 2021 tarihinde Türkmen-Rus Hükümetlerarası Ekonomik İşbirliği Komisyonu eş başkanları,
    Türkmenistan Bakanlar Kurulu Başkan Yardımcısı Raşid Meredov ile Rusya Federasyonu Hükümeti
    Başkan Yardımcısı Aleksey Overçuk arasında video konferans yoluyla bir görüşme yapıldı.

    Taraflar ticaret, enerji ve ulaştırma alanlarındaki işbirliğini ele aldı.

    Görüşmenin sonunda iki belge imzalandı.
    """)

# A made-up English report of a numbered session.
EN_ARTICLE = textwrap.dedent("""\
    ---
    url: https://example.org/en/news/2
    lang: en
    published: 2022-12-08
    ---
    The 12th meeting of the Intergovernmental Turkmen-Russian Commission on Economic Cooperation
    was held in Moscow on 7 December 2022.

    The Russian delegation was headed by the co-chair of the Commission, Deputy Prime Minister
    Alexei Overchuk. The Turkmen delegation was headed by the co-chair, Deputy Chairman of the
    Cabinet of Ministers Rashid Meredov.

    The sides discussed cooperation in agriculture, healthcare and education.
    """)


@pytest.fixture(autouse=True)
def _private_store(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test (and every ``kg`` subprocess it starts) gets its own default store,
    so no test writes to ./.kg/store."""
    monkeypatch.setenv("KG_STORE", str(tmp_path_factory.mktemp("store") / "store"))


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a_tr.txt").write_text(TR_ARTICLE, encoding="utf-8")
    (folder / "b_en.md").write_text(EN_ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "examples"
