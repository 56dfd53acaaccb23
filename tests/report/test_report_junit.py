"""The `junit` format: a suite per file, unique case names, counts CI systems trust."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from report_samples import DRAFT, OTHER

from reslint.model import Finding, Span
from reslint.report import render


def _junit(findings, rules, files=None) -> ET.Element:
    out = render("junit", findings, rules, root=".", tool_version="0.1.0", files=files)
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(out.encode("utf-8"))


def test_suites_cases_and_counts(findings, rules):
    twin = Finding(**{**findings[2].__dict__, "message": "Resolution 77/1 is not recalled"})
    root = _junit([*findings, twin], rules, files=[DRAFT, OTHER, "drafts/clean.md"])
    assert root.tag == "testsuites"
    # the info finding (RES310 in OTHER) is a passing case: it does not fail the run
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "3", "0")
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert list(suites) == [DRAFT, OTHER, "drafts/clean.md"]
    draft = suites[DRAFT]
    assert (draft.get("tests"), draft.get("failures")) == ("3", "3")
    names = [case.get("name") for case in draft.iter("testcase")]
    assert names == ["RES101@3:16", "RES101@3:16#2", "RES205@7:4"]
    assert {case.get("classname") for case in draft.iter("testcase")} == {DRAFT}
    failure = draft.find("testcase/failure")
    assert failure is not None
    assert failure.get("type") == "RES101"
    assert failure.get("message") == "Resolution 78/190 is not recalled"
    assert failure.text == f"{DRAFT}:3:16: RES101 [error] Resolution 78/190 is not recalled"


def test_clean_file_gets_a_passing_case(rules):
    root = _junit([], rules, files=["drafts/clean.md"])
    (suite,) = root.iter("testsuite")
    (case,) = suite.iter("testcase")
    assert case.get("name") == "reslint"
    assert case.find("failure") is None
    assert (root.get("tests"), root.get("failures")) == ("1", "0")


def test_names_unique_within_each_file(findings, rules):
    many = [Finding(**{**findings[0].__dict__}) for _ in range(3)]
    root = _junit([*findings, *many], rules)
    for suite in root.iter("testsuite"):
        names = [(c.get("classname"), c.get("name")) for c in suite.iter("testcase")]
        assert len(names) == len(set(names))


def test_text_xml_cannot_hold_is_replaced(rules):
    finding = Finding("RES1", "x", "error", "page\x0cbreak & <sup>", "a.md", Span(1, 1, 1, 2))
    root = _junit([finding], rules)
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "page\ufffdbreak & <sup>"


def _failing(root: ET.Element) -> list[str]:
    return [c.get("name") for c in root.iter("testcase") if c.find("failure") is not None]


def test_only_findings_at_or_above_fail_on_are_failures(findings, rules):
    def junit(fail_on: str) -> ET.Element:
        out = render("junit", findings, rules, root=".", tool_version="0.1.0",
                     fail_on=fail_on)
        return ET.fromstring(out.encode("utf-8"))

    assert _failing(junit("warning")) == ["RES101@3:16", "RES205@7:4"]
    assert _failing(junit("error")) == ["RES101@3:16"]
    assert _failing(junit("info")) == ["RES101@3:16", "RES205@7:4", "RES310@12:1"]
    assert _failing(junit("never")) == []
    root = junit("warning")
    info = next(c for c in root.iter("testcase") if c.get("name") == "RES310@12:1")
    assert info.findtext("system-out") == (
        "drafts/b.md:12:1: RES310 [info] Footnote 3 is never referenced")
    assert root.get("failures") == "2"
