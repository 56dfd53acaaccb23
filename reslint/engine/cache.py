"""A cache of compiled rule packs, so that the pre-commit hook does not compile every rule
expression and regex on every commit (about 25 ms for the built-in packs).

What is cached is plain data (JSON, see `reslint.engine.plain`), never pickle nor marshal:
the folder may be shared or restored from another branch's CI cache, and reading it must
not be able to run code (pickle) or to ask for gigabytes in five bytes (marshal).  An entry
is validated when read (one well-formed pack per rule file; a rule's compiled fields when
first used) and a damaged, foreign or unreadable one is simply compiled again and replaced.

The key covers everything the compiled packs depend on: reslint's version and the Python
version, each rule file's path, size and modification time, the engine's own modules (so
that editing reslint invalidates it), and the plugins named.  Any problem writing it is
ignored.  The folder is the user's own (`$RESLINT_CACHE_DIR`, else
`$XDG_CACHE_HOME/reslint`, else `~/.cache/reslint`): created 0700, and not used at all
(packs compiled every run) when it belongs to another user or others may write to it.
Entries are written to a `tempfile.mkstemp` file (created exclusively, never through a
planted symlink) and renamed into place.  `RESLINT_NO_CACHE=1` turns the cache off.
"""

from __future__ import annotations

import binascii
import os
import stat
import sys
from collections.abc import Callable

from reslint import __version__

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any

# str paths and os.path, not pathlib: importing pathlib costs ~4 ms of every run
ENGINE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
SUFFIX = ".json"
OLD_SUFFIXES = (".pickle",)  # entries of earlier versions, removed in turn
MAX_ENTRY = 16 * 1024 * 1024  # bytes: a larger entry is not ours


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

    parts = [__version__, sys.version, *map(_stamp, files), "plugins:", *plugins]
    for folder in ("engine", "checks"):  # with their sub-packages (engine/expr/)
        for where, dirs, names in os.walk(os.path.join(ENGINE, folder)):
            dirs.sort()
            parts.extend(_stamp(os.path.join(where, n)) for n in sorted(names)
                         if n.endswith(".py"))
    parts.append(_stamp(os.path.join(ENGINE, "_record.py")))
    data = "\n".join(parts).encode()
    # two CRC-32s (of the text and of it reversed): 64 bits, and no hashlib to import
    return f"{binascii.crc32(data):08x}{binascii.crc32(data[::-1]):08x}"


def trusted_folder(folder: str, create: bool) -> bool:
    """The folder exists (or is created, 0700), is a real folder (not a symlink), belongs
    to the user who runs reslint and is writable by nobody else."""
    if create:
        try:
            os.makedirs(folder, mode=0o700, exist_ok=True)
        except OSError:
            return False
    try:
        st = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    getuid = getattr(os, "getuid", None)
    if getuid is not None and st.st_uid != getuid():
        return False
    return not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_private(path: str, limit: int = MAX_ENTRY) -> bytes | None:
    """The bytes of one of reslint's own cache files, or None when it is missing, not a
    regular file (a symlink is not followed), another user's, or larger than `limit`: a
    file anyone else could have planted is never read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        getuid = getattr(os, "getuid", None)
        if (not stat.S_ISREG(st.st_mode) or st.st_size > limit
                or (getuid is not None and st.st_uid != getuid())):
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)


def write_private(path: str, data: bytes, prefix: str) -> bool:
    """Write `data` to `path` atomically (a temporary file beside it, then a rename), in a
    trusted folder created 0700 when missing; False on any failure (a read-only home, a
    full disk): a cache that cannot be written is no error."""
    import tempfile  # only when an entry is written: 14 M instructions (callgrind)

    folder = os.path.dirname(path)
    if not trusted_folder(folder, create=True):
        return False
    try:
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            _unlink(tmp, OSError)
            raise
    except Exception:
        return False
    return True


def _unlink(path: str, ignored: type[OSError]) -> None:
    """os.unlink, `ignored` errors ignored (contextlib.suppress, without importing
    contextlib: 4.5 M instructions of the hook, callgrind)."""
    try:  # noqa: SIM105 - contextlib.suppress is what this avoids
        os.unlink(path)
    except ignored:
        pass


def cached(files: list[str], plugins: list[str], build: Callable[[], Any]) -> Any:
    folder = cache_dir()
    if folder is None or (not trusted_folder(folder, create=False) and os.path.lexists(folder)):
        return build()
    try:
        key = cache_key(files, plugins)
    except OSError:
        return build()
    path = os.path.join(folder, f"packs-{key}{SUFFIX}")

    def rebuild() -> Any:
        value = build()
        _store(folder, path, value)
        return value

    loaded = _load(path, files, plugins, rebuild)
    return loaded if loaded is not None else rebuild()


def _load(path: str, files: list[str], plugins: list[str], rebuild: Callable[[], Any]
          ) -> Any:
    """The packs stored at `path`, or None when missing, unsafe, damaged or foreign.  Their
    rules' compiled fields are built when first read; one found damaged then falls back on
    `rebuild` (the packs compiled again, and stored)."""
    raw = read_private(path)
    if raw is None:
        return None
    from reslint.engine import plain

    try:
        packs = plain.load_entry(raw, _primitives(plugins))
        if packs is None:
            return None
        packs = plain.check_packs(packs, files)
        plain.attach_recovery(packs, plain.Recovery(rebuild))
        return packs
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # damaged or foreign: compile again, and the store replaces it


def _primitives(plugins: list[str]) -> Callable[[str], Any]:
    """A check primitive by name: built-in, else a configured plugin (loaded once)."""
    from reslint.checks import get_primitive, load_plugins

    loaded: dict[str, Any] = {}

    def find(name: str) -> Any:
        if plugins and not loaded:
            loaded.update(load_plugins(plugins))
        return get_primitive(name, loaded)

    return find


KEEP = 4  # compiled sets kept in the cache folder


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return 0.0


def _store(folder: str, path: str, value: Any) -> None:
    from reslint.engine import plain

    try:
        data = plain.dump_entry(value)
    except (plain.PlainError, ValueError, TypeError, RecursionError):
        return  # not plain data (a plugin's own objects): compile every run
    if not write_private(path, data, "packs-"):
        return
    try:
        # Keep the few most recent sets: two installs (a venv and a checkout, or two
        # repositories' configurations) then do not evict each other on every run.
        stored = [os.path.join(folder, n) for n in os.listdir(folder)
                  if n.startswith("packs-") and n.endswith((SUFFIX, *OLD_SUFFIXES))]
        stored.sort(key=_mtime, reverse=True)
        for old in stored[KEEP:]:
            if old != path:
                _unlink(old, FileNotFoundError)
    except Exception:  # a read-only home or a full disk must not fail the check
        return
