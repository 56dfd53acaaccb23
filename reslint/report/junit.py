"""The `junit` format: JUnit XML in the subset GitLab, Jenkins and others read.

One <testsuite> per file and one <testcase> per finding.  A case fails only when its
finding is at or above the failing severity (`--fail-on`, default warning), as the exit
code does: an info finding is a passing case whose text is in <system-out>, so a CI
dashboard never shows a red test for a run that passed.  GitLab keeps only the
first of several test cases with the same classname and name, so names carry the
position (`RES101@14:5`) and a `#2` suffix when even that repeats.  A file without
findings gets one passing case, so the dashboard shows that it was checked.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from reslint.model import Finding, severity_rank
from reslint.report import Context
from reslint.report._common import checked_paths, headline, ordered

PASSING_NAME = "reslint"

# Characters XML 1.0 cannot hold at all, not even escaped; PDF text brings some along.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def case_names(findings: list[Finding]) -> list[str]:
    """`CODE@line:col` for each finding, made unique within the file with `#n`."""
    seen: dict[str, int] = defaultdict(int)
    names = []
    for f in findings:
        base = f"{f.rule}@{f.span.line}:{f.span.column}"
        seen[base] += 1
        names.append(base if seen[base] == 1 else f"{base}#{seen[base]}")
    return names


def failing(finding: Finding, fail_on: str) -> bool:
    return fail_on != "never" and severity_rank(finding.severity) >= severity_rank(fail_on)


def _suite(path: str, findings: list[Finding], fail_on: str) -> ET.Element:
    suite = ET.Element("testsuite", name=_clean(path))
    suite.set("tests", str(max(len(findings), 1)))
    suite.set("failures", str(sum(failing(f, fail_on) for f in findings)))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    if not findings:
        ET.SubElement(suite, "testcase", classname=_clean(path), name=PASSING_NAME)
        return suite
    for finding, name in zip(findings, case_names(findings), strict=True):
        case = ET.SubElement(
            suite,
            "testcase",
            classname=_clean(path),
            name=name,
            file=_clean(path),
            line=str(finding.span.line),
        )
        if failing(finding, fail_on):
            failure = ET.SubElement(case, "failure", message=_clean(finding.message),
                                    type=finding.rule)
            failure.text = _clean(headline(finding))
        else:
            ET.SubElement(case, "system-out").text = _clean(headline(finding))
    return suite


def render(findings: list[Finding], ctx: Context) -> str:
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in ordered(findings):
        by_path[f.path].append(f)
    root = ET.Element("testsuites", name="reslint")
    suites = [_suite(path, by_path[path], ctx.fail_on)
              for path in checked_paths(findings, ctx.files)]
    root.set("tests", str(sum(int(s.get("tests", "0")) for s in suites)))
    root.set("failures", str(sum(int(s.get("failures", "0")) for s in suites)))
    root.set("errors", "0")
    root.extend(suites)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
