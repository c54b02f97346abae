"""Stage 5: the graph store (embedded Oxigraph by default, or any SPARQL 1.1 endpoint).

``open_store(spec)``: ``spec`` is a folder (created when missing) or an ``http(s)://`` URL;
``None`` means ``$KG_STORE`` or, failing that, ``./.kg/store``.
"""

from __future__ import annotations

import os

from .base import DERIVED_GRAPH, LOG_GRAPH, REFERENCE_GRAPH, Backend, Table
from .store import Conflict, Stats, Store

DEFAULT_STORE = ".kg/store"


def default_location() -> str:
    return os.environ.get("KG_STORE") or DEFAULT_STORE


def open_store(spec: str | None = None, wait: float | None = None) -> Store:
    """Open the store at ``spec`` (folder or SPARQL endpoint URL)."""
    spec = spec or default_location()
    if spec.startswith(("http://", "https://")):
        from .remote import RemoteBackend

        return Store(RemoteBackend(spec))
    from .local import LocalBackend

    return Store(LocalBackend(spec, wait))


__all__ = ["open_store", "default_location", "Store", "Stats", "Conflict", "Table", "Backend",
           "DEFAULT_STORE", "REFERENCE_GRAPH", "DERIVED_GRAPH", "LOG_GRAPH"]
