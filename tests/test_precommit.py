"""End to end: the `reslint` pre-commit hook, installed by pre-commit from this repository.

A throwaway git repository gets a .pre-commit-config.yaml whose `repo:` is this checkout
at the commit under test (`git rev-parse HEAD`), a draft (seed 002, resolution 78/32) and
the previous resolution beside it (seed 000, 76/47) passed with the hook's `args`.  With a
slip in the draft's last operative paragraph the hook must fail and name the line; with
the text restored it must pass.

pre-commit clones the commit, so uncommitted work is not what gets tested: on a dirty work
tree the test is skipped unless CI=true (a CI clone is clean).  pre-commit builds the hook
environment from the package index; PRE_COMMIT_HOME points into the test's tmp folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DRAFT = FIXTURES / "A_RES_78_32.txt"
PREVIOUS = FIXTURES / "A_RES_76_47.txt"

pytestmark = pytest.mark.slow


def _git(*args: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def _clean_env(**extra: str) -> dict[str, str]:
    """The environment without the variables of any git hook or pre-commit run that is
    running this test (GIT_DIR, GIT_INDEX_FILE, ... would point at the wrong repo)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org",
        GIT_CONFIG_NOSYSTEM="1",
    )
    env.update(extra)
    return env


def _commit_under_test() -> str:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: pre-commit needs a commit to install the hook from")
    dirty = _git("status", "--porcelain", "--untracked-files=no", cwd=ROOT)
    if dirty and os.environ.get("CI", "").lower() != "true":
        pytest.skip(
            "work tree has uncommitted changes; pre-commit would install HEAD, not what is "
            "on disk. Commit (or run with CI=true on a clean clone) to run this test."
        )
    for needed in (".pre-commit-hooks.yaml", "reslint/commands/check.py"):
        probe = subprocess.run(
            ["git", "cat-file", "-e", f"HEAD:{needed}"], cwd=ROOT, capture_output=True
        )
        if probe.returncode != 0:
            pytest.skip(f"{needed} is not in the commit under test (HEAD)")
    return _git("rev-parse", "HEAD", cwd=ROOT)


def _slip(text: str) -> tuple[str, int]:
    """Seed 002 with "seventy-ninth" turned into "seventy-eighth" in its last operative
    paragraph ("Decides to include in the provisional agenda of its seventy-ninth
    session"); returns the text and the 1-based line of the slip."""
    lines = text.splitlines(keepends=True)
    hits = [i for i, line in enumerate(lines) if "seventy-ninth session" in line]
    assert hits, "seed 002 no longer says 'seventy-ninth session'"
    last = hits[-1]
    assert "provisional agenda" in lines[last]
    lines[last] = lines[last].replace("seventy-ninth", "seventy-eighth", 1)
    return "".join(lines), last + 1


def _run(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900,
    )


def test_hook_fails_on_slip_and_passes_when_fixed(tmp_path: Path) -> None:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("pre-commit is not installed (it is in the [test] extra)")
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    rev = _commit_under_test()

    repo = tmp_path / "drafts"
    repo.mkdir()
    env = _clean_env(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"))
    _git("init", "-q", cwd=repo, env=env)

    original = DRAFT.read_text(encoding="utf-8")
    slipped, line = _slip(original)
    shutil.copyfile(PREVIOUS, repo / "prev.txt")
    (repo / "draft.txt").write_text(slipped, encoding="utf-8")
    # `args` come before the file names pre-commit appends; the previous resolution is
    # excluded so that it is not itself checked as a draft.
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {ROOT.as_posix()}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: reslint\n"
        "        args: [--previous, prev.txt]\n"
        "        exclude: ^prev\\.txt$\n",
        encoding="utf-8",
    )
    _git("add", "-A", cwd=repo, env=env)

    failed = _run(repo, env)
    out = failed.stdout + failed.stderr
    assert failed.returncode == 1, out
    assert "draft.txt" in out, out
    assert re.search(rf"draft\.txt:{line}:\d+: \S+", out), (
        f"no finding at draft.txt:{line}: (the slipped line):\n{out}"
    )

    (repo / "draft.txt").write_text(original, encoding="utf-8")
    _git("add", "-A", cwd=repo, env=env)
    passed = _run(repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
