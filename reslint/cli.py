"""Command line: arguments and exit codes only.

Each subcommand lives in `reslint.commands.<name>` with two functions,
`add_arguments(parser)` and `run(args) -> int`; the module is imported only when its
command runs, so `reslint check` does not pay for `reslint diff`.

Exit codes: 0 no finding at or above the failing severity, 1 some, 2 usage, input or
rule-file error (one line on stderr that names the file, never a traceback).
"""

from __future__ import annotations

import importlib
import os
import sys

from reslint import __version__
from reslint.errors import EXIT_ERROR, ReslintError, UsageError, one_line

# argparse is imported only once `main` has filled re's cache from the store (reslint._recache):
# argparse's gettext compiles a verbose pattern when imported (~4 M instructions of the hook).
TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

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
    "amend": "apply amendments to the draft they amend, or show the change",
    "server": "run the language server (LSP, on stdio) for editors",
}


def _command_module(name: str):  # type: ignore[no-untyped-def]
    return importlib.import_module(f"reslint.commands.{name.replace('-', '_')}")


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and name in action.choices:
            found: argparse.ArgumentParser = action.choices[name]
            return found
    return parser


def _terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`: $COLUMNS, else stdout's terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            stdout = sys.__stdout__
            columns = os.get_terminal_size(stdout.fileno()).columns if stdout else 0
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns


def _help_formatter() -> type[argparse.RawDescriptionHelpFormatter]:
    """argparse's own formatter, given the width argparse would ask shutil for.

    argparse builds a formatter for every add_argument (to check the metavar), and its
    default width imports shutil (with bz2, lzma and fnmatch: ~2 ms of every run).  A
    class made on first use, so that importing this module does not import argparse."""
    global _FORMATTER
    if _FORMATTER is None:
        import argparse

        class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
            def __init__(self, prog: str, indent_increment: int = 2,
                         max_help_position: int = 24, width: int | None = None) -> None:
                if width is None:
                    width = _terminal_columns() - 2
                super().__init__(prog, indent_increment, max_help_position, width)

        _FORMATTER = _HelpFormatter
    return _FORMATTER


_FORMATTER: type[argparse.RawDescriptionHelpFormatter] | None = None


def build_parser(only: str | None = None, help_text: bool = True) -> argparse.ArgumentParser:
    """`help_text=False` leaves out the epilogs (examples, exit codes, docs) that only
    `--help` prints: a check does not build them."""
    if help_text:
        from reslint.helptext import epilog, main_epilog
    else:
        def epilog(command: str) -> str:
            return ""

        def main_epilog() -> str:
            return ""

    import argparse

    parser = argparse.ArgumentParser(
        prog="reslint",
        description="Consistency linter for UN General Assembly draft resolutions.",
        formatter_class=_help_formatter(), epilog=main_epilog() or None,
    )
    parser.add_argument("--version", action="version", version=f"reslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # Each sub-parser costs a few ms (argparse looks up translations): when the command
    # is known, only its own is built; `reslint --help` lists them all.
    for name, summary in COMMANDS.items():
        if only is not None and name != only:
            continue
        p = sub.add_parser(name, help=summary, description=summary,
                           formatter_class=_help_formatter(), epilog=epilog(name) or None)
        try:
            module = _command_module(name)
        except ModuleNotFoundError:
            continue
        module.add_arguments(p)
    return parser


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    from difflib import get_close_matches

    close = get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _option_strings(parser: argparse.ArgumentParser) -> list[str]:
    return [o for action in parser._actions for o in action.option_strings]


def _unknown_options(parser: argparse.ArgumentParser, extras: list[str]) -> str:
    """argparse's "unrecognized arguments", with a suggestion for a misspelt option."""
    known = _option_strings(parser)
    for extra in extras:
        if extra.startswith("--"):
            name = extra.split("=", 1)[0]
            hint = _did_you_mean(name, [o for o in known if o.startswith("--")])
            if hint:
                return f"unknown option {name!r}{hint}"
    return f"unrecognized arguments: {' '.join(extras)}"


# A check of this many drafts or fewer (what pre-commit passes) runs without the cyclic
# garbage collector: it only walks the long-lived objects the run builds (modules, packs,
# the two documents), 17 M of the hook's 403 M instructions (callgrind); a folder or more
# files collect as usual.
FEW_FILES = 8


def main(argv: Sequence[str] | None = None) -> int:
    import gc

    collecting = gc.isenabled()
    try:
        return _start(argv, collecting)
    finally:
        if collecting:
            gc.enable()


def _start(argv: Sequence[str] | None, collecting: bool) -> int:
    """`main` without giving the collector back at the end: `run` exits right after, and
    a collector enabled then walks every long-lived object once more before the exit
    (~6 M of the hook's instructions, callgrind)."""
    import gc

    gc.disable()  # start-up: imports and packs are long-lived (see FEW_FILES)
    from reslint import _recache

    _recache.warm()  # before the pipeline's modules compile their patterns
    try:
        return _main(argv, collecting)
    finally:
        _recache.save()


def run() -> None:
    """The process's entry point (console script, `python -m reslint`): `main`, then the
    exit without tearing down every module and object one by one (Py_FinalizeEx: 25 M of
    the hook's 403 M instructions, callgrind).  Only when nothing registered an exit
    handler and the output is flushed; otherwise the usual `sys.exit`."""
    import gc

    code = _start(None, gc.isenabled())
    import atexit

    pending = getattr(atexit, "_ncallbacks", lambda: 1)()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)  # a closed pipe and the like: Python's own handling, as before
    if pending:
        sys.exit(code)
    os._exit(code)


def _few_files(args: argparse.Namespace) -> bool:
    files = getattr(args, "files", None) or []
    return len(files) <= FEW_FILES and not any(os.path.isdir(f) for f in files)


def _main(argv: Sequence[str] | None, collecting: bool = True) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Build only the chosen command's arguments: importing every command costs start-up.
    only = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(only if only in COMMANDS else None,
                          help_text=not argv or "-h" in argv or "--help" in argv)
    if only is not None and only not in COMMANDS:
        parser.print_usage(sys.stderr)
        print(f"reslint: error: unknown command {only!r}{_did_you_mean(only, list(COMMANDS))}"
              " (run 'reslint --help' for the list)", file=sys.stderr)
        return EXIT_ERROR
    args, extras = parser.parse_known_args(argv)
    if extras:
        command = getattr(args, "command", None)
        sub = _subparser(parser, command) if command else parser
        sub.error(_unknown_options(sub, extras))  # prints its usage; exits 2
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    if collecting and not (args.command == "check" and _few_files(args)):
        import gc

        gc.enable()
    try:
        module = _command_module(args.command)
    except ModuleNotFoundError:
        print(f"reslint: the {args.command!r} command is not available yet", file=sys.stderr)
        return EXIT_ERROR
    try:
        return int(module.run(args))
    except (ReslintError, UsageError) as exc:
        print(f"reslint: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
