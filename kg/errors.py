"""Numbered, user-facing errors (spaCy style): one line, never a traceback."""

from __future__ import annotations


class KGError(Exception):
    """An error reported to the user as one line: ``E### message``."""

    code = "E000"

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(f"{self.code} {message}")

    def __reduce__(self):  # keep the code single when pickled across processes
        return (type(self), (self.message,))


class InputError(KGError):
    """An input file could not be read or parsed (the batch goes on)."""

    code = "E101"


class OntologyError(KGError):
    """The ontology folder is missing or malformed."""

    code = "E201"


class StoreError(KGError):
    """The store could not be opened, read or written."""

    code = "E301"


class StoreBusyError(StoreError):
    """Another process holds the store."""

    code = "E302"


class QueryError(KGError):
    """A SPARQL query is invalid or failed."""

    code = "E401"


class ExportError(KGError):
    """An export could not be written."""

    code = "E501"
