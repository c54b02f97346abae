"""The ``kg`` command line: a thin layer over the pipeline stages.

Each sub-command lives in its own module of this package and registers itself
through ``register(subparsers)``; ``COMMANDS`` lists them in ``--help`` order.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import KGError
from .common import EPILOG, EXIT_OK, EXIT_USAGE, exit_code_for

COMMANDS = ("extract", "build", "query", "stats", "conflicts", "remove", "export", "validate")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kg", description="Turn news about Turkmenistan-Russia relations into a knowledge graph.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"tmru-kg {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name.replace('-', '_')}").register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KGError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return exit_code_for(exc)
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


__all__ = ["main", "parser", "EXIT_USAGE"]
