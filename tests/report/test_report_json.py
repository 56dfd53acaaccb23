"""The `json` format: an ordered array of Finding.to_json() objects."""

from __future__ import annotations

import json

from reslint.report import render


def test_json_round_trip(findings, rules):
    out = render("json", findings, rules, root=".", tool_version="0.1.0")
    assert out.endswith("]\n")
    assert out.startswith("[\n  {\n")  # indent=2
    data = json.loads(out)
    expected = sorted(findings, key=lambda f: f.sort_key())
    assert data == [f.to_json() for f in expected]
    assert [d["rule"] for d in data] == ["RES101", "RES205", "RES310"]
    assert data[1]["message"] == "Lead « Réaffirme » is not italic"
    assert "« Réaffirme »" in out  # kept readable, not \u-escaped


def test_json_empty(rules):
    assert render("json", [], rules, root=".", tool_version="0.1.0") == "[]\n"
