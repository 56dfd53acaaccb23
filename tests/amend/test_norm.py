"""Norm: quoted words matched against a draft with look-alikes and spaces folded away,
every character still pointing at its offset in the draft's file."""

from __future__ import annotations

import pytest

from reslint.amend.text import Norm


@pytest.mark.parametrize(("raw", "text", "offsets"), [
    ("tidy words", "tidy words", list(range(10, 20))),  # as it is
    ("  a \t\u00a0b\n", "a b", [12, 13, 16]),  # ends stripped, a run is its first space
    ("“a”\u2011b", '"a"-b', [10, 11, 12, 13, 14]),  # look-alikes folded
    (" \n ", "", []),
])
def test_build_folds_spaces_and_keeps_each_characters_offset(raw, text, offsets) -> None:
    norm = Norm.build(raw, range(10, 10 + len(raw)))
    assert (norm.text, list(norm.offsets)) == (text, offsets)


def test_build_drops_emphasis_before_folding_spaces() -> None:
    norm = Norm.build("*a* _ b", range(len("*a* _ b")), drop="*_")
    assert (norm.text, list(norm.offsets)) == ("a b", [1, 3, 6])
