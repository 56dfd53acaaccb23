"""Shared by the amendment tests: the real amendment-draft pairs of ../shared/ga (skipped
when the folder is absent), each file parsed once per session."""

from __future__ import annotations

import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from tests import paths

REPO = Path(__file__).resolve().parents[2]
GA = paths.GA
TEXTS = GA / "texts"


def pairs() -> list[tuple[str, str]]:
    """(amendment, draft) file names of amendments.tsv."""
    table = GA / "amendments.tsv"
    if not table.is_file():
        return []
    rows = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines()[1:]]
    return [(a, d) for a, d in rows]


@pytest.fixture(scope="session")
def ga() -> Path:
    if not (GA / "amendments.tsv").is_file():
        pytest.skip("../shared/ga is absent")
    return TEXTS


@cache
def parsed(name: str):  # type: ignore[no-untyped-def]
    from reslint.parse import parse_file

    return parse_file(str(TEXTS / name))


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m reslint ARGS` from the repository, as a user runs it."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "reslint", *args], capture_output=True,
                          text=True, cwd=cwd or REPO, env=env, timeout=120, check=False)
