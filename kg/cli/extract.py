"""``kg extract PATH...``: the facts of each article as JSON Lines (SCHEMA.md format)."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import InputError
from .common import EXIT_OK, EXIT_SKIPPED, Reporter, add_command


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "extract", "print the facts of each article as JSON Lines",
                    "Print the facts of each article (the SCHEMA.md facts format, with evidence) as JSON Lines.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files (.txt .md .html .jsonl) or folders (recursive)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..documents import iter_documents
    from ..extract import extract

    rep = Reporter()
    for doc in iter_documents(args.paths, rep):
        try:
            facts = extract(doc)
        except Exception as exc:  # noqa: BLE001 - one line per bad input, the batch goes on
            rep(InputError(f"{doc.path}: extraction failed ({type(exc).__name__}: {exc})"))
            continue
        sys.stdout.write(json.dumps(facts.to_json(), ensure_ascii=False) + "\n")
    return EXIT_SKIPPED if rep.skipped else EXIT_OK
