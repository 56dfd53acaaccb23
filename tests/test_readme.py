"""The README as a newcomer meets it: a title and what reslint is before any command, the
first command block installs reslint and checks the bundled example pair (and that check
says what the README says it does), the second runs the test suite; every local link and
every extra it names exists."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from reslint.cli import main

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```(?:sh|console)\n(.*?)^```", README, re.M | re.S)


def test_title_and_purpose_before_the_first_command():
    before = README[: README.index("```")]
    assert before.startswith("# reslint\n\n")
    purpose = before.split("\n\n")[1]
    assert purpose.startswith("reslint is a consistency linter for United Nations General "
                              "Assembly draft resolutions.")


def test_first_block_installs_and_checks_the_example_pair(capsys):
    first = BLOCKS[0].strip()
    assert first.startswith("python3 -m venv .venv && .venv/bin/pip install . && ")
    command = shlex.split(first.rsplit("&& ", 1)[1])
    assert command[0] == ".venv/bin/reslint"
    for arg in command:
        if arg.startswith("tests/"):
            assert (REPO / arg).is_file(), arg
    capsys.readouterr()
    code = main([*command[1:2], *(str(REPO / a) if a.startswith("tests/") else a
                                  for a in command[2:]), "--format", "json"])
    import json

    found = [f["rule"] for f in json.loads(capsys.readouterr().out)]
    # "It prints one info finding (RES003 ...) and exits 0."
    assert (code, found) == (0, ["RES003"])
    assert "It prints one info finding (RES003" in README


def test_second_block_installs_the_test_extras_and_runs_the_suite():
    assert BLOCKS[1].strip() == ".venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"


def test_example_pair_named_for_its_symbols():
    fixtures = sorted(p.name for p in (REPO / "tests" / "fixtures").iterdir())
    assert {"A_RES_78_32.txt", "A_RES_76_47.txt"} <= set(fixtures)
    text = (REPO / "tests" / "fixtures" / "A_RES_78_32.txt").read_text(encoding="utf-8")
    assert "78/32. Implementation of the Convention on Cluster Munitions" in text


def test_local_links_exist():
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", README):
        assert (REPO / target).exists(), target


def test_extras_named_exist():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["optional-dependencies"]
    table = README[README.index("| extra |"):].split("\n\n", 1)[0]
    named = re.findall(r"^\| `(\w+)` \|", table, re.M)
    assert {"docx", "lsp", "pdf"} <= set(named)
    # an extra in preparation says so in its row until pyproject.toml defines it
    for name in named:
        assert name in extras or "in preparation" in table.split(f"| `{name}` |")[1].split(
            "\n")[0], name
