"""Numbered, user-facing errors (spaCy style): one line, never a traceback."""

from __future__ import annotations

import re

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


def printable(text: str) -> str:
    """``text`` safe to print on a terminal, on one line: control characters (newline, escape
    sequences, C1 controls) and bidirectional overrides shown as ``\\n``, ``\\x1b``, ``\\u202e``."""
    return _UNPRINTABLE.sub(_escape, str(text))


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


class KGError(Exception):
    """An error reported to the user as one line: ``E### message``."""

    code = "E000"

    def __init__(self, message: str) -> None:
        self.message = one_line(message)
        super().__init__(f"{self.code} {self.message}")

    def __reduce__(self):  # keep the code single when pickled across processes
        return (type(self), (self.message,))


class UsageError(KGError):
    """The command line is wrong (exit 2)."""

    code = "E001"


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
