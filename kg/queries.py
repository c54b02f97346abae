"""Where the canned queries are: the source tree's ``examples/queries``, else the copy in the wheel
(``kg/_queries``, package data, see ``pyproject.toml``)."""

from __future__ import annotations

from pathlib import Path


def queries_dir() -> Path:
    """The folder of the canned ``*.rq`` queries."""
    here = Path(__file__).resolve().parent
    for cand in (here.parent / "examples" / "queries", here / "_queries"):
        if cand.is_dir():
            return cand
    return here / "_queries"


QUERIES = queries_dir()
