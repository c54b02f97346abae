"""The ``kg`` command line: a thin layer over the pipeline stages.

Exit codes: 0 success; 1 some inputs were skipped (each reported on stderr as
one line); 2 usage error; 3 store error (busy, unreachable, not a store);
4 invalid query; 5 the built graph does not conform to the SHACL shapes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import __version__
from .errors import InputError, KGError

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_STORE, EXIT_QUERY, EXIT_INVALID = 0, 1, 2, 3, 4, 5

EPILOG = """exit codes: 0 ok; 1 some inputs skipped (see stderr); 2 usage error;
3 store error (busy, unreachable, not a store); 4 invalid query;
5 graph does not conform to the SHACL shapes"""


class Reporter:
    """Collects one-line input errors; the exit code says whether any happened."""

    def __init__(self) -> None:
        self.skipped = 0

    def __call__(self, exc: InputError) -> None:
        self.skipped += 1
        print(f"kg: skipped: {exc}", file=sys.stderr)


def cmd_extract(args: argparse.Namespace) -> int:
    from .documents import iter_documents
    from .extract import extract

    rep = Reporter()
    out = sys.stdout
    for doc in iter_documents(args.paths, rep):
        try:
            facts = extract(doc)
        except Exception as exc:  # noqa: BLE001 - one line per bad input, batch goes on
            rep(InputError(f"{doc.path}: extraction failed ({type(exc).__name__}: {exc})"))
            continue
        out.write(json.dumps(facts.to_json(), ensure_ascii=False, sort_keys=False) + "\n")
    return EXIT_SKIPPED if rep.skipped else EXIT_OK


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kg", description="Turn news about Turkmenistan-Russia relations into a knowledge graph.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"tmru-kg {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    e = sub.add_parser("extract", help="print the facts of each article as JSON Lines",
                       description="Print the facts of each article (SCHEMA.md format) as JSON Lines.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    e.add_argument("paths", nargs="+", metavar="PATH", help="files (.txt .md .html .jsonl) or folders")
    e.set_defaults(func=cmd_extract)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KGError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return getattr(exc, "exit_code", EXIT_USAGE)
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
