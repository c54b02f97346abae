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
    """Validate ``data`` against the shapes.  ``data`` must include the reference graph (the
    ontology: ``tmru:video`` is typed ``tmru:MeetingFormat`` there); no inference is run, so
    pySHACL validates ``data`` in place without copying it."""
    from pyshacl import validate as shacl

    conforms, results, text = shacl(data, shacl_graph=ontology.shapes(), inference="none", allow_warnings=True)
    n = text.count("Constraint Violation")
    return Report(bool(conforms), n, text)
