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
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ENGINE = Path(__file__).resolve().parent.parent


def cache_dir() -> Path | None:
    if os.environ.get("RESLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("RESLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reslint"


def _stamp(path: str | Path) -> str:
    st = os.stat(path)
    return f"{os.path.abspath(path)}:{st.st_size}:{st.st_mtime_ns}"


def cache_key(files: list[str], plugins: list[str]) -> str:
    from reslint import __version__

    parts = [__version__, sys.version, *map(_stamp, files), "plugins:", *plugins]
    for folder in ("engine", "checks"):
        parts.extend(_stamp(p) for p in sorted((ENGINE / folder).glob("*.py")))
    parts.append(_stamp(ENGINE / "_record.py"))
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
    path = folder / f"packs-{key}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except Exception:  # missing, truncated, or from another reslint: compile instead
        pass
    value = build()
    _store(folder, path, value)
    return value


def _store(folder: Path, path: Path, value: Any) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in folder.glob("packs-*.pickle"):  # one compiled set at a time
            if old != path:
                old.unlink(missing_ok=True)
    except Exception:  # a read-only home or a full disk must not fail the check
        return
