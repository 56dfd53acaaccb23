"""`reslint check FILES [options]` read without argparse (reslint.cli._quick_args): the hook
does not import argparse nor build its parser, and the namespace is argparse's own reading
of the same command line, value for value; anything argparse might read otherwise, or
would report as an error, is left to argparse."""

from __future__ import annotations

import contextlib
import io
import itertools
import random
from types import SimpleNamespace

import pytest

from reslint import cli

TOKENS = ["a.md", "b.txt", "dir/", "x=y.md", "", "with space.md", "-", "--", "-q", "--quiet",
          "--previous", "--previous=p.md", "--previous=", "--previous=-x", "--prev",
          "--previous", "p.md", "-j", "2", "-j2", "--jobs", "0", "--jobs=3", "x",
          "--format", "json", "--fail-on", "error", "--fail-on", "bogus", "--fail-on=never",
          "--rules", "r.yaml", "--rules=s.yaml", "--exclude", "*.md", "--fix", "--fix=1",
          "--unsafe-fixes", "--diff", "--max-size", "20M", "--max-size=0", "--max-size", "-1",
          "--tracked", "original", "--tracked=bogus", "-o", "out.txt", "--output-file=o",
          "--statistics", "--exit-zero", "--select", "RES1", "--ignore=RES2", "--config",
          "c.yaml", "--stdin-filename", "s.md", "--amends", "d.md", "--fetch", "-h",
          "--help", "--version", "-1", "--select", "-RES"]


def argparse_reading(argv: list[str]) -> SimpleNamespace | None:
    """What argparse makes of `argv` (None: an error, or arguments it does not know)."""
    parser = cli.build_parser("check", help_text=False)
    try:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            args, extras = parser.parse_known_args(argv)
    except SystemExit:
        return None
    return None if extras else SimpleNamespace(**vars(args))


def command_lines() -> list[list[str]]:
    rng = random.Random(18)
    lines = [["check", *rng.sample(TOKENS, rng.randint(1, 6))] for _ in range(3000)]
    pairs = [["check", *combo] for combo in itertools.permutations(
        ["a.md", "b.md", "--quiet", "--previous", "p.md"], 5)]
    return lines + pairs


def test_what_is_read_quickly_is_what_argparse_reads() -> None:
    quick = 0
    for argv in command_lines():
        found = cli._quick_args(argv)
        if found is not None:
            quick += 1
            assert found == argparse_reading(argv), argv
    assert quick > 300  # the test reads many command lines both ways


@pytest.mark.parametrize("argv", [
    ["check", "tests/fixtures/A_RES_78_32.txt", "--previous", "tests/fixtures/A_RES_76_47.txt"],
    ["check", "drafts/a.md", "drafts/b.md"],  # what pre-commit passes
    ["check", "--previous=A/RES/79/58", "--format", "concise", "--fail-on", "error", "a.md"],
    ["check", "--rules", "extra.yaml", "--rules", "more/", "-q", "a.md", "--jobs", "2"],
])
def test_the_hook_command_lines_are_read_quickly(argv: list[str]) -> None:
    found = cli._quick_args(argv)
    assert found is not None
    assert found == argparse_reading(argv)


@pytest.mark.parametrize("argv", [
    ["check", "-"],                                   # standard input
    ["check", "a.md", "--prev", "p.md"],              # an abbreviation
    ["check", "a.md", "-j2"],                         # a short option with its value
    ["check", "a.md", "--jobs", "0"],                 # argparse's error message
    ["check", "a.md", "--fail-on", "bogus"],
    ["check", "a.md", "--quiet", "b.md"],             # argparse: b.md is unrecognized
    ["check", "--previous", "-x", "a.md"],            # a value that looks like an option
    ["check", "--", "-a.md"],
    ["check", "--help"],
    ["check"],
    ["parse", "a.md"],
    ["--version"],
])
def test_other_command_lines_are_left_to_argparse(argv: list[str]) -> None:
    assert cli._quick_args(argv) is None


def test_a_check_does_not_import_argparse(tmp_path) -> None:
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    code = ("import sys\nfrom reslint import cli\n"
            "cli.main(['check', 'tests/fixtures/A_RES_78_32.txt', '--previous', "
            "'tests/fixtures/A_RES_76_47.txt'])\n"
            "print('argparse' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True,
                         text=True, env={"PYTHONPATH": str(repo), "RESLINT_NO_CACHE": "1"},
                         check=True).stdout
    assert out.splitlines()[-1] == "False"
