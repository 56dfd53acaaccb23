"""The apmbc pack on its real texts: silent on every consecutive pair, and each deliberate
slip gives exactly the expected rule on the slipped line."""

from __future__ import annotations

import pytest
from packs_helpers import CORPUS, consecutive, needs_corpus, pack_findings, slipped

PAIRS = consecutive("A_RES_78_45.md", "A_RES_79_34.md", "A_RES_80_35.md", "A_C.1_80_L.30.md")
PREVIOUS = "A_RES_79_34.md"
SLIPS = [
    ("A_RES_80_35.md", "that 166 States have", "that 165 States have", ["APM202"]),
    ("A_C.1_80_L.30.md", "to attend the Twenty-third", "to attend the Twenty-second", ["APM403"]),
]


@needs_corpus
@pytest.mark.parametrize(("draft", "previous"), PAIRS, ids=[d for d, _ in PAIRS])
def test_real_pair_is_clean(capsys, draft, previous):
    assert pack_findings(capsys, CORPUS / draft, CORPUS / previous, "APM") == []


@needs_corpus
@pytest.mark.parametrize(("name", "old", "new", "codes"), SLIPS, ids=[s[3][0] for s in SLIPS])
def test_slip_fires(capsys, tmp_path, name, old, new, codes):
    draft, line = slipped(name, tmp_path, old, new)
    assert pack_findings(capsys, draft, CORPUS / PREVIOUS, "APM") == [(c, line) for c in codes]
