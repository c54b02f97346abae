"""A real Oxigraph server (started by the ``oxigraph_server`` fixture) as the store, and the
exports loaded into it unchanged."""

from __future__ import annotations

import json

import pytest

from kg.cli import main
from kg.store import open_store

from .conftest import build
from .test_queries import run

CTYPES = {"ttl": "text/turtle", "trig": "application/trig", "nq": "application/n-quads",
          "jsonld": "application/ld+json"}


def test_build_into_server(server, all_dir, tmp_path, capsys):
    assert build([all_dir], server.url, tmp_path / "o1", "--json") == 0
    first = json.loads(capsys.readouterr().out)
    assert build([all_dir], server.url, tmp_path / "o2", "--json") == 0
    second = json.loads(capsys.readouterr().out)
    assert first["added"] == 6 and second["unchanged"] == 6
    assert first["quads"] == second["quads"] and first["conforms"] is True
    assert (tmp_path / "o1" / "graph.ttl").read_bytes() == (tmp_path / "o2" / "graph.ttl").read_bytes()
    rows = run(capsys, server.url, "meetings")
    assert [r["sources"] for r in rows] == ["2", "3", "1"]
    with open_store(server.url) as s:
        assert s.stats().conflicts == 2  # date and agreements signed of the 2019 session
    assert main(["remove", "https://example.org/ru/news/103", "--store", server.url]) == 0
    capsys.readouterr()
    assert [r["sources"] for r in run(capsys, server.url, "meetings")] == ["2", "2", "1"]


def test_same_graph_local_and_remote(server, built, tmp_path):
    local = tmp_path / "local.ttl"
    assert main(["export", "--store", str(built), "--out", str(local)]) == 0
    server.post("/store", (built.parent / "out" / "graph.trig").read_bytes(), CTYPES["trig"])
    remote = tmp_path / "remote.ttl"
    assert main(["export", "--store", server.url, "--out", str(remote)]) == 0
    import pyoxigraph as ox

    def triples(p):
        return set(ox.parse(path=str(p), format=ox.RdfFormat.TURTLE))

    assert triples(local) == triples(remote)


@pytest.mark.parametrize("fmt", sorted(CTYPES))
def test_exports_load_into_server(server, built, capsys, fmt):
    data = (built.parent / "out" / f"graph.{fmt}").read_bytes()
    # Graph Store Protocol: triples into the default graph, quads as they are
    path = "/store?default" if fmt in ("ttl", "jsonld") else "/store"
    assert server.post(path, data, CTYPES[fmt]) in (200, 201, 204)
    rows = run(capsys, server.url, "cochairs")
    assert [(r["name"], r["begin"], r["end"]) for r in rows] == [
        ("Alexei Overchuk", "2019-05-07", "2023-04-14"), ("Rashid Meredov", "2019-05-07", "2023-04-14")]


def test_unreachable_and_invalid(server, capsys):
    assert main(["stats", "--store", "http://127.0.0.1:9"]) == 3
    assert main(["query", "SELECT WHERE {", "--store", server.url]) == 4
    err = capsys.readouterr().err.strip().splitlines()
    assert [line[:13] for line in err] == ["kg: error: E3", "kg: error: E4"]
