"""Stage 5: the graph store (embedded Oxigraph by default, or any SPARQL 1.1 endpoint).

``open_store(spec)``: ``spec`` is a folder or an ``http(s)://`` URL; ``None`` means ``$KG_STORE``
or, failing that, ``./.kg/store``.  A missing folder is created only when ``create`` is true
(``kg build``); the commands that only read or remove (query, stats, conflicts, export, remove)
pass ``create=False`` and get ``StoreError`` instead of a new, empty store.
"""

from __future__ import annotations

import os
import re

from ..errors import StoreError
from .base import DERIVED_GRAPH, LOG_GRAPH, REFERENCE_GRAPH, Backend, Table
from .store import Conflict, Stats, Store

DEFAULT_STORE = ".kg/store"


def default_location() -> str:
    return os.environ.get("KG_STORE") or DEFAULT_STORE


def open_store(spec: str | None = None, wait: float | None = None, create: bool = True) -> Store:
    """Open the store at ``spec`` (folder or SPARQL endpoint URL); a missing folder is created
    only if ``create``.  Raises ``StoreError`` (``StoreBusyError`` when another process holds it)."""
    spec = spec or default_location()
    if spec.lower().startswith(("http://", "https://")):
        from .remote import RemoteBackend

        return Store(RemoteBackend(spec))
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", spec):
        from .remote import masked

        raise StoreError(f"{masked(spec)}: unsupported store URL (a folder, or an http:// or https:// SPARQL endpoint)")
    from .local import LocalBackend

    return Store(LocalBackend(spec, wait, create=create))


__all__ = [
    "open_store",
    "default_location",
    "Store",
    "Stats",
    "Conflict",
    "Table",
    "Backend",
    "DEFAULT_STORE",
    "REFERENCE_GRAPH",
    "DERIVED_GRAPH",
    "LOG_GRAPH",
]
