"""`reslint amend AMENDMENT... --amends DRAFT [-o OUT]`: the draft as amended.

Every instruction of every amendment is resolved against the draft as issued, then all are
applied together (reslint.amend.apply): operative paragraphs renumbered, references to them
updated.  An instruction that cannot be applied, or two that touch the same words, is an
error (exit 2, one line each) and nothing is written.  `--format diff` shows what the
amendments change, with `reslint diff`'s renderers; `--format patch` a unified diff.
"""

from __future__ import annotations

import argparse
import sys

from reslint.amend.apply import AmendError, amend
from reslint.amend.find import find_amended, from_report
from reslint.amend.report import body
from reslint.commands.export import write_output
from reslint.commands.options import add_max_size
from reslint.config import config_for
from reslint.diff import diff_documents
from reslint.diff.formats import text as text_format
from reslint.errors import EXIT_ERROR, UsageError
from reslint.fix import unified_diff
from reslint.parse import parse_file, parse_source
from reslint.text.source import SourceText

FORMATS = ("text", "diff", "patch")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("amendments", nargs="+", metavar="AMENDMENT",
                   help="amendment files (.md, .txt, .docx), applied together")
    p.add_argument("--amends", metavar="DRAFT",
                   help="the draft they amend (default: found as `check` finds it, by the "
                   "symbol the amendments name)")
    p.add_argument("--output-file", "-o", metavar="OUT",
                   help="write the draft as amended here (default: standard output)")
    p.add_argument("--format", choices=FORMATS, default="text",
                   help="text: the draft as amended, in its own format (default); diff: "
                   "what changes, paragraph by paragraph; patch: a unified diff")
    p.add_argument("--config", help="configuration file used to find the draft")
    add_max_size(p)


def run(args: argparse.Namespace) -> int:
    amendments = [parse_file(path, args.max_size) for path in args.amendments]
    for doc in amendments:
        if doc.amendment is None:
            raise UsageError(f"{doc.path}: not an amendment (no line names the draft amended)")
    if args.amends:
        given = parse_file(args.amends, args.max_size)
        found, why = from_report(amendments[0], given, args.amends)
        if found is None:
            raise UsageError(f"{args.amends}: {why.split(': ', 1)[-1]}")
        draft = found
    else:
        first = args.amendments[0]
        found, why = find_amended(first, None, config_for(first, args.config), amendments[0],
                                  args.max_size)
        if found is None:
            advice = "" if why.endswith("--amends") else "; give it with --amends"
            raise UsageError(f"{first}: the draft amended was not found: {why}{advice}")
        draft = found
    if draft.kind == "amendment":
        raise UsageError(f"{draft.path}: is an amendment, not the draft it amends")
    symbol = draft.heading.symbol or ""
    for doc in amendments:  # an amendment applied to another draft would be nonsense
        named = doc.amendment.draft_symbol if doc.amendment else None
        if named and symbol and named.split("/Rev.")[0] != symbol.split("/Rev.")[0]:
            raise UsageError(f"{doc.path}: amends draft resolution {named}, not {symbol} "
                             f"({draft.path})")
    try:
        result = amend(draft, amendments)
    except AmendError as exc:
        for line in exc.problems:
            print(f"reslint: {line}", file=sys.stderr)
        print(f"reslint: nothing written: {len(exc.problems)} instruction"
              f"{'s' if len(exc.problems) != 1 else ''} cannot be applied", file=sys.stderr)
        return EXIT_ERROR
    for note in result.notes:
        print(f"reslint: {note}", file=sys.stderr)
    out_name = args.output_file or draft.path
    full = result.text  # a draft read from its report: a patch keeps the report's lines
    result.text = body(draft, result.text)  # the file written: the draft's own text
    if args.format == "text":
        output = result.text
    elif args.format == "patch":
        output = unified_diff(draft.path, draft.source.text, full)
    else:
        output = _diff_report(draft, result.text, out_name)
    if args.output_file:
        _write(args.output_file, draft, output if args.format != "text" else result.text)
    else:
        sys.stdout.write(output)
    return 0


def _diff_report(draft, text: str, name: str) -> str:  # type: ignore[no-untyped-def]
    amended = parse_source(SourceText(name, text, newline=draft.source.newline))
    return text_format.render(diff_documents(draft, amended))


def _write(path: str, draft, text: str) -> None:  # type: ignore[no-untyped-def]
    """Atomically, in the draft's encoding (a Word draft is written as its Markdown)."""
    if path.lower().endswith(".docx"):
        raise UsageError(f"{path}: reslint does not write Word files; write Markdown (.md)")
    write_output(text, path, bom=getattr(draft.source, "bom", False))
