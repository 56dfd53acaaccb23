"""Shared helpers for the parser tests (pytest loads this file; no package needed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import paths

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
CORPUS = paths.CORPUS
SEED_76_47 = FIXTURES / "A_RES_76_47.txt"
SEED_78_32 = FIXTURES / "A_RES_78_32.txt"


def run_parse(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`python -m reslint parse ARGS` from the repository, as a user runs it."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "reslint", "parse", *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout,
    )


def parse_json(path: Path | str) -> dict:
    """The JSON facts of a file, through the CLI's own serializer (in process: fast)."""
    from reslint.parse import parse_file
    from reslint.parse.serialize import document_to_json

    return json.loads(json.dumps(document_to_json(parse_file(str(path)))))


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"development corpus not found at {CORPUS}")
    return CORPUS


@pytest.fixture(scope="session")
def facts():
    cache: dict[str, dict] = {}

    def get(path: Path | str) -> dict:
        key = str(path)
        if key not in cache:
            cache[key] = parse_json(path)
        return cache[key]

    return get
