"""``kg validate FILE``: check a Turtle file against the SHACL shapes."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import InputError, reason
from .common import EXIT_INVALID, EXIT_OK, add_command


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "validate",
        "check a graph file against the SHACL shapes",
        "Validate a Turtle/TriG/N-Quads/JSON-LD file (with the ontology) against ontology/shapes.ttl; "
        "nothing is fetched (a JSON-LD file with a remote @context is refused).",
    )
    p.add_argument("file", metavar="FILE", help="graph file (e.g. exports/graph.ttl)")
    p.add_argument("--verbose", "-v", action="store_true", help="print the full SHACL report")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rdflib import Dataset
    from rdflib.util import guess_format

    from .. import ontology
    from ..export.rdf import merged
    from ..graph.validate import validate

    if not Path(args.file).is_file():
        raise InputError(f"{args.file}: no such file")
    ds = Dataset()
    fmt = guess_format(args.file) or "turtle"
    try:
        if fmt == "json-ld":  # read offline: pyoxigraph never loads a remote @context (rdflib would fetch it)
            import pyoxigraph as ox

            quads = ox.parse(path=args.file, format=ox.RdfFormat.JSON_LD)
            ds.parse(data=ox.serialize(quads, None, ox.RdfFormat.N_QUADS), format="nquads")
        else:
            with open(args.file, "rb") as fh:  # a file, never a URL
                ds.parse(file=fh, format=fmt)
    except (OSError, ValueError, SyntaxError) as exc:
        if "LoadDocumentCallback" in str(exc):
            raise InputError(
                f"{args.file}: cannot parse (a remote JSON-LD @context is never fetched; put the context in the file)"
            ) from exc
        raise InputError(f"{args.file}: cannot parse ({reason(exc)})") from exc
    g = merged(ds)
    g += ontology.load()
    report = validate(g)
    if report.conforms:
        print(f"{args.file}: conforms ({len(g)} triples with the ontology)")
        return EXIT_OK
    print(f"{args.file}: {report.violations} SHACL violations")
    if args.verbose:
        print(report.text)
    return EXIT_INVALID
