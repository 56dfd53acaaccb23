"""`reslint export FILE --format markdown [-o OUT]`: any input as clean Markdown.

The way to turn last year's official PDF text into a drafting file: page furniture and
hard wraps gone, footnotes as `[^n]`, and `reslint parse` reads the same facts back."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

from reslint.commands.options import add_max_size, add_tracked
from reslint.errors import ReslintError
from reslint.parse import parse_file
from reslint.render import render_markdown


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")
    p.add_argument("--format", choices=("markdown",), default="markdown")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    add_max_size(p)
    add_tracked(p)


def run(args: argparse.Namespace) -> int:
    text = render_markdown(parse_file(args.file, args.max_size, tracked=args.tracked))
    write_output(text, args.output)
    return 0


def write_output(text: str, path: str | None, bom: bool = False) -> None:
    """stdout, or a file written atomically (a temporary file beside it, then a rename) in
    UTF-8, with a byte-order mark when `bom` (a draft that had one keeps it).  `export`,
    `next` and `amend -o` write their files here."""
    if path is None or path == "-":
        sys.stdout.write(text)
        return
    folder = os.path.dirname(os.path.abspath(path))
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".reslint-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise ReslintError(f"{path}: cannot write: {exc.strerror}") from None
