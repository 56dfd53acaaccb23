"""How a path is shown to the user: as they typed it, relative to the working folder when
it lies inside it.  One function, so that `check`, `rules`, `explain`, `config` and
`test` print the same file the same way."""

from __future__ import annotations

import os


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
