"""The `concise` text format: one line per finding, for editors and grep."""

from __future__ import annotations

from reslint.model import Finding
from reslint.report import Context
from reslint.report._common import headline, ordered, summary_lines


def render(findings: list[Finding], ctx: Context) -> str:
    lines = [headline(f, ctx.colour) for f in ordered(findings)]
    lines += summary_lines(findings, ctx.summary, ctx.quiet)
    return "\n".join(lines) + "\n" if lines else ""
