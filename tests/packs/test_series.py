"""The series packs on their real texts: silent on every consecutive pair, and each
deliberate slip gives exactly the expected rules on the slipped line.  The cases are data:
tests/packs/series.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from reslint.lint import Linter
from tests.paths import CORPUS, needs_corpus

SERIES: dict[str, dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "series.yaml").read_text(encoding="utf-8"))
PAIRS = [(pack, texts[i + 1] if i < 2 else texts[3], texts[i] if i < 2 else texts[1])
         for pack, texts in ((p, s["texts"]) for p, s in SERIES.items()) for i in range(3)]
SLIPS = [(pack, slip) for pack, s in SERIES.items() for slip in s["slips"]]
LINTER = Linter()

pytestmark = needs_corpus


def pack_findings(pack: str, draft: Path, previous: Path) -> list[tuple[str, int]]:
    """(code, line) of the findings of `pack`, in order."""
    prefix = SERIES[pack]["prefix"]
    found = LINTER.check_file(str(draft), str(previous)).findings
    return [(f.rule, f.span.line) for f in found if f.rule.startswith(prefix)]


@pytest.mark.parametrize(("pack", "draft", "previous"), PAIRS,
                         ids=[f"{p}-{d}" for p, d, _ in PAIRS])
def test_real_pair_is_clean(pack: str, draft: str, previous: str) -> None:
    assert pack_findings(pack, CORPUS / draft, CORPUS / previous) == []


@pytest.mark.parametrize(("pack", "slip"), SLIPS,
                         ids=[f"{p}-{s['fires'][0]}" for p, s in SLIPS])
def test_slip_fires(tmp_path: Path, pack: str, slip: dict[str, Any]) -> None:
    text = (CORPUS / slip["in"]).read_text(encoding="utf-8")
    old, new = slip["old"], slip["new"]
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {slip['in']}"
    line = text[: text.index(old)].count("\n") + 1
    draft = tmp_path / slip["in"]
    draft.write_text(text.replace(old, new), encoding="utf-8")
    previous = CORPUS / SERIES[pack]["previous"]
    assert pack_findings(pack, draft, previous) == [(code, line) for code in slip["fires"]]
