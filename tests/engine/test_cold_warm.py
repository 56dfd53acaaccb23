"""Issue 14 item 3: the same findings whether the packs were compiled now (cold) or read
back from the pack cache (warm), byte for byte, on every test case of every built-in pack
and on a text where two regex engines disagree."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from reslint.config import Config
from reslint.engine import cache
from reslint.engine.ruleset import rule_files
from reslint.lint import Ruleset, _compile_packs, lint_document
from reslint.parse import parse_file, parse_source
from reslint.report import render
from reslint.resources import builtin_rules_path
from reslint.ruletest.case import Case, _read_settings
from reslint.text.source import decode

ROOT = Path(__file__).resolve().parents[2]
CASES = sorted(p.parent for p in (ROOT / "rules" / "tests").glob("*/*/draft.*"))


def builtin_files() -> list[str]:
    return sorted(rule_files(builtin_rules_path()),
                  key=lambda f: Path(f).stem != "general")


@pytest.fixture(scope="module")
def rulesets(tmp_path_factory: pytest.TempPathFactory) -> tuple[Ruleset, Ruleset]:
    files = builtin_files()
    cold = _compile_packs(files, [])
    folder = tmp_path_factory.mktemp("cold-warm-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RESLINT_CACHE_DIR", str(folder))
        mp.delenv("RESLINT_NO_CACHE", raising=False)
        cache.cached(files, [], lambda: _compile_packs(files, []))  # compiles and stores

        def refuse() -> list:
            raise AssertionError("the warm run compiled the packs")

        warm = cache.cached(files, [], refuse)  # read back from the stored entry
    return (Ruleset(cold, [r for p in cold for r in p.rules]),
            Ruleset(warm, [r for p in warm for r in p.rules]))


def findings_json(ruleset: Ruleset, folder: Path) -> str:
    case = Case.at(folder, folder.parent.name)
    assert case is not None
    previous = parse_file(str(case.previous)) if case.previous else None
    draft = parse_file(str(case.draft))
    config = Config(settings=_read_settings(case.settings))
    found = lint_document(draft, previous, ruleset, config)
    infos = {r.code: r.info() for r in ruleset.rules}
    return render("json", found, infos, root=str(ROOT), tool_version="test")


def test_every_pack_has_cases() -> None:
    assert {p.parent.name for p in CASES} >= {Path(f).stem for f in builtin_files()}


@pytest.mark.parametrize("folder", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_cold_and_warm_findings_are_identical(rulesets, folder: Path) -> None:
    cold, warm = rulesets
    assert findings_json(warm, folder) == findings_json(cold, folder)


PACK = """\
pack: accents
rules:
  - code: ACC001
    name: capitalised-word
    severity: info
    summary: the capitalised words of the operative part
    check: pattern
    pattern: "[A-Z][\\\\w]*"
    in: operative
    message: "{match.text}"
"""


def test_a_pattern_two_engines_read_differently(tmp_path: Path, monkeypatch) -> None:
    rules = tmp_path / "accents.yaml"
    rules.write_text(PACK, encoding="utf-8")
    seed = ROOT / "tests" / "fixtures" / "A_RES_78_32.txt"
    text = seed.read_text(encoding="utf-8").replace(
        "1. ", "1. " + unicodedata.normalize("NFD", "Côte d'Ivoire ") , 1)
    draft = parse_source(decode(str(tmp_path / "draft.txt"), text.encode("utf-8")))
    monkeypatch.setenv("RESLINT_CACHE_DIR", str(tmp_path / "cache"))
    files = [str(rules)]
    messages = []
    for _ in ("cold", "warm"):
        packs = cache.cached(files, [], lambda: _compile_packs(files, []))
        found = lint_document(draft, None, Ruleset(packs, packs[0].rules), Config())
        messages.append([f.message for f in found])
    assert messages[0] == messages[1]
    assert unicodedata.normalize("NFD", "Côte") in messages[0]
