"""`reslint rules`: the rules of the loaded packs, as a table or as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from reslint.lint import load_packs
from reslint.paths import display_path

COLUMNS = ("code", "name", "severity", "pack", "fixable", "summary")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--rules", action="append", default=[],
                   help="also load this rule file or folder (repeatable)")


def rule_rows(extra: list[str]) -> list[dict[str, Any]]:
    """One dict per rule of the built-in packs and `extra`: the COLUMNS, then the rationale,
    the check primitive and where the rule is defined."""
    rows = []
    for pack in load_packs(extra):
        for r in pack.rules:
            rows.append({
                "code": r.code, "name": r.name, "severity": r.severity, "pack": r.pack,
                "fixable": r.fix is not None, "summary": r.summary,
                "rationale": r.rationale, "check": r.check,
                "file": display_path(r.source), "line": r.line,
            })
    return rows


def run(args: argparse.Namespace) -> int:
    rows = rule_rows(args.rules)
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return 0
    sys.stdout.write(table(rows))
    return 0


def table(rows: list[dict[str, Any]]) -> str:
    """Aligned columns; the summary, last, is never cut."""
    cells = [[_cell(row[c]) for c in COLUMNS] for row in rows]
    header = [c.upper() for c in COLUMNS]
    widths = [max(len(r[i]) for r in [header, *cells]) for i in range(len(COLUMNS) - 1)]
    lines = []
    for r in [header, *cells]:
        lead = "  ".join(v.ljust(w) for v, w in zip(r, widths, strict=False))
        lines.append(f"{lead}  {r[-1]}".rstrip())
    return "\n".join(lines) + "\n"


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)

