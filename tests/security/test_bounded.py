"""Issue 13 item 6: time and output linear in the input.  No timed tests: memory is measured
with tracemalloc (deterministic), output by its size, and each linear rewrite is checked
against the straightforward version it replaces."""

from __future__ import annotations

import re
import tracemalloc
from pathlib import Path

import pytest

from reslint.cli import main
from reslint.engine import runner
from reslint.parse import parse_file
from reslint.report import full
from reslint.text.inline import COMMENTS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_76_47 = FIXTURES / "A_RES_76_47.txt"
SEED_78_32 = FIXTURES / "A_RES_78_32.txt"
TEXT = SEED_78_32.read_text(encoding="utf-8")


def run_peak(capsys, *argv: str) -> tuple[int, str, int]:
    capsys.readouterr()
    tracemalloc.start()
    try:
        code = main(list(argv))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return code, capsys.readouterr().out, peak


def test_thousands_of_markers_on_one_line(capsys, tmp_path):
    """10,000 footnote markers on one line: 424 MB and minutes before (each finding copied
    and underlined the 120 KB line)."""
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT.replace("Convention,", "Convention," + "<sup>1</sup>" * 10_000, 1),
                     encoding="utf-8")
    code, out, peak = run_peak(capsys, "check", str(draft))
    assert code == 1
    assert peak < 120 * 1024 * 1024
    assert len(out) < 100_000  # capped findings, capped excerpts
    assert "more RES504 findings on this line, not shown" in out


def test_findings_per_rule_and_line_are_capped(capsys, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT.replace("Convention,", "Convention," + "<sup>1</sup>" * 50, 1),
                     encoding="utf-8")
    capsys.readouterr()
    main(["check", str(draft), "--format", "concise"])
    lines = [line for line in capsys.readouterr().out.splitlines()
             if ":13:" in line and " RES504 " in line]
    assert len(lines) == runner.MAX_PER_RULE_AND_LINE
    # 50 markers: the first is the footnote, 49 are repeats
    assert lines[-1].endswith(f"(and {49 - runner.MAX_PER_RULE_AND_LINE} more RES504 findings "
                              "on this line, not shown)")


def test_excerpt_of_a_long_line_is_capped():
    line = "x" * 5000 + "SLIP" + "y" * 5000
    shown, first, last = full.excerpt(line, 5000, 5004)
    assert len(shown) <= full.MAX_EXCERPT + 2
    assert shown[first:last] == "SLIP"
    assert shown.startswith("…") and shown.endswith("…")
    assert full.excerpt("short line", 0, 5) == ("short line", 0, 5)


@pytest.mark.parametrize("text", [
    "a <!-- b --> c", "<!--<!-- x -->", "<!-- a\n -->", "<!---->", "<!-->", "<!--->",
    "<!-- a --> <!-- b -->", "<!--" * 1000 + "-->", "<!--" * 1000, "x -->",
])
def test_comments_found_as_the_lazy_regex_finds_them(text):
    expected = [(m.start(), m.end()) for m in re.finditer(r"<!--.*?-->", text)]
    assert [(m.start(), m.end()) for m in COMMENTS.finditer(text)] == expected


def test_unclosed_comments_on_one_line_are_linear(capsys, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT.replace("Convention,", "Convention," + "<!--" * 30_000, 1),
                     encoding="utf-8")
    code, _out, peak = run_peak(capsys, "check", str(draft), "--format", "concise")
    assert code in (0, 1) and peak < 100 * 1024 * 1024


@pytest.mark.parametrize("seed", [SEED_76_47, SEED_78_32])
def test_paragraph_index_agrees_with_a_scan(seed):
    doc = parse_file(str(seed))

    def scan(offset: int) -> str | None:
        for p in doc.paragraphs():
            if p.span.start <= offset < max(p.span.end, p.span.start + 1):
                for s in p.subparagraphs:
                    if s.span.start <= offset < s.span.end:
                        return s.label
                return p.label
        return None

    for offset in range(0, len(doc.source.text), 7):
        span = doc.source.span(offset, offset + 1)
        assert runner._paragraph_of(doc, span) == scan(offset)
