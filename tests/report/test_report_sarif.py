"""The `sarif` format: valid SARIF 2.1.0, with regions exactly as the spans hold them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from report_samples import DRAFT

from reslint.model import Finding, Span
from reslint.report import render

SCHEMA = Path("/work/shared/schemas/sarif-schema-2.1.0.json")


def _sarif(findings, rules, root=".") -> dict:
    return json.loads(render("sarif", findings, rules, root=root, tool_version="0.1.0"))


def test_validates_against_official_schema(findings, rules):
    if not SCHEMA.exists():
        pytest.skip("official SARIF schema not available")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    for log in (_sarif(findings, rules), _sarif([], rules), _sarif(findings, {})):
        errors = [e.message for e in validator.iter_errors(log)]
        assert errors == []


def test_run_shape(findings, rules):
    log = _sarif(findings, rules)
    assert log["version"] == "2.1.0"
    assert log["$schema"]
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file://")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("reslint", "0.1.0")


def test_rules_are_all_known_rules(findings, rules):
    driver = _sarif(findings, rules)["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == ["RES101", "RES205", "RES310", "RES999"]
    res101 = driver["rules"][0]
    assert res101["name"] == "recalled-previous-missing"
    assert res101["shortDescription"]["text"] == "Last year's resolution must be recalled"
    assert res101["fullDescription"]["text"].startswith("A draft that renews")
    assert "Last year's" in res101["help"]["text"]
    assert "renews a mandate" in res101["help"]["text"]
    assert res101["help"]["markdown"]
    # an empty rationale falls back to the summary: GitHub rejects empty texts
    assert driver["rules"][1]["fullDescription"]["text"] == "Operative leads are italic"
    levels = [r["defaultConfiguration"]["level"] for r in driver["rules"]]
    assert levels == ["error", "warning", "note", "error"]


def test_results(findings, rules):
    run = _sarif(findings, rules)["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    by_rule = {f.rule: f for f in findings}
    assert [r["ruleId"] for r in run["results"]] == ["RES101", "RES205", "RES310"]
    for result in run["results"]:
        finding = by_rule[result["ruleId"]]
        assert ids[result["ruleIndex"]] == result["ruleId"]
        assert result["message"]["text"] == finding.message
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": finding.path, "uriBaseId": "%SRCROOT%"}
        span = finding.span
        assert physical["region"] == {
            "startLine": span.line,
            "startColumn": span.column,
            "endLine": span.end_line,
            "endColumn": span.end_column,
        }
    assert [r["level"] for r in run["results"]] == ["error", "warning", "note"]


def test_unknown_rule_gets_a_descriptor(findings):
    run = _sarif(findings, {})["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids == ["RES101", "RES205", "RES310"]
    assert all(r["shortDescription"]["text"] for r in run["tool"]["driver"]["rules"])


def test_paths_relative_to_root(tmp_path, findings, rules):
    (tmp_path / "drafts").mkdir()
    span = Span(1, 1, 1, 2)
    inside = Finding("RES101", "n", "error", "m", str(tmp_path / "drafts" / "a b.md"), span)
    outside = Finding("RES101", "n", "error", "m", "/elsewhere/x.md", span)
    run = _sarif([inside, outside], rules, root=str(tmp_path))["runs"][0]
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    # an absolute path inside the root becomes relative (and percent-encoded)
    assert {"uri": "drafts/a%20b.md", "uriBaseId": "%SRCROOT%"} in locations
    # one outside the root stays absolute, with no base
    assert {"uri": "file:///elsewhere/x.md"} in locations


def test_relative_path_given_from_another_directory(tmp_path, monkeypatch, rules):
    """A path relative to the working directory is re-expressed relative to the root."""
    (tmp_path / "repo" / "drafts").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "repo" / "drafts")
    finding = Finding("RES101", "n", "error", "m", "a.md", Span(1, 1, 1, 2))
    run = _sarif([finding], rules, root="..")["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "drafts/a.md", "uriBaseId": "%SRCROOT%"}


def test_fingerprints_stable_and_distinct(findings, rules):
    twin = Finding(**{**findings[2].__dict__, "span": Span(30, 1, 30, 5)})
    first = _sarif([*findings, twin], rules)["runs"][0]["results"]
    shifted = Finding(**{**findings[2].__dict__, "span": Span(40, 1, 40, 5)})
    again = _sarif([shifted, *findings], rules)["runs"][0]["results"]
    prints = [r["partialFingerprints"]["primaryLocationLineHash"] for r in first]
    assert len(set(prints)) == len(prints)
    assert prints == [r["partialFingerprints"]["primaryLocationLineHash"] for r in again]
    assert DRAFT in {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in first
    }


def test_paragraph_is_a_logical_location(findings, rules):
    """Drafters and votes name paragraphs ("PP2", "OP2"): SARIF carries the name too."""


    log = json.loads(render("sarif", findings, rules, root=".", tool_version="0.1.0"))
    by_rule = {r["ruleId"]: r["locations"][0] for r in log["runs"][0]["results"]}
    assert by_rule["RES101"]["logicalLocations"] == [
        {"name": "PP2", "fullyQualifiedName": "PP2", "kind": "element"}
    ]
    assert "logicalLocations" not in by_rule["RES310"]  # no paragraph: none given
