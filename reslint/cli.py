"""Command line: arguments and exit codes only.

Exit codes: 0 no finding at or above the failing severity, 1 some, 2 usage, input or
rule-file error (one line on stderr that names the file, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from reslint import __version__
from reslint.text.source import MAX_BYTES, InputError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A one-line error for the user: printed as `reslint: message`, exit 2."""


def _size(text: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    text = text.strip().lower().rstrip("b")
    factor = units.get(text[-1:], 1)
    try:
        return int(float(text.rstrip("kmg")) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reslint",
        description="Consistency linter for UN General Assembly draft resolutions.",
    )
    parser.add_argument("--version", action="version", version=f"reslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("parse", help="print the facts reslint reads from a resolution")
    p.add_argument("file")
    p.add_argument("--format", choices=("json", "text"), default="json")
    p.add_argument("--max-size", type=_size, default=MAX_BYTES, help="largest input (e.g. 20M)")

    c = sub.add_parser("check", help="check drafts against the previous resolution")
    c.add_argument("files", nargs="+", metavar="DRAFT")
    c.add_argument("--previous", help="the previous resolution (a path, or git:REV:PATH)")
    c.add_argument("--format", default="full",
                   help="full (text), concise, json, sarif, github, junit, markdown")
    c.add_argument("--output-file", "-o", help="write the report here instead of stdout")
    c.add_argument("--select", help="comma-separated codes or names to run (only these)")
    c.add_argument("--ignore", help="comma-separated codes or names to skip")
    c.add_argument("--rules", action="append", default=[], help="add a rule file or folder")
    c.add_argument("--fail-on", choices=("info", "warning", "error", "never"), default=None,
                   help="lowest severity that makes the exit code 1 (default: warning)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    c.add_argument("--config", help="use this configuration file instead of discovering one")
    c.add_argument("--fix", action="store_true", help="apply safe fixes")
    c.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    c.add_argument("--diff", action="store_true", help="print the fixes as a diff; write nothing")
    c.add_argument("--max-size", type=_size, default=MAX_BYTES)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        return COMMANDS[args.command](args)
    except (InputError, UsageError) as exc:
        print(f"reslint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def cmd_parse(args: argparse.Namespace) -> int:
    from reslint.parse import parse_file
    from reslint.parse.serialize import document_to_json, document_to_text

    doc = parse_file(args.file, args.max_size)
    if args.format == "json":
        sys.stdout.write(json.dumps(document_to_json(doc), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(document_to_text(doc))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from reslint.commands.check import run_check

    return run_check(args)


COMMANDS = {"parse": cmd_parse, "check": cmd_check}
