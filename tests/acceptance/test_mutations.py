"""The mutation harness (mutations.py): the slips of a technical update, made in real
pairs, are found at their lines with no other new error (skipped when ../shared is absent).

The fast test makes every slip in every tenth real pair (and the Markdown variant of 80/52,
whose footnote markers are explicit); the slow one in every pair.  Recall per kind, for
the closing note:  PYTHONPATH=. python tests/acceptance/mutations.py

A footnote marker whose text is lost cannot be seen in text extracted from a PDF: there a
marker is a digit glued to a word, and reslint reads a digit as a marker only when a
footnote text answers it (nothing else tells "Conference,9" from a number).  That slip
is asserted where markers are explicit (Markdown, <sup>, superscript digits) and its
recall on extracted text is reported, not asserted.
"""

from __future__ import annotations

import ga_cache as ga
import mutations
import pytest

needs_ga = pytest.mark.skipif(not ga.TEXTS.is_dir(), reason="../shared/ga is absent")
FOOTNOTE = "footnote marker without text"


SEEDS = ga.REPO / "tests" / "fixtures"
SEED_PAIR = (SEEDS / "A_RES_78_32.txt", SEEDS / "A_RES_76_47.txt")  # superscript markers


def _outcomes(pairs: list) -> list:
    out = []
    for draft, previous in pairs:
        explicit = any(m.style != "plain" for f in ga.doc(draft).footnotes for m in f.markers)
        out += [(o, explicit) for o in mutations.run_pair(draft, previous)]
    return out


def _assert_all_found(pairs: list) -> dict[str, tuple[int, int, int]]:
    outcomes = _outcomes(pairs)
    missed = [(o.kind, o.draft) for o, explicit in outcomes
              if not o.found and (o.kind != FOOTNOTE or explicit)]
    noisy = [(o.kind, o.draft, o.new_errors) for o, _ in outcomes if o.new_errors]
    assert missed == []
    assert noisy == []
    return mutations.recall([o for o, _ in outcomes])


@needs_ga
def test_every_slip_kind_found_in_a_sample_of_real_pairs():
    table = _assert_all_found([*ga.all_pairs()[::10], SEED_PAIR])
    assert set(table) == set(mutations.KINDS)  # each kind was made somewhere
    assert table[FOOTNOTE][0] >= 1  # found where the markers are explicit


@needs_ga
@pytest.mark.slow
def test_every_slip_kind_found_in_every_real_pair():
    """Recall at least 95% per kind (the footnote slip aside: see above), and never an
    unrelated new error.  Measured: 100% but operative numbering 291/298 (texts whose
    numbering the reader does not yet read through), the previous's citation dropped
    181/182 and misdated 242/243."""
    outcomes = _outcomes(ga.all_pairs())
    assert [(o.kind, o.draft, o.new_errors) for o, _ in outcomes if o.new_errors] == []
    table = mutations.recall([o for o, _ in outcomes])
    low = {kind: (found, n) for kind, (found, n, _) in table.items()
           if kind != FOOTNOTE and found < 0.95 * n}
    assert low == {}
