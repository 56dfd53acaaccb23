"""Issue 13 item 7 (and the inputs of item 5 that are read rather than refused): --fix
renumbers the misnumbered paragraph itself; a UTF-16 file keeps one BOM; CR-only line
endings and UTF-16 without a BOM are read and written back as they were; an editor's save
made while --fix runs is never lost."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from reslint.cli import main
from reslint.fix import write as fix_write

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_76_47 = FIXTURES / "A_RES_76_47.txt"
SEED_78_32 = FIXTURES / "A_RES_78_32.txt"
GOOD = SEED_78_32.read_text(encoding="utf-8")
# a slip with a safe fix: the next session not advanced
SLIPPED = GOOD.replace("agenda of its seventy-ninth session", "agenda of its seventy-eighth "
                       "session")


def check(capsys, *argv: str) -> tuple[int, list[dict], str]:
    capsys.readouterr()
    code = main(["check", *argv, "--format", "json"])
    out = capsys.readouterr()
    return code, json.loads(out.out) if out.out.strip() else [], out.err


def where(found: list[dict]) -> list[tuple[str, int]]:
    return [(f["rule"], f["location"]["row"] if "location" in f else f["line"])
            for f in found]


def test_slip_is_a_single_safe_fix():
    assert SLIPPED != GOOD and SLIPPED.count("seventy-eighth session") == GOOD.count(
        "seventy-eighth session") + 1


@pytest.mark.parametrize("codec,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                       ("utf-8", b"\xef\xbb\xbf"), ("utf-8", b"")])
def test_fix_keeps_the_encoding_and_one_bom(capsys, tmp_path, codec, bom):
    draft = tmp_path / "draft.txt"
    draft.write_bytes(bom + SLIPPED.encode(codec))
    code, _found, err = check(capsys, str(draft), "--previous", str(SEED_76_47), "--fix")
    assert err == "" and code in (0, 1)
    assert draft.read_bytes() == bom + GOOD.encode(codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_and_fixed_as_it_was(capsys, tmp_path, codec):
    plain = tmp_path / "plain.txt"
    plain.write_text(SLIPPED, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_bytes(SLIPPED.encode(codec))
    expected = check(capsys, str(plain), "--previous", str(SEED_76_47))[1]
    _code, found, err = check(capsys, str(draft), "--previous", str(SEED_76_47))
    assert err == "" and found and [f["message"] for f in found] == [
        f["message"] for f in expected]
    check(capsys, str(draft), "--previous", str(SEED_76_47), "--fix")
    assert draft.read_bytes() == GOOD.encode(codec)


def test_cr_only_line_endings_are_read_and_kept(capsys, tmp_path):
    lf = tmp_path / "lf.txt"
    lf.write_text(SLIPPED, encoding="utf-8", newline="\n")
    cr = tmp_path / "cr.txt"
    cr.write_bytes(SLIPPED.replace("\n", "\r").encode("utf-8"))
    expected = check(capsys, str(lf), "--previous", str(SEED_76_47))[1]
    _code, found, err = check(capsys, str(cr), "--previous", str(SEED_76_47))
    assert err == ""
    strip = [{k: v for k, v in f.items() if k not in ("filename", "path", "file")}
             for f in found]
    assert strip == [{k: v for k, v in f.items() if k not in ("filename", "path", "file")}
                     for f in expected]
    check(capsys, str(cr), "--previous", str(SEED_76_47), "--fix")
    assert cr.read_bytes() == GOOD.replace("\n", "\r").encode("utf-8")


def test_the_misnumbered_paragraph_itself_is_renumbered(capsys, tmp_path):
    text = SEED_76_47.read_text(encoding="utf-8")
    assert text.count("\n2. *") == 1
    draft = tmp_path / "draft.txt"
    draft.write_text(text.replace("\n2. *", "\n3. *"), encoding="utf-8")
    check(capsys, str(draft), "--fix", "--unsafe-fixes")
    assert draft.read_text(encoding="utf-8") == text
    numbers = re.findall(r"^(\d+)\. \*", text, flags=re.M)
    assert numbers == [str(i) for i in range(1, len(numbers) + 1)]


def test_an_editor_save_during_the_fix_is_not_lost(capsys, tmp_path, monkeypatch):
    """The editor writes the file after reslint compared it and before the rename: the
    fix must see it and refuse, keeping the editor's text."""
    draft = tmp_path / "draft.txt"
    draft.write_text(SLIPPED, encoding="utf-8")
    edited = SLIPPED.replace("The General Assembly", "The General Assembly (edited)", 1)
    real_fsync = os.fsync
    saved = []

    def editor_saves(fd: int) -> None:
        real_fsync(fd)
        if not saved:
            saved.append(True)
            with open(draft, "w", encoding="utf-8") as handle:
                handle.write(edited)

    monkeypatch.setattr(fix_write.os, "fsync", editor_saves)
    _code, _found, err = check(capsys, str(draft), "--previous", str(SEED_76_47), "--fix")
    assert saved
    assert draft.read_text(encoding="utf-8") == edited
    assert "changed on disk" in err and err.count("\n") == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".reslint-")]


def test_an_editor_replacing_the_file_during_the_fix_is_not_lost(capsys, tmp_path,
                                                                 monkeypatch):
    """Editors that save by rename give the path a new inode: also refused."""
    draft = tmp_path / "draft.txt"
    draft.write_text(SLIPPED, encoding="utf-8")
    real_fsync = os.fsync
    saved = []

    def editor_saves(fd: int) -> None:
        real_fsync(fd)
        if not saved:
            saved.append(True)
            other = tmp_path / "editor.tmp"
            other.write_text(SLIPPED, encoding="utf-8")  # same text, another file
            os.replace(other, draft)

    monkeypatch.setattr(fix_write.os, "fsync", editor_saves)
    check(capsys, str(draft), "--previous", str(SEED_76_47), "--fix")
    assert saved and draft.read_text(encoding="utf-8") == SLIPPED
