"""A real Oxigraph server (started by the ``oxigraph_server`` fixture) as the store, and the
exports loaded into it unchanged."""

from __future__ import annotations

import json

import pytest

from kg.cli import main
from kg.store import open_store

from .conftest import build
from .test_queries import run

pytestmark = pytest.mark.slow  # starts an oxigraph server

CTYPES = {
    "ttl": "text/turtle",
    "trig": "application/trig",
    "nq": "application/n-quads",
    "jsonld": "application/ld+json",
}


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
        ("Alexei Overchuk", "2019-05-07", "2024-06-05"),
        ("Rashid Meredov", "2019-05-07", "2024-06-05"),
    ]


def test_unreachable_and_invalid(server, capsys):
    assert main(["stats", "--store", "http://127.0.0.1:9"]) == 3
    assert main(["query", "SELECT WHERE {", "--store", server.url]) == 4
    err = capsys.readouterr().err.strip().splitlines()
    assert [line[:13] for line in err] == ["kg: error: E3", "kg: error: E4"]


def test_case07_bind_on_an_endpoint_is_a_values_block_of_parsed_terms(server, all_dir, tmp_path, capsys):
    """Issue 14, case 7, on a SPARQL endpoint: the bound term goes into a VALUES block built from the
    parsed term (same rows as the embedded store), and a value that is not one term is refused."""
    assert build([all_dir], server.url, tmp_path / "o", "--no-html") == 0
    capsys.readouterr()
    rows = run(capsys, server.url, "cochairs-in-year", "--bind", "year=2021", "--bind", "country=id:country/TM")
    assert [r["person"] for r in rows] == ["https://w3id.org/tmru/id/person/rashid-meredov"]
    evil = "year=2021 } SERVICE <http://127.0.0.1:9/x> { ?a ?b ?c } VALUES ?z { 1"
    assert main(["query", "cochairs-in-year", "--store", server.url, "--bind", evil]) == 2
    assert "E001" in capsys.readouterr().err


def test_password_in_store_url_is_sent_and_masked(server, capsys):
    """``http://user:password@host``: requests carry basic authentication (Oxigraph ignores it) and
    the password is never printed."""
    url = server.url.replace("http://", "http://alice:s3cret@")
    assert main(["stats", "--store", url, "--json"]) == 0
    assert main(["stats", "--store", "http://alice:s3cret@127.0.0.1:9"]) == 3
    captured = capsys.readouterr()
    assert "s3cret" not in captured.out + captured.err
    from kg.store.remote import split_credentials

    assert split_credentials("http://alice:s3cret@127.0.0.1:7878/query") == (
        "http://127.0.0.1:7878/query",
        "Basic YWxpY2U6czNjcmV0",
    )
