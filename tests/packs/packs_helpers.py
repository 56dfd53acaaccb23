"""Helpers for the series-pack tests: run `reslint check` in process on real corpus texts
(and on copies with one deliberate slip) and keep the findings of one pack."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reslint.cli import main

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")


def consecutive(r78: str, r79: str, r80: str, d80: str) -> list[tuple[str, str]]:
    """The real pairs of a series: 79 against 78, 80 against 79, the 80 draft against 79."""
    return [(r79, r78), (r80, r79), (d80, r79)]


def pack_findings(capsys, draft: Path, previous: Path, prefix: str) -> list[tuple[str, int]]:
    """(code, line) of the findings whose code starts with PREFIX, in order."""
    capsys.readouterr()
    code = main(["check", str(draft), "--previous", str(previous), "--format", "json"])
    out = capsys.readouterr()
    assert code in (0, 1), out.err
    return [(f["rule"], f["line"]) for f in json.loads(out.out) if f["rule"].startswith(prefix)]


def slipped(name: str, tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """A copy of corpus file NAME with OLD (one line, found once) replaced by NEW, and the
    1-based line of the replacement."""
    text = (CORPUS / name).read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
    line = text[: text.index(old)].count("\n") + 1
    out = tmp_path / name
    out.write_text(text.replace(old, new), encoding="utf-8")
    return out, line
