"""``kg query QUERY_OR_FILE``: run a SPARQL query on the store (table, CSV or JSON)."""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

from ..errors import InputError, QueryError
from .common import EXIT_OK, add_command, add_store_option

QUERIES = Path(__file__).resolve().parents[2] / "examples" / "queries"


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "query", "run a SPARQL query on the store",
                    "Run a SPARQL query (text, a .rq file, or the name of a canned query in examples/queries, "
                    "e.g. 'cochairs') on the merged graph; GRAPH ?doc { } reaches each article's own graph.")
    p.add_argument("query", metavar="QUERY_OR_FILE", help="SPARQL text, a .rq file or a canned query name")
    add_store_option(p)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format")
    p.add_argument("--bind", action="append", default=[], metavar="VAR=VALUE",
                   help="fix ?VAR to VALUE (an IRI, prefixed name or literal in SPARQL syntax); repeatable")
    p.set_defaults(func=run)


def load_query(arg: str) -> str:
    """The query text for ``arg``: a file, a canned query name, or the text itself."""
    for cand in (Path(arg), QUERIES / arg, QUERIES / f"{arg}.rq"):
        try:
            if cand.is_file():
                return cand.read_text(encoding="utf-8")
        except OSError:
            continue
    if re.search(r"[\s{]", arg):
        return arg
    raise InputError(f"{arg}: no such query file or canned query (see {QUERIES})")


def bind(sparql: str, bindings: list[str]) -> str:
    """Insert ``VALUES ?var { value }`` at the start of the first WHERE block."""
    clauses = []
    for b in bindings:
        var, sep, value = b.partition("=")
        if not sep or not re.fullmatch(r"\w+", var.lstrip("?")):
            raise QueryError(f"--bind {b!r}: expected VAR=VALUE")
        clauses.append(f"VALUES ?{var.lstrip('?')} {{ {_term(value.strip())} }}")
    if not clauses:
        return sparql
    m = re.search(r"(?i)\bWHERE\s*\{", sparql)
    if not m:
        raise QueryError("--bind needs a query with a WHERE { } block")
    return sparql[: m.end()] + " " + " ".join(clauses) + sparql[m.end():]


def _term(value: str) -> str:
    """``id:meeting/x`` (a prefixed name with ``/``, not valid SPARQL) -> ``<https://...>``."""
    from ..store.terms import PREFIXES

    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return f"<{PREFIXES[prefix]}{local}>"
    return value


def cell(term: object, short: bool) -> str:
    from ..store.terms import compact

    if term is None:
        return ""
    value = getattr(term, "value", str(term))
    return compact(value) if short and type(term).__name__ == "NamedNode" else value


def run(args: argparse.Namespace) -> int:
    from ..store import open_store

    sparql = bind(load_query(args.query), args.bind)
    with open_store(args.store, create=False) as store:
        table = store.query(sparql)
    if table.boolean is not None:
        print(json.dumps(table.boolean) if args.format == "json" else ("yes" if table.boolean else "no"))
        return EXIT_OK
    if args.format == "json":
        rows = [{c: cell(r.get(c), False) if r.get(c) is not None else None for c in table.columns} for r in table]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif args.format == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(table.columns)
        for r in table:
            w.writerow([cell(r.get(c), False) for c in table.columns])
    else:
        print_table(table.columns, [[cell(r.get(c), True) for c in table.columns] for r in table])
    return EXIT_OK


def print_table(columns: list[str], rows: list[list[str]], width: int = 60) -> None:
    """An aligned plain-text table (long cells cut to ``width``)."""
    rows = [[v if len(v) <= width else v[: width - 1] + "…" for v in r] for r in rows]
    widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())
    print(f"({len(rows)} rows)")
