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
    assert scripts(text) == [' type="application/json" id="kg-data"', "", "", ""]  # no <script src=...>
    assert "vis-network" in text and "default-src 'none'" in text
    # vis-timeline is inlined with its licence header and the pinned version of assets/vendor/VERSIONS
    assert "@version 8.5.4" in text and "vis.js is dual licensed" in text and "sourceMappingURL" not in text
    assert "vis-timeline    8.5.4" in (H.VENDOR / "VERSIONS").read_text()
    data = page_data(text)
    meetings = [n for n in data["nodes"] if n["c"] == 0]
    assert len(meetings) >= 3
    assert all(not re.match(r"(?i)https?:", n["id"]) for n in data["nodes"])
    assert {"person/rashid-meredov", "person/alexei-overchuk", "country/TM", "country/RU"} <= {
        n["id"] for n in data["nodes"]
    }
    assert all(d[0] is None or d[0].startswith("https://example.org/") for d in data["docs"][:2])
    assert data["sents"] and data["options"]["physics"]["enabled"]


def test_meeting_labels_tenures_undated_and_conflicts(built):
    data = page_data((built / "graph.html").read_text(encoding="utf-8"))
    nodes = {n["id"]: n for n in data["nodes"]}
    labels = {n["l"] for n in nodes.values() if n["c"] == 0}
    assert "12th session, Moscow, 2022-12-07" in labels
    assert "Meredov\u2013Overchuk co-chairs' meeting, 2021-03-03" in labels
    # the undated Russian report: placed at its publication date, marked with ≈
    undated = [n for n in nodes.values() if n["c"] == 0 and not n.get("d")]
    assert [(n["rd"], n["l"]) for n in undated if n.get("rd") == "2020-02-10"] == [
        ("2020-02-10", "Meredov\u2013Lavrov talks, \u22482020-02-10")
    ]
    # two reports disagree on the date of the 11th session: one badge, each value with its source
    cf = [n for n in nodes.values() if n.get("cf")]
    assert len(cf) == 1 and cf[0]["n"] == 11
    ((prop, values),) = cf[0]["cf"]
    assert prop == "date" and [[v, [data["docs"][d][0] for d in srcs]] for v, srcs in values] == [
        ["2019-05-07", ["https://example.org/cf/a"]],
        ["2019-05-08", ["https://example.org/cf/b"]],
    ]
    # co-chair tenures: person, country, first and last meeting
    tenures = {(data["nodes"][p]["id"], data["nodes"][c]["id"]): (b, e) for p, c, b, e in data["tenures"]}
    assert tenures[("person/rashid-meredov", "country/TM")] == ("2019-05-07", "2022-12-07")
    assert tenures[("person/alexei-overchuk", "country/RU")] == ("2019-05-07", "2022-12-07")


@pytest.mark.parametrize(
    "text, key",
    [
        ("Overçuk", "overcuk"),
        ("Оверчук", "overcuk"),
        ("overcuk", "overcuk"),
        ("Owerçuk", "overcuk"),
        ("Overchuk", "overcuk"),
        ("Рашид Мередов", "rasidmeredov"),
        ("Raşid Meredow", "rasidmeredov"),
        ("AŞGABAT", "asgabat"),
        ("İstanbul", "istanbul"),
        ("Ашхабад", "asabad"),
        ("", ""),
    ],
)
def test_search_key_folds_scripts(text, key):
    assert H.search_key(text) == key


def test_search_keys_hold_every_label(built):
    data = page_data((built / "graph.tr.html").read_text(encoding="utf-8"))
    q = {n["id"]: n["q"] for n in data["nodes"]}
    assert "overcuk" in q["person/alexei-overchuk"] and "asabad" in q["city/ashgabat"]
    assert {"rusia", "rosia"} <= set(q["country/RU"].split())  # Rusya (tr) and Россия (ru)


def test_ui_strings_complete_in_every_language():
    import json as _json

    table = _json.loads((H.ASSETS / "i18n.json").read_text(encoding="utf-8"))
    assert set(table) == {"en", "ru", "tk", "tr"}
    for lang, strings in table.items():
        assert set(strings) == set(table["en"]), lang
        assert len(strings["months"]) == 12
        if lang != "en":
            same = {k for k, v in strings.items() if v == table["en"][k] and re.search(r"[A-Za-z]{3}", str(v))}
            assert same <= {"lane.kind", "tenure", "bar"}, (lang, same)
    # the Russian strings have no Latin words (placeholders and the product name aside)
    latin = [k for k, v in table["ru"].items() if re.search(r"[A-Za-z]{3}", re.sub(r"\{\w+\}|tmru-kg", "", str(v)))]
    assert latin == []


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
    # the only scripts are ours: the data block, vis-timeline, vis-network and the explorer
    assert scripts(text) == [' type="application/json" id="kg-data"', "", "", ""] and text.count("</script>") == 4


def test_labels_follow_language(tmp_path):
    g = synthetic_graph(4)
    by_lang = {
        lang: page_data(H.write_html(g, tmp_path / f"{lang}.html", lang=lang).read_text("utf-8"))
        for lang in ("en", "tr", "ru", "tk")
    }
    countries = {
        lang: sorted(n["l"] for n in d["nodes"] if n["id"].startswith("country/")) for lang, d in by_lang.items()
    }
    assert countries == {
        "en": ["Russia", "Turkmenistan"],
        "tr": ["Rusya", "Türkmenistan"],
        "ru": ["Россия", "Туркменистан"],
        "tk": ["Russiýa", "Türkmenistan"],
    }
    assert by_lang["ru"]["kinds"]["commission-session"] == "заседание комиссии"
    assert by_lang["tr"]["classes"][0]["label"] == "Toplantı"
    assert by_lang["tr"]["ui"]["filters"] == "Süzgeçler" and by_lang["ru"]["ui"]["search"] == "Поиск"
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
def test_large_graph_stays_small(large_graph_html):
    path, data = large_graph_html
    meetings = [n for n in data["nodes"] if n["c"] == 0]
    assert len(meetings) == 3300 and len(data["docs"]) == 9900
    assert path.stat().st_size < 10_000_000
    assert not re.search(r"(?i)https?://", path.read_text("utf-8"))


def test_empty_graph(tmp_path):
    from kg.graph import reference_graph

    for g in (Graph(), reference_graph()):
        data = page_data(H.write_html(g, tmp_path / "graph.html").read_text("utf-8"))
        assert data["nodes"] == [] and data["edges"] == [] and data["tenures"] == []


def test_vis_options_are_pyvis_options():
    """VIS_OPTIONS is what pyvis's Network gave (the HTML step no longer imports pyvis and networkx for it)."""
    from pyvis.network import Network

    net = Network(directed=True)
    net.force_atlas_2based(gravity=-60, spring_length=140, damping=0.6)
    net.set_edge_smooth("continuous")
    opts = json.loads(net.options.to_json())
    opts["physics"]["stabilization"].update(iterations=200, fit=True)
    opts["edges"].update(
        smooth={"enabled": True, "type": "continuous"},
        color={"inherit": False, "color": "#9aa5b1"},
        arrows={"to": {"enabled": True, "scaleFactor": 0.5}},
        font={"size": 9, "color": "#555", "strokeWidth": 2, "align": "middle"},
    )
    opts["nodes"] = {"font": {"size": 13, "face": "sans-serif"}, "borderWidth": 1}
    opts["interaction"].update(hover=True, tooltipDelay=150, navigationButtons=False, keyboard=False)
    opts["layout"] = {"improvedLayout": False, "randomSeed": 7}
    assert H.vis_options() == opts
    H.vis_options()["physics"]["enabled"] = False  # a copy: the constant is not changed
    assert H.VIS_OPTIONS["physics"]["enabled"] is True
