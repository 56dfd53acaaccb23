"""The cache of `re`'s compiled patterns: a pattern read back behaves as the one compiled,
and a damaged or foreign file is ignored (the patterns are compiled as usual)."""

from __future__ import annotations

import os
import re

import pytest

from reslint import _recache

PATTERN = r"(?P<symbol>A/RES/(?P<session>\d{2,3})/\d+)\s+of\s+(?i:\d{1,2} December)"
TEXT = "Recalling its resolution A/RES/78/32 of 4 december 2023,"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("RESLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("RESLINT_NO_CACHE", raising=False)
    monkeypatch.setattr(_recache, "_loaded", {})
    yield folder
    re.purge()


def _fresh() -> None:
    re.purge()
    _recache._loaded.clear()


def test_a_pattern_read_back_matches_as_the_compiled_one(cache_dir):
    _fresh()
    compiled = re.compile(PATTERN)
    expected = compiled.search(TEXT)
    _recache.save()
    assert next(p.name for p in cache_dir.iterdir()).startswith("re-")
    _fresh()
    _recache.warm()
    assert (PATTERN, 0) in _recache._loaded
    again = re.compile(PATTERN)
    assert again is re._cache[str, PATTERN, 0]  # from the store, not compiled again
    found = again.search(TEXT)
    assert found.span() == expected.span() and found.groupdict() == expected.groupdict()
    assert again.groupindex == compiled.groupindex and again.flags == compiled.flags


def test_a_run_that_compiles_nothing_new_does_not_write(cache_dir):
    _fresh()
    re.compile(PATTERN)
    _recache.save()
    path = next(cache_dir.iterdir())
    os.utime(path, (0, 0))
    _fresh()
    _recache.warm()
    re.compile(PATTERN)
    _recache.save()
    assert path.stat().st_mtime == 0


@pytest.mark.parametrize("damage", [
    b"", b"\x00garbage", None, b"[]\n\x01\x02\x03",
    b"[\x00\x00\x00\x7f" * 8,  # marshal's list of 2**31 items: the store is not marshal
    b'[["(?P<symbol>A", 0, 32, 0, 99, 2, {}, [null]]]\n\x01\x00\x00\x00',  # an old JSON store
    "cut", "count", "beyond",
])
def test_a_damaged_store_is_ignored(cache_dir, damage):
    _fresh()
    re.compile(PATTERN)
    _recache.save()
    path = next(cache_dir.iterdir())
    if damage is None:  # well-formed, invalid regular expression code
        path.write_bytes(_recache._dump([(PATTERN, 0, 32, [1, 2, 3], 2, {}, (None,))]))
    elif damage == "cut":  # the last byte of the strings lost
        path.write_bytes(path.read_bytes()[:-1])
    elif damage == "count":  # one entry more than the file holds
        raw = path.read_bytes()
        head, _, rest = raw.partition(b"\n")
        path.write_bytes(head + b"\n" + (int.from_bytes(rest[:4], "little") + 1).to_bytes(
            4, "little") + rest[4:])
    elif damage == "beyond":  # a pattern's code said to lie past the code words
        entry = (PATTERN, 0, 32, [1, 2, 3], 2, {}, (None,))
        raw = _recache._dump([entry])
        path.write_bytes(raw.replace(b"\x03\x00\x00\x00", b"\x63\x00\x00\x00", 1))
    else:
        path.write_bytes(damage)
    _fresh()
    _recache.warm()
    assert (PATTERN, 0) not in _recache._loaded
    assert re.compile(PATTERN).search(TEXT).group("session") == "78"


def test_the_store_reads_back_what_it_wrote():
    entries = [(PATTERN, 0, 32, [1, 2, 3], 2, {"symbol": 1, "session": 2},
                (None, "symbol", "session")),
               ("caf\u00e9 \u2019(?P<x>y)", 2, 34, [7], 1, {"x": 1}, (None, "x"))]
    read, codes = _recache._load(_recache._dump(entries))
    assert [(p, f, fin, codes[s : s + n].tolist(), g, gi, ig)
            for p, f, fin, s, n, g, gi, ig in read] == entries


def test_off_when_the_cache_is_off(cache_dir, monkeypatch):
    monkeypatch.setenv("RESLINT_NO_CACHE", "1")
    _fresh()
    re.compile(PATTERN)
    _recache.save()
    assert list(cache_dir.iterdir()) == []
