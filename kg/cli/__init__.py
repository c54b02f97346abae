"""The ``kg`` command line: a thin layer over the pipeline stages.

Each sub-command lives in its own module of this package and registers itself
through ``register(subparsers)``; ``COMMANDS`` lists them in ``--help`` order.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
import traceback
from collections.abc import Sequence

from .. import __version__
from ..errors import KGError, printable
from .common import DEBUG_HELP, EPILOG, EXIT_EXPORT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, exit_code_for

COMMANDS = ("extract", "build", "query", "stats", "conflicts", "remove", "export", "validate")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kg",
        description="Turn news about Turkmenistan-Russia relations into a knowledge graph.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"tmru-kg {__version__}")
    p.add_argument("--debug", action="store_true", help=DEBUG_HELP)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name.replace('-', '_')}").register(sub)
    return p


#: errors of a write to a full disk or over quota
_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def _quiet_stdout() -> None:
    """After a broken pipe (``kg ... | head``): send what is left to /dev/null, so that the
    interpreter's final flush does not print an error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``kg``; returns the exit code.  Every failure is one line on stderr: ``KGError`` as
    ``kg: error: E### ...`` (exit code by kind), anything unexpected as ``kg: internal error: ...``
    (exit 70; ``--debug`` or ``KG_DEBUG=1`` adds the traceback)."""
    args = parser().parse_args(argv)
    debug = getattr(args, "debug", False) or os.environ.get("KG_DEBUG", "") not in ("", "0")
    try:
        code = args.func(args)
        sys.stdout.flush()  # a full disk shows here, not in the interpreter's last flush
        return code
    except KGError as exc:
        if debug:
            traceback.print_exc()
        print(f"kg: error: {printable(str(exc))}", file=sys.stderr)
        return exit_code_for(exc)
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - never a traceback for the user (issue 7)
        if debug:
            traceback.print_exc()
        if isinstance(exc, OSError) and exc.errno in _FULL:  # e.g. stdout redirected to a full disk
            _quiet_stdout()
            print(f"kg: error: E501 cannot write the output: {exc.strerror}", file=sys.stderr)
            return EXIT_EXPORT
        detail = printable(next(iter(str(exc).strip().splitlines()), ""))
        hint = "report it with the traceback above" if debug else "run again with --debug or KG_DEBUG=1 for details"
        what = "" if isinstance(exc, OSError) else "a bug in kg; "
        print(
            f"kg: internal error: {type(exc).__name__}{': ' + detail if detail else ''} ({what}{hint})", file=sys.stderr
        )
        return EXIT_INTERNAL


__all__ = ["main", "parser", "EXIT_USAGE", "EXIT_INTERNAL"]
