"""The ctbt pack on its real texts: silent on every consecutive pair, and each deliberate
slip gives exactly the expected rule on the slipped line."""

from __future__ import annotations

import pytest
from packs_helpers import CORPUS, consecutive, needs_corpus, pack_findings, slipped

PAIRS = consecutive("A_RES_78_66.md", "A_RES_79_77.md", "A_RES_80_70.md", "A_C.1_80_L.43.md")
PREVIOUS = "A_RES_79_77.md"
SLIPS = [
    ("A_RES_80_70.md", "29 years after", "28 years after", ["CTB205"]),
    ("A_RES_80_70.md", "remaining nine annex 2", "remaining eight annex 2", ["CTB202"]),
]


@needs_corpus
@pytest.mark.parametrize(("draft", "previous"), PAIRS, ids=[d for d, _ in PAIRS])
def test_real_pair_is_clean(capsys, draft, previous):
    assert pack_findings(capsys, CORPUS / draft, CORPUS / previous, "CTB") == []


@needs_corpus
@pytest.mark.parametrize(("name", "old", "new", "codes"), SLIPS, ids=[s[3][0] for s in SLIPS])
def test_slip_fires(capsys, tmp_path, name, old, new, codes):
    draft, line = slipped(name, tmp_path, old, new)
    assert pack_findings(capsys, draft, CORPUS / PREVIOUS, "CTB") == [(c, line) for c in codes]
