"""Issue 13 item 1: a `git:REV:PATH` previous comes from untrusted text (a draft's comment, a
repository's .reslint.yaml, a CI job's --previous).  A revision or path that git could read
as an option (`--output=FILE` makes `git show` write FILE) or that leaves the repository is
refused with one line naming the draft, exit 2, and nothing is written."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from reslint.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_76_47 = FIXTURES / "A_RES_76_47.txt"
SEED_78_32 = FIXTURES / "A_RES_78_32.txt"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                       cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    shutil.copy(SEED_76_47, tmp_path / "previous.txt")
    git("add", "previous.txt")
    git("commit", "-q", "-m", "adopted")
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["check", *argv, "--format", "json"])
    return code, capsys.readouterr().err


HOSTILE = [
    "git:--output={target}:x",          # the option that writes a file
    "git:HEAD:--output={target}",       # an option in the path part
    "git:-o{target}:x",
    "git:HEAD:/etc/passwd",             # absolute: outside the repository
    "git:HEAD:../outside.txt",          # leaves the repository
    "git:HEAD:a/../../outside.txt",
]


@pytest.mark.parametrize("spec", HOSTILE)
def test_previous_option_refused(capsys, repo, spec):
    target = repo / "written-by-git"
    spec = spec.format(target=target)
    shutil.copy(SEED_78_32, repo / "draft.txt")
    code, err = run(capsys, str(repo / "draft.txt"), "--previous", spec)
    assert not list(repo.glob("written-by-git*"))
    assert code == 2
    assert err.startswith(f"reslint: {repo / 'draft.txt'}: ")
    assert err.count("\n") == 1
    assert "refused" in err


def test_draft_comment_cannot_make_git_write(capsys, repo):
    target = repo / "written-by-git"
    text = SEED_78_32.read_text(encoding="utf-8")
    (repo / "draft.txt").write_text(f"<!-- reslint: previous=git:--output={target}:x -->\n"
                                    + text, encoding="utf-8")
    code, err = run(capsys, str(repo / "draft.txt"))
    assert not list(repo.glob("written-by-git*"))
    assert (code, err.count("\n")) == (2, 1)
    assert "refused" in err


def test_config_previous_cannot_make_git_write(capsys, repo, monkeypatch):
    target = repo / "written-by-git"
    shutil.copy(SEED_78_32, repo / "draft.txt")
    (repo / ".reslint.yaml").write_text(
        json.dumps({"previous": {"draft.txt": f"git:--output={target}:x"}}), encoding="utf-8")
    monkeypatch.chdir(repo)
    code, err = run(capsys, "draft.txt")
    assert not list(repo.glob("written-by-git*"))
    assert (code, err.count("\n")) == (2, 1)
    assert "refused" in err


def test_ordinary_git_previous_still_read(capsys, repo):
    shutil.copy(SEED_78_32, repo / "draft.txt")
    capsys.readouterr()
    code = main(["check", str(repo / "draft.txt"), "--previous", "git:HEAD:previous.txt",
                 "--format", "json"])
    out = capsys.readouterr()
    assert code == 0 and [f["rule"] for f in json.loads(out.out)] == ["RES003"]
    code = main(["check", str(repo / "draft.txt"), "--previous", "git:HEAD:./previous.txt",
                 "--format", "json"])
    assert code == 0
