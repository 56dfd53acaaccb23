"""The `sarif` format: SARIF 2.1.0 as GitHub code scanning accepts it.

GitHub rejects a whole upload for one bad value (an empty `shortDescription.text`, a
column of 0), and matches alerts across runs by rule id and repository-relative path, so
this module never emits empty texts, always emits relative URIs for files inside the
root, and declares `columnKind` instead of relying on a default (our columns are code
points; CodeQL's are UTF-16 units).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from reslint.model import Finding, RuleInfo
from reslint.report import Context
from reslint.report._common import ordered, relative_to_root

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _level(severity: str) -> str:
    return LEVELS.get(severity, "warning")


def descriptor(rule: RuleInfo) -> dict[str, Any]:
    """A SARIF reportingDescriptor; every text is non-empty, as GitHub requires."""
    summary = rule.summary or rule.name or rule.code
    full = rule.rationale or summary
    help_text = f"{summary}\n\n{rule.rationale}" if rule.rationale else summary
    help_md = f"**{summary}**\n\n{rule.rationale}" if rule.rationale else summary
    data: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name or rule.code,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": _level(rule.severity)},
    }
    if rule.help_uri:
        data["helpUri"] = rule.help_uri
    properties: dict[str, Any] = {"fixable": rule.fixable}
    if rule.pack:
        properties["tags"] = [rule.pack]
    data["properties"] = properties
    return data


def artifact_location(path: str, root: str) -> dict[str, str]:
    """A URI relative to %SRCROOT% for files under the root, else an absolute file URI."""
    rel = relative_to_root(path, root)
    if rel is None:
        return {"uri": Path(path).resolve().as_uri()}
    return {"uri": quote(rel, safe="/"), "uriBaseId": SRCROOT}


def _directory_uri(root: str) -> str:
    """The root as a file URI; SARIF requires a base URI to end with a slash."""
    uri = Path(root).resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _fingerprint(finding: Finding, uri: str, occurrence: int) -> str:
    """A line-independent identity (rule, file, message), so that an alert survives
    edits above it; the occurrence number keeps identical findings in a file apart."""
    key = "\0".join((finding.rule, uri, finding.message))
    return f"{hashlib.sha256(key.encode()).hexdigest()[:32]}:{occurrence}"


def _rules(findings: list[Finding], known: dict[str, RuleInfo]) -> list[RuleInfo]:
    """The rules that ran (the caller passes those only: a reviewer reads the list as what
    was checked), plus a stand-in for any rule that fired without being known, so that
    every result's ruleIndex points at a descriptor."""
    rules = dict(known)
    for f in findings:
        if f.rule not in rules:
            rules[f.rule] = RuleInfo(f.rule, f.name, f.severity, summary=f.name or f.rule)
    return [rules[code] for code in sorted(rules)]


def _logical(finding: Finding) -> dict[str, Any]:
    """The paragraph as drafters and votes name it ("PP13", "OP8(a)"): a logical location,
    so that a reviewer sees it where line numbers mean little (a Word draft's lines are
    its paragraphs)."""
    if not finding.paragraph:
        return {}
    return {"logicalLocations": [{"name": finding.paragraph,
                                  "fullyQualifiedName": finding.paragraph, "kind": "element"}]}


def _page(finding: Finding) -> dict[str, Any]:
    """A PDF's region: lines count the PDF's text lines through the document; the page
    and the line on it go in the region's property bag, as a reader finds the place."""
    if finding.page is None:
        return {}
    return {"properties": {"page": finding.page[0], "pageLine": finding.page[1]}}


def render(findings: list[Finding], ctx: Context) -> str:
    findings = ordered(findings)
    rules = _rules(findings, ctx.rules)
    index = {rule.code: i for i, rule in enumerate(rules)}
    seen: Counter[tuple[str, str, str]] = Counter()
    results = []
    for f in findings:
        location = artifact_location(f.path, ctx.root)
        seen[(f.rule, location["uri"], f.message)] += 1
        occurrence = seen[(f.rule, location["uri"], f.message)]
        span = f.span
        results.append(
            {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": _level(f.severity),
                "message": {"text": f.message or f.name or f.rule},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": location,
                            "region": {
                                "startLine": max(span.line, 1),
                                "startColumn": max(span.column, 1),
                                "endLine": max(span.end_line, 1),
                                "endColumn": max(span.end_column, 1),
                                **_page(f),
                            },
                        },
                        **_logical(f),
                    }
                ],
                "partialFingerprints": {
                    "primaryLocationLineHash": _fingerprint(f, location["uri"], occurrence)
                },
            }
        )
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "reslint",
                        **({"version": ctx.tool_version} if ctx.tool_version else {}),
                        "rules": [descriptor(rule) for rule in rules],
                    }
                },
                "originalUriBaseIds": {SRCROOT: {"uri": _directory_uri(ctx.root)}},
                "columnKind": "unicodeCodePoints",
                "results": results,
                # which previous resolution each draft was compared with, and how it was found
                **({"properties": {"pairings": [
                    {"file": draft, "previous": previous, "how": how}
                    for draft, previous, how in ctx.pairings]}} if ctx.pairings else {}),
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
