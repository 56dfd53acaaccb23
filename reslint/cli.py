"""Command line: arguments and exit codes only.

Each subcommand lives in `reslint.commands.<name>` with two functions,
`add_arguments(parser)` and `run(args) -> int`; the module is imported only when its
command runs, so `reslint check` does not pay for `reslint diff`.

Exit codes: 0 no finding at or above the failing severity, 1 some, 2 usage, input or
rule-file error (one line on stderr that names the file, never a traceback).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from reslint import __version__
from reslint.errors import EXIT_ERROR, ReslintError, UsageError

# name -> one-line help; the module reslint.commands.<name> implements it.
COMMANDS = {
    "check": "check drafts against the previous resolution",
    "parse": "print the facts reslint reads from a resolution",
    "config": "print the effective configuration for a file",
    "rules": "list the rules of the loaded packs",
    "explain": "explain a rule: summary, rationale, examples, YAML",
    "test": "run the tests that live beside rule packs",
    "next": "write the starting draft for the next session",
    "export": "render any input as clean Markdown",
    "diff": "what changed since the previous resolution",
}


def _command_module(name: str):  # type: ignore[no-untyped-def]
    return importlib.import_module(f"reslint.commands.{name.replace('-', '_')}")


def _terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`: $COLUMNS, else stdout's terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's own formatter, given the width argparse would ask shutil for.

    argparse builds a formatter for every add_argument (to check the metavar), and its
    default width imports shutil (with bz2, lzma and fnmatch: ~2 ms of every run)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reslint",
        description="Consistency linter for UN General Assembly draft resolutions.",
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # Each sub-parser costs a few ms (argparse looks up translations): when the command
    # is known, only its own is built; `reslint --help` lists them all.
    for name, help_text in COMMANDS.items():
        if only is not None and name != only:
            continue
        p = sub.add_parser(name, help=help_text, description=help_text,
                           formatter_class=_HelpFormatter)
        try:
            module = _command_module(name)
        except ModuleNotFoundError:
            continue
        module.add_arguments(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Build only the chosen command's arguments: importing every command costs start-up.
    only = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(only if only in COMMANDS else None)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        module = _command_module(args.command)
    except ModuleNotFoundError:
        print(f"reslint: the {args.command!r} command is not available yet", file=sys.stderr)
        return EXIT_ERROR
    try:
        return int(module.run(args))
    except (ReslintError, UsageError) as exc:
        print(f"reslint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
