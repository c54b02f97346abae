"""On-disk cache of what the extractor compiles from the ontology (lexicons, grammars), so a
``kg`` process does not parse the Turtle files and rebuild the tables at every start.

An entry is keyed by the content of every ontology file (``ontology.content_hash``) and of the
modules that build it: a changed label or a changed builder is a new key.  The folder is ``$KG_CACHE``, else
``$XDG_CACHE_HOME/tmru-kg``, else ``~/.cache/tmru-kg``; ``KG_CACHE=off`` turns the cache off.
A cache that cannot be read or written is passed over silently: the tables are built instead.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from .. import __version__, ontology

T = TypeVar("T")
_BUILDERS = ("lexicon.py", "morph.py", "normalize.py", "cache.py")


def folder() -> Path | None:
    """Where cached tables live, or None when the cache is off."""
    env = os.environ.get("KG_CACHE")
    if env == "off":
        return None
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tmru-kg"


@lru_cache(maxsize=8)
def _builders() -> bytes:
    here = Path(__file__).resolve().parent
    return b"".join((here / name).read_bytes() for name in _BUILDERS)


def _key() -> str:
    """The ontology's content, the builders' source and the version, hashed."""
    return hashlib.sha256((ontology.content_hash() + __version__).encode() + _builders()).hexdigest()[:20]


def cached(kind: str, lang: str, build: Callable[[], T]) -> T:
    """The table ``kind`` for ``lang``: from the cache when it holds this ontology's, else built
    (and stored for the next process)."""
    where = folder()
    try:
        key = _key()
    except Exception:  # noqa: BLE001 - a missing or unreadable ontology: let the builder report it
        key = None
    if where is None or key is None:
        return build()
    path = where / f"{kind}-{lang}-{key}.pickle"
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except Exception:  # noqa: BLE001 - missing, stale or damaged: rebuild
        pass
    value = build()
    tmp = None
    try:
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=where, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in where.glob(f"{kind}-{lang}-*.pickle"):  # tables of an older ontology
            if old != path:
                old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a read-only or full cache folder is no error
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
    return value
