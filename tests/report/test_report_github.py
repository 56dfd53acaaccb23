"""The `github` format: workflow commands escaped as @actions/core escapes them."""

from __future__ import annotations

import re

from report_samples import DRAFT

from reslint.model import Finding, Span
from reslint.report import render
from reslint.report.github import escape_data, escape_property, guard_commands

COMMAND = re.compile(r"^::(?P<kind>\w+) (?P<props>[^:]*)::(?P<data>.*)$")


def _unescape_data(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def _unescape_property(text: str) -> str:
    return _unescape_data(text.replace("%3A", ":").replace("%2C", ","))


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """Read a workflow command back as the runner does: split properties on `,`, keys
    from values on the first `=`, then undo the escaping."""
    match = COMMAND.match(line)
    assert match, line
    props = {}
    for item in match["props"].split(","):
        key, _, value = item.partition("=")
        props[key] = _unescape_property(value)
    return match["kind"], props, _unescape_data(match["data"])


def _render(findings, rules):
    return render("github", findings, rules, root=".", tool_version="0.1.0")


def test_round_trip_of_hostile_values(rules):
    path = "drafts/50%, part: two.md"
    message = "Expected 78/190, found: 100%\nsee PP3\r\nend"
    finding = Finding(
        "RES101", "recalled-previous-missing", "error", message, path, Span(3, 5, 3, 9)
    )
    line = _render([finding], rules).splitlines()[0]
    assert "\n" not in line
    kind, props, data = parse(line)
    assert kind == "error"
    assert data == message
    assert props == {
        "file": path,
        "line": "3",
        "col": "5",
        "endLine": "3",
        "endColumn": "9",
        "title": "RES101 recalled-previous-missing",
    }


def test_escaping_matches_actions_core():
    assert escape_data("a%0A\r\n:,") == "a%250A%0D%0A:,"
    assert escape_property("a%0A\r\n:,") == "a%250A%0D%0A%3A%2C"


def test_levels_and_multiline_spans(findings, rules):
    lines = _render(findings, rules).splitlines()
    parsed = [parse(line) for line in lines[:3]]
    assert [kind for kind, _, _ in parsed] == ["error", "warning", "notice"]
    # the multi-line span: col and endColumn cannot be sent when line != endLine
    _, props, _ = parsed[1]
    assert props == {
        "file": DRAFT,
        "line": "7",
        "endLine": "9",
        "title": "RES205 operative-lead-italic",
    }


def test_full_report_follows(findings, rules):
    out = _render(findings, rules)
    full = render("full", findings, rules, root=".", tool_version="0.1.0")
    assert out.endswith(full)
    assert len(out.splitlines()) == 3 + len(full.splitlines())


def test_no_findings(rules):
    out = render("github", [], rules, root=".", tool_version="0", files=["a.md"])
    assert out == "All checks passed (1 file).\n"


def test_report_lines_cannot_become_commands(rules):
    finding = Finding("RES1", "x", "error", "quoted\n  ::error::boom", "a.md", Span(1, 1, 1, 2))
    out = guard_commands("a.md:1:1: text\n  ::error::boom\n")
    assert out.startswith("::stop-commands::")
    token = out.splitlines()[0].split("::")[2]
    assert out.endswith(f"::{token}::\n")
    assert guard_commands("plain\n") == "plain\n"
    # through render, every line starting with :: is an annotation or the guard
    for line in _render([finding], rules).splitlines():
        if line.lstrip().startswith("::"):
            assert line.startswith(("::error ", "::stop-commands::")) or line.endswith("::")
