"""The embedded, on-disk Oxigraph store (pyoxigraph), guarded by a lock file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path

import pyoxigraph as ox

from ..errors import QueryError, StoreError, reason
from .base import LOG_GRAPH, Table, table_from_ox
from .lock import StoreLock


def _is_empty(path: Path) -> bool:
    """True when there is no store at ``path`` yet (nothing there, or an empty folder)."""
    return not path.exists() or (path.is_dir() and not any(path.iterdir()))


def _is_store(path: Path) -> bool:
    return path.is_dir() and (path / "CURRENT").is_file()


def _problem(path: Path, create: bool) -> str | None:
    """Why ``path`` cannot be opened as a store (None: it can)."""
    try:
        empty = _is_empty(path)
        if empty and not create:
            return f"no store at {path} (kg build creates one; --store or $KG_STORE chooses another)"
        if not empty and not _is_store(path):
            return f"{path} is not a kg store (not an Oxigraph database folder); nothing was changed"
    except OSError as exc:  # e.g. a folder we may not list
        return f"cannot open store {path}: {exc.strerror or exc}"
    return None


#: update text (bytes) after which the store is flushed to disk: without it Oxigraph keeps every write
#: in memory until the store is closed (a 10,000-article build would hold ~1.5 GB)
FLUSH_EVERY = 8 * 2**20


class LocalBackend:
    """pyoxigraph ``Store`` at ``path`` (created when missing if ``create``); exclusive while open.

    Nothing is created or changed before the checks pass: a missing store (when not creating) and
    a folder that is not an Oxigraph database are refused before the lock file is made.  When the
    lock file is already there, another kg process may be creating the store right now (a folder
    without ``CURRENT`` yet), so the checks are made again under the lock: that process's store
    is then "busy", never "not a store"."""

    def __init__(self, path: str | Path, wait: float | None = None, create: bool = True) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self.store = None
        self._lock = None
        self._written = 0  # update text since the last flush
        lock = StoreLock(self.path, wait)
        problem = _problem(self.path, create)
        if problem and not lock.path.exists():
            raise StoreError(problem)
        self._lock = lock.acquire()
        problem = _problem(self.path, create)
        if problem:
            self._lock.release()
            raise StoreError(problem)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.store = ox.Store(str(self.path))
        except (OSError, ValueError, RuntimeError) as exc:  # RuntimeError: RocksDB reports damage
            self._lock.release()
            raise StoreError(f"cannot open store {self.path}: {reason(exc)}") from exc

    @classmethod
    def memory(cls) -> LocalBackend:
        """An in-memory Oxigraph store (no folder, no lock): for tests and throw-away graphs."""
        self = cls.__new__(cls)
        self.path, self.location, self._lock, self._written = Path(":memory:"), ":memory:", None, 0
        self.store = ox.Store()
        return self

    def query(self, sparql: str) -> Table:
        try:
            return table_from_ox(self.store.query(sparql))
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL: {reason(exc)}") from exc
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"query failed on {self.path}: {reason(exc)}") from exc

    def update(self, sparql: str) -> None:
        try:
            self.store.update(sparql)
        except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
            raise StoreError(f"update failed on {self.path} (nothing was changed): "
                             f"{reason(exc)}") from exc
        self._written += len(sparql)
        if self._written >= FLUSH_EVERY:  # bounded memory: Oxigraph holds writes in RAM until a flush
            self._written = 0
            try:
                self.store.flush()
            except (OSError, RuntimeError) as exc:
                raise StoreError(f"cannot flush store {self.path}: {reason(exc)}") from exc

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

    def lock(self) -> nullcontext[None]:
        """Already exclusive: the lock file is held while the store is open."""
        return nullcontext()

    def close(self) -> None:
        try:
            if getattr(self, "store", None) is not None:
                self.store.flush()
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"cannot flush store {self.path}: {reason(exc)}") from exc
        finally:
            self.store = None  # type: ignore[assignment]
            if self._lock is not None:
                self._lock.release()
