"""The plug for `reslint next`: its output, read as the expected technical update.

`reslint.rollover.next_draft(previous)` writes next year's starting draft from last year's
resolution.  Whatever it returns (a Document, or the text of one), this adapter parses it
and answers one question for the classifier: does the expected text make the same edit
to the same words as the draft does?  The rollover keeps the paragraph structure, so
expected paragraphs are found by the previous paragraph's label.
"""

from __future__ import annotations

from typing import Any

from reslint.diff.model import Hunk
from reslint.diff.tokens import tokenize
from reslint.model import Document, Paragraph


class RolloverExpectation:
    name = "reslint next"

    def __init__(self, expected: Document) -> None:
        from reslint.diff.compare import full_text

        self.tokens = {p.label: tokenize(full_text(p)) for p in expected.paragraphs()}
        self._edits: dict[str, set[tuple[int, int, tuple[str, ...]]]] = {}

    @classmethod
    def build(cls, rollover: Any, previous: Document) -> RolloverExpectation | None:
        """None when the rollover module offers no `next_draft` (yet) or cannot roll
        `previous` over: the token rules then decide alone."""
        from reslint.errors import ReslintError

        next_draft = getattr(rollover, "next_draft", None)
        if next_draft is None:
            return None
        try:
            expected = next_draft(previous)
            if isinstance(expected, str):
                expected = _parse_text(expected, previous.path)
            elif hasattr(expected, "text") and not isinstance(expected, Document):
                expected = _parse_text(expected.text, previous.path)
        except (ReslintError, TypeError, ValueError):
            return None
        return cls(expected) if isinstance(expected, Document) else None

    def agrees(self, previous: Paragraph, hunk: Hunk) -> bool:
        edits = self._edits.get(previous.label)
        if edits is None:
            edits = self._edits[previous.label] = self._expected_edits(previous)
        return (hunk.old_at, len(hunk.old), tuple(t.key for t in hunk.new)) in edits

    def _expected_edits(self, previous: Paragraph) -> set[tuple[int, int, tuple[str, ...]]]:
        from reslint.diff.compare import full_text, word_hunks

        expected = self.tokens.get(previous.label)
        if expected is None:
            return set()
        hunks = word_hunks(tokenize(full_text(previous)), expected)
        return {(h.old_at, len(h.old), tuple(t.key for t in h.new))
                for h in hunks if h.op != "equal"}


def _parse_text(text: str, path: str) -> Document:
    from reslint.parse import parse_source
    from reslint.text.source import SourceText

    return parse_source(SourceText(f"{path} (expected by reslint next)", text))
