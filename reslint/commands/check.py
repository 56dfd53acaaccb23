"""`reslint check`: the command line of the library pipeline (reslint.lint), which
configures, pairs, reads, runs, suppresses and fixes; this module only turns options into
its arguments and its results into a report and an exit code."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator

from reslint import __version__
from reslint.commands.options import add_max_size, add_tracked
from reslint.errors import EXIT_ERROR, UsageError, one_line
from reslint.lint import FileReport, FileResult, Linter, exit_code, expand_paths
from reslint.model import Document, Finding, RuleInfo

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:  # argparse: only to read an unusual command line (reslint.cli)
    import argparse


def add_arguments(c: argparse.ArgumentParser) -> None:
    c.add_argument("files", nargs="+", metavar="DRAFT",
                   help="draft files, or folders (their .md, .markdown, .txt, .docx and .pdf "
                   "files); - reads the draft from standard input")
    c.add_argument("--previous", help="the previous resolution: a path, git:REV:PATH, or a "
                   "symbol (A/RES/79/58: looked up in the library, or downloaded with --fetch)")
    c.add_argument("--fetch", action="store_true",
                   help="download a document named by its symbol (--previous, --amends) from "
                   "the UN's document system when the library does not hold it")
    c.add_argument("--amends", metavar="DRAFT",
                   help="for an amendment: the draft it amends (a path, git:REV:PATH or a "
                   "symbol, A/C.3/80/L.50); "
                   "default: found by the symbol the amendment names")
    c.add_argument("--format", default="full",
                   help="full (or text), concise, json, sarif, github, gitlab, junit, markdown")
    c.add_argument("--stdin-filename", metavar="PATH",
                   help="the path of the draft read from standard input ('-'): used in "
                   "messages, to find the configuration and to pair it")
    c.add_argument("--statistics", action="store_true",
                   help="print the number of findings per rule instead of the findings")
    c.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                   help="check N files at once (default: one per CPU; 1: in this process)")
    c.add_argument("--quiet", "-q", action="store_true",
                   help="print the findings and nothing else (no summary)")
    c.add_argument("--output-file", "-o", help="write the report here instead of stdout")
    c.add_argument("--select", help="comma-separated codes, prefixes or names to run (only these)")
    c.add_argument("--ignore", help="comma-separated codes, prefixes or names to skip")
    c.add_argument("--rules", action="append", default=[], help="add a rule file or folder")
    c.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="do not check files matching this glob (repeatable; a glob without "
                        "'/' matches the file name anywhere; also `exclude:` in .reslint.yaml)")
    c.add_argument("--fail-on", choices=("info", "warning", "error", "never"), default=None,
                   help="lowest severity that makes the exit code 1 (default: warning)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    c.add_argument("--config", help="use this configuration file instead of discovering one")
    c.add_argument("--fix", action="store_true", help="apply safe fixes")
    c.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    c.add_argument("--diff", action="store_true", help="print the fixes as a diff; write nothing")
    add_max_size(c)
    add_tracked(c)


STDIN = "-"


def _excluded(path: str, cli_globs: list[str], linter: Linter) -> bool:
    """--exclude globs (from the working folder) and the configuration's `exclude:` (from
    its own folder) apply to folders' files and to files named one by one alike, so that
    a pre-commit hook, which names every file, skips them too."""
    from reslint.config import is_excluded

    globs = [g for spec in cli_globs for g in spec.split(",") if g.strip()]
    if globs and is_excluded(path, [g.strip() for g in globs], None):
        return True
    config = linter.config(path)
    return bool(config.exclude) and is_excluded(path, config.exclude, config.root)


def _check_output(path: str) -> None:
    if os.path.isdir(path):
        raise UsageError(f"{path}: is a folder: -o/--output-file takes a file name")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise UsageError(f"{path}: cannot write the report: the folder {folder} does not exist")


def run(args: argparse.Namespace) -> int:
    from reslint.report import Summary, render, resolve_format

    try:
        fmt = resolve_format(args.format)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.output_file:  # before the run: a report that cannot be written is a usage error
        _check_output(args.output_file)
    if args.files.count(STDIN) > 1:
        raise UsageError("standard input ('-') can be read only once")
    if args.stdin_filename and STDIN not in args.files:
        raise UsageError("--stdin-filename names the draft read from standard input: "
                         "give '-' as the draft")
    linter = Linter(config=args.config, rules=args.rules, select=_split(args.select),
                    ignore=_split(args.ignore), max_size=args.max_size, tracked=args.tracked,
                    fetch=args.fetch)
    fix = "diff" if args.diff else "write" if args.fix else None
    findings: list[Finding] = []
    infos: dict[str, RuleInfo] = {}
    fixed = 0  # findings --fix removed
    started = time.perf_counter()
    files = [q for p in args.files for q in ([p] if p == STDIN else expand_paths([p]))]
    files = [f for f in files if f == STDIN or not _excluded(f, args.exclude, linter)]
    checked: list[str] = []
    pairings: list[tuple[str, str, str]] = []
    failed = False  # a file that could not be checked, or a rule that timed out: exit 2
    for result in _reports(linter, files, fix, args):
        infos.update(result.rules)
        if result.error:
            sys.stderr.write(f"reslint: {one_line(result.error)}\n")
            failed = True
            continue
        sys.stderr.write("".join(one_line(note) + "\n" for note in result.notes))
        sys.stdout.write(result.patch)
        fixed += result.fixed
        failed = failed or result.rule_error
        findings.extend(result.findings)
        checked.append(result.path)
        pairings.append((result.path, result.previous or "", result.previous_reason))
    fail_on = args.fail_on or "warning"
    to_stderr = bool(args.diff or (args.fix and STDIN in files))
    if failed and not checked:  # nothing was checked: the error lines are the whole report
        report = ""
    elif args.statistics:
        from reslint.report.statistics import render_statistics

        report = render_statistics(findings, json_format=fmt == "json")
        elapsed = time.perf_counter() - started  # on stderr: stdout stays the same each run
        sys.stderr.write(f"{len(checked)} file{'s' * (len(checked) != 1)} checked in "
                         f"{elapsed:.2f} s\n")
    else:
        colour = (fmt in ("full", "concise") and not args.output_file
                  and wants_colour(sys.stderr if to_stderr else sys.stdout))
        report = render(fmt, findings, infos, root=os.getcwd(), tool_version=__version__,
                        summary=Summary(files=len(checked), fixed=fixed,
                                        fixable=0 if args.diff else _fixable(findings)),
                        files=checked, quiet=args.quiet, fail_on=fail_on, colour=colour,
                        pairings=pairings)
    if args.output_file:
        try:
            with open(args.output_file, "w", encoding="utf-8") as handle:
                handle.write(report)
        except OSError as exc:
            raise UsageError(f"{args.output_file}: cannot write the report: "
                             f"{exc.strerror or exc}") from None
    else:  # after --diff, or --fix of standard input, stdout holds that text alone
        (sys.stderr if to_stderr else sys.stdout).write(report)
    if failed:  # reported above, one line each
        return EXIT_ERROR
    return exit_code(findings, fail_on, args.exit_zero)


def _reports(linter: Linter, files: list[str], fix: str | None,
             args: argparse.Namespace) -> Iterator[FileReport]:
    """The files' reports in order: standard input in this process, the files on --jobs."""
    on_disk = [f for f in files if f != STDIN]
    reports = linter.report_paths(on_disk, args.previous, fix=fix,
                                  unsafe_fixes=args.unsafe_fixes, amends=args.amends,
                                  jobs=args.jobs)
    if STDIN not in files:
        yield from reports
        return
    linter.add_known(on_disk)
    for given in files:
        if given == STDIN:
            yield linter.report_of(lambda: check_stdin(linter, args.stdin_filename or STDIN,
                                                       args))
        else:
            yield next(reports)


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        import argparse

        raise argparse.ArgumentTypeError(f"{value!r}: a number of jobs is 1 or more")
    return jobs


def wants_colour(stream: object) -> bool:
    """Colour as ruff and no-color.org decide it: NO_COLOR (non-empty) turns it off,
    FORCE_COLOR (non-empty) turns it on, else only on a terminal (not TERM=dumb)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def read_stdin(name: str, max_size: int) -> Document:
    """The draft piped in (`reslint check -`), decoded as a file is (BOM, UTF-16, line
    endings kept) and parsed as if it were the file `name`."""
    from reslint.parse import parse_source
    from reslint.text.source import InputError, decode

    if name.lower().endswith((".docx", ".pdf")):
        raise UsageError(f"{name}: standard input takes Markdown or plain text, "
                         "not a Word or PDF file (give the file's path instead)")
    data = sys.stdin.buffer.read(max_size + 1)
    if len(data) > max_size:
        raise InputError(name, f"standard input is over the limit of {max_size:,} bytes "
                         "(raise it with --max-size)")
    return parse_source(decode(name, data))


def check_stdin(linter: Linter, name: str, args: argparse.Namespace) -> FileResult:
    """Check the draft on standard input as the file `name` (`--stdin-filename`: messages,
    configuration, pairing).  `--fix -` writes the fixed draft to stdout (all of it, fixed
    or not, as ruff does), `--diff -` the patch; nothing is written to `name`."""
    from reslint.lint import fix_document

    result = linter.check_file(name, args.previous, document=read_stdin(name, args.max_size),
                               amends=args.amends)
    if not (args.fix or args.diff):
        return result
    config = linter.config(name)
    fixed = fix_document(result.document, result.findings, result.previous,
                         linter.ruleset(config), config, result.previous_reason,
                         args.unsafe_fixes)
    if fixed.refused:
        result.notes.append(f"{name}: not fixed: {fixed.refused}")
    if args.diff:
        if fixed.changed:
            from reslint.fix import unified_diff

            result.patch = unified_diff(name, fixed.original, fixed.text)
        return result
    result.patch = fixed.text if fixed.changed else result.document.source.text
    if fixed.changed:
        result.findings, result.fixed = fixed.findings, fixed.fixed
    return result


def _split(spec: str | None) -> list[str]:
    return [s.strip() for s in (spec or "").split(",") if s.strip()]


def _fixable(findings: list[Finding]) -> int:
    return sum(1 for f in findings if f.fix is not None and f.fix.safe)
