"""Shared by tests/diff/test_corpus_pairs_*.py: one consecutive real pair of the shared
corpus, diffed as `reslint diff` diffs it, read back as {change name: kind} and the verdict.

The tests beside it hold, for each pair, what a person found by reading the two texts.
Technical = what the yearly rollover does (session and meeting ordinals, symbols, the
recalled list extended by the previous resolution, years, dates, counts and the events
that explain them, footnote renumbering); substantive = everything else, including a
change of capitalization ("States parties" -> "States Parties") or punctuation, a new
venue, or a meeting of another kind (a Review Conference in place of a Meeting of States
Parties), none of which the rollover writes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus absent")
T, S = "technical", "substantive"


@cache
def classify(old: str, new: str) -> tuple[dict[str, str], str]:
    """({change name: kind}, verdict) of `reslint diff CORPUS/old.md CORPUS/new.md`."""
    from reslint.diff import diff_documents
    from reslint.parse import parse_file

    diff = diff_documents(parse_file(str(CORPUS / f"{old}.md")),
                          parse_file(str(CORPUS / f"{new}.md")))
    return {c.name: c.kind for c in diff.changes()}, diff.verdict()
