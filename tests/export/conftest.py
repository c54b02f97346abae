"""Fixtures for the HTML explorer: graphs built by the pipeline and synthetic ones (large, hostile)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import random
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal
from rdflib.namespace import DCTERMS, PROV

from kg.graph import reference_graph
from kg.vocab import AREA, DOC, ID, ORG, SCHEMA, TMRU

KINDS = ("commission-session", "co-chairs-meeting", "working-group", "other")
CITIES = ("Ashgabat", "Moscow", "Kazan", "Astrakhan", "Turkmenbashi", "Sochi", "Mary", "Samara")
AREAS = ("trade", "energy", "transport", "agriculture", "healthcare", "education", "culture", "finance")

# Strings that would run if any of them reached innerHTML or the HTML source unescaped.
EVIL_NAME = '<img src=x onerror="window.__xss=1">'
EVIL_SCRIPT = "</script><script>window.__xss=2</script>"
EVIL_TITLE = '<a href="javascript:window.__xss=3">click</a> <b onmouseover="window.__xss=4">x</b>'
EVIL_CITY = '"><svg onload=window.__xss=5>'
EVIL_URL = "javascript:window.__xss=6"
EVIL_HTTP = "http://evil.example/<script>window.__xss=7</script>"


def synthetic_graph(meetings: int, reports: int = 1, people: int = 40, evil: bool = False, seed: int = 5) -> Graph:
    """The reference graph plus ``meetings`` meetings (every one reported by ``reports`` articles),
    with co-chairs, a participant, a city, areas, evidence and, every fifth, a signed agreement."""
    rnd = random.Random(seed)
    g = reference_graph()
    commission = ID["commission/tm-ru-economic"]
    start = dt.date(2008, 1, 1)
    span = (dt.date(2024, 12, 31) - start).days
    for i in range(meetings):
        day = (start + dt.timedelta(days=span * i // max(meetings, 1))).isoformat()
        kind = KINDS[i % len(KINDS)]
        m = ID[f"meeting/{day}-{kind}-{i}"]
        g.add((m, RDF.type, TMRU.Meeting))
        g.add((m, TMRU.kind, TMRU._NS[kind]))
        g.add((m, SCHEMA.startDate, Literal(day, datatype=XSD.date)))
        g.add((m, TMRU.commission, commission))
        city = ID["city/x-evil" if evil and i == 0 else f"city/{CITIES[i % len(CITIES)].lower()}"]
        g.add((city, RDF.type, TMRU.City))
        g.add((city, SKOS.altLabel, Literal(EVIL_CITY if evil and i == 0 else CITIES[i % len(CITIES)], lang="en")))
        g.add((m, TMRU.city, city))
        g.add((m, TMRU.format, TMRU._NS["video" if i % 3 else "in-person"]))
        g.add((m, TMRU.agreementsSigned, Literal(i % 5 == 0)))
        if i % 5 == 0:
            ag = ID[f"agreement/{i}"]
            g.add((ag, RDF.type, TMRU.Agreement))
            g.add((m, TMRU.signed, ag))
        for a in rnd.sample(AREAS, 3):
            g.add((m, TMRU.area, AREA[a]))
        docs = []
        for r in range(reports):
            d = DOC[f"d{i:05d}{r}"]
            docs.append(d)
            url = f"https://example.org/news/{i}/{r}"
            title = f"Report {i}.{r}"
            if evil and i == 0:
                url, title = (EVIL_URL, EVIL_TITLE) if r == 0 else (EVIL_HTTP, EVIL_SCRIPT)
            g.add((d, RDF.type, TMRU.Document))
            g.add((d, SCHEMA.url, Literal(url, datatype=XSD.anyURI)))
            g.add((d, DCTERMS.title, Literal(title, lang="en")))
            g.add((m, PROV.wasDerivedFrom, d))
        for side, iso in enumerate(("TM", "RU")):
            key = f"p{side}-{rnd.randrange(people // 2)}"
            p = ID[f"person/{key}"]
            name = EVIL_NAME if evil and i == 0 and side == 0 else f"Person {key}"
            g.add((p, RDF.type, TMRU.Person))
            g.add((p, RDFS.label, Literal(name, lang="en")))
            c = ID[f"cochair/{key}--tm-ru-economic--{iso}"]
            g.add((c, RDF.type, TMRU.CoChair))
            g.add((c, ORG.member, p))
            g.add((c, TMRU.forCountry, ID[f"country/{iso}"]))
            g.add((c, TMRU.post, Literal(EVIL_SCRIPT if evil and i == 0 else "Deputy Prime Minister", lang="en")))
            g.add((m, TMRU.cochair, c))
            g.add((m, TMRU.participant, p))
            _evidence(
                g,
                m,
                i,
                f"cochair/{key}",
                TMRU.cochair,
                docs[side % len(docs)],
                c,
                f"Co-chair {name} took part in meeting {i} (see http://example.org/{i}).",
            )
        for prop, fld, val in (
            (TMRU.kind, "kind", None),
            (TMRU.city, "city", None),
            (TMRU.area, "area", next(iter(g.objects(m, TMRU.area)))),
        ):
            sentence = EVIL_SCRIPT + EVIL_NAME if evil and i == 0 else f"Meeting {i} was held on {day} ({fld})."
            _evidence(g, m, i, fld, prop, docs[-1], val, sentence)
    return g


def _evidence(g: Graph, m, i: int, fld: str, prop, doc, value, sentence: str) -> None:
    e = ID[f"evidence/{i}/{fld}"]
    g.add((e, RDF.type, TMRU.Evidence))
    g.add((e, TMRU.about, m))
    g.add((e, TMRU.property, prop))
    if value is not None:
        g.add((e, RDF.value, value))
    g.add((e, TMRU.sentence, Literal(sentence)))
    g.add((e, PROV.wasQuotedFrom, doc))
    g.add((m, TMRU.evidence, e))


# Two reports of one session that disagree on its date (merged: dates one day apart, same co-chairs),
# and an undated report (placed at its publication date on the timeline).
CONFLICT_A = """---
url: https://example.org/cf/a
lang: en
published: 2019-05-08
---
The 11th meeting of the Intergovernmental Turkmen-Russian Commission on Economic Cooperation
was held in Ashgabat on 7 May 2019. The Turkmen delegation was headed by the co-chair of the
Commission, Deputy Chairman of the Cabinet of Ministers Rashid Meredov. The Russian delegation
was headed by the co-chair, Deputy Prime Minister Alexei Overchuk.

The sides discussed cooperation in trade and energy.
"""
CONFLICT_B = CONFLICT_A.replace("cf/a", "cf/b").replace("2019-05-08", "2019-05-09").replace("7 May", "8 May")
UNDATED_RU = """---
url: https://example.org/cf/c
lang: ru
published: 2020-02-10
---
Рашид Мередов провёл переговоры с Сергеем Лавровым. Стороны обсудили сотрудничество в сфере торговли.
"""
LANGS = ("en", "ru", "tk", "tr")


@pytest.fixture(scope="session")
def built(tmp_path_factory, example_dir) -> Path:
    """``kg build`` of the seed example, the two fixture articles, two reports that disagree and an
    undated one; returns the output folder, with ``graph.html`` (English) and ``graph.LANG.html``
    for every language (written from the same store)."""
    from kg.cli import main
    from kg.export.html import write_html
    from kg.store import open_store

    spec = importlib.util.spec_from_file_location("kg_tests_conftest", Path(__file__).parents[1] / "conftest.py")
    articles = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(articles)
    src = tmp_path_factory.mktemp("articles")
    (src / "a_tr.txt").write_text(articles.TR_ARTICLE, encoding="utf-8")
    (src / "b_en.md").write_text(articles.EN_ARTICLE, encoding="utf-8")
    (src / "c_cf_a.md").write_text(CONFLICT_A, encoding="utf-8")
    (src / "d_cf_b.md").write_text(CONFLICT_B, encoding="utf-8")
    (src / "e_undated_ru.md").write_text(UNDATED_RU, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    store = tmp_path_factory.mktemp("store") / "store"
    assert main(["build", str(example_dir), str(src), "--store", str(store), "--out", str(out)]) in (0, 1)
    with open_store(str(store), create=False) as st:
        for lang in LANGS:
            write_html(st, out / f"graph.{lang}.html", lang=lang)
    return out


@pytest.fixture(scope="session")
def large_graph_html(tmp_path_factory) -> tuple[Path, dict]:
    """graph.html of 3,300 meetings reported by 9,900 articles (8 co-chairs), read from an Oxigraph store
    (what ``kg build`` passes for a real corpus); returns the file and its data."""
    import json
    import re

    import pyoxigraph as ox

    from kg.export.html import write_html

    store = ox.Store()
    g = synthetic_graph(3300, reports=3, people=8)  # few co-chairs, as in reality
    store.load(g.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    path = write_html(store, tmp_path_factory.mktemp("large") / "graph.html")
    text = path.read_text("utf-8")
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', text, re.S).group(1))
    return path, data


@pytest.fixture(scope="session")
def evil_graph() -> Graph:
    return synthetic_graph(6, reports=2, evil=True)
