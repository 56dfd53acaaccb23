"""The `github` format: GitHub Actions workflow-command annotations, then the text report.

Escaping follows @actions/core (`lib/command.js`) exactly; tools that skipped it broke on
paths or messages holding `,`, `:` or a newline.  GitHub shows only ten annotations of
each kind per step and drops the rest silently, so the full text report follows.
"""

from __future__ import annotations

import hashlib

from reslint.model import Finding
from reslint.report import Context, full
from reslint.report._common import display_path, ordered

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message (the part after `::`); `%` must go first."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value, where `:` and `,` would end the value early."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, root: str) -> str:
    """One `::error file=…,line=…::message` command for a finding."""
    span = finding.span
    props = [("file", display_path(finding.path, root)), ("line", str(span.line))]
    # @actions/core: col and endColumn cannot be sent when line and endLine differ.
    if span.end_line == span.line:
        props += [
            ("col", str(span.column)),
            ("endLine", str(span.end_line)),
            ("endColumn", str(span.end_column)),
        ]
    else:
        props.append(("endLine", str(span.end_line)))
    props.append(("title", f"{finding.rule} {finding.name}".strip()))
    command = COMMANDS.get(finding.severity, "warning")
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{command} {joined}::{escape_data(finding.message)}"


def guard_commands(text: str) -> str:
    """Stop the runner from reading report lines as workflow commands.

    The runner treats any line that starts with `::` (after spaces) as a command, and a
    message may quote such text.  The token is derived from the text so output stays
    deterministic; it cannot occur in the text it is a hash of."""
    if not any(line.lstrip().startswith("::") for line in text.splitlines()):
        return text
    token = hashlib.sha256(text.encode()).hexdigest()[:24]
    return f"::stop-commands::{token}\n{text}::{token}::\n"


def render(findings: list[Finding], ctx: Context) -> str:
    lines = [annotation(f, ctx.root) for f in ordered(findings)]
    report = guard_commands(full.render(findings, ctx))
    return "\n".join(lines) + ("\n" if lines else "") + report
