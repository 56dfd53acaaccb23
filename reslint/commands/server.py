"""`reslint server`: the language server on stdio (an editor starts it; see docs/editors.md).

Needs the `lsp` extra; without it, one line and exit 2."""

from __future__ import annotations

import argparse

from reslint.errors import UsageError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--stdio", action="store_true",
                   help="talk LSP on stdin/stdout (the default and only transport; "
                   "accepted because editors' clients pass it)")


def run(args: argparse.Namespace) -> int:
    try:  # here, not at the top: pygls is an optional extra (`reslint[lsp]`)
        from reslint.lsp.server import main
    except ImportError as exc:
        if exc.name and exc.name.split(".")[0] in ("pygls", "lsprotocol", "cattrs", "attrs"):
            raise UsageError("reslint server needs the lsp extra: "
                             "pip install 'reslint[lsp]'") from None
        raise
    return main()
