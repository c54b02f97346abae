"""``kg query QUERY_OR_FILE``: run a SPARQL query on the store (table, CSV or JSON), rows streamed to
standard output as the store gives them (``--limit``/``--offset`` page through them)."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, UsageError, printable, reason
from ..queries import QUERIES  # the source tree's examples/queries, else the wheel's copy
from .common import EXIT_OK, add_command, add_store_option

if TYPE_CHECKING:
    import pyoxigraph as ox

    from ..store.terms import Term


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "query",
        "run a SPARQL query on the store",
        "Run a SPARQL query (text, a .rq file, or the name of a canned query in examples/queries, "
        "e.g. 'cochairs') on the merged graph; GRAPH ?doc { } reaches each article's own graph.",
    )
    p.add_argument("query", metavar="QUERY_OR_FILE", help="SPARQL text, a .rq file or a canned query name")
    add_store_option(p)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format")
    p.add_argument(
        "--bind",
        action="append",
        default=[],
        metavar="VAR=VALUE",
        help="bind ?VAR (a selected variable of the query) to one RDF term: <IRI>, prefix:name "
        '(id:country/TM), "text", "text"@en, a number, true/false or a date YYYY-MM-DD; '
        "repeatable",
    )
    p.add_argument(
        "--limit", type=_count, default=None, metavar="N", help="print at most N rows (after --offset; default: all)"
    )
    p.add_argument("--offset", type=_count, default=0, metavar="N", help="skip the first N rows (default 0)")
    p.set_defaults(func=run)


def _count(value: str) -> int:
    """A row count for ``--limit``/``--offset``: an integer >= 0."""
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {value!r}")
    return n


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


def bindings(query: str, binds: list[str]) -> dict[str, Term]:
    """``--bind VAR=VALUE`` options as {variable: one parsed RDF term}; ``UsageError`` for a malformed
    option, an empty value, a value that is not one RDF term, or a variable the query does not have."""
    out: dict[str, Term] = {}
    names = set(_VARIABLE.findall(_strip_comments(query)))
    for b in binds:
        var, sep, value = b.partition("=")
        var = var.strip().lstrip("?$")
        if not sep or not re.fullmatch(r"\w+", var):
            raise UsageError(f"--bind {printable(b)!r}: expected VAR=VALUE")
        if var not in names:
            raise UsageError(
                f"--bind {var}: the query has no variable ?{var}"
                + (f" (it has {', '.join('?' + n for n in sorted(names))})" if names else "")
            )
        if var in out:
            raise UsageError(f"--bind {var}: given twice (one value per variable)")
        out[var] = parse_term(value.strip(), f"--bind {var}")
    return out


_VARIABLE = re.compile(r"[?$](\w+)")
_COMMENT = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>)|#[^\n]*""")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)")


def _strip_comments(query: str) -> str:
    """``query`` without its ``#`` comments (strings and IRIs, which may hold ``#``, kept)."""
    return _COMMENT.sub(lambda m: m.group(1) or "", query)


def parse_term(value: str, what: str = "value") -> Term:
    """One RDF term from ``value``: ``<IRI>``, ``http://...``, ``prefix:name`` (``id:meeting/x`` too),
    a quoted literal (``"text"``, ``"text"@en``, ``"1"^^xsd:integer``), a number, ``true``/``false``
    or a date ``YYYY-MM-DD`` (``xsd:date``).  Never pasted into a query: the term is parsed here and
    passed to the query engine as a term (``UsageError`` for anything else)."""
    import pyoxigraph as ox

    from ..store.terms import PREFIXES, XSD

    if not value:
        raise UsageError(f'{what}: empty value (give an IRI, prefix:name, "text", a number or a date)')
    try:
        if value.startswith("<") and value.endswith(">"):
            return ox.NamedNode(value[1:-1])
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            dt.date.fromisoformat(value)
            return ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))
        if value[0] in "\"'" or value in ("true", "false") or _NUMBER.fullmatch(value):
            return _literal(value)
        prefix, sep, local = value.partition(":")
        if sep and local.startswith("//"):
            return ox.NamedNode(value)
        if sep and prefix in PREFIXES:
            return ox.NamedNode(PREFIXES[prefix] + local)
    except (ValueError, SyntaxError) as exc:
        raise UsageError(f"{what}: {printable(value)!r} is not a valid RDF term ({reason(exc)})") from None
    hint = f"unknown prefix {prefix!r}" if sep else 'quote a text: "..."'
    raise UsageError(f"{what}: {printable(value)!r} is not an IRI, prefix:name, literal, number or date ({hint})")


def _literal(value: str) -> ox.Literal:
    """A Turtle literal (quoted, number, boolean), read by a Turtle parser as the object of one triple:
    anything that is not exactly one literal is refused."""
    import pyoxigraph as ox

    from ..store.terms import PREFIXES

    head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())
    triples = list(ox.parse(f"{head}<urn:x:s> <urn:x:p> {value} .", format=ox.RdfFormat.TURTLE))
    if len(triples) != 1 or not isinstance(triples[0].object, ox.Literal):
        raise ValueError("not one literal")
    return triples[0].object


def cell(term: object, short: bool) -> str:
    from ..store.terms import compact

    if term is None:
        return ""
    value = getattr(term, "value", str(term))
    return compact(value) if short and type(term).__name__ == "NamedNode" else value


#: rows read before a table's column widths are fixed (a longer cell in a later row widens only its row)
TABLE_PEEK = 1000


def run(args: argparse.Namespace) -> int:
    from ..queries import stream
    from ..store import open_store

    sparql = load_query(args.query)
    terms = bindings(sparql, args.bind)
    with open_store(args.store, create=False) as store:
        res = stream(store, sparql, terms, limit=args.limit, offset=args.offset)
        if res.boolean is not None:
            print(json.dumps(res.boolean) if args.format == "json" else ("yes" if res.boolean else "no"))
            return EXIT_OK
        if args.format == "json":
            _json(res.columns, res.rows)
        elif args.format == "csv":
            _csv(res.columns, res.rows)
        else:
            rows = ([printable(cell(r.get(c), True)) for c in res.columns] for r in res.rows)
            print_table(res.columns, rows)
    return EXIT_OK


def _json(columns: list[str], rows: Iterator[dict[str, Term | None]]) -> None:
    """A JSON array of objects, one per row, written row by row (the text ``json.dumps(all, indent=1)`` gives)."""
    out = sys.stdout
    first = True
    for r in rows:
        obj = {c: cell(r.get(c), False) if r.get(c) is not None else None for c in columns}
        out.write(("[\n " if first else ",\n ") + json.dumps(obj, ensure_ascii=False, indent=1).replace("\n", "\n "))
        if first:
            out.flush()
            first = False
    out.write("[]\n" if first else "\n]\n")


def _csv(columns: list[str], rows: Iterator[dict[str, Term | None]]) -> None:
    shown = printable if sys.stdout.isatty() else str  # CSV for a program keeps the data as it is
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(columns)
    for i, r in enumerate(rows):
        w.writerow([shown(cell(r.get(c), False)) for c in columns])
        if i == 0:
            sys.stdout.flush()


def print_table(columns: list[str], rows: Iterable[list[str]], width: int = 60) -> None:
    """An aligned plain-text table (long cells cut to ``width``); the column widths are those of the
    first ``TABLE_PEEK`` rows, the rest is printed as it comes."""
    it = iter(rows)
    head = [_cut(r, width) for r in islice(it, TABLE_PEEK)]
    widths = [max([len(c), *(len(r[i]) for r in head)]) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    n = 0
    for r in chain(head, (_cut(r, width) for r in it)):
        print("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())
        n += 1
    print(f"({n} rows)")


def _cut(row: list[str], width: int) -> list[str]:
    return [v if len(v) <= width else v[: width - 1] + "…" for v in row]
