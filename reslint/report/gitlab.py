"""The `gitlab` format: a GitLab Code Quality report (`artifacts:reports:codequality`).

GitLab reads a JSON array of Code Climate issues, of which it uses `description`,
`check_name`, `fingerprint`, `severity` and `location` (a path relative to the
repository and a begin line).  It shows one issue per fingerprint, so a fingerprint must
be unique within the report, yet stable across runs for GitLab to tell new findings from
old: it hashes the rule, the path and the message (not the line, which moves as the draft
is edited) plus the occurrence of that triple, as ruff and the SARIF format do.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from reslint.model import Finding
from reslint.report import Context
from reslint.report._common import display_path, one_line, ordered

# GitLab's scale is info, minor, major, critical, blocker.  A slip that fails the run is
# "major" (what ruff and markdownlint report), a warning "minor", an info "info".
SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(findings: list[Finding], ctx: Context) -> str:
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for f in ordered(findings):
        path = display_path(f.path, ctx.root)
        seen[(f.rule, path, f.message)] += 1
        key = "\0".join((f.rule, path, f.message, str(seen[(f.rule, path, f.message)])))
        span = f.span
        issues.append({
            "check_name": f.rule,
            "description": f"{f.rule} {f.name}: {one_line(f.message)}",
            "fingerprint": hashlib.sha256(key.encode()).hexdigest()[:32],
            "severity": SEVERITIES.get(f.severity, "minor"),
            "location": {
                "path": path,
                "positions": {
                    "begin": {"line": max(span.line, 1), "column": max(span.column, 1)},
                    "end": {"line": max(span.end_line, 1), "column": max(span.end_column, 1)},
                },
            },
        })
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
