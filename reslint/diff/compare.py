"""Two documents -> a DocumentDiff: align paragraphs, diff words, classify each change."""

from __future__ import annotations

from difflib import SequenceMatcher

from reslint.diff.align import align
from reslint.diff.classify import Classifier, Expectation
from reslint.diff.footnotes import Place, pair_footnotes
from reslint.diff.model import (
    ADDED,
    CHANGED,
    DELETED,
    MOVED,
    SUBSTANTIVE,
    TECHNICAL,
    UNCHANGED,
    DocumentDiff,
    FootnoteDiff,
    Hunk,
    ParagraphDiff,
)
from reslint.diff.tokens import Token, tokenize
from reslint.model import Document, Paragraph


def full_text(p: Paragraph) -> str:
    """A paragraph with its sub-paragraphs, as one comparable text."""
    parts = [p.text]
    for sub in p.subparagraphs:
        parts.append(f"({sub.number}) {full_text(sub)}" if sub.number else full_text(sub))
    return " ".join(parts)


def word_hunks(old: list[Token], new: list[Token]) -> list[Hunk]:
    """The word diff: difflib opcodes over token keys, as hunks holding the tokens."""
    matcher = SequenceMatcher(None, [t.key for t in old], [t.key for t in new], autojunk=False)
    return [Hunk(op, old[i1:i2], new[j1:j2], old_at=i1, new_at=j1,
                 before=old[i1 - 1].key.lower() if i1 else "")
            for op, i1, i2, j1, j2 in matcher.get_opcodes()]


def diff_documents(previous: Document, draft: Document,
                   expectation: Expectation | None = None) -> DocumentDiff:
    """Compare `draft` with last year's `previous`.  `expectation` is the expected
    technical update (see reslint.diff.classify.Expectation); None uses token rules only."""
    classifier = Classifier(previous, draft, expectation)
    paragraphs: list[ParagraphDiff] = []
    paired: list[tuple[Place, Place]] = []  # aligned paragraphs, for the footnotes
    for section in ("preamble", "operative"):
        old: list[Paragraph] = getattr(previous, section)
        new: list[Paragraph] = getattr(draft, section)
        old_tokens = [tokenize(full_text(p)) for p in old]
        new_tokens = [tokenize(full_text(p)) for p in new]
        pairs = align([[t.key for t in ts] for ts in old_tokens],
                      [[t.key for t in ts] for ts in new_tokens])
        last_new: str | None = None
        for pair in pairs:
            o = old[pair.old] if pair.old is not None else None
            n = new[pair.new] if pair.new is not None else None
            diff = ParagraphDiff(UNCHANGED, section, o, n,
                                 full_text(o) if o else "", full_text(n) if n else "")
            if o is not None and n is not None:
                assert pair.old is not None and pair.new is not None
                paired.append(((section, pair.old), (section, pair.new)))
                diff.hunks = word_hunks(old_tokens[pair.old], new_tokens[pair.new])
                changed = any(h.op != "equal" for h in diff.hunks)
                diff.status = MOVED if pair.moved else CHANGED if changed else UNCHANGED
            elif n is not None:
                assert pair.new is not None
                diff.status, diff.after = ADDED, last_new
                diff.hunks = [Hunk("insert", [], new_tokens[pair.new])]
            else:
                assert pair.old is not None
                diff.status = DELETED
                diff.hunks = [Hunk("delete", old_tokens[pair.old], [])]
            if n is not None:
                last_new = n.label
            classifier.classify(diff)
            paragraphs.append(diff)
    footnotes = _footnotes(previous, draft, classifier, paired)
    return DocumentDiff(previous, draft, paragraphs, footnotes,
                        expectation=classifier.description)


def _footnotes(previous: Document, draft: Document, classifier: Classifier,
               paired: list[tuple[Place, Place]]) -> list[FootnoteDiff]:
    """Footnotes paired by the paragraphs their markers stand in, then by text (see
    reslint.diff.footnotes): the same text under a new number is a renumbering (a
    technical change: a footnote inserted before it shifted it)."""
    old = [tokenize(f.text) for f in previous.footnotes]
    new = [tokenize(f.text) for f in draft.footnotes]
    pairs = pair_footnotes(previous, draft, old, new, paired)
    out: list[FootnoteDiff] = []
    for pair in pairs:
        o = previous.footnotes[pair.old] if pair.old is not None else None
        n = draft.footnotes[pair.new] if pair.new is not None else None
        diff = FootnoteDiff(UNCHANGED, o.number if o else None, n.number if n else None,
                            o.text if o else "", n.text if n else "")
        if o is not None and n is not None:
            assert pair.old is not None and pair.new is not None
            diff.hunks = word_hunks(old[pair.old], new[pair.new])
            if any(h.op != "equal" for h in diff.hunks):
                diff.status = CHANGED
                diff.kind = classifier.classify_hunks(diff.hunks, None, None)
            elif o.number != n.number:
                diff.status, diff.kind = "renumbered", TECHNICAL
        else:
            diff.status = ADDED if n is not None else DELETED
            diff.kind = SUBSTANTIVE
        out.append(diff)
    return out
