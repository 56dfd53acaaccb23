"""Where the tests find their data: this checkout, the shared folder beside it (the real
texts: ../shared, never copied into the project) and the fixtures.  Tests that need the
shared data skip when it is absent (`needs_corpus`, `needs_ga`)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SEED_76_47 = FIXTURES / "A_RES_76_47.txt"
SEED_78_32 = FIXTURES / "A_RES_78_32.txt"

SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"  # the eight First Committee series, 2023-2025
GA = SHARED / "ga"  # sessions 78-80: texts/, pairs.tsv, amendments.tsv, pdf/
GA_TEXTS = GA / "texts"
SEEDS = SHARED / "seeds"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
needs_ga = pytest.mark.skipif(not GA_TEXTS.is_dir(), reason="../shared/ga is absent")
