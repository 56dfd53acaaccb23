"""The library pipeline (reslint.lint) as a script or an editor calls it: the same
findings as `reslint check`, a buffer checked before it is saved, fixes as a patch or
written, and no command module behind it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reslint import lint
from reslint.cli import main
from reslint.errors import UsageError

REPO = Path(__file__).resolve().parents[1]
SEED_76_47 = REPO / "tests" / "fixtures" / "A_RES_76_47.txt"
SEED_78_32 = REPO / "tests" / "fixtures" / "A_RES_78_32.txt"


@pytest.fixture
def erred(tmp_path: Path) -> tuple[Path, int]:
    """78/32 with an operative paragraph ending in a comma (RES604), and that line."""
    text = SEED_78_32.read_text(encoding="utf-8")
    line = text[: text.index("as appropriate;")].count("\n") + 1
    path = tmp_path / "draft.txt"
    path.write_text(text.replace("as appropriate;", "as appropriate,"), encoding="utf-8")
    return path, line


def test_check_paths_gives_what_the_command_prints(capsys, erred) -> None:
    path, line = erred
    [result] = lint.check_paths([str(path)], str(SEED_76_47))
    assert ("RES604", line) in [(f.rule, f.span.line) for f in result.findings]
    capsys.readouterr()
    assert main(["check", str(path), "--previous", str(SEED_76_47), "--format", "json"]) == 1
    printed = [(f["rule"], f["line"], f["message"]) for f in json.loads(capsys.readouterr().out)]
    assert printed == [(f.rule, f.span.line, f.message) for f in result.findings]
    assert lint.exit_code(result.findings) == 1
    assert lint.exit_code(result.findings, fail_on="never") == 0


def test_check_text_checks_an_unsaved_buffer(erred) -> None:
    path, line = erred
    linter = lint.Linter(select=["RES604"])
    saved = SEED_78_32.read_text(encoding="utf-8")  # the file on disk is clean...
    path.write_text(saved, encoding="utf-8")
    buffer = saved.replace("as appropriate;", "as appropriate,")  # ...the buffer is not
    found = linter.check_text(buffer, str(path), str(SEED_76_47)).findings
    assert [(f.rule, f.span.line) for f in found] == [("RES604", line)]
    assert linter.check_file(str(path), str(SEED_76_47)).findings == []


def test_fix_diff_returns_a_patch_and_writes_nothing(erred) -> None:
    path, _ = erred
    before = path.read_bytes()
    [result] = lint.check_paths([str(path)], str(SEED_76_47), select=["RES604"], fix="diff",
                                  unsafe_fixes=True)
    assert path.read_bytes() == before
    assert "-" in result.patch and "+" in result.patch and result.fixed == 0
    assert [f.rule for f in result.findings] == ["RES604"]  # reported as they were


def test_fix_write_fixes_the_file(erred) -> None:
    path, _ = erred
    [result] = lint.check_paths([str(path)], str(SEED_76_47), select=["RES604"], fix="write",
                                  unsafe_fixes=True)
    assert result.fixed == 1 and result.findings == []
    assert path.read_text(encoding="utf-8") == SEED_78_32.read_text(encoding="utf-8")


def test_unknown_rule_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown rule 'RES9999'"):
        lint.check_paths([str(SEED_78_32)], select=["RES9999"])
    rules = [r for p in lint.load_packs() for r in p.rules]
    assert lint.find_rule(rules, "res604").code == "RES604"


def test_parse_reads_a_path_or_a_buffer() -> None:
    text = SEED_78_32.read_text(encoding="utf-8")
    from_file = lint.parse(str(SEED_78_32))
    from_buffer = lint.parse("unsaved.txt", text)
    assert from_buffer.heading.title == from_file.heading.title
    assert len(from_buffer.operative) == len(from_file.operative)


def test_the_library_imports_no_command() -> None:
    """An editor or a notebook pays for no command module (nor argparse)."""
    code = ("import sys; from reslint import lint; "
            f"lint.check_paths([{str(SEED_78_32)!r}], {str(SEED_76_47)!r}); "
            "print(sorted(m for m in sys.modules if m.startswith('reslint.commands') "
            "or m in ('argparse', 'reslint.cli')))")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True).stdout
    assert out.strip() == "[]"


CORPUS = REPO.parent / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_each_file_gets_the_rules_of_its_own_title_in_one_run() -> None:
    """A run remembers which packs apply to a title: drafts of another series in between
    neither lose their own rules nor borrow the CTBT pack's (and a file reads the same
    alone as in the run)."""
    names = ["A_RES_79_77.md", "A_RES_79_34.md", "A_RES_80_70.md", "A_RES_78_32.md"]
    paths = [str(CORPUS / n) for n in names]
    together = list(lint.Linter().check_paths(paths))
    ctbt = [any(code.startswith("CTB") for code in r.rules) for r in together]
    assert ctbt == [True, False, True, False]
    for path, result in zip(paths, together, strict=True):
        [alone] = lint.Linter().check_paths([path])
        assert (result.rules, result.findings) == (alone.rules, alone.findings)
