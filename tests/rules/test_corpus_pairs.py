"""Acceptance: every consecutive real pair gives no error and no warning (info allowed).

For each series of ../shared/corpus/README.md: the 79 resolution against the 78, the 80
against the 79, the 80 draft against the 79. Plus the seed pair (78/32 against 76/47).
"""

from __future__ import annotations

import re

import pytest
from rules_helpers import CORPUS, SEED_76_47, SEED_78_32, check, failing


def corpus_pairs() -> list[tuple[str, str]]:
    readme = CORPUS / "README.md"
    if not readme.is_file():
        return []
    series: dict[str, list[str]] = {}
    for line in readme.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\| (\w+) \| (A/\S+) \|", line)
        if m:
            series.setdefault(m.group(1), []).append(m.group(2).replace("/", "_") + ".md")
    pairs = []
    for files in series.values():
        r78, r79, r80, d80 = files  # the README lists 78, 79, 80 and the 80 draft in order
        assert (r78[6:8], r79[6:8], r80[6:8], d80[:6]) == ("78", "79", "80", "A_C.1_"), files
        pairs += [(r79, r78), (r80, r79), (d80, r79)]
    pairs.append(("variants/A_RES_80_52.railcar-markdown.md", "A_RES_79_58.md"))
    return pairs


PAIRS = corpus_pairs()


@pytest.mark.skipif(not PAIRS, reason="../shared/corpus is absent")
@pytest.mark.parametrize(("draft", "previous"), PAIRS, ids=[d for d, _ in PAIRS])
def test_real_pair_is_clean(capsys, draft, previous):
    code, findings = check(capsys, CORPUS / draft, CORPUS / previous)
    loud = [(f["rule"], f["line"], f["message"]) for f in findings
            if f["severity"] in ("error", "warning")]
    assert loud == []
    assert code == 0


def test_corpus_has_every_series():
    if not PAIRS:
        pytest.skip("../shared/corpus is absent")
    assert len(PAIRS) == 3 * 8 + 1


def test_seed_pair(capsys):
    code, findings = check(capsys, SEED_78_32, SEED_76_47)
    assert code == 0
    assert failing(findings) == set()
    assert [f["rule"] for f in findings] == ["RES003"]
