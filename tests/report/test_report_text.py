"""The text formats (full, concise), the summary lines and the registry."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from report_samples import DRAFT, OTHER

from reslint.model import Finding, Span
from reslint.report import FORMATS, Summary, render
from reslint.report.full import snippet

FILES = [DRAFT, OTHER, "drafts/c.md"]

FULL = """\
drafts/A-C.3-80-L.12.md:3:16: RES101 [error] Resolution 78/190 is not recalled
  |
3 |     Recalling its résolution 76/47,
  |                   ^^^^^^^^^^
  = in PP2

drafts/A-C.3-80-L.12.md:7:4: RES205 [warning] Lead « Réaffirme » is not italic
  |
7 | 中文 Réaffirme the importance
  |      ^^^^^^^^^^^^^^^^^^^^^^^^
  = in OP2

drafts/b.md:12:1: RES310 [info] Footnote 3 is never referenced
   |
12 | x
   | ^
   |

Found 3 findings (1 error, 1 warning, 1 info) in 3 files.
1 fixable with --fix.
"""

CONCISE = """\
drafts/A-C.3-80-L.12.md:3:16: RES101 [error] Resolution 78/190 is not recalled
drafts/A-C.3-80-L.12.md:7:4: RES205 [warning] Lead « Réaffirme » is not italic
drafts/b.md:12:1: RES310 [info] Footnote 3 is never referenced
Found 3 findings (1 error, 1 warning, 1 info) in 3 files.
1 fixable with --fix.
"""


def _render(fmt, findings, rules, **kwargs):
    return render(fmt, findings, rules, root=".", tool_version="0.1.0", **kwargs)


def test_full_exact(findings, rules):
    assert _render("full", findings, rules, files=FILES) == FULL


def test_text_is_an_alias_of_full(findings, rules):
    assert _render("text", findings, rules, files=FILES) == FULL


def test_concise_exact(findings, rules):
    assert _render("concise", findings, rules, files=FILES) == CONCISE


def test_concise_keeps_one_line_per_finding(findings, rules):
    findings[0].message = "first line\nsecond line"
    out = _render("concise", findings, rules, summary=Summary(files=2))
    assert "drafts/b.md:12:1: RES310 [info] first line second line\n" in out
    assert len(out.splitlines()) == 4


@pytest.mark.parametrize(
    ("summary", "count", "expected"),
    [
        (Summary(files=1), 0, ["All checks passed (1 file)."]),
        (Summary(files=4, fixed=2), 0, ["All checks passed (4 files).", "Fixed 2 findings."]),
        (
            Summary(files=1, fixed=1, fixable=1),
            1,
            [
                "Found 1 finding (0 errors, 0 warnings, 1 info) in 1 file.",
                "1 fixable with --fix.",
                "Fixed 1 finding.",
            ],
        ),
    ],
)
def test_summary_lines(findings, rules, summary, count, expected):
    out = _render("concise", findings[:count], rules, summary=summary)
    assert out.splitlines()[count:] == expected


def test_summary_derived_without_files(findings, rules):
    """Without `files` or `summary`, the file count comes from the findings' paths."""
    out = _render("concise", findings, rules)
    assert "in 2 files." in out


def _caret_cells(lines: list[str]) -> tuple[int, int]:
    """Start cell and width of the carets, relative to the start of the drawn source."""
    caret = lines[2].split("|", 1)[1][1:]
    return len(caret) - len(caret.lstrip(" ")), caret.count("^")


def _finding(line: str, column: int, end_column: int, end_line: int = 1) -> Finding:
    return Finding(
        "RES1", "x", "error", "m", "a.md", Span(1, column, end_line, end_column), source_line=line
    )


@pytest.mark.parametrize(
    ("line", "column", "end_column", "cells"),
    [
        ("ab\tcd", 4, 6, (4, 2)),  # tab expands to the next stop (4)
        ("a\tb", 2, 3, (1, 3)),  # the tab itself is underlined at its width
        ("中文ab", 3, 4, (4, 1)),  # wide characters take two cells
        ("中文ab", 1, 2, (0, 2)),
        ("e\u0301tat x", 5, 6, (3, 1)),  # a combining accent takes none
        ("abc", 4, 4, (3, 1)),  # a zero-width span at the line end: one caret
        ("abc", 2, 9, (1, 7)),  # a span past the line end: one cell per column
    ],
)
def test_caret_alignment(line, column, end_column, cells):
    assert _caret_cells(snippet(_finding(line, column, end_column))) == cells


def test_multiline_span_underlines_to_line_end():
    lines = snippet(_finding("abcdef", 3, 2, end_line=4))
    assert _caret_cells(lines) == (2, 4)


def test_no_source_line_no_snippet():
    assert snippet(_finding("", 1, 2)) == []


def test_unknown_format(findings, rules):
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        _render("xml", findings, rules)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_nothing(fmt, rules):
    out = _render(fmt, [], rules, files=["a.md"])
    assert out.endswith("\n")


def test_text_run_does_not_import_json_or_xml():
    """The registry imports formats lazily, so a text run stays light."""
    code = (
        "import sys\n"
        "from reslint.report import render\n"
        "render('full', [], {}, root='.', tool_version='0')\n"
        "print(sorted(m for m in ('json', 'xml.etree.ElementTree') if m in sys.modules))\n"
    )
    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "[]"
