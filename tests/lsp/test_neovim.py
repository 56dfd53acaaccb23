"""Neovim's own LSP client, headless, against `reslint server`: it opens a draft with a
slip, reads the diagnostic back at the slip's line, shows the hover, applies the quick fix
and sees the diagnostic go.  Skipped when Neovim is absent (.ci/run installs it)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
from lsp_repo import REPO, SLIPS, drafting_repo

SCRIPT = Path(__file__).with_name("nvim_client.lua")


@pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim is not installed")
def test_neovim_reads_the_diagnostic_and_applies_the_quick_fix(tmp_path):
    root = tmp_path / "repo"
    draft = drafting_repo(root, "date")
    _, _, code, line = SLIPS["date"]
    out = tmp_path / "steps.jsonl"
    env = {**os.environ, "RESLINT_DRAFT": str(draft), "RESLINT_OUT": str(out),
           "RESLINT_CODE": code, "RESLINT_PYTHON": sys.executable, "RESLINT_REPO": str(REPO),
           "RESLINT_ROOT": str(root), "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path)}
    subprocess.run(["nvim", "--headless", "--clean", "-n", "-c", f"luafile {SCRIPT}"],
                   env=env, cwd=root, timeout=180, check=False, capture_output=True)
    steps = {s["step"]: s for s in map(json.loads, out.read_text().splitlines())}
    diagnostic = steps["diagnostic"]
    assert diagnostic["seen"] is True
    assert diagnostic["line"] == line - 1  # Neovim counts lines from 0
    assert diagnostic["message"] == ("76/47 is cited as of 7 December 2021, but it was "
                                     "adopted on 6 December 2021")
    assert diagnostic["severity"] == 1  # vim.diagnostic.severity.ERROR
    assert steps["hover"]["text"].startswith("**RES102** `recalled-previous-date` (error)")
    assert "*Why:* The date of last year's resolution is its adoption date" in \
        steps["hover"]["text"]
    assert steps["action"]["title"].startswith("Fix RES102")
    assert "[76/47](#) of 6 December 2021" in steps["edited"]["line"]
    assert steps["after"]["gone"] is True
    assert code not in steps["after"]["left"]
    # the quick fix changed the buffer, not the file (the test never saves)
    assert "[76/47](#) of 7 December 2021" in draft.read_text(encoding="utf-8")
