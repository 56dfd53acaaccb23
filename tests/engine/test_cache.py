"""The compiled-pack cache: used when nothing changed, rebuilt when anything did."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reslint.engine import cache
from reslint.lint import load_packs

RULE = """\
pack: mine
rules:
  - code: MINE001
    name: mine
    severity: warning
    summary: always
    check: expect
    expect: "false"
    message: "{label}"
"""


def pack_file(tmp_path: Path, label: str) -> str:
    path = tmp_path / "mine.yaml"
    path.write_text(RULE.replace("{label}", label), encoding="utf-8")
    return str(path)


def test_second_load_comes_from_the_cache(cache_folder: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = pack_file(tmp_path, "one")
    first = load_packs([path])
    assert len(list(cache_folder.glob(f"packs-*{cache.SUFFIX}"))) == 1

    def refuse(*args: object) -> None:
        raise AssertionError("compiled again although nothing changed")

    monkeypatch.setattr("reslint.lint._compile_packs", refuse)
    again = load_packs([path])
    assert [r.code for p in again for r in p.rules] == [r.code for p in first for r in p.rules]


def test_an_edited_rule_file_is_compiled_again(cache_folder: Path, tmp_path: Path) -> None:
    path = pack_file(tmp_path, "one")
    load_packs([path])
    key_before = cache.cache_key([path], [])
    pack_file(tmp_path, "two, longer")
    os.utime(path, ns=(1, 1))  # even a file whose mtime went back is seen as changed
    assert cache.cache_key([path], []) != key_before
    packs = load_packs([path])
    rule = next(r for p in packs for r in p.rules if r.code == "MINE001")
    assert rule.raw["message"] == "two, longer"
    assert len(list(cache_folder.glob(f"packs-*{cache.SUFFIX}"))) == 2  # both kept (up to KEEP)


def test_only_the_most_recent_sets_are_kept(cache_folder: Path, tmp_path: Path) -> None:
    path = pack_file(tmp_path, "v0")
    for i in range(cache.KEEP + 3):
        pack_file(tmp_path, f"v{i}, " + "x" * i)  # a new size: a new key each time
        load_packs([path])
    assert len(list(cache_folder.glob(f"packs-*{cache.SUFFIX}"))) == cache.KEEP
    again = load_packs([path])  # the latest is among those kept
    assert any(r.code == "MINE001" for p in again for r in p.rules)


def test_a_corrupt_cache_file_is_ignored(cache_folder: Path, tmp_path: Path) -> None:
    path = pack_file(tmp_path, "one")
    load_packs([path])
    (stored,) = cache_folder.glob(f"packs-*{cache.SUFFIX}")
    stored.write_bytes(b"not marshal")
    packs = load_packs([path])
    assert any(r.code == "MINE001" for p in packs for r in p.rules)


def test_no_cache_when_turned_off(cache_folder: Path, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESLINT_NO_CACHE", "1")
    load_packs([pack_file(tmp_path, "one")])
    assert not cache_folder.exists()


def test_an_unwritable_cache_folder_does_not_fail_the_check(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("RESLINT_CACHE_DIR", str(blocker / "cache"))  # under a file: cannot mkdir
    packs = load_packs([pack_file(tmp_path, "one")])
    assert any(r.code == "MINE001" for p in packs for r in p.rules)
