"""The embedded, on-disk Oxigraph store (pyoxigraph), guarded by a lock file."""

from __future__ import annotations

import glob
import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from pathlib import Path

import pyoxigraph as ox

from ..errors import QueryError, StoreBusyError, StoreError, UsageError, reason
from .base import LOG_GRAPH, Table, table_from_ox
from .lock import StoreLock, alive
from .terms import Term


def _is_empty(path: Path) -> bool:
    """True when there is no store at ``path`` yet (nothing there, or an empty folder)."""
    return not path.exists() or (path.is_dir() and not any(path.iterdir()))


def _is_store(path: Path) -> bool:
    return path.is_dir() and (path / "CURRENT").is_file()


def _read_only_place(path: Path) -> bool:
    """True when the store at ``path`` is on a read-only mount (or its folder is not writable)."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY) or not os.access(path.parent, os.W_OK)
    except OSError:
        return False


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


#: N-Quads text (characters) per bulk_load call of ``LocalBackend.replace_empty``
LOAD_CHUNK = 16 * 2**20


def _joined(chunks: Iterable[str], size: int) -> Iterator[bytes]:
    """``chunks`` joined into parts of about ``size`` characters (a chunk is never split)."""
    part: list[str] = []
    n = 0
    for c in chunks:
        part.append(c)
        n += len(c)
        if n >= size:
            yield "".join(part).encode("utf-8")
            part, n = [], 0
    if part:
        yield "".join(part).encode("utf-8")


class LocalBackend:
    """pyoxigraph ``Store`` at ``path`` (created when missing if ``create``); exclusive while open.
    On a read-only mount (no lock file can be made) an existing store is opened read-only for the
    commands that do not create one: queries and exports work, writes are a ``StoreError``.

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
        self.read_only = False
        lock = StoreLock(self.path, wait)
        problem = _problem(self.path, create)
        if problem and not lock.path.exists():
            raise StoreError(problem)
        try:
            self._lock = lock.acquire()
        except StoreBusyError:
            raise
        except StoreError:
            if create or not _read_only_place(self.path):
                raise
            self._open_read_only()  # a store on a read-only mount: no lock file, no writes
            return
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
        self.read_only = False
        self.store = ox.Store()
        return self

    @classmethod
    def view(cls, path: str | Path) -> LocalBackend:
        """A read-only view of the store at ``path`` (a ``snapshot``) without a lock, for a helper process."""
        self = cls.__new__(cls)
        self.path, self.location, self._lock, self._written = Path(path), str(path), None, 0
        self._open_read_only()
        return self

    def snapshot(self) -> Path:
        """A consistent copy of the store in a sibling folder ``STORE.view-PID-N`` (a RocksDB checkpoint: hard
        links, no data copied), for readers in other processes: the store itself may not be opened by a
        second process while this one has it open (its compactions remove files under a reader).  The
        caller removes it (``shutil.rmtree``); those of killed processes are removed here."""
        if self.read_only or self.store is None or str(self.path) == ":memory:":
            raise StoreError(f"store {self.path}: no snapshot of a read-only or in-memory store")
        for stale in self.path.parent.glob(glob.escape(self.path.name) + ".view-*"):
            pid = stale.name.rsplit(".view-", 1)[1].split("-")[0]
            if pid.isdigit() and int(pid) != os.getpid() and not alive(int(pid)):
                shutil.rmtree(stale, ignore_errors=True)
        self._snapshots = getattr(self, "_snapshots", 0) + 1
        target = self.path.with_name(f"{self.path.name}.view-{os.getpid()}-{self._snapshots}")
        shutil.rmtree(target, ignore_errors=True)
        try:
            self.store.backup(str(target))
        except (OSError, ValueError, RuntimeError) as exc:
            shutil.rmtree(target, ignore_errors=True)
            raise StoreError(f"cannot snapshot store {self.path}: {reason(exc)}") from exc
        return target

    def _open_read_only(self) -> None:
        self.read_only = True
        try:
            self.store = ox.Store.read_only(str(self.path))
        except (OSError, ValueError, RuntimeError) as exc:
            raise StoreError(f"cannot open store {self.path} (read-only): {reason(exc)}") from exc

    def query(self, sparql: str, bindings: dict[str, Term] | None = None) -> Table:
        result = self.results(sparql, bindings)
        try:
            return table_from_ox(result)
        except (RuntimeError, OSError) as exc:  # raised while the answer is read
            raise StoreError(f"query failed on {self.path}: {reason(exc)}") from exc

    def results(
        self, sparql: str, bindings: dict[str, Term] | None = None
    ) -> ox.QuerySolutions | ox.QueryTriples | ox.QueryBoolean:
        """The pyoxigraph answer to ``sparql``, read lazily (``kg query`` streams it); an error while it
        is read is a ``RuntimeError``/``OSError`` (see ``kg.queries``), errors before are mapped here."""
        try:
            if not bindings:
                return self.store.query(sparql)
            subs = {ox.Variable(k): v for k, v in bindings.items()}
            try:
                return self.store.query(sparql, substitutions=subs)
            except TypeError:  # pyoxigraph < 0.5 has no substitutions: a VALUES block of the same terms
                from .remote import with_values

                return self.store.query(with_values(sparql, bindings))
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL: {reason(exc)}") from exc
        except RuntimeError as exc:
            if bindings and "projection" in str(exc):  # pyoxigraph binds selected variables only
                raise UsageError(f"--bind: {reason(exc)} (bind a variable the query selects)") from exc
            raise StoreError(f"query failed on {self.path}: {reason(exc)}") from exc
        except OSError as exc:
            raise StoreError(f"query failed on {self.path}: {reason(exc)}") from exc

    def update(self, sparql: str) -> None:
        if self.read_only:
            raise StoreError(
                f"store {self.path} is on a read-only file system: it can be queried and "
                "exported, not changed; nothing was changed"
            )
        try:
            self.store.update(sparql)
        except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
            raise StoreError(f"update failed on {self.path} (nothing was changed): {reason(exc)}") from exc
        self._written += len(sparql)
        if self._written >= FLUSH_EVERY:  # bounded memory: Oxigraph holds writes in RAM until a flush
            self._written = 0
            try:
                self.store.flush()
            except (OSError, RuntimeError) as exc:
                raise StoreError(f"cannot flush store {self.path}: {reason(exc)}") from exc

    def replace_empty(self, quads: Iterable[ox.Quad] | None = None, nquads: Iterable[str] | None = None) -> None:
        """Fill this empty store with ``quads`` (or the N-Quads text ``nquads``, in chunks of whole lines) by a
        bulk load into a sibling folder that then takes its place (a rename): a process killed before the
        rename leaves the store empty, never half-loaded.  Leftover folders of killed loads are removed
        first.  The text is loaded ``LOAD_CHUNK`` characters at a time (Oxigraph's bulk loader holds what
        one call loads in memory, several times over)."""
        if self.read_only or self._lock is None or len(self.store):
            raise StoreError(f"store {self.path}: a bulk load needs a new, empty store; nothing was changed")
        for stale in self.path.parent.glob(glob.escape(self.path.name) + ".bulk-*"):
            shutil.rmtree(stale, ignore_errors=True)
        tmp, old = (self.path.with_name(f"{self.path.name}.bulk-{k}-{os.getpid()}") for k in ("new", "old"))
        try:
            fresh = ox.Store(str(tmp))
            if nquads is not None:
                for part in _joined(nquads, LOAD_CHUNK):
                    fresh.bulk_load(part, ox.RdfFormat.N_QUADS)
                fresh.optimize()  # one set of files, not one per part: every later read is faster
            else:
                fresh.bulk_extend(quads or ())
            fresh.flush()
            del fresh  # closes it
            self.store.flush()
            self.store = None  # type: ignore[assignment]  # closes the empty store
            os.rename(self.path, old)
            os.rename(tmp, self.path)
            self.store = ox.Store(str(self.path))
        except (OSError, ValueError, RuntimeError, SyntaxError) as exc:
            raise StoreError(f"cannot bulk-load store {self.path}: {reason(exc)}") from exc
        finally:
            shutil.rmtree(old, ignore_errors=True)
            shutil.rmtree(tmp, ignore_errors=True)

    def all_quads(self) -> Iterator[ox.Quad]:
        """Every quad, the ingestion log included."""
        return self.store.quads_for_pattern(None, None, None, None)

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
            if getattr(self, "store", None) is not None and not self.read_only:
                self.store.flush()
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"cannot flush store {self.path}: {reason(exc)}") from exc
        finally:
            self.store = None  # type: ignore[assignment]
            if self._lock is not None:
                self._lock.release()
