"""Store fixtures: folders of our own articles, built stores, and a real Oxigraph server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.cli import main

from .fixtures import ALL, MEETING


def write_articles(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


#: how a later build can find the articles of ``change_articles``
CHANGES = ("add", "rename", "replace", "remove")


def change_articles(src: Path, store: Path, tmp_path: Path, step: str) -> None:
    """Change the articles under ``src`` (fixtures and 12 synthetic articles of seed 4, built into ``store``)
    as a later build sees them: ``add`` two new ones; ``rename`` four more synthetic reports, close to the
    stored ones (stored meetings get new IRIs); ``replace`` a stored article's text under its name and URL
    (its old nodes leave the merged graph); ``remove`` three with ``kg remove`` (writes between exports)."""
    from .fixtures import CONFLICT_EN, CONFLICT_RU
    from .test_ingest_terms import synth

    if step == "add":
        write_articles(src, {"e_en.txt": CONFLICT_EN, "f_ru.txt": CONFLICT_RU})
    elif step == "rename":
        synth(16, tmp_path / "more", seed=4)
        for p in sorted((tmp_path / "more").iterdir())[12:]:
            p.rename(src / p.name)
    elif step == "replace":
        name = sorted(p.name for p in src.glob("*.txt") if p.name in ALL)[0]
        (src / name).write_text(CONFLICT_EN, encoding="utf-8")
    else:
        for name in sorted(p.name for p in src.glob("*.txt"))[:3]:
            assert main(["remove", str(src / name), "--store", str(store)]) == 0
            (src / name).unlink()


def build(paths: list[Path], store: str, out: Path, *extra: str) -> int:
    return main(["build", *map(str, paths), "--store", store, "--out", str(out), "--no-html", *extra])


@pytest.fixture()
def meeting_dir(tmp_path: Path) -> Path:
    return write_articles(tmp_path / "meeting", MEETING)


@pytest.fixture()
def all_dir(tmp_path: Path) -> Path:
    return write_articles(tmp_path / "all", ALL)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from all fixtures (read-only use)."""
    root = tmp_path_factory.mktemp("built")
    assert build([write_articles(root / "all", ALL)], str(root / "store"), root / "out") == 0
    return root / "store"


def oxigraph_binary() -> str:
    for cand in (Path(sys.prefix) / "bin" / "oxigraph", Path(sys.executable).parent / "oxigraph"):
        if cand.is_file():
            return str(cand)
    found = shutil.which("oxigraph")
    if not found:
        pytest.fail("the oxigraph server binary is missing: pip install oxigraph (the [test] extra)")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A running ``oxigraph serve`` on 127.0.0.1."""

    def __init__(self, url: str) -> None:
        self.url = url

    def post(self, path: str, data: bytes, ctype: str) -> int:
        req = urllib.request.Request(self.url + path, data=data, method="POST", headers={"Content-Type": ctype})
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status

    def clear(self) -> None:
        self.post("/update", b"DROP ALL", "application/sparql-update")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``oxigraph serve`` with a temporary data folder, stopped after the tests."""
    data, port = tmp_path_factory.mktemp("oxigraph"), _free_port()
    log = data.parent / f"{data.name}.log"
    with open(log, "wb") as err:
        proc = subprocess.Popen(
            [oxigraph_binary(), "serve", "--location", str(data), "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env={**os.environ},
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph server did not start: {log.read_text(errors='replace')[:500]}")
                time.sleep(0.1)
        yield Server(url)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture()
def server(oxigraph_server: Server) -> Server:
    """The Oxigraph server, emptied for this test."""
    oxigraph_server.clear()
    return oxigraph_server
