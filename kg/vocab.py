"""The one prefix table and IRI bases; the rdflib namespaces (``ID``, ``TMRU``, ...) of ``kg.namespaces``
are reachable from here too, imported on first use (so ``kg query`` / ``kg stats`` never import rdflib).

``PREFIXES`` is used everywhere a prefix is written: exports, query output, SPARQL built in code,
rdflib graphs (``kg.graph.bind``) and the JSON-LD context."""

from __future__ import annotations

from typing import Any

BASE = "https://w3id.org/tmru/"

#: prefix -> namespace, for every vocabulary the graph uses
PREFIXES: dict[str, str] = {
    "tmru": BASE + "ontology#",
    "id": BASE + "id/",
    "area": BASE + "area/",
    "doc": BASE + "doc/",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "time": "http://www.w3.org/2006/time#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "wd": "http://www.wikidata.org/entity/",
}

#: names served lazily from ``kg.namespaces`` (rdflib)
_RDFLIB_NAMES = frozenset({"ID", "AREA", "DOC", "ORG", "SCHEMA", "WD", "TMRU"})


def __getattr__(name: str) -> Any:
    if name in _RDFLIB_NAMES:
        from . import namespaces

        return getattr(namespaces, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
