"""graph.html without a browser: self-contained, escaped, labelled, same data from any SPARQL source."""

from __future__ import annotations

import json
import re

import pyoxigraph as ox
import pytest
from conftest import EVIL_HTTP, EVIL_NAME, EVIL_SCRIPT, EVIL_TITLE, synthetic_graph
from rdflib import Graph

from kg.export import html as H


def page_data(text: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def scripts(text: str) -> list[str]:
    return re.findall(r"<script([^>]*)>", text)


def test_seed_build_is_self_contained(built):
    text = (built / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"(?i)https?://", text)
    markup = re.sub(r"(?s)<(script|style)\b[^>]*>.*?</\1>", "", text)
    assert not re.search(r"(?i)<(link|img|iframe|object|embed)\b|\b(src|href)=", markup)
    css = "".join(re.findall(r"(?s)<style>(.*?)</style>", text))
    assert not re.search(r"(?i)@import|url\((?!\"?data:)", css)
    assert scripts(text) == [' type="application/json" id="kg-data"', "", ""]  # no <script src=...>
    assert "vis-network" in text and "default-src 'none'" in text
    data = page_data(text)
    meetings = [n for n in data["nodes"] if n["c"] == 0]
    assert len(meetings) >= 3
    assert all(not re.match(r"(?i)https?:", n["id"]) for n in data["nodes"])
    assert {"person/rashid-meredov", "person/alexei-overchuk", "country/TM", "country/RU"} <= {
        n["id"] for n in data["nodes"]}
    assert all(d[0] is None or d[0].startswith("https://example.org/") for d in data["docs"][:2])
    assert data["sents"] and not data["large"] and data["options"]["physics"]["enabled"]


def test_escaping(tmp_path, evil_graph):
    text = H.write_html(evil_graph, tmp_path / "graph.html").read_text(encoding="utf-8")
    body = text.split('id="kg-data">', 1)[1].split("</script>", 1)[0]
    for bad in ("<", ">", "&", "://"):
        assert bad not in body
    assert not re.search(r"(?i)https?://", text)
    data = page_data(text)
    labels = {n["l"] for n in data["nodes"]}
    assert EVIL_NAME in labels
    assert EVIL_SCRIPT + EVIL_NAME in data["sents"]
    assert [EVIL_HTTP, EVIL_SCRIPT] in [d[:2] for d in data["docs"]]
    assert [d for d in data["docs"] if d[1] == EVIL_TITLE]
    # the only scripts are ours: the data block, vis-network and the explorer
    assert scripts(text) == [' type="application/json" id="kg-data"', "", ""] and text.count("</script>") == 3


def test_labels_follow_language(tmp_path):
    g = synthetic_graph(4)
    by_lang = {lang: page_data(H.write_html(g, tmp_path / f"{lang}.html", lang=lang).read_text("utf-8"))
               for lang in ("en", "tr", "ru", "tk")}
    countries = {lang: sorted(n["l"] for n in d["nodes"] if n["id"].startswith("country/"))
                 for lang, d in by_lang.items()}
    assert countries == {"en": ["Russia", "Turkmenistan"], "tr": ["Rusya", "Türkmenistan"],
                         "ru": ["Россия", "Туркменистан"], "tk": ["Russiýa", "Türkmenistan"]}
    assert by_lang["ru"]["kinds"]["commission-session"] == "заседание комиссии"
    assert by_lang["tr"]["classes"][0]["label"] == "Toplantı"
    # no label in the wanted language: English, then any
    assert any(n["l"].startswith("Person p") for n in by_lang["ru"]["nodes"])
    assert '<html lang="ru">' in (tmp_path / "ru.html").read_text("utf-8")


def test_same_data_from_rdflib_oxigraph_and_plain_rows():
    g = synthetic_graph(40, reports=2)
    store = ox.Store()
    store.load(g.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)

    class Rows:
        """A store that answers with plain dicts of strings."""

        def query(self, q: str) -> list[dict]:
            res = g.query(q)
            return [{str(k): v for k, v in zip(res.vars, row, strict=True) if v is not None} for row in res]

    ref = json.dumps(H.collect(g), sort_keys=True)
    assert json.dumps(H.collect(store), sort_keys=True) == ref
    assert json.dumps(H.collect(Rows()), sort_keys=True) == ref


def test_query_failure_is_an_export_error(tmp_path):
    from kg.errors import ExportError

    class Broken:
        def query(self, q: str):
            raise OSError("store is gone")

    with pytest.raises(ExportError, match="store is gone"):
        H.write_html(Broken(), tmp_path / "graph.html")
    assert not list(tmp_path.iterdir())


@pytest.mark.slow
def test_large_graph_is_laid_out_and_limited(tmp_path, large_graph_html):
    path, data = large_graph_html
    meetings = [n for n in data["nodes"] if n["c"] == 0]
    assert len(meetings) == 3300 and len(data["docs"]) == 9900
    assert data["large"] and data["limit"] == H.DEFAULT_LIMIT
    assert data["options"]["physics"]["enabled"] is False
    xy = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(xy) > 0.95 * len(data["nodes"])  # precomputed, hardly any overlap
    assert not re.search(r"(?i)https?://", path.read_text("utf-8"))


def test_empty_graph(tmp_path):
    from kg.graph import reference_graph

    for g in (Graph(), reference_graph()):
        data = page_data(H.write_html(g, tmp_path / "graph.html").read_text("utf-8"))
        assert data["nodes"] == [] and data["edges"] == [] and not data["large"]
