"""Command line: arguments and exit codes only.

Each subcommand lives in `reslint.commands.<name>` with two functions,
`add_arguments(parser)` and `run(args) -> int`; the module is imported only when its
command runs, so `reslint check` does not pay for `reslint diff`.

Exit codes: 0 no finding at or above the failing severity, 1 some, 2 usage, input or
rule-file error (one line on stderr that names the file, never a traceback).
"""

from __future__ import annotations

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
    from typing import Any

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
    module = f"reslint.commands.{name.replace('-', '_')}"
    __import__(module)  # importlib.import_module, without importing importlib (3.4 M)
    return sys.modules[module]


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


class _Unsure(Exception):
    """A command line `_quick_args` leaves to argparse."""


class _Option:
    __slots__ = ("action", "choices", "dest", "type")

    def __init__(self, dest: str, action: str, type: Any, choices: Any) -> None:
        self.dest, self.action, self.type, self.choices = dest, action, type, choices

    def value(self, text: str) -> Any:
        """argparse's _get_value and _check_value: the type applied, then the choices."""
        try:
            value = text if self.type is None else self.type(text)
        except Exception:
            raise _Unsure from None  # argparse words the error
        if self.choices is not None and value not in self.choices:
            raise _Unsure
        return value


class _Declared:
    """A command's arguments as its `add_arguments` declares them, recorded without argparse
    (only what `_quick_args` can read exactly as argparse does: one positional taking one
    or more values; options that store a value, store true or append)."""

    _KEYS = frozenset({"action", "type", "default", "choices", "help", "metavar", "nargs"})

    def __init__(self) -> None:
        self.positional: str | None = None
        self.options: dict[str, _Option] = {}
        self.defaults: dict[str, Any] = {}

    def add_argument(self, *names: str, **kwargs: Any) -> None:
        action = kwargs.get("action", "store")
        if not kwargs.keys() <= self._KEYS or not names:
            raise _Unsure
        if not names[0].startswith("-"):  # the positional: files, nargs="+"
            if (self.positional is not None or len(names) != 1 or action != "store"
                    or kwargs.get("nargs") != "+" or kwargs.keys() - {"nargs", "help",
                                                                        "metavar"}):
                raise _Unsure
            self.positional = names[0]
            return
        if action not in ("store", "store_true", "append") or "nargs" in kwargs:
            raise _Unsure
        if action == "store_true" and kwargs.keys() - {"action", "help", "default"}:
            raise _Unsure
        default = kwargs.get("default", False if action == "store_true" else None)
        if isinstance(default, str) and kwargs.get("type") is not None:
            raise _Unsure  # argparse would convert it
        longs = [n for n in names if n.startswith("--")]
        dest = (longs or list(names))[0].lstrip("-").replace("-", "_")
        option = _Option(dest, action, kwargs.get("type"), kwargs.get("choices"))
        for name in names:
            if not name.startswith("-") or name in self.options:
                raise _Unsure
            self.options[name] = option
        self.defaults[dest] = default

    def parse(self, command: str, tokens: list[str]) -> Any:
        """The namespace argparse gives for `command TOKENS` (raises _Unsure when argparse
        might read them otherwise, or would report an error)."""
        values = dict(self.defaults)
        files: list[str] | None = None
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if not token.startswith("-"):  # the positionals: one run, as argparse takes them
                if files is not None or self.positional is None:
                    raise _Unsure
                end = i
                while end < len(tokens) and not tokens[end].startswith("-"):
                    end += 1
                files, i = tokens[i:end], end
                continue
            # an option exactly as declared, or --name=value; anything else ("-", "--",
            # an abbreviation, -j2, a negative number) is argparse's to read
            name, equals, text = token.partition("=") if token.startswith("--") else (
                token, "", "")
            option = self.options.get(name)
            if option is None:
                raise _Unsure
            if option.action == "store_true":
                if equals:
                    raise _Unsure
                values[option.dest] = True
                i += 1
                continue
            if not equals:
                if i + 1 >= len(tokens) or tokens[i + 1].startswith("-"):
                    raise _Unsure
                text = tokens[i + 1]
                i += 1
            i += 1
            value = option.value(text)
            if option.action == "append":
                values[option.dest] = [*(values[option.dest] or ()), value]
            else:
                values[option.dest] = value
        if files is None or self.positional is None:
            raise _Unsure
        values[self.positional] = files
        from types import SimpleNamespace

        return SimpleNamespace(command=command, **values)


# Commands whose usual command lines are read without argparse: importing argparse and
# building its parser cost the hook ~15 M of its ~340 M instructions (callgrind).
QUICK = ("check",)


def _quick_args(argv: list[str]) -> Any:
    """`reslint check FILES [options]` as argparse reads it, without argparse: the files
    and exactly declared options (tests/test_cli_quick.py holds it to argparse's reading).
    None for anything else (help, an abbreviation, "-", a value that starts with "-",
    an error argparse reports...): argparse reads those."""
    if not argv or argv[0] not in QUICK:
        return None
    declared = _Declared()
    try:
        _command_module(argv[0]).add_arguments(declared)
        return declared.parse(argv[0], argv[1:])
    except (_Unsure, ModuleNotFoundError):
        return None


def _few_files(args: argparse.Namespace) -> bool:
    files = getattr(args, "files", None) or []
    return len(files) <= FEW_FILES and not any(os.path.isdir(f) for f in files)


def _main(argv: Sequence[str] | None, collecting: bool = True) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _quick_args(argv)
    if args is None:
        args = _parsed(argv)
        if args is None:
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


def _parsed(argv: list[str]) -> argparse.Namespace | None:
    """argparse's reading of `argv` (None: no command, or an unknown one, reported)."""
    # Build only the chosen command's arguments: importing every command costs start-up.
    only = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(only if only in COMMANDS else None,
                          help_text=not argv or "-h" in argv or "--help" in argv)
    if only is not None and only not in COMMANDS:
        parser.print_usage(sys.stderr)
        print(f"reslint: error: unknown command {only!r}{_did_you_mean(only, list(COMMANDS))}"
              " (run 'reslint --help' for the list)", file=sys.stderr)
        return None
    args, extras = parser.parse_known_args(argv)
    if extras:
        command = getattr(args, "command", None)
        sub = _subparser(parser, command) if command else parser
        sub.error(_unknown_options(sub, extras))  # prints its usage; exits 2
    if args.command is None:
        parser.print_help()
        return None
    return args
