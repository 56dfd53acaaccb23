"""A Secretariat's note ("Organization of work" / "Note by the Secretariat", a committee's
L.1) is no resolution: it is read as kind "note", with its heading, and no resolution rule
runs on it (real texts of ../shared/ga, skipped when absent)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import run_parse

from tests import paths

GA = paths.GA_TEXTS


@paths.needs_ga
@pytest.mark.parametrize(("name", "symbol", "title", "line"), [
    ("A_C.2_80_L.1.md", "A/C.2/80/L.1", "Organization of work of the Second Committee", 21),
    ("A_C.3_80_L.1.md", "A/C.3/80/L.1", "Organization of the work of the Third Committee", 21),
    ("A_C.6_80_L.1.md", "A/C.6/80/L.1", "Organization of work", 20),
])
def test_a_note_by_the_secretariat_is_a_note(name, symbol, title, line):
    from reslint.parse import parse_file

    doc = parse_file(str(GA / name))
    assert (doc.kind, doc.form, doc.heading.symbol, doc.heading.session) == (
        "note", "note", symbol, 80)
    assert (doc.heading.title, doc.heading.title_span.line) == (title, line)
    assert doc.paragraphs() == [] and doc.footnotes == []


@paths.needs_ga
def test_checking_a_note_finds_nothing():
    """A/C.6/80/L.1 was read as a draft resolution: RES601 (no formula), RES304 (the
    eightieth session's agenda "not after" the eightieth), RES502 twice, RES503."""
    env = {**os.environ, "PYTHONPATH": str(paths.REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "reslint", "check", "--format", "concise",
         str(GA / "A_C.6_80_L.1.md")],
        cwd=paths.REPO, env=env, capture_output=True, text=True, timeout=60,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "All checks passed (1 file).")
    shown = run_parse(str(GA / "A_C.6_80_L.1.md"), "--format", "text")
    assert shown.returncode == 0
    assert shown.stdout.splitlines()[0].endswith(": note A/C.6/80/L.1")


def test_a_resolution_that_takes_note_of_a_note_is_a_resolution(tmp_path):
    from reslint.parse import parse_file

    draft = tmp_path / "d.md"
    draft.write_text(
        "A/C.2/99/L.5\n\nSecond Committee\n\nOrganization of work\n\nThe General Assembly,\n\n"
        "Taking note of the note by the Secretariat,\n\n"
        "1. Decides to consider the question at its next session.\n", encoding="utf-8")
    doc = parse_file(str(draft))
    assert doc.kind == "draft" and len(doc.operative) == 1
