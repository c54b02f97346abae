"""Canned queries and running a query as a stream of rows.

The canned ``*.rq`` queries are in the source tree's ``examples/queries``, else in the copy in the wheel
(``kg/_queries``, package data, see ``pyproject.toml``).  ``stream`` runs a query and gives its rows as
they come: on the embedded store straight from pyoxigraph's lazy answer (the first row of a query
without ``ORDER BY`` is out before the last one is computed), on a SPARQL endpoint from its answer."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .store import Store
    from .store.terms import Term

Row = dict[str, "Term | None"]


def queries_dir() -> Path:
    """The folder of the canned ``*.rq`` queries."""
    here = Path(__file__).resolve().parent
    for cand in (here.parent / "examples" / "queries", here / "_queries"):
        if cand.is_dir():
            return cand
    return here / "_queries"


QUERIES = queries_dir()


@dataclass(slots=True)
class Results:
    """A query's answer: ``columns`` and ``rows`` (dicts by variable, read lazily, once), or the
    ``boolean`` of an ASK query (then ``rows`` is empty)."""

    columns: list[str]
    rows: Iterator[Row]
    boolean: bool | None = None


def stream(
    store: Store,
    sparql: str,
    bindings: dict[str, Term] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Results:
    """Run ``sparql`` on ``store`` and return its rows as an iterator, skipping the first ``offset``
    rows and stopping after ``limit`` (None: all).  A CONSTRUCT answer gives ``subject``,
    ``predicate``, ``object`` rows.  Errors while the rows are read are ``StoreError``s."""
    from .store.local import LocalBackend

    backend = store.backend
    if isinstance(backend, LocalBackend):
        columns, rows, boolean = _local(backend, sparql, bindings)
    else:
        table = store.query(sparql, bindings)
        columns, rows, boolean = table.columns, iter(table.rows), table.boolean
    if offset or limit is not None:
        rows = islice(rows, offset, None if limit is None else offset + limit)
    return Results(columns, rows, boolean)


def _local(
    backend: object, sparql: str, bindings: dict[str, Term] | None
) -> tuple[list[str], Iterator[Row], bool | None]:
    import pyoxigraph as ox

    result = backend.results(sparql, bindings)  # type: ignore[attr-defined]
    if isinstance(result, ox.QueryBoolean):
        return ["boolean"], iter(()), bool(result)
    if isinstance(result, ox.QueryTriples):
        cols = ["subject", "predicate", "object"]
        rows: Iterator[Row] = ({"subject": t.subject, "predicate": t.predicate, "object": t.object} for t in result)
        return cols, _guarded(rows, backend.location), None  # type: ignore[attr-defined]
    names = [v.value for v in result.variables]
    rows = ({n: sol[n] for n in names} for sol in result)
    return names, _guarded(rows, backend.location), None  # type: ignore[attr-defined]


def _guarded(rows: Iterator[Row], where: str) -> Iterator[Row]:
    """``rows``, with an error of the store while they are read turned into a ``StoreError``."""
    from .errors import StoreError, reason

    try:
        yield from rows
    except (RuntimeError, OSError) as exc:
        raise StoreError(f"query failed on {where}: {reason(exc)}") from exc


__all__ = ["QUERIES", "queries_dir", "Results", "stream"]
