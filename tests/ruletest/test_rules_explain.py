"""`reslint rules` and `reslint explain`: what a rule author reads."""

from __future__ import annotations

import json
from pathlib import Path

from reslint.cli import main

REPO = Path(__file__).resolve().parents[2]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_rules_json_lists_every_rule_with_its_keys(capsys):
    code, out, _ = run(capsys, "rules", "--format", "json")
    rows = json.loads(out)
    assert code == 0
    by_code = {r["code"]: r for r in rows}
    assert {"RES001", "RES201", "RES404", "RES701"} <= set(by_code)
    assert len(by_code) == len(rows)
    for row in rows:
        assert {"code", "name", "severity", "pack", "fixable", "summary"} <= set(row)
        assert row["summary"]
    assert by_code["RES201"] | {} == {**by_code["RES201"], "name": "count-sum", "pack": "ccm",
                                      "severity": "error", "check": "expect"}
    assert by_code["RES001"]["fixable"] is False
    assert by_code["RES102"]["fixable"] is True


def test_rules_table(capsys):
    code, out, _ = run(capsys, "rules")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["CODE", "NAME", "SEVERITY", "PACK", "FIXABLE", "SUMMARY"]
    row = next(line for line in lines if line.startswith("RES001 "))
    assert row.split()[:5] == ["RES001", "previous-missing", "warning", "general", "no"]
    assert row.endswith("No previous resolution was found, so the cross-document rules were "
                        "skipped")


def test_rules_with_an_extra_pack(capsys, tmp_path):
    pack = tmp_path / "mini.yaml"
    pack.write_text("pack: mini\nrules:\n  - code: MIN001\n    name: mini-one\n"
                    "    severity: info\n    summary: One\n    check: expect\n"
                    "    expect: 'true'\n    message: one\n", encoding="utf-8")
    code, out, _ = run(capsys, "rules", "--rules", str(pack), "--format", "json")
    assert code == 0
    assert json.loads(out)[-1]["code"] == "MIN001"


def test_explain_shows_the_rule_as_written(capsys):
    code, out, _ = run(capsys, "explain", "previous-missing")
    assert code == 0
    lines = (REPO / "rules" / "general.yaml").read_text(encoding="utf-8").splitlines()
    start = lines.index("  - code: RES001")
    end = lines.index("  - code: RES002")
    written = "\n".join(lines[start:end]).rstrip() + "\n"
    assert out.startswith("RES001 previous-missing (general pack, warning, not fixable)\n\n"
                          "No previous resolution was found, so the cross-document rules were "
                          "skipped\n")
    assert out.endswith(f"Defined in rules/general.yaml:{start + 1}:\n\n{written}")


def test_explain_takes_examples_from_the_pack_tests(capsys):
    # ATT401 declares no `examples:`; explain shows the pack tests that exercise it.
    code, out, _ = run(capsys, "explain", "ATT401")
    assert code == 0
    fails = out.split("Fails:\n")[1].split("\n\n")[0]
    passes = out.split("Passes:\n")[1].split("\n\n")[0]
    assert fails.splitlines()[0].strip() == "rules/tests/att/last-years-conference/draft.md:22"
    assert "<!-- expect: ATT401, ATT404 -->" in fails
    assert "<!-- ok: ATT401" in passes


def test_explain_prefers_the_rule_examples(capsys):
    code, out, _ = run(capsys, "explain", "RES101")
    assert code == 0
    assert "Fails:\n    Recalling its resolutions … 75/62 of 7 December 2020" in out


def test_explain_unknown_rule(capsys):
    code, out, err = run(capsys, "explain", "RES2O1")
    assert (code, out) == (2, "")
    assert err == ("reslint: unknown rule 'RES2O1' (did you mean 'RES201'?) "
                   "(list them with 'reslint rules')\n")
