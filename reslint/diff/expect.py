"""The plug for `reslint next`: its output, read as the expected technical update.

`reslint.rollover.next_draft(previous)` writes next year's starting draft from last year's
resolution.  This adapter parses that text and answers one question for the classifier:
does the expected text make the same edit to the same words as the draft does?  The
rollover keeps the paragraph structure, so expected paragraphs are found by the previous
paragraph's label.
"""

from __future__ import annotations

from reslint.diff.compare import full_text, word_hunks
from reslint.diff.model import Hunk
from reslint.diff.tokens import tokenize
from reslint.errors import ReslintError
from reslint.model import Document, Paragraph
from reslint.parse import parse_source
from reslint.rollover import next_draft
from reslint.text.source import SourceText


class RolloverExpectation:
    name = "reslint next"

    def __init__(self, expected: Document) -> None:
        self.tokens = {p.label: tokenize(full_text(p)) for p in expected.paragraphs()}
        self._edits: dict[str, set[tuple[int, int, tuple[str, ...]]]] = {}

    @classmethod
    def build(cls, previous: Document) -> RolloverExpectation | None:
        """None when `previous` cannot be rolled over (not an adopted resolution): the
        token rules then decide alone."""
        try:
            return cls(_parse_text(next_draft(previous), previous.path))
        except (ReslintError, TypeError, ValueError):
            return None

    def agrees(self, previous: Paragraph, hunk: Hunk) -> bool:
        edits = self._edits.get(previous.label)
        if edits is None:
            edits = self._edits[previous.label] = self._expected_edits(previous)
        return (hunk.old_at, len(hunk.old), tuple(t.key for t in hunk.new)) in edits

    def _expected_edits(self, previous: Paragraph) -> set[tuple[int, int, tuple[str, ...]]]:
        expected = self.tokens.get(previous.label)
        if expected is None:
            return set()
        hunks = word_hunks(tokenize(full_text(previous)), expected)
        return {(h.old_at, len(h.old), tuple(t.key for t in h.new))
                for h in hunks if h.op != "equal"}


def _parse_text(text: str, path: str) -> Document:
    return parse_source(SourceText(f"{path} (expected by reslint next)", text))
