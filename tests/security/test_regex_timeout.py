"""Issue 13 item 4: a rule file's catastrophic regex cannot hang a run.  It is stopped by
regex's timeout within its budget, reported once with its rule file's line, skipped for the
rest of the run (other drafts included), and the other rules still report; exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

from reslint.cli import main
from reslint.engine import ruleset

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_78_32 = FIXTURES / "A_RES_78_32.txt"

PACK = """\
pack: hostile
rules:
  - code: HOST001
    name: backtracking
    severity: warning
    summary: a pattern that backtracks exponentially
    check: pattern
    in: document
    pattern: "(a|aa)+$"
    message: "found"
"""


def test_a_hanging_pattern_is_stopped_and_reported_once(capsys, tmp_path, monkeypatch,
                                                        fresh_budget):
    monkeypatch.setattr(ruleset, "REGEX_BUDGET", 0.3)
    rules = tmp_path / "hostile.yaml"
    rules.write_text(PACK, encoding="utf-8")
    text = SEED_78_32.read_text(encoding="utf-8")
    drafts = []
    for name in ("one.txt", "two.txt"):
        draft = tmp_path / name
        draft.write_text(text.replace("Recalling its resolutions", "Recalling "
                                      + "a" * 5000 + "! its resolutions", 1), encoding="utf-8")
        drafts.append(str(draft))
    capsys.readouterr()
    code = main(["check", *drafts, "--rules", str(rules), "--format", "json"])
    out = capsys.readouterr()
    assert code == 2
    lines = out.err.strip().splitlines()
    assert len(lines) == 1  # once, although two drafts were checked
    assert lines[0].startswith(f"reslint: {rules}:9: rule HOST001: regular expression")
    found = json.loads(out.out)
    assert {f["rule"] for f in found} >= {"RES001"}  # the other rules ran on
    assert {f["filename"] if "filename" in f else f.get("path") for f in found} >= set(drafts)


def test_a_timeout_in_one_run_does_not_fail_the_next(capsys):
    """The budget belongs to a run: a later check in the same process (a test suite, an
    editor) neither inherits an earlier run's timeout (exit code 2) nor skips its pattern."""
    budget = ruleset.BUDGET
    earlier = ruleset.RegexTimeout("hostile.yaml:9", "(a|aa)+$")
    budget.report(earlier)
    budget.timed_out["hostile.yaml:9"] = earlier
    previous = FIXTURES / "A_RES_76_47.txt"
    assert main(["check", str(SEED_78_32), "--previous", str(previous), "--format",
                 "json"]) == 0
    assert capsys.readouterr().err == ""
    assert budget.reported == [] and budget.timed_out == {}
