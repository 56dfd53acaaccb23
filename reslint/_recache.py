"""A cache of the standard `re` module's compiled patterns, so that the hook does not parse
and compile reslint's ~160 module-level patterns on every commit (about a fifth of a
`reslint check` run, more than the parse of a draft).

`re` keeps what it compiled in `re._cache`, keyed by (type, pattern, flags); a pattern found
there is not compiled again.  `warm()` fills that dict, before the pipeline's modules are
imported, with patterns rebuilt from their compiled code (`_sre.compile`, which validates
the code it is given and raises on anything malformed); `save()` stores the code of the
patterns compiled in this run when some were new.  The entry is keyed by the exact
pattern text and flags, so an edited pattern is simply a new entry: nothing can be stale.

What is stored is plain data, never pickle nor marshal (a five-byte marshal file asks for a
list of two billion items), nor JSON (read before `json` is imported, so that json's own
patterns come from the store): a line of three counts, then each pattern's numbers (flags,
groups, where its code is, the lengths of its strings) and the code of every pattern as
32-bit words (`array`), then the strings as UTF-8 (`_dump`), in the pack cache's folder
with its protections (reslint.engine.cache).  Every length is checked against the file.
The file name carries the Python version, the byte order and the regular expression
engine's magic number: another interpreter's code is never read.  Any problem
(missing, damaged, foreign, an `re` whose internals differ) means the patterns are
compiled as usual; `RESLINT_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import binascii
import os
import re
import sys
from array import array

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any

_loaded: dict[tuple[str, int], tuple[Any, ...]] = {}  # entries read, by (pattern, flags)
_MAX = 8 * 1024 * 1024  # bytes: a larger file is not ours
_KEEP = 400  # patterns stored at most (re's own cache holds 512)


def _path() -> str | None:
    # reslint.engine.cache is imported in the functions, not at the top: at the top it cost
    # the hook ~5 M instructions (callgrind, 365 M against 360 M), measured, not explained
    from reslint.engine.cache import cache_dir, trusted_folder

    folder = cache_dir()
    if folder is None or not trusted_folder(folder, create=False):
        return None
    sre = getattr(_compiler(), "_sre", None)  # the C engine, as re itself reaches it
    magic = (f"{sys.version}:{sys.byteorder}:{getattr(sre, 'MAGIC', None)}:"
             f"{getattr(sre, 'CODESIZE', None)}")
    if sre is None or getattr(sre, "CODESIZE", None) != array("I").itemsize:
        return None
    return os.path.join(folder, f"re-{binascii.crc32(magic.encode()):08x}.json")


def _compiler() -> Any:
    return getattr(re, "_compiler", None)


def warm() -> None:
    """Fill `re`'s cache from the stored compiled code (nothing when there is none)."""
    compiler, cache = _compiler(), getattr(re, "_cache", None)
    if compiler is None or not isinstance(cache, dict):
        return
    try:
        path = _path()
        if path is None:
            return
        from reslint.engine.cache import read_private

        raw = read_private(path, _MAX)
        if raw is None:
            return
        entries, codes = _load(raw)
        sre = compiler._sre

        room = getattr(re, "_MAXCACHE", 512) - len(cache)
        for entry in entries[: max(room, 0)]:
            pattern, flags, final, start, length, groups, groupindex, indexgroup = entry
            if not 0 <= start <= start + length <= len(codes):
                return
            code = codes[start : start + length]  # kept compact, as 32-bit words
            cache[str, pattern, flags] = sre.compile(pattern, final, code.tolist(), groups,
                                                     groupindex, indexgroup)
            _loaded[pattern, flags] = (pattern, flags, final, code, groups, groupindex,
                                       indexgroup)
    except (OSError, ValueError, TypeError, EOFError, RuntimeError, OverflowError,
            MemoryError, AttributeError, ImportError, IndexError):
        return  # missing or damaged: the patterns are compiled as usual


def _entry(pattern: str, flags: int) -> tuple[Any, ...]:
    """What `re._compiler.compile` hands to `_sre.compile`, as plain data."""
    compiler = _compiler()
    parsed = compiler._parser.parse(pattern, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (pattern, int(flags), int(flags | parsed.state.flags), [int(c) for c in code],
            int(parsed.state.groups - 1),
            groupindex, tuple(indexgroup))


def _dump(entries: list[tuple[Any, ...]]) -> bytes:
    """The store's bytes: a line of three counts, then the entries' numbers as 32-bit
    words (each string as its length), the code of all patterns as 32-bit words, and the
    entries' strings (patterns, group names) as UTF-8, one after the other."""
    ints, codes, text = array("I", [len(entries)]), array("I"), []
    for pattern, flags, final, code, groups, groupindex, indexgroup in entries:
        ints.extend((len(pattern), flags, final, len(codes), len(code), groups,
                     len(groupindex), len(indexgroup)))
        text.append(pattern)
        for name, index in groupindex.items():
            ints.extend((len(name), index))
            text.append(name)
        for name in indexgroup:  # None: 0, a name: its length + 1
            ints.append(0 if name is None else len(name) + 1)
            text.append(name or "")
        codes.extend(code)
    body = "".join(text).encode()
    return (b"%d %d %d\n" % (len(ints), len(codes), len(body)) + ints.tobytes()
            + codes.tobytes() + body)


def _load(raw: bytes) -> tuple[list[tuple[Any, ...]], array[int]]:
    """The entries and the code words of a store's bytes (`_dump`); ValueError or
    IndexError when they do not add up.  Not JSON: reading the store before `json` is
    imported lets json's own patterns come from it."""
    head, _, rest = raw.partition(b"\n")
    counts = head.split(b" ")
    if len(counts) != 3 or not all(c.isdigit() for c in counts):
        raise ValueError("not a store")
    nints, ncodes, nbody = (int(c) for c in counts)
    if len(rest) != 4 * (nints + ncodes) + nbody:
        raise ValueError("truncated")
    ints, codes = array("I"), array("I")
    ints.frombytes(rest[: 4 * nints])
    codes.frombytes(rest[4 * nints : 4 * (nints + ncodes)])
    text = rest[4 * (nints + ncodes) :].decode()
    at = 0  # in text

    def string(length: int) -> str:
        nonlocal at
        if at + length > len(text):
            raise ValueError("truncated")
        at += length
        return text[at - length : at]

    entries: list[tuple[Any, ...]] = []
    i = 1
    for _ in range(ints[0]):
        plen, flags, final, start, length, groups, nnames, nindex = ints[i : i + 8]
        i += 8
        pattern = string(plen)
        groupindex = {}
        for _ in range(nnames):
            name = string(ints[i])
            groupindex[name] = ints[i + 1]
            i += 2
        indexgroup = []
        for _ in range(nindex):
            indexgroup.append(string(ints[i] - 1) if ints[i] else None)
            i += 1
        entries.append((pattern, flags, final, start, length, groups, groupindex,
                        tuple(indexgroup)))
    if i != nints or at != len(text):
        raise ValueError("not a store")
    return entries, codes


def save() -> None:
    """Store the compiled code of this run's patterns when some were not in the store."""
    cache = getattr(re, "_cache", None)
    if _compiler() is None or not isinstance(cache, dict):
        return
    keys = [(p, f) for (t, p, f) in list(cache) if t is str and isinstance(f, int)]
    new = [key for key in keys if key not in _loaded]
    if not new:
        return
    # the new ones first: a pattern no longer in the code drifts to the end and is dropped
    keys = (new + [key for key in keys if key in _loaded])[:_KEEP]
    try:
        path = _path()
        if path is None:
            return
        data = _dump([_loaded.get(key) or _entry(*key) for key in keys])
        from reslint.engine.cache import write_private

        if not write_private(path, data, ".re-"):
            return
        folder = os.path.dirname(path)
        for name in os.listdir(folder):  # an earlier version's marshal store
            if name.startswith("re-") and name.endswith(".marshal"):
                from reslint.engine.cache import _unlink

                _unlink(os.path.join(folder, name), OSError)
    except Exception:  # a cache that cannot be written is no error
        return
