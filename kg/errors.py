"""Numbered, user-facing errors (spaCy style): one line, never a traceback."""

from __future__ import annotations

MAX_MESSAGE = 400


def reason(exc: BaseException) -> str:
    """What went wrong in ``exc``, as one line (its type when it has no message)."""
    return one_line(str(exc)) or type(exc).__name__


def one_line(message: str) -> str:
    """``message`` as one line: its first line (and the next one when the first ends with ``:``, as
    parser messages such as rdflib's do), at most ``MAX_MESSAGE`` characters."""
    lines = [x.strip() for x in str(message).splitlines() if x.strip()]
    text = lines[0] if lines else ""
    if len(lines) > 1 and text.endswith(":"):
        text += " " + lines[1]
    if len(lines) > 1 or len(text) > MAX_MESSAGE:
        text = text[:MAX_MESSAGE].rstrip() + " …"
    return text


class KGError(Exception):
    """An error reported to the user as one line: ``E### message``."""

    code = "E000"

    def __init__(self, message: str) -> None:
        self.message = one_line(message)
        super().__init__(f"{self.code} {self.message}")

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
