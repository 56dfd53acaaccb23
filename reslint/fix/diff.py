"""`--diff`: the fixes as a unified diff (a/PATH, b/PATH), the way `git apply` reads it."""

from __future__ import annotations

import difflib
import os

from reslint.paths import display_path


def unified_diff(path: str, before: str, after: str) -> str:
    """Lines keep their own endings, so a CRLF file gives a CRLF diff body."""
    name = path
    if os.path.isabs(path):  # git's a/ and b/ prefixes want a relative path
        name = display_path(path).lstrip("/")
    name = name.replace("\\", "/")
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=f"a/{name}", tofile=f"b/{name}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
