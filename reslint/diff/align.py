"""Pair the paragraphs of two texts by content, not by position.

Each side is a list of token-key sequences.  Two paragraphs are candidates when their word
similarity (difflib ratio) reaches THRESHOLD.  The kept pairs are the order-preserving
subset of greatest total similarity (a weighted longest common subsequence), so an
inserted or deleted paragraph shifts nothing after it.  Candidates left out of that order
become moves; whatever is still unpaired was added or deleted.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from difflib import SequenceMatcher

from reslint._dataclass import dataclass

THRESHOLD = 0.5
CONTAINED = 0.65  # share of the shorter paragraph's words found in the longer one


@dataclass(frozen=True)
class Pair:
    old: int | None
    new: int | None
    moved: bool = False
    ratio: float = 0.0


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """difflib's ratio over tokens, or THRESHOLD for a paragraph that kept its lead word
    and most of its words while growing or shrinking a lot (a count paragraph that gained
    a clause is still that paragraph)."""
    if not a or not b:
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < CONTAINED * 2 * min(len(a), len(b)) / (len(a) + len(b)):
        return 0.0
    ratio = matcher.ratio()
    if ratio >= THRESHOLD or a[0] != b[0]:
        return ratio
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return THRESHOLD if matched >= CONTAINED * min(len(a), len(b)) else ratio


def align(old: Sequence[Sequence[str]], new: Sequence[Sequence[str]],
          prefer: Collection[tuple[int, int]] = ()) -> list[Pair]:
    """Every old and every new index exactly once, in draft order; a deleted paragraph
    comes right after the draft paragraph paired with its predecessor.

    `prefer`: (old, new) pairs known to belong together from elsewhere (footnotes whose
    markers stand in paragraphs paired with each other).  Such a pair, when similar enough
    to pair at all, outweighs any number of other pairs, so it is kept, or else made a move,
    before any pairing by text alone."""
    n, m = len(old), len(new)
    ratio = [[similarity(a, b) for b in new] for a in old]
    sim = [row[:] for row in ratio]
    for i, j in prefer:
        if sim[i][j] >= THRESHOLD:
            sim[i][j] += n + m
    # best[i][j]: greatest total similarity aligning old[i:] with new[j:].
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = sim[i][j] + best[i + 1][j + 1] if sim[i][j] >= THRESHOLD else -1.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], take)
    kept: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if sim[i][j] >= THRESHOLD and best[i][j] == sim[i][j] + best[i + 1][j + 1]:
            kept.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    old_of = {j: i for i, j in kept}
    moved_of = _moves(sim, {i for i, _ in kept}, set(old_of))
    placed = set(old_of) | set(moved_of)
    pairs: list[Pair] = []
    done_old: set[int] = set()

    def flush_deleted(upto: int) -> None:
        for k in range(upto):
            if k not in done_old and k not in old_of.values() and k not in moved_of.values():
                pairs.append(Pair(k, None))
                done_old.add(k)

    for jj in range(m):
        if jj in old_of:
            flush_deleted(old_of[jj])
            pairs.append(Pair(old_of[jj], jj, ratio=ratio[old_of[jj]][jj]))
            done_old.add(old_of[jj])
        elif jj in moved_of:
            pairs.append(Pair(moved_of[jj], jj, moved=True, ratio=ratio[moved_of[jj]][jj]))
            done_old.add(moved_of[jj])
        elif jj not in placed:
            pairs.append(Pair(None, jj))
    flush_deleted(n)
    return pairs


def _moves(sim: list[list[float]], kept_old: set[int], kept_new: set[int]) -> dict[int, int]:
    """Greedy pairing, most similar first, of what the ordered alignment left out."""
    candidates = sorted(
        ((sim[i][j], i, j) for i in range(len(sim)) if i not in kept_old
         for j in range(len(sim[i])) if j not in kept_new and sim[i][j] >= THRESHOLD),
        reverse=True,
    )
    used_old: set[int] = set()
    moved: dict[int, int] = {}
    for _, i, j in candidates:
        if i not in used_old and j not in moved:
            moved[j] = i
            used_old.add(i)
    return moved
