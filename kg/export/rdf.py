"""RDF files from the store: Turtle of the merged graph, TriG / N-Quads keeping each article's
named graph, JSON-LD with a context.

Files are streamed from the store with pyoxigraph's serializers (JSON-LD by a small writer of
our own, one node per line, to get a context) in the store's stable order, so the same store
content always gives byte-identical files.  Ingestion times are kept out (they live in a graph
that is never exported).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path
from typing import IO, Any, Protocol

import pyoxigraph as ox
from rdflib import Dataset, Graph

from ..graph import bind
from ..store.terms import PREFIXES, XSD, compact
from . import atomic_write

FORMATS = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS, "jsonld": None}
RDF_TYPE = PREFIXES["rdf"] + "type"


class Source(Protocol):
    def triples(self) -> Iterable[ox.Triple]: ...

    def quads(self) -> Iterable[ox.Quad]: ...


def merged(ds: Dataset) -> Graph:
    """The merged graph of an rdflib ``ds`` (used by ``kg validate`` on TriG/N-Quads files): its default
    graph when it has one (our exports: sources may disagree in their named graphs, the default graph
    holds one value per property), else the union of its graphs."""
    g = bind(Graph())
    default = ds.default_context.identifier if hasattr(ds, "default_context") else None
    quads = list(ds.quads((None, None, None, None)))
    in_default = [(s, p, o) for s, p, o, c in quads if c is None or getattr(c, "identifier", c) == default]
    for s, p, o in in_default or [(s, p, o) for s, p, o, _ in quads]:
        g.add((s, p, o))
    return g


def write_to(source: Source, fh: IO[bytes], fmt: str = "ttl") -> None:
    """Serialize ``source`` (a ``kg.store.Store``) as ``fmt`` (ttl, trig, nq, jsonld) to ``fh``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "jsonld":
        write_jsonld(source.triples(), fh)
    elif fmt == "ttl":
        ox.serialize(source.triples(), fh, FORMATS[fmt], prefixes=PREFIXES)
    else:
        ox.serialize(source.quads(), fh, FORMATS[fmt], prefixes=PREFIXES)


def write_rdf(source: Source, path: str | Path, fmt: str = "ttl") -> Path:
    """Write ``source`` as ``fmt`` to ``path``, atomically."""
    return atomic_write(path, lambda fh: write_to(source, fh, fmt))


def _node(term: ox.NamedNode | ox.BlankNode) -> str:
    return compact(term.value) if isinstance(term, ox.NamedNode) else f"_:{term.value}"


def _value(term: Any) -> dict[str, str]:
    if isinstance(term, ox.Literal):
        out = {"@value": term.value}
        if term.language:
            out["@language"] = term.language
        elif term.datatype.value != XSD + "string":
            out["@type"] = compact(term.datatype.value)
        return out
    return {"@id": _node(term)}


def _nodes(triples: Iterable[ox.Triple]) -> Iterator[dict[str, Any]]:
    """One JSON-LD node object per subject (the input is grouped by subject)."""
    for subject, group in groupby(triples, key=lambda t: t.subject):
        node: dict[str, Any] = {"@id": _node(subject)}
        for t in group:
            if t.predicate.value == RDF_TYPE and isinstance(t.object, ox.NamedNode):
                node.setdefault("@type", []).append(compact(t.object.value))
            else:
                node.setdefault(compact(t.predicate.value), []).append(_value(t.object))
        for v in node.values():
            if isinstance(v, list):
                v.sort(key=lambda x: json.dumps(x, sort_keys=True, ensure_ascii=False))
        yield node


def write_jsonld(triples: Iterable[ox.Triple], fh: IO[bytes]) -> None:
    """Stream ``triples`` (grouped by subject) as a JSON-LD document with a prefix ``@context``."""
    fh.write(b'{\n"@context": ' + json.dumps(PREFIXES, sort_keys=True).encode() + b',\n"@graph": [')
    sep = b"\n"
    for node in _nodes(triples):
        fh.write(sep + json.dumps(node, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        sep = b",\n"
    fh.write(b"\n]\n}\n")


__all__ = ["write_rdf", "write_to", "write_jsonld", "merged", "FORMATS"]
