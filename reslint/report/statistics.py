"""`reslint check --statistics`: how many findings of each rule, most frequent first.

As ruff's: one line per rule, `count  code  [*] name` where `[*]` marks a rule whose
findings all have a safe fix, and `--format json` gives the same as a list of objects.
Timing per rule may join these rows later; the columns are named in the JSON for that.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from reslint.model import Finding


def statistics(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    """One row per rule that fired: code, name, count and whether --fix fixes them all."""
    rows: dict[str, dict[str, Any]] = {}
    for f in findings:
        row = rows.setdefault(f.rule, {"code": f.rule, "name": f.name, "count": 0,
                                       "fixable": True})
        row["count"] += 1
        row["fixable"] = row["fixable"] and f.fix is not None and f.fix.safe
    return sorted(rows.values(), key=lambda r: (-r["count"], r["code"]))


def render_statistics(findings: Sequence[Finding], json_format: bool = False) -> str:
    rows = statistics(findings)
    if json_format:
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if not rows:
        return ""
    count_width = max(len(str(r["count"])) for r in rows)
    code_width = max(len(r["code"]) for r in rows)
    lines = [f"{r['count']:>{count_width}}  {r['code']:<{code_width}}  "
             f"{'[*] ' if r['fixable'] else '    '}{r['name']}".rstrip() for r in rows]
    return "\n".join(lines) + "\n"
