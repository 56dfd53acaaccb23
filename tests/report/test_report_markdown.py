"""The `markdown` format: a step summary whose tables survive any message."""

from __future__ import annotations

from report_samples import DRAFT, OTHER

from reslint.model import Finding, Span
from reslint.report import Summary, render
from reslint.report.markdown import escape


def _md(findings, rules, **kwargs) -> str:
    return render("markdown", findings, rules, root=".", tool_version="0.1.0", **kwargs)


def test_grouped_by_file(findings, rules):
    out = _md(findings, rules, files=[DRAFT, OTHER, "drafts/c.md"])
    lines = out.splitlines()
    assert lines[0].startswith("## ")
    assert (
        lines[2]
        == "Found 3 findings (1 error, 1 warning, 1 info) in 3 files. 1 fixable with --fix."
    )
    headings = [line for line in lines if line.startswith("### ")]
    assert headings == ["### drafts/A-C.3-80-L.12.md", "### drafts/b.md"]
    assert (
        "| 3 | PP2 | **error** | RES101 | recalled-previous-missing |"
        " Resolution 78/190 is not recalled |"
        in lines
    )


def test_cells_are_escaped(rules):
    message = "Use | not ¦\nin <sup>1</sup> and *stars* & under_scores"
    finding = Finding("RES1", "pipe-name", "warning", message, "a|b.md", Span(4, 1, 4, 2))
    out = _md([finding], rules)
    row = next(line for line in out.splitlines() if line.startswith("| 4 |"))
    # six cells: the escaped pipes do not split the row
    assert row.replace("\\|", "").count("|") == 7
    assert (
        "Use \\| not ¦<br>in &lt;sup&gt;1&lt;/sup&gt; and \\*stars\\* &amp; under\\_scores" in row
    )
    assert "### a\\|b.md" in out


def test_escape():
    assert escape("a|b") == "a\\|b"
    assert escape("a\r\nb\nc") == "a<br>b<br>c"
    assert escape("back\\slash") == "back\\\\slash"


def test_no_findings(rules):
    out = _md([], rules, summary=Summary(files=3, fixed=2))
    assert out == "## reslint report\n\nNo findings in 3 files. Fixed 2 findings.\n"
