"""The process entry point (`reslint.cli.run`): the same report and exit code as `main`,
the output complete although the interpreter is not torn down, and the garbage collector
left as it was found by an in-process `main`."""

from __future__ import annotations

import gc
import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from reslint import cli

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "tests" / "fixtures" / "A_RES_78_32.txt"
PREVIOUS = ROOT / "tests" / "fixtures" / "A_RES_76_47.txt"


def in_process(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        code = cli.main(argv)
    return code, out.getvalue()


@pytest.mark.parametrize("extra", [[], ["--fail-on", "info"], ["--format", "json"]])
def test_the_process_gives_the_report_and_code_of_main(extra: list[str]) -> None:
    argv = ["check", str(DRAFT), "--previous", str(PREVIOUS), *extra]
    code, report = in_process(argv)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "reslint", *argv], capture_output=True,
                          text=True, env=env, cwd=ROOT)
    assert (proc.returncode, proc.stdout) == (code, report)
    assert report.strip()  # a report was written and flushed before the process ended


def test_an_unreadable_draft_is_one_line_and_exit_2() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "reslint", "check", "no-such-draft.md"],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "no-such-draft.md" in proc.stderr


@pytest.mark.parametrize("enabled", [True, False])
def test_main_leaves_the_collector_as_it_found_it(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        in_process(["check", str(DRAFT), "--previous", str(PREVIOUS)])
        assert gc.isenabled() is enabled
        in_process(["check", str(DRAFT.parent)])  # a folder: collected as usual
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_few_files_means_a_pre_commit_run(tmp_path: Path) -> None:
    def few(files: list[str]) -> bool:
        return cli._few_files(cli.build_parser("check").parse_args(["check", *files]))

    assert few([str(DRAFT)])
    assert few([str(DRAFT)] * cli.FEW_FILES)
    assert not few([str(DRAFT)] * (cli.FEW_FILES + 1))
    assert not few([str(tmp_path)])


def test_a_check_does_not_import_typing(tmp_path: Path) -> None:
    """typing costs the hook ~12 M instructions (~3 ms): the modules of a check import it
    only for the type checker (TYPE_CHECKING blocks)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RESLINT_CACHE_DIR": str(tmp_path)}
    env.pop("RESLINT_NO_CACHE", None)
    code = ("import sys\nfrom reslint.cli import main\n"
            f"main(['check', {str(DRAFT)!r}, '--previous', {str(PREVIOUS)!r}, '-q'])\n"
            "print('typing' in sys.modules)")
    for _ in range(2):  # the first run compiles the packs (and may import more)
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env=env, cwd=ROOT)
    assert proc.stdout.splitlines()[-1] == "False"
