"""Issue 13 item 2: the pack cache holds plain data that cannot run code, is validated when
read (a planted or damaged entry is rebuilt, never obeyed), lives in a private folder, and is
written through an exclusive temporary file and an atomic rename."""

from __future__ import annotations

import json
import os
import pickle
import stat
from pathlib import Path

import pytest

from reslint.engine import cache
from reslint.lint import _compile_packs

RULE = """\
pack: mine
rules:
  - code: MINE001
    name: mine
    severity: warning
    summary: always
    check: expect
    expect: "draft.session == 0"
    message: "session {draft.session}"
"""


@pytest.fixture
def folder(cache_folder: Path) -> Path:
    return cache_folder


@pytest.fixture
def pack(tmp_path: Path) -> str:
    path = tmp_path / "mine.yaml"
    path.write_text(RULE, encoding="utf-8")
    return str(path)


def load_packs(files: list[str]) -> list:
    """The packs of these rule files, through the cache (as `reslint check` loads them)."""
    return cache.cached(files, [], lambda: _compile_packs(files, []))


def codes(packs: list) -> list[str]:
    return [r.code for p in packs for r in p.rules]


def entry_paths(folder: Path, pack: str) -> list[Path]:
    """Where the cache would read this set of packs (today's name, and earlier ones')."""
    key = cache.cache_key([pack], [])
    return [folder / f"packs-{key}{suffix}" for suffix in (cache.SUFFIX, *cache.OLD_SUFFIXES)]


class Boom:
    def __reduce__(self):
        return (os.system, ("touch " + os.environ["RESLINT_BOOM"],))


def read_entry(path: Path) -> tuple[dict, list]:
    """A stored entry: the packs' JSON, and each rule's compiled fields (one line each)."""
    first, *lines = path.read_bytes().split(b"\n")
    return json.loads(first), [json.loads(line) for line in lines]


def write_entry(path: Path, head: dict, lines: list) -> None:
    path.write_bytes(b"\n".join(json.dumps(v).encode() for v in [head, *lines]))


def plant(folder: Path, pack: str, payload: bytes) -> None:
    folder.mkdir(mode=0o700, exist_ok=True)
    for path in entry_paths(folder, pack):
        path.write_bytes(payload)


def test_a_planted_pickle_runs_no_code(folder, pack, tmp_path, monkeypatch):
    boom = tmp_path / "boom"
    monkeypatch.setenv("RESLINT_BOOM", str(boom))
    plant(folder, pack, pickle.dumps(Boom()))
    packs = load_packs([pack])
    assert not boom.exists()
    assert "MINE001" in codes(packs)


@pytest.mark.parametrize("payload", [
    pickle.dumps([]),                                # the 5-byte entry that disabled every rule
    json.dumps({"format": 1, "packs": ["l"]}).encode(),
    json.dumps({"format": 1, "packs": []}).encode(),
    b"",
    b"{",
    b"\x00" * 64,
    json.dumps({"format": 1, "packs": ["l", ["Pack", 1, 2, 3]]}).encode(),
    json.dumps({"format": 1, "packs": ["l", ["Rule"] + [None] * 20]}).encode(),
    json.dumps({"format": 1, "packs": ["l", ["os.system", "true"]]}).encode(),
    b"[" * 100000 + b"]" * 100000,
    json.dumps({"format": 2, "packs": ["l"]}).encode(),
    json.dumps({"format": 2, "packs": ["l", ["Rule"] + [None] * 20]}).encode(),
    json.dumps({"format": 2, "packs": ["l", ["Rule"] + ["x"] * 11]}).encode(),
    b"[\x00\x00\x00\x7f" * 8,  # marshal's list of 2**31 items: the cache is not marshal
])
def test_a_planted_or_damaged_entry_is_rebuilt(folder, pack, payload):
    plant(folder, pack, payload)
    packs = load_packs([pack])
    assert codes(packs) == ["MINE001"]
    assert "MINE001" in codes(load_packs([pack]))  # and the rebuilt entry is read back


def test_every_damaged_field_of_a_real_entry_is_refused_or_harmless(folder, pack, tmp_path):
    """Each list in a real entry (a rule's compiled fields included) replaced by a wrong
    value, one at a time: loading either refuses the entry (and compiles) or gives packs
    that run; never an exception."""
    from reslint.config import Config
    from reslint.lint import Ruleset, lint_document
    from reslint.parse import parse_file

    load = load_packs
    load([pack])
    (stored,) = [p for p in entry_paths(folder, pack) if p.exists()]
    head, lines = read_entry(stored)
    assert lines  # the rules' compiled fields
    draft = Path(__file__).resolve().parents[1] / "fixtures" / "A_RES_78_32.txt"
    spots: list[list] = []

    def walk(value: object) -> None:
        if isinstance(value, list):
            spots.append(value)
            for v in value[1:]:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)

    walk(head["packs"])
    for line in lines:
        walk(["l", line])
    for index in range(0, len(spots), max(1, len(spots) // 60)):
        target = spots[index]
        saved = list(target)
        for wrong in (["l"], 7, "x"):
            target[1:] = [wrong] * (len(saved) - 1)
            write_entry(stored, head, lines)
            packs = load([pack])
            ruleset = Ruleset(packs, [r for p in packs for r in p.rules])
            lint_document(parse_file(str(draft)), None, ruleset, Config())
            for r in ruleset.rules:  # every compiled field read: none raises
                (r.message, r.fix_template, r.examples, r.raw, r.info())
        target[:] = saved


def test_a_damaged_compiled_field_is_replaced_by_the_compiled_rule(folder, pack):
    """A rule's compiled fields are checked when first read: a damaged one is not used;
    the rule takes the fields of the packs compiled again, and the entry is replaced."""
    load_packs([pack])
    (stored,) = [p for p in entry_paths(folder, pack) if p.exists()]
    head, lines = read_entry(stored)
    damaged = [["os.system", "true"]] * len(lines)  # every compiled field of the one rule
    write_entry(stored, head, damaged)
    packs = load_packs([pack])
    (mine,) = packs[0].rules
    assert mine.message.source == "session {draft.session}"
    assert mine.exprs
    assert read_entry(stored)[1] == lines  # the damaged entry was replaced by the compiled packs


def test_the_folder_is_private(folder, pack):
    load_packs([pack])
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for entry in folder.iterdir():
        assert not stat.S_IMODE(entry.stat().st_mode) & 0o077


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o702])
def test_a_folder_others_can_write_is_not_used(folder, pack, mode):
    plant(folder, pack, pickle.dumps([]))
    os.chmod(folder, mode)
    try:
        assert "MINE001" in codes(load_packs([pack]))
        assert sorted(p.name for p in folder.iterdir()) == sorted(
            p.name for p in entry_paths(folder, pack))  # nothing written there either
    finally:
        os.chmod(folder, 0o700)


def test_a_folder_of_another_user_is_not_used(folder, pack, monkeypatch):
    plant(folder, pack, pickle.dumps([]))
    monkeypatch.setattr(os, "getuid", lambda: os.stat(folder).st_uid + 1)
    assert "MINE001" in codes(load_packs([pack]))


def test_a_planted_symlink_is_not_written_through(folder, pack, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    folder.mkdir(mode=0o700)
    for entry in entry_paths(folder, pack):
        entry.symlink_to(victim)  # the entry itself
    stem = entry.name.rsplit(".", 1)[0]
    (folder / f"{stem}.{os.getpid()}.tmp").symlink_to(victim)  # the old, predictable temp
    packs = load_packs([pack])
    assert "MINE001" in codes(packs)
    assert victim.read_text(encoding="utf-8") == "precious"


def test_the_readme_says_where_the_cache_is_and_how_to_turn_it_off():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "RESLINT_CACHE_DIR" in readme and "RESLINT_NO_CACHE" in readme
    assert "~/.cache/reslint" in readme
    assert "cached (pickled)" not in readme and "never pickle" in readme
