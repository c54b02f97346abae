"""Exit codes, error reporting and progress shared by the sub-commands."""

from __future__ import annotations

import argparse
import sys

from ..errors import ExportError, InputError, KGError, OntologyError, QueryError, StoreError, printable

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_STORE, EXIT_QUERY, EXIT_INVALID, EXIT_EXPORT = 0, 1, 2, 3, 4, 5, 6
EXIT_INTERNAL, EXIT_INTERRUPTED = 70, 130

EPILOG = """exit codes:
  0    success
  1    some inputs were skipped (one line each on stderr); the rest was processed
  2    usage error (E001, e.g. a bad --bind), or the ontology folder is missing or broken
  3    store error (busy, missing, unreachable, not a store); nothing was changed
  4    invalid SPARQL query
  5    the graph does not conform to the SHACL shapes
  6    an export file (or standard output: a full disk) could not be written
  70   internal error (a bug: one line on stderr; --debug or KG_DEBUG=1 shows the traceback)
  130  interrupted (Ctrl-C)"""


def exit_code_for(exc: KGError) -> int:
    if isinstance(exc, StoreError):
        return EXIT_STORE
    if isinstance(exc, QueryError):
        return EXIT_QUERY
    if isinstance(exc, ExportError):
        return EXIT_EXPORT
    if isinstance(exc, OntologyError | InputError):
        return EXIT_USAGE
    return EXIT_USAGE


class Reporter:
    """Collects one-line input errors; the exit code says whether any happened."""

    def __init__(self) -> None:
        self.skipped = 0

    def __call__(self, exc: InputError) -> None:
        self.skipped += 1
        print(f"kg: skipped: {printable(str(exc))}", file=sys.stderr)


DEBUG_HELP = "show the Python traceback of an internal error (also KG_DEBUG=1)"


def add_command(
    sub: argparse._SubParsersAction, name: str, help: str, description: str | None = None
) -> argparse.ArgumentParser:
    """A sub-command parser with the shared epilog (and ``--debug``, also accepted after the command)."""
    p = sub.add_parser(
        name,
        help=help,
        description=description or help,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=DEBUG_HELP)
    return p


class Progress:
    """A one-line progress bar on stderr, shown only on a terminal (or when forced)."""

    def __init__(self, label: str, total: int | None = None, enabled: bool | None = None) -> None:
        self.label, self.total, self.n = label, total, 0
        self.enabled = sys.stderr.isatty() if enabled is None else enabled

    def step(self, what: str = "") -> None:
        self.n += 1
        if not self.enabled:
            return
        if self.total:
            done = int(30 * self.n / self.total)
            bar = "#" * done + "." * (30 - done)
            sys.stderr.write(f"\r{self.label} [{bar}] {self.n}/{self.total} {what[:30]:<30}")
        else:
            sys.stderr.write(f"\r{self.label} {self.n} {what[:40]:<40}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.n:
            sys.stderr.write("\n")


STORE_HELP = (
    "store folder or SPARQL 1.1 endpoint URL (default: $KG_STORE, else ./.kg/store; see README 'Store and queries')"
)


def add_jobs_option(p: argparse.ArgumentParser, what: str) -> None:
    """``--jobs N``: extract in N worker processes (``what`` says what else holds)."""
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help=f"extract in N processes ({what}; default 1)")


def add_store_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", metavar="PATH_OR_URL", default=None, help=STORE_HELP)
