"""RDF terms for the store: pyoxigraph terms, rdflib conversion, SPARQL snippets, prefixes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..vocab import PREFIXES

if TYPE_CHECKING:
    from rdflib.term import Node

Term = ox.NamedNode | ox.Literal | ox.BlankNode
XSD = PREFIXES["xsd"]

SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def iri(value: str) -> ox.NamedNode:
    return ox.NamedNode(str(value))


def date(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))


def to_ox(node: Node) -> Term:
    """An rdflib term as a pyoxigraph term."""
    from rdflib import BNode, URIRef  # here: kg query / kg stats never import rdflib
    from rdflib import Literal as RLiteral

    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, RLiteral):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    raise TypeError(f"not an RDF term: {node!r}")


def triples_of(graph: Iterable[tuple[Node, Node, Node]]) -> list[ox.Triple]:
    """An rdflib graph's triples as sorted pyoxigraph triples (sorted: stable update text)."""
    return sorted((ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph), key=str)


def values(var: str, terms: Iterable[Term]) -> str:
    """``VALUES ?var { ... }`` with the terms in a stable order."""
    return f"VALUES ?{var} {{ {' '.join(sorted({str(t) for t in terms}))} }}"


def expand(curie: str) -> str:
    """``tmru:city`` -> ``https://w3id.org/tmru/ontology#city`` (a prefix of ``PREFIXES``)."""
    prefix, _, local = curie.partition(":")
    return PREFIXES[prefix] + local


def compact(value: str) -> str:
    """``https://w3id.org/tmru/id/person/x`` -> ``id:person/x`` (a CURIE for display and JSON-LD;
    not always a valid Turtle/SPARQL prefixed name)."""
    best = max((ns for ns in PREFIXES.values() if value.startswith(ns) and len(value) > len(ns)), key=len, default=None)
    if best is None:
        return value
    return next(p for p, ns in PREFIXES.items() if ns == best) + ":" + value[len(best) :]
