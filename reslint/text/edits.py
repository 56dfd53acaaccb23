"""Applying edits at source-mapped spans: the rest of the text stays byte-identical.

A Markdown input keeps its own style (line wraps, emphasis, marker style) when only the
spans that change are rewritten; findings and edits carry offsets into SourceText.text.
"""

from __future__ import annotations

from collections.abc import Iterable

from reslint.errors import ReslintError
from reslint.model import Edit


class OverlappingEdits(ReslintError):
    """Two edits claim the same characters: a bug in whoever made them, named here."""


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Replace each [start, end) of `text`; edits must not overlap (insertions may touch)."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    parts: list[str] = []
    pos = 0
    for edit in ordered:
        if edit.start < pos or edit.end < edit.start or edit.end > len(text):
            raise OverlappingEdits(
                f"edit [{edit.start}, {edit.end}) overlaps another or leaves the text"
            )
        parts.append(text[pos : edit.start])
        parts.append(edit.text)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)
