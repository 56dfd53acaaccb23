"""Finding the previous resolution of a draft when --previous is not given.

(Being built: the configuration's map, the in-file `<!-- reslint: previous=… -->` line, a
library folder, `git:REV:PATH`.)"""

from __future__ import annotations

from reslint.config import Config


def find_previous(draft_path: str, given: str | None, config: Config) -> tuple[str | None, str]:
    """The previous resolution's path (or None) and how it was found (or why not)."""
    if given:
        return given, "given with --previous"
    return None, "no --previous given"
