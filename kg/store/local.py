"""The embedded, on-disk Oxigraph store (pyoxigraph), guarded by a lock file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from ..errors import QueryError, StoreError
from .base import LOG_GRAPH, Table, table_from_ox
from .lock import StoreLock


def _is_store(path: Path) -> bool:
    return not path.exists() or (path.is_dir() and (not any(path.iterdir()) or (path / "CURRENT").is_file()))


class LocalBackend:
    """pyoxigraph ``Store`` at ``path`` (created when missing); exclusive while open."""

    def __init__(self, path: str | Path, wait: float | None = None) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        if not _is_store(self.path):
            raise StoreError(f"{self.path} is not a kg store (not an Oxigraph database folder)")
        self._lock = StoreLock(self.path, wait).acquire()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.store = ox.Store(str(self.path))
        except OSError as exc:
            self._lock.release()
            raise StoreError(f"cannot open store {self.path}: {str(exc).splitlines()[0]}") from exc

    def query(self, sparql: str) -> Table:
        try:
            return table_from_ox(self.store.query(sparql))
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL: {str(exc).splitlines()[0]}") from exc
        except OSError as exc:
            raise StoreError(f"query failed on {self.path}: {str(exc).splitlines()[0]}") from exc

    def update(self, sparql: str) -> None:
        try:
            self.store.update(sparql)
        except (SyntaxError, OSError, ValueError) as exc:
            raise StoreError(f"update failed on {self.path} (nothing was changed): "
                             f"{str(exc).splitlines()[0]}") from exc

    def triples(self) -> Iterator[ox.Triple]:
        for q in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            yield q.triple

    def quads(self) -> Iterator[ox.Quad]:
        log = ox.NamedNode(LOG_GRAPH)
        for q in self.store.quads_for_pattern(None, None, None, None):
            if q.graph_name != log:
                yield q

    def count(self) -> int:
        return len(self.store)

    def close(self) -> None:
        if getattr(self, "store", None) is not None:
            self.store.flush()
            del self.store
            self.store = None  # type: ignore[assignment]
        self._lock.release()
