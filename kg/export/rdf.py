"""RDF files: Turtle of the merged graph, TriG / N-Quads keeping each article's
named graph, JSON-LD with a context."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from ..graph import bind
from . import atomic_write

FORMATS = {"ttl": "turtle", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}


def merged(ds: Dataset) -> Graph:
    """All named graphs of ``ds`` as one graph (facts reported by several articles merge)."""
    g = bind(Graph())
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def write_rdf(ds: Dataset, path: str | Path, fmt: str = "ttl") -> Path:
    """Write ``ds`` as ``fmt`` (ttl, trig, nq, jsonld) to ``path``, atomically."""
    if fmt in ("ttl", "jsonld"):
        data = merged(ds).serialize(format=FORMATS[fmt], encoding="utf-8", **({"auto_compact": True} if fmt == "jsonld" else {}))
    else:
        data = ds.serialize(format=FORMATS[fmt], encoding="utf-8")
    return atomic_write(path, lambda fh: fh.write(data))
