"""``kg export --format ttl|trig|nq|jsonld``: write the store as an RDF file."""

from __future__ import annotations

import argparse
import sys

from .common import EXIT_OK, add_command, add_store_option


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "export",
        "write the store as Turtle, TriG, N-Quads or JSON-LD",
        "Turtle and JSON-LD hold the merged graph; TriG and N-Quads also keep each article's "
        "named graph.  Output is byte-identical for the same store content.",
    )
    p.add_argument("--format", choices=("ttl", "trig", "nq", "jsonld"), default="ttl", help="file format")
    add_store_option(p)
    p.add_argument("--out", metavar="FILE", default=None, help="output file (default: standard output)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..export.rdf import write_rdf, write_to
    from ..store import open_store

    with open_store(args.store, create=False) as store:
        if args.out:
            print(f"wrote {write_rdf(store, args.out, args.format)}")
        else:
            write_to(store, sys.stdout.buffer, args.format)
            sys.stdout.buffer.flush()
    return EXIT_OK
