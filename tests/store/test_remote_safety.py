"""Shared SPARQL stores (issue 11), against a real ``oxigraph serve`` on 127.0.0.1: a redirect or any
non-2xx answer to an update is a store error (exit 3, nothing stored); concurrent builds leave the
same graph as one build; two inputs claiming one URL are reported and the first is kept."""

from __future__ import annotations

import http.server
import os
import random
import subprocess
import sys
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.store import open_store

from .conftest import build, write_articles
from .fixtures import ALL, MEETING_EN
from .test_merge_order import CORPUS_NAMES, _corpus

ROOT = Path(__file__).resolve().parents[2]


class _Answer(http.server.BaseHTTPRequestHandler):
    status = 302

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(self.status)
        self.send_header("Location", "http://127.0.0.1:9/elsewhere")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802 - a followed redirect would land here and "succeed"
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def answering():
    """An HTTP server on 127.0.0.1 answering every POST with ``_Answer.status``."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answer)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308, 300, 404, 503])
def test_update_not_2xx_is_a_store_error(server, answering, tmp_path, monkeypatch, capsys, status):
    _Answer.status = status
    monkeypatch.setenv("KG_STORE_UPDATE", f"http://127.0.0.1:{answering.server_address[1]}/update")
    src = write_articles(tmp_path / "in", {"b_en.txt": MEETING_EN})
    assert build([src], server.url, tmp_path / "out") == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("kg: error: E3"), err
    monkeypatch.delenv("KG_STORE_UPDATE")
    with open_store(server.url) as s:
        assert s.count() == 0  # nothing stored, and nothing claimed


def _articles(tmp_path: Path) -> list[Path]:
    root = _corpus()
    if root is not None:
        return [root / n for n in CORPUS_NAMES if (root / n).is_file()]
    src = write_articles(tmp_path / "all", ALL)
    return sorted(src.iterdir())


def _kg(*args: object) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in ("KG_STORE_UPDATE", "KG_STORE_WAIT", "KG_DEBUG")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.Popen(
        [sys.executable, "-m", "kg", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _triples(path: Path) -> set[ox.Triple]:
    return set(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def test_concurrent_builds_give_the_graph_of_one_build(server, tmp_path):
    files = _articles(tmp_path)
    assert build(files, str(tmp_path / "ref"), tmp_path / "ref-out", "--no-validate") == 0
    orders = [random.Random(seed).sample(files, len(files)) for seed in range(4)]
    procs = [
        _kg("build", *order, "--store", server.url, "--out", tmp_path / f"o{i}", "--no-html", "--no-validate")
        for i, order in enumerate(orders)
    ]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    assert main(["export", "--store", server.url, "--out", str(tmp_path / "remote.ttl")]) == 0
    assert _triples(tmp_path / "remote.ttl") == _triples(tmp_path / "ref-out" / "graph.ttl")
    p = _kg("build", *files, "--store", server.url, "--out", tmp_path / "again", "--no-html", "--json")
    out, err = p.communicate(timeout=300)
    assert p.returncode == 0, err
    assert f'"unchanged": {len(files)}' in out


def test_two_inputs_with_one_url(tmp_path, capsys):
    other = MEETING_EN.replace("education", "tourism")  # another text claiming the same URL
    src = write_articles(tmp_path / "in", {"a_en.txt": MEETING_EN, "b_en.txt": other, "c_en.txt": other})
    assert build([src], str(tmp_path / "s"), tmp_path / "out") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("kg: skipped: E101") and "same URL as" in line for line in err)
    assert all(str(src / "a_en.txt") in line for line in err)
    with open_store(str(tmp_path / "s")) as s:
        names = {r["n"].value for r in s.query("SELECT ?n WHERE { ?d <http://purl.org/dc/terms/identifier> ?n }")}
    assert names == {"a_en.txt"}
    # a second build of the same inputs: the same report, the first article still kept
    assert build([src], str(tmp_path / "s"), tmp_path / "out") == 1


def test_the_server_lock_excludes_other_writers(server):
    from kg.store.remote import RemoteBackend

    inside, overlaps, done = [], [], []

    def writer() -> None:
        backend = RemoteBackend(server.url)
        for _ in range(5):
            with backend.lock():
                inside.append(1)
                if len(inside) > 1:
                    overlaps.append(1)
                threading.Event().wait(0.02)
                inside.pop()
        done.append(1)

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert len(done) == 4 and not overlaps
    with open_store(server.url) as s:
        assert s.count() == 0  # every lock entry withdrawn


def test_a_stale_lock_entry_is_ignored(server):
    from kg.store.remote import LOCK_GRAPH, LOCKED_AT, RemoteBackend

    backend = RemoteBackend(server.url)
    backend.update(
        f"INSERT DATA {{ GRAPH <{LOCK_GRAPH}> {{ <urn:uuid:dead> <{LOCKED_AT}> "
        '"2000-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> } }'
    )
    with backend.lock(wait=5):
        pass
    backend.update(
        f"INSERT DATA {{ GRAPH <{LOCK_GRAPH}> {{ <urn:uuid:alive> <{LOCKED_AT}> "
        '"2999-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> } }'
    )
    from kg.errors import StoreBusyError

    with pytest.raises(StoreBusyError), backend.lock(wait=0.5):
        pass
