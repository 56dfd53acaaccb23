"""`exclude:` in .reslint.yaml and `--exclude`: files a drafts folder holds that are not
resolutions (a README, notes) are skipped, whether named one by one (pre-commit) or found
in a folder; without it such a file is one error line and exit 2, the others checked."""

from __future__ import annotations

import shutil
from pathlib import Path

from reslint.cli import main

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "tests" / "fixtures" / "A_RES_78_32.txt"
PREVIOUS = REPO / "tests" / "fixtures" / "A_RES_76_47.txt"


def _folder(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the repository root: configuration discovery stops here
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    shutil.copy(SEED, drafts / "draft.txt")
    (drafts / "README.md").write_text("# Drafts\n\nThe drafts of this year.\n", encoding="utf-8")
    return drafts


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["check", *argv, "--previous", str(PREVIOUS), "--format", "concise"])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_readme_is_one_error_line_and_exit_2(capsys, tmp_path):
    drafts = _folder(tmp_path)
    code, out, err = run(capsys, str(drafts))
    assert code == 2
    assert [line for line in err.splitlines() if "README.md" in line] != []
    assert "README.md" not in out


def test_exclude_in_the_configuration(capsys, tmp_path):
    drafts = _folder(tmp_path)
    (tmp_path / ".reslint.yaml").write_text("exclude:\n  - drafts/README.md\n", encoding="utf-8")
    code, _, err = run(capsys, str(drafts))
    assert (code, err) == (0, "")
    code, _, err = run(capsys, str(drafts / "README.md"), str(drafts / "draft.txt"))
    assert (code, err) == (0, "")  # named one by one, as pre-commit does: skipped too


def test_exclude_option_matches_a_file_name_anywhere(capsys, tmp_path):
    drafts = _folder(tmp_path)
    code, out, err = run(capsys, str(drafts), "--exclude", "README.md")
    assert (code, err) == (0, "")
    code, out, err = run(capsys, str(drafts), "--exclude", "*.txt,README.md")
    assert code == 0 and "draft.txt" not in out
