"""Each real consecutive pair of the shared corpus, diffed as `reslint diff` diffs it:
every change with its kind, and the verdict, as a person found them by reading the two
texts.  The cases are data: tests/diff/corpus_pairs.yaml (the why of each in a comment)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from reslint.diff import diff_documents
from reslint.parse import parse_file
from tests.paths import CORPUS, needs_corpus

CASES: dict[str, list[dict[str, Any]]] = yaml.safe_load(
    (Path(__file__).parent / "corpus_pairs.yaml").read_text(encoding="utf-8"))
PAIRS = [(series, case) for series, cases in CASES.items() for case in cases]

pytestmark = needs_corpus


@cache
def parsed(name: str) -> Any:
    return parse_file(str(CORPUS / f"{name}.md"))


@pytest.mark.parametrize(("series", "case"), PAIRS,
                         ids=[f"{s}-{c['pair'][0]}-{c['pair'][1]}" for s, c in PAIRS])
def test_pair_is_classified_as_read(series: str, case: dict[str, Any]) -> None:
    old, new = case["pair"]
    diff = diff_documents(parsed(old), parsed(new))
    assert {c.name: c.kind for c in diff.changes()} == case["changes"]
    assert diff.verdict() == case["verdict"]


def test_ccw_welcoming_the_results_is_a_paragraph_of_its_own() -> None:
    for name in ("A_RES_79_75", "A_C.1_80_L.29"):
        assert parsed(name).preamble[2].text.startswith("Welcoming the results of the Sixth Review")
