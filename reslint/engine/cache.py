"""A cache of compiled rule packs, so that the pre-commit hook does not compile every rule
expression and regex on every commit (about 25 ms for the built-in packs; unpickling the
result takes about 3 ms).

The key covers everything the compiled packs depend on: reslint's version and the Python
version, each rule file's path, size and modification time, the engine's own modules (so
that editing reslint invalidates it), and the plugins named.  Any problem reading the
cache means "compile"; any problem writing it is ignored.  The folder is the user's own
(`$RESLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/reslint`, else `~/.cache/reslint`), created
private; `RESLINT_NO_CACHE=1` turns the cache off.
"""

from __future__ import annotations

import binascii
import contextlib
import os
import sys
from collections.abc import Callable
from typing import Any

try:  # the C unpickler that pickle.load is: importing pickle.py too costs ~1.5 ms a run
    from _pickle import load as _load_pickle
except ImportError:  # another Python implementation
    from pickle import load as _load_pickle

# str paths and os.path, not pathlib: importing pathlib costs ~4 ms of every run
ENGINE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def cache_dir() -> str | None:
    if os.environ.get("RESLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("RESLINT_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "reslint")


def _stamp(path: str) -> str:
    st = os.stat(path)
    return f"{os.path.abspath(path)}:{st.st_size}:{st.st_mtime_ns}"


def cache_key(files: list[str], plugins: list[str]) -> str:
    from reslint import __version__

    parts = [__version__, sys.version, *map(_stamp, files), "plugins:", *plugins]
    for folder in ("engine", "checks"):
        where = os.path.join(ENGINE, folder)
        parts.extend(_stamp(os.path.join(where, n))
                     for n in sorted(os.listdir(where)) if n.endswith(".py"))
    parts.append(_stamp(os.path.join(ENGINE, "_record.py")))
    data = "\n".join(parts).encode()
    # two CRC-32s (of the text and of it reversed): 64 bits, and no hashlib to import
    return f"{binascii.crc32(data):08x}{binascii.crc32(data[::-1]):08x}"


def cached(files: list[str], plugins: list[str], build: Callable[[], Any]) -> Any:
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        key = cache_key(files, plugins)
    except OSError:
        return build()
    path = os.path.join(folder, f"packs-{key}.pickle")
    try:
        with open(path, "rb") as handle:
            return _load_pickle(handle)
    except Exception:  # missing, truncated, or from another reslint: compile instead
        pass
    value = build()
    _store(folder, path, value)
    return value


KEEP = 4  # compiled sets kept in the cache folder


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return 0.0


def _store(folder: str, path: str, value: Any) -> None:
    import pickle

    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        tmp = f"{path[: -len('.pickle')]}.{os.getpid()}.tmp"
        with open(tmp, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        # Keep the few most recent sets: two installs (a venv and a checkout, or two
        # repositories' configurations) then do not evict each other on every run.
        stored = [os.path.join(folder, n) for n in os.listdir(folder)
                  if n.startswith("packs-") and n.endswith(".pickle")]
        stored.sort(key=_mtime, reverse=True)
        for old in stored[KEEP:]:
            if old != path:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(old)
    except Exception:  # a read-only home or a full disk must not fail the check
        return
