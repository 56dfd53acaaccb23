"""`reslint parse FILE`: the facts reslint reads, as JSON for tools or text for people."""

from __future__ import annotations

import argparse
import json
import sys

from reslint.commands.options import add_max_size, add_tracked
from reslint.parse import parse_file
from reslint.parse.serialize import document_to_json, document_to_text


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")
    p.add_argument("--format", choices=("json", "text"), default="json")
    add_max_size(p)
    add_tracked(p)


def run(args: argparse.Namespace) -> int:
    doc = parse_file(args.file, args.max_size, tracked=args.tracked)
    if args.format == "json":
        sys.stdout.write(json.dumps(document_to_json(doc), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(document_to_text(doc))
    return 0
