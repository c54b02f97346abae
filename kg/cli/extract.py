"""``kg extract PATH...``: the facts of each article as JSON Lines (SCHEMA.md format)."""

from __future__ import annotations

import argparse
import json
import sys

from .common import EXIT_OK, EXIT_SKIPPED, Reporter, add_command, add_jobs_option


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "extract",
        "print the facts of each article as JSON Lines",
        "Print the facts of each article (the SCHEMA.md facts format, with evidence) as JSON Lines.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files (.txt .md .html .jsonl) or folders (recursive)")
    add_jobs_option(p, "the output order is unchanged")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..extract.lexicon import check_ontology
    from ..runner import extract_many

    check_ontology()  # a missing or broken ontology is one error (exit 2), not one per article
    rep = Reporter()
    for facts in extract_many(args.paths, rep, jobs=args.jobs):
        sys.stdout.write(json.dumps(facts.to_json(), ensure_ascii=False) + "\n")
    return EXIT_SKIPPED if rep.skipped else EXIT_OK
