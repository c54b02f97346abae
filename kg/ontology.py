"""Locate and load the ontology folder (OWL, SKOS areas, cues, gazetteer, SHACL)."""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import OntologyError

if TYPE_CHECKING:
    from rdflib import Graph

#: Files that make up the ontology, in load order; shapes are loaded separately.
FILES = ("tmru.ttl", "areas.ttl", "cues.ttl", "months.ttl", "ordinals.ttl", "gazetteer.ttl")
SHAPES = "shapes.ttl"
#: Per-language grammar the extractor reads (verb forms, conjunctions); not part of the data graph.
LANG_FILES = ("lang/en.ttl", "lang/ru.ttl", "lang/tk.ttl", "lang/tr.ttl")


def ontology_dir() -> Path:
    """``$KG_ONTOLOGY``, else the source tree's ``ontology/``, else the copy in the wheel."""
    env = os.environ.get("KG_ONTOLOGY")
    if env:  # set: that folder or an error, never silently another ontology
        if not (Path(env) / FILES[0]).is_file():
            raise OntologyError(f"KG_ONTOLOGY={env}: no {FILES[0]} in that folder")
        return Path(env)
    here = Path(__file__).resolve().parent
    for cand in [here.parent / "ontology", here / "_ontology"]:
        if (cand / FILES[0]).is_file():
            return cand
    raise OntologyError("ontology folder not found (set KG_ONTOLOGY to the folder holding tmru.ttl)")


@lru_cache(maxsize=4)
def load(*names: str) -> Graph:
    """Parse the named ontology files (default: all of ``FILES``) into one graph."""
    from rdflib import Graph

    folder = ontology_dir()
    g = Graph()
    for name in names or FILES:
        try:
            g.parse(folder / name, format="turtle")
        except Exception as exc:  # noqa: BLE001 - reported as one line
            raise OntologyError(f"cannot parse {folder / name}: {exc}") from exc
    return g


def content_hash() -> str:
    """SHA-256 of every ontology file, the language data included (what extraction reads)."""
    folder = ontology_dir()
    h = hashlib.sha256()
    for name in FILES + LANG_FILES:
        try:
            h.update(name.encode() + b"\0" + (folder / name).read_bytes())
        except OSError as exc:
            raise OntologyError(f"cannot read {folder / name}: {exc.strerror or exc}") from exc
    return h.hexdigest()


def load_lang(lang: str) -> Graph:
    """The language data file of ``lang`` (an empty graph when there is none)."""
    name = f"lang/{lang}.ttl"
    if name not in LANG_FILES:
        from rdflib import Graph

        return Graph()
    return load(name)


def shapes() -> Graph:
    """The SHACL shapes graph."""
    return load(SHAPES)
