"""How a path is shown to the user (as they typed it, relative to the working folder when
it lies inside it: one function, so that `check`, `rules`, `explain`, `config` and `test`
print the same file the same way), and which version of a file a per-process cache holds."""

from __future__ import annotations

import os
from collections.abc import Callable

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")


def display_path(path: str | os.PathLike[str] | None) -> str:
    """`path` relative to the working folder when inside it (with "/"), else as given;
    a git:REV:PATH spec and None ("") unchanged."""
    if path is None:
        return ""
    path = os.fspath(path)
    if not path or path.startswith("git:"):
        return path
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return path
    # Path(rel).as_posix() without importing pathlib: relpath's result is already normal
    return path if rel.startswith("..") else rel.replace(os.sep, "/")


FileVersion = tuple[str, int, int]


def file_version(path: str) -> FileVersion | None:
    """(path, modification time, size): the key under which a run caches what it read of a
    file (the library's headings, parsed texts, symbols), so an edited file is read again.
    None when the file cannot be examined."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (path, stat.st_mtime_ns, stat.st_size)


def read_once(cache: dict[FileVersion, T], path: str, read: Callable[[str], T]) -> T | None:
    """`read(path)` once per version of the file in this process (`cache` keeps what each
    version gave: the library's headings, the documents' symbols, pairing's parsed
    texts); None when the file cannot be examined."""
    key = file_version(path)
    if key is None:
        return None
    if key not in cache:
        cache[key] = read(path)
    return cache[key]
