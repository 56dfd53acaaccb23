"""Pieces every rendering of `reslint diff` shares: word-diff segments with their original
spacing, and the label of each status.  Kept free of format-specific escaping."""

from __future__ import annotations

from reslint._dataclass import dataclass
from reslint.diff.model import Hunk, ParagraphDiff
from reslint.diff.tokens import Token


@dataclass(frozen=True)
class Segment:
    op: str  # "equal", "delete" (old words) or "insert" (new words)
    text: str
    kind: str | None  # "technical", "substantive", None for equal text


def _piece(text: str, tokens: list[Token], last_end: int) -> tuple[str, int]:
    """The source text of `tokens` with the spacing before them, and where it ends."""
    if not tokens:
        return "", last_end
    return text[last_end:tokens[-1].end], tokens[-1].end


def side(text: str, hunks: list[Hunk], which: str) -> list[Segment]:
    """One side ("old" or "new") of a paragraph, cut where the word diff changed it."""
    out: list[Segment] = []
    end = 0
    for hunk in hunks:
        tokens = hunk.old if which == "old" else hunk.new
        piece, end = _piece(text, tokens, end)
        if not piece:
            continue
        op = "equal" if hunk.op == "equal" else ("delete" if which == "old" else "insert")
        body = piece.lstrip()
        if op != "equal" and body != piece:
            out.append(Segment("equal", piece[: len(piece) - len(body)], None))
            piece = body
        out.append(Segment(op, piece, hunk.kind))
    if end < len(text):
        out.append(Segment("equal", text[end:], None))
    return out


def inline(diff: ParagraphDiff) -> list[Segment]:
    """Both sides in one run, as a word diff reads: old words struck, new words added."""
    out: list[Segment] = []
    old_end = new_end = 0
    for hunk in diff.hunks:
        old_piece, old_end = _piece(diff.old_text, hunk.old, old_end)
        new_piece, new_end = _piece(diff.new_text, hunk.new, new_end)
        if hunk.op == "equal":
            out.append(Segment("equal", new_piece, None))
            continue
        space = (new_piece or old_piece)[: len(new_piece or old_piece) - len(
            (new_piece or old_piece).lstrip())]
        if space:
            out.append(Segment("equal", space, None))
        if old_piece:
            out.append(Segment("delete", old_piece.strip(), hunk.kind))
        if new_piece:
            out.append(Segment("insert", new_piece.strip(), hunk.kind))
    return out


def paragraph_key(label: str | None) -> str | None:
    """A finding on "OP8(a)" belongs beside OP8."""
    return label.split("(", 1)[0] if label else None

