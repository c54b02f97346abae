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


def _tracked_files() -> dict[str, tuple[int, int]] | None:
    """(mtime, size) of every file git tracks in this checkout (None outside a git checkout)."""
    import os
    import subprocess

    root = Path(__file__).resolve().parent.parent
    try:
        names = (
            subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, timeout=30, check=True)
            .stdout.decode("utf-8", "surrogateescape")
            .split("\0")
        )
    except (OSError, subprocess.SubprocessError):
        return None
    out = {}
    for name in filter(None, names):
        try:
            st = os.stat(root / name)
        except OSError:
            continue
        out[name] = (st.st_mtime_ns, st.st_size)
    return out


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config._kg_tracked = _tracked_files()  # type: ignore[attr-defined]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Tests never write tracked files (issue 14): fail the run if one was rewritten.  The README
    screenshot is refreshed on purpose by scripts/screenshot.sh (``KG_SCREENSHOT``)."""
    import os

    before, after = getattr(session.config, "_kg_tracked", None), _tracked_files()
    if before is None or after is None:
        return
    allowed = (
        {os.path.relpath(os.environ["KG_SCREENSHOT"], Path(__file__).resolve().parent.parent)}
        if os.environ.get("KG_SCREENSHOT")
        else set()
    )
    changed = sorted(n for n in before if before[n] != after.get(n) and n not in allowed)
    if changed:
        print(f"\nerror: the tests rewrote tracked files: {', '.join(changed)}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
