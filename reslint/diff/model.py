"""What `reslint diff` found: plain data that the renderings read and nothing else.

Paragraphs are named as drafters and votes name them ("PP13", "OP8"): a changed or moved
paragraph by its label in the draft, a deleted one by its label in the previous text, an
added one by its place ("new PP after PP13").
"""

from __future__ import annotations

from typing import Any

from reslint._dataclass import dataclass, field
from reslint.diff.tokens import Token
from reslint.model import Finding, Paragraph

TECHNICAL, SUBSTANTIVE = "technical", "substantive"
UNCHANGED, CHANGED, ADDED, DELETED, MOVED = "unchanged", "changed", "added", "deleted", "moved"


@dataclass
class Hunk:
    """One run of the word diff: `equal`, `insert`, `delete` or `replace`."""

    op: str
    old: list[Token]
    new: list[Token]
    kind: str | None = None  # TECHNICAL or SUBSTANTIVE; None for `equal`
    reason: str = ""  # why it is technical ("session ordinal"), or what changed
    old_at: int = 0  # index of the first old/new token in the paragraph's token list
    new_at: int = 0
    before: str = ""  # the word just before the hunk ("article" in "article 3")

    @property
    def old_text(self) -> str:
        return " ".join(t.text for t in self.old)

    @property
    def new_text(self) -> str:
        return " ".join(t.text for t in self.new)


@dataclass
class ParagraphDiff:
    status: str  # UNCHANGED, CHANGED, ADDED, DELETED, MOVED
    section: str  # "preamble" or "operative"
    old: Paragraph | None
    new: Paragraph | None
    old_text: str
    new_text: str
    hunks: list[Hunk] = field(default_factory=list)
    after: str | None = None  # ADDED: the draft label of the paragraph before it
    kind: str | None = None  # TECHNICAL or SUBSTANTIVE; None when unchanged
    findings: list[Finding] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The paragraph's name in the draft (or in the previous text once deleted)."""
        para = self.new or self.old
        assert para is not None
        return para.label

    @property
    def old_label(self) -> str | None:
        return self.old.label if self.old else None

    @property
    def renumbered(self) -> bool:
        return self.old is not None and self.new is not None and self.old.label != self.new.label

    @property
    def name(self) -> str:
        """How the verdict names this change."""
        short = "PP" if self.section == "preamble" else "OP"
        if self.status == ADDED:
            return f"new {short} after {self.after}" if self.after else f"new {short} at the start"
        if self.status == DELETED:
            return f"deleted {self.label}"
        if self.status == MOVED:
            return f"{self.label} (moved, was {self.old_label})"
        return self.label

    @property
    def reasons(self) -> list[str]:
        """The distinct reasons of the changed hunks, in order."""
        seen: list[str] = []
        for hunk in self.hunks:
            if hunk.kind and hunk.reason and hunk.reason not in seen:
                seen.append(hunk.reason)
        return seen


@dataclass
class FootnoteDiff:
    status: str  # UNCHANGED, CHANGED, ADDED, DELETED, or "renumbered"
    old_number: int | None
    new_number: int | None
    old_text: str
    new_text: str
    kind: str | None = None
    hunks: list[Hunk] = field(default_factory=list)

    @property
    def name(self) -> str:
        if self.status == ADDED:
            return f"new footnote {self.new_number}"
        if self.status == DELETED:
            return f"deleted footnote {self.old_number}"
        if self.status == "renumbered":
            return f"footnote {self.old_number} renumbered {self.new_number}"
        return f"footnote {self.new_number}"


@dataclass
class DocumentDiff:
    previous: Any  # reslint.model.Document
    draft: Any
    paragraphs: list[ParagraphDiff]
    footnotes: list[FootnoteDiff]
    findings: list[Finding] = field(default_factory=list)  # of `check`, on the draft
    unplaced: list[Finding] = field(default_factory=list)  # those beside no paragraph
    expectation: str = "token rules"  # what decided "technical"

    def changes(self) -> list[ParagraphDiff | FootnoteDiff]:
        """Every change the verdict counts: paragraphs first, then footnotes."""
        paras: list[ParagraphDiff | FootnoteDiff] = [
            p for p in self.paragraphs if p.status != UNCHANGED
        ]
        return paras + [f for f in self.footnotes if f.status != UNCHANGED]

    def renumbering(self) -> list[tuple[str, str]]:
        """(previous label, draft label) of operative paragraphs whose number changed."""
        return [(p.old.label, p.new.label) for p in self.paragraphs
                if p.section == "operative" and p.renumbered and p.old and p.new]

    def verdict(self) -> str:
        """The line a delegation can quote."""
        changes = self.changes()
        substantive = [c for c in changes if c.kind == SUBSTANTIVE]
        technical = [c for c in changes if c.kind == TECHNICAL]
        if not changes:
            return "no changes: the draft repeats the previous text"
        if not substantive:
            count = _count(len(technical), "technical change")
            return f"technical update only: {count}, 0 substantive"
        names = ", ".join(c.name for c in substantive)
        return f"{_count(len(substantive), 'substantive change')}: {names}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
