"""Choosing edits: whole fixes, never overlapping, for one pass over the original text
(applied by reslint.text.edits, the one edit applier).

A fix is taken whole or not at all.  One that overlaps a fix already taken waits for the
next pass (the file is parsed and checked again in between), unless its edits are the very
same ones: two findings that ask for the same change are both fixed by it.
"""

from __future__ import annotations

from collections.abc import Iterable

from reslint.model import Edit, Fix


def _key(edit: Edit) -> tuple[int, int, str]:
    return (edit.start, edit.end, edit.text)


def _overlaps(a: Edit, b: Edit) -> bool:
    """Two edits touch the same characters; two insertions at one point also clash
    (their order would be a guess), an insertion strictly inside a replacement too."""
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def choose(fixes: Iterable[Fix]) -> tuple[list[Fix], list[Edit]]:
    """The fixes to apply in this pass (in the order given) and their distinct edits."""
    taken: list[Fix] = []
    edits: dict[tuple[int, int, str], Edit] = {}
    for fix in fixes:
        new = [e for e in fix.edits if _key(e) not in edits]
        if any(_overlaps(e, other) for e in new for other in edits.values()):
            continue
        if any(_overlaps(a, b) for i, a in enumerate(new) for b in new[i + 1 :]):
            continue  # a fix that contradicts itself is never applied
        taken.append(fix)
        edits.update((_key(e), e) for e in new)
    return taken, sorted(edits.values(), key=lambda e: (e.start, e.end))

