"""SHACL validation of a built graph against ``ontology/shapes.ttl`` (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from .. import ontology


@dataclass(frozen=True, slots=True)
class Report:
    conforms: bool
    violations: int
    text: str


def validate(data: Graph) -> Report:
    """Validate ``data`` (which should include the reference graph) against the shapes.

    RDFS inference is on so that e.g. ``tmru:video`` counts as a ``tmru:MeetingFormat``."""
    from pyshacl import validate as shacl

    conforms, results, text = shacl(data, shacl_graph=ontology.shapes(), ont_graph=ontology.load("tmru.ttl"),
                                    inference="none", allow_warnings=True)
    n = text.count("Constraint Violation")
    return Report(bool(conforms), n, text)
