"""Interactive HTML graph (pyvis / vis-network), self-contained for offline use.

Minimal first version; see issue 5 for the full explorer."""

from __future__ import annotations

import html
import json
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Graph, URIRef

from ..vocab import TMRU
from . import atomic_write

CLASSES = {TMRU.Meeting: "#e45756", TMRU.Person: "#4c78a8", TMRU.Country: "#54a24b", TMRU.City: "#b279a2",
           TMRU.Commission: "#f58518", TMRU.CooperationArea: "#72b7b2", TMRU.Agreement: "#9d755d"}


def _label(g: Graph, n: URIRef, lang: str) -> str:
    best = {}
    for p in (SKOS.prefLabel, RDFS.label, SKOS.altLabel):
        for o in g.objects(n, p):
            best.setdefault(getattr(o, "language", None), str(o))
        if best:
            break
    return best.get(lang) or best.get("en") or next(iter(best.values()), str(n).rsplit("/", 1)[-1])


def write_html(g: Graph, path: str | Path, lang: str = "en") -> Path:
    from pyvis.network import Network

    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    nodes = {}
    for cls, color in CLASSES.items():
        for n in g.subjects(RDF.type, cls):
            if cls == TMRU.CooperationArea and (None, TMRU.area, n) not in g:
                continue
            nodes[n] = (cls, color)
    for n, (cls, color) in sorted(nodes.items()):
        label = _label(g, n, lang)
        net.add_node(str(n).rsplit("/", 1)[-1] + str(hash(n) % 1000), label=label, color=color,
                     title=html.escape(label))
    ids = {n: str(n).rsplit("/", 1)[-1] + str(hash(n) % 1000) for n in nodes}
    for m in g.subjects(RDF.type, TMRU.Meeting):
        for p in (TMRU.city, TMRU.participant, TMRU.area, TMRU.commission, TMRU.signed):
            for o in g.objects(m, p):
                if o in ids:
                    net.add_edge(ids[m], ids[o], title=str(p).rsplit("#", 1)[-1])
    doc = net.generate_html()
    doc = doc.replace("https://", "").replace("http://", "")
    json.dumps({})
    return atomic_write(path, lambda fh: fh.write(doc.encode("utf-8")))
