"""`reslint server` as a command: without the lsp extra, one line and exit 2."""

from __future__ import annotations

import sys

from reslint.cli import main


def test_without_the_lsp_extra_one_line_and_exit_2(monkeypatch, capsys):
    for name in [m for m in sys.modules if m.startswith("reslint.lsp")]:
        monkeypatch.delitem(sys.modules, name)
    for name in ("pygls", "lsprotocol"):
        monkeypatch.setitem(sys.modules, name, None)  # as if not installed
    assert main(["server"]) == 2
    assert capsys.readouterr().err == (
        "reslint: reslint server needs the lsp extra: pip install 'reslint[lsp]'\n")
