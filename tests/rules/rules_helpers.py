"""Helpers for the rule tests: run `reslint check` in process and read its JSON findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reslint.cli import main
from tests import paths

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
CORPUS = paths.CORPUS
SEED_76_47 = FIXTURES / "A_RES_76_47.txt"
SEED_78_32 = FIXTURES / "A_RES_78_32.txt"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")


def check(capsys, draft, previous=None, *extra: str) -> tuple[int, list[dict]]:
    """`reslint check DRAFT [--previous P] --format json`: (exit code, findings)."""
    argv = ["check", str(draft), "--format", "json", *extra]
    if previous is not None:
        argv += ["--previous", str(previous)]
    capsys.readouterr()
    code = main(argv)
    out = capsys.readouterr()
    assert code in (0, 1), out.err
    return code, json.loads(out.out)


def slipped(src: Path, tmp_path: Path, *edits: tuple[str, str], name: str | None = None) -> Path:
    """A copy of SRC in TMP_PATH with each (old, new) replaced exactly once."""
    text = src.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {src.name}"
        text = text.replace(old, new)
    out = tmp_path / (name or src.name)
    out.write_text(text, encoding="utf-8")
    return out


def line_of(path: Path, needle: str, nth: int = 0) -> int:
    """The 1-based line of the NTH line that contains NEEDLE."""
    hits = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if needle in line]
    assert len(hits) > nth, f"{needle!r} not found in {path}"
    return hits[nth]


def column_of(path: Path, needle: str) -> tuple[int, int]:
    """(line, 1-based column) of the first occurrence of NEEDLE."""
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return i, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not found in {path}")


def failing(findings: list[dict]) -> set[str]:
    """Codes of the errors and warnings (what makes the exit code 1)."""
    return {f["rule"] for f in findings if f["severity"] in ("error", "warning")}


def of(findings: list[dict], code: str) -> list[dict]:
    return [f for f in findings if f["rule"] == code]
