"""spaCy, imported without its command-line package.

``import spacy`` runs ``from .cli.info import info``, which loads spaCy's whole CLI
(typer, the model downloader, project tooling): about a third of spaCy's import time,
for nothing the extractor uses.  ``load()`` imports spaCy with a stand-in for
``spacy.cli.info`` whose ``info`` imports the real one when called, then removes the
stand-in so that ``import spacy.cli`` still loads the real package.  If spaCy's own
imports change and the stand-in does not fit, spaCy is imported as usual.
"""

from __future__ import annotations

import sys
import types


def _info(*args, **kwargs):  # pragma: no cover - only spaCy users call it
    from spacy.cli.info import info

    return info(*args, **kwargs)


def load() -> types.ModuleType:
    """The ``spacy`` module (imported once)."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package with no submodules of its own
    info = types.ModuleType("spacy.cli.info")
    info.info = _info
    stubs = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stubs)
    try:
        import spacy
    except ImportError:
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        stubs = {}
        import spacy
    finally:
        for name, mod in stubs.items():
            if sys.modules.get(name) is mod:
                del sys.modules[name]
    if spacy.__dict__.get("cli") is cli:
        del spacy.cli  # the real package loads on first use
    return spacy
