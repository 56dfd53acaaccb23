"""The att pack on its real texts: silent on every consecutive pair, and each deliberate
slip gives exactly the expected rule on the slipped line."""

from __future__ import annotations

import pytest
from packs_helpers import CORPUS, consecutive, needs_corpus, pack_findings, slipped

PAIRS = consecutive("A_RES_78_48.md", "A_RES_79_52.md", "A_RES_80_46.md", "A_C.1_80_L.9.md")
PREVIOUS = "A_RES_79_52.md"
SLIPS = [
    ("A_RES_80_46.md", "notes that the Twelfth Conference", "notes that the Eleventh Conference",
     ["ATT403"]),
]


@needs_corpus
@pytest.mark.parametrize(("draft", "previous"), PAIRS, ids=[d for d, _ in PAIRS])
def test_real_pair_is_clean(capsys, draft, previous):
    assert pack_findings(capsys, CORPUS / draft, CORPUS / previous, "ATT") == []


@needs_corpus
@pytest.mark.parametrize(("name", "old", "new", "codes"), SLIPS, ids=[s[3][0] for s in SLIPS])
def test_slip_fires(capsys, tmp_path, name, old, new, codes):
    draft, line = slipped(name, tmp_path, old, new)
    assert pack_findings(capsys, draft, CORPUS / PREVIOUS, "ATT") == [(c, line) for c in codes]
