"""Inline suppressions (`<!-- reslint-disable-next-line RES201 -->` …).

(Being built.)"""

from __future__ import annotations

from reslint.model import Document, Finding


def apply_suppressions(
    doc: Document, findings: list[Finding], known: dict[str, str]
) -> list[Finding]:
    """Drop suppressed findings; add findings about unknown and unused suppressions."""
    return findings
