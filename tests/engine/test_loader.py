"""Rule files that are wrong in every usual way give one located line and exit 2.

Each bad file goes through the CLI (`reslint check DRAFT --previous PREV --rules FILE`)
in-process; stderr must be exactly one line `reslint: path:line:col: message`.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reslint.cli import main
from reslint.engine.rules import load_pack, scalar_position

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DRAFT = str(FIXTURES / "A_RES_78_32.txt")
PREVIOUS = str(FIXTURES / "A_RES_76_47.txt")

HEAD = "pack: custom\nrules:\n"
RULE = """\
  - code: XYZ001
    name: demo
    severity: error
    summary: s
    check: expect
    expect: "draft.session != null"
    message: "m"
"""
RULE2 = RULE.replace("XYZ001", "XYZ002").replace("name: demo", "name: demo-two")


def run_cli(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str],
            *extra: str) -> tuple[int, str, str]:
    path = tmp_path / "custom.yaml"
    path.write_text(text, encoding="utf-8")
    rc = main(["check", DRAFT, "--previous", PREVIOUS, "--rules", str(path),
               "--format", "concise", *extra])
    out, err = capsys.readouterr()
    return rc, out, err


def assert_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str,
                 line: int, column: int, part: str) -> str:
    rc, _, err = run_cli(tmp_path, text, capsys)
    assert rc == 2, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    prefix = f"reslint: {tmp_path / 'custom.yaml'}:{line}:{column}: "
    assert lines[0].startswith(prefix), lines[0]
    assert part in lines[0], lines[0]
    return lines[0]


BAD = {
    "yaml-syntax": ("pack: custom\nrules: [\n  - a\n", 3, 3, "YAML syntax"),
    "empty": ("", 1, 1, "empty file"),
    "comments-only": ("# nothing here\n\n", 1, 1, "empty file"),
    "top-level-list": ("- a\n- b\n", 1, 1, "must be a mapping"),
    "rules-is-mapping": ("pack: custom\nrules:\n  code: X\n", 3, 3,
                         "rules: expected a list, got a mapping"),
    "rule-is-list": ("pack: custom\nrules:\n  - [a, b]\n", 3, 5,
                     "rules/0: expected a mapping, got a list"),
    "unknown-key": (HEAD + RULE + "    sevrity: error\n", 10, 5,
                    "unknown key 'sevrity' (did you mean 'severity'?)"),
    "unknown-top-key": ("pakc: custom\n" + HEAD[len("pack: custom\n"):] + RULE, 1, 1,
                        "unknown key 'pakc' (did you mean 'pack'?)"),
    "wrong-type": (HEAD + RULE.replace("summary: s", "summary: [a]"), 6, 14,
                   "rules/0/summary: expected a string, got a list"),
    "wrong-type-bool": ("pack: custom\napplies_to:\n  always: 3\nrules:\n" + RULE, 3, 11,
                        "expected a boolean, got an integer"),
    "unknown-check": (HEAD + RULE.replace("check: expect", "check: sume"), 7, 12,
                      "unknown check 'sume'"),
    "unknown-check-close": (HEAD + RULE.replace("check: expect", "check: expct"), 7, 12,
                            "unknown check 'expct' (did you mean 'expect'?)"),
    "bad-regex-extractor": (
        "pack: custom\nextractors:\n  tally:\n    pattern: 'a total of (?P<total\\d+)'\n"
        "rules:\n" + RULE, 4, 38, "bad regular expression"),
    "bad-regex-pattern-rule": (
        HEAD + RULE.replace("check: expect", "check: pattern")
        .replace('expect: "draft.session != null"', "pattern: 'foo(bar'"),
        8, 22, "bad regular expression: missing )"),
    "regex-group-missing": (
        "pack: custom\nextractors:\n  tally:\n    pattern: 'a total of (?P<total>\\d+) States'\n"
        "rules:\n" + RULE.replace("draft.session != null", "draft.session > 0 and "
                                  "draft.tally.totl == 0"),
        11, 36, "unknown fact 'draft.tally.totl': extractor 'tally' has no group 'totl'"
        " (did you mean 'total'?)"),
    "extractor-types-group-missing": (
        "pack: custom\nextractors:\n  tally:\n    pattern: 'a total of (?P<total>\\d+)'\n"
        "    types:\n      totl: number\nrules:\n" + RULE, 6, 7,
        "extractor 'tally' has no group named 'totl' (did you mean 'total'?)"),
    "unknown-fact-in-message": (
        HEAD + RULE.replace('message: "m"', 'message: "n = {draft.totl}"'), 9, 20,
        "unknown fact 'draft.totl'"),
    "unknown-root-in-expect": (
        HEAD + RULE.replace("draft.session != null", "1 + drafft.session"), 8, 18,
        "unknown fact 'drafft' (did you mean 'draft'?)"),
    "unknown-function": (
        HEAD + RULE.replace("draft.session != null", "len(draft.operative) + lenn([])"),
        8, 37, "unknown function 'lenn'"),
    "duplicate-code": (HEAD + RULE + RULE.replace("name: demo", "name: demo-two"), 10, 11,
                       "duplicate rule code 'XYZ001' (also at line 3)"),
    "duplicate-name": (HEAD + RULE + RULE.replace("XYZ001", "XYZ002"), 11, 11,
                       "duplicate rule name 'demo' (also at line 4)"),
    "unknown-severity": (HEAD + RULE.replace("severity: error", "severity: fatal"), 5, 15,
                         "'fatal' is not one of error, warning, info"),
    "severity-typo": (HEAD + RULE.replace("severity: error", "severity: eror"), 5, 15,
                      "(did you mean 'error'?)"),
    "missing-message": (HEAD + RULE.replace('    message: "m"\n', ""), 3, 5,
                        "missing required key 'message'"),
    "missing-expect": (HEAD + RULE.replace('    expect: "draft.session != null"\n', ""), 3, 5,
                       "check 'expect' needs the key 'expect'"),
    "foreign-key": (HEAD + RULE + "    pattern: 'x'\n", 10, 5,
                    "key 'pattern' does not belong to check 'expect'"),
    "bad-code": (HEAD + RULE.replace("XYZ001", "xyz1"), 3, 11, "does not match"),
    "shared-let-redefined": (
        "pack: custom\nlet:\n  cross: 'true'\nrules:\n" + RULE, 3, 3,
        "let 'cross' is already defined"),
    "extractor-hides-fact": (
        "pack: custom\nextractors:\n  session:\n    pattern: 'x'\nrules:\n" + RULE, 3, 3,
        "would hide the built-in fact 'draft.session'"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_rule_file(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text, line, column, part = BAD[name]
    assert_error(tmp_path, capsys, text, line, column, part)


# --- columns inside expressions -------------------------------------------------------

EXPR_STYLES = {
    # style: (the expect line(s), line, column of the second '=' of '!==')
    "plain": ("    expect: draft.session !== null\n", 8, 29),
    "double-quoted": ('    expect: "draft.session !== null"\n', 8, 30),
    "single-quoted": ("    expect: 'draft.session !== null'\n", 8, 30),
    "single-quoted-escape": ("    expect: 'draft.title != ''x'' or 1 !== 2'\n", 8, 42),
    "double-quoted-escape": ('    expect: "draft.title != \\"x\\" or 1 !== 2"\n', 8, 42),
    "folded-block": ("    expect: >-\n      draft.session\n      !== null\n", 10, 9),
    "literal-block": ("    expect: |\n      draft.session !== null\n", 9, 23),
    "plain-over-lines": ("    expect: draft.session\n      !== null\n", 9, 9),
    "quoted-over-lines": ('    expect: "draft.session\n      !== null"\n', 9, 9),
}


@pytest.mark.parametrize("style", sorted(EXPR_STYLES))
def test_expression_error_column(style: str, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    expect, line, column = EXPR_STYLES[style]
    text = HEAD + RULE.replace('    expect: "draft.session != null"\n', expect)
    assert_error(tmp_path, capsys, text, line, column, "unexpected character '='")


def test_error_in_message_hole_column(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    text = HEAD + RULE.replace('message: "m"', 'message: "a {1 +} b"')
    # `    message: "a {1 +} b"`: the hole's end is column 21
    assert_error(tmp_path, capsys, text, 9, 21, "")


def test_scalar_position_unit() -> None:
    lines = ['k: "a\\u00e9b"', "k: 'it''s x'"]
    assert scalar_position(lines, 1, 4, 2) == (1, 12)  # past the 6-character escape
    assert scalar_position(lines, 2, 4, 4) == (2, 10)  # '' counts as one character


# --- code clashing with a built-in rule -----------------------------------------------

def test_code_clashes_with_builtin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, _, err = run_cli(tmp_path, HEAD + RULE.replace("XYZ001", "RES001"), capsys)
    assert rc == 2
    assert len(err.splitlines()) == 1
    assert err.startswith(f"reslint: {tmp_path / 'custom.yaml'}:3")
    assert "duplicate rule 'RES001'" in err and "general.yaml" in err


def test_code_clash_with_builtin_has_column(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert_error(tmp_path, capsys, HEAD + RULE.replace("XYZ001", "RES001"), 3, 5,
                 "duplicate rule 'RES001'")


# --- hostile YAML ---------------------------------------------------------------------

def test_python_tag_is_refused_and_runs_nothing(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    pwned = tmp_path / "pwned"
    text = f"pack: custom\nrules: !!python/object/apply:os.system ['echo pwned > {pwned}']\n"
    assert_error(tmp_path, capsys, text, 2, 8, "is not allowed (safe YAML only)")
    assert not pwned.exists()


def test_python_tag_in_nested_value(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = HEAD + RULE.replace("summary: s", "summary: !!python/name:os.system ''")
    assert_error(tmp_path, capsys, text, 6, 14, "is not allowed")


def test_alias_bomb_is_refused_quickly(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    rows = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        rows.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    text = "\n".join(rows) + "\n"
    start = time.perf_counter()
    assert_error(tmp_path, capsys, text, 1, 4, "aliases")
    assert time.perf_counter() - start < 1.0


def test_huge_flat_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "pack: custom\nrules:\n" + "".join(f"  - {i}\n" for i in range(200_001))
    rc, _, err = run_cli(tmp_path, text, capsys)
    assert rc == 2 and len(err.splitlines()) == 1 and "200,000 YAML nodes" in err


# --- a valid custom pack --------------------------------------------------------------

GOOD = """\
pack: custom
extractors:
  total_states:
    pattern: 'a total of (?P<total>\\d+) States'
    types:
      total: number
rules:
  - code: XYZ001
    name: total-states
    severity: warning
    summary: the total of States is not zero
    check: expect
    expect: "draft.total_states.total == 0"
    at: draft.total_states
    message: "A total of {draft.total_states.total} States"
"""


def test_valid_custom_pack_fires_at_the_right_line(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, err = run_cli(tmp_path, GOOD, capsys)
    assert err == ""
    assert rc == 1
    mine = [line for line in out.splitlines() if "XYZ001" in line]
    assert mine == [f"{DRAFT}:37:13: XYZ001 [warning] A total of 124 States"]


def test_valid_custom_pack_api(tmp_path: Path) -> None:
    path = tmp_path / "custom.yaml"
    path.write_text(GOOD, encoding="utf-8")
    pack = load_pack(str(path))
    assert pack.name == "custom"
    assert [r.code for r in pack.rules] == ["XYZ001"]
    rule = pack.rules[0]
    assert (rule.line, rule.column) == (8, 5)
    assert pack.extractors["total_states"].types == {"total": "number"}


def test_builtin_packs_load_fast() -> None:
    from reslint.engine import yamlload
    from reslint.lint import load_packs

    assert yamlload.Loader.__name__ == "CSafeLoader"
    load_packs([])  # warm imports
    start = time.perf_counter()
    packs = load_packs([])
    assert time.perf_counter() - start < 0.5
    assert any(p.name == "general" for p in packs)
