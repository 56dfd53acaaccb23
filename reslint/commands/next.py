"""`reslint next PREVIOUS [-o DRAFT]`: the starting draft for the next session.

Last year's text with the technical update applied (reslint.rollover); what only the
drafter knows is left as `[[…]]` placeholders, which `reslint check` reports (RES801)
until they are filled."""

from __future__ import annotations

import argparse

from reslint.commands.export import write_output
from reslint.commands.options import add_max_size
from reslint.parse import parse_file
from reslint.rollover import next_draft


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("previous", metavar="PREVIOUS", help="last year's adopted resolution")
    p.add_argument("-o", "--output", metavar="DRAFT", help="write here instead of stdout")
    add_max_size(p)


def run(args: argparse.Namespace) -> int:
    write_output(next_draft(parse_file(args.previous, args.max_size)), args.output)
    return 0
