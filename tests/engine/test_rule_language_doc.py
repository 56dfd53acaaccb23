"""docs/rule-language.md is the registry's own reference: regenerate it with
`reslint explain --functions > docs/rule-language.md` when a function is added."""

from __future__ import annotations

from pathlib import Path

from reslint.cli import main
from reslint.engine.expr import FUNCTIONS, REGISTRY, evaluate, parse
from reslint.engine.expr.reference import functions_reference

DOC = Path(__file__).resolve().parents[2] / "docs" / "rule-language.md"


def test_the_doc_is_the_registry() -> None:
    assert DOC.read_text(encoding="utf-8") == functions_reference(), (
        "docs/rule-language.md drifted from the function registry: run "
        "`reslint explain --functions > docs/rule-language.md`")


def test_explain_functions_prints_it(capsys) -> None:
    assert main(["explain", "--functions"]) == 0
    assert capsys.readouterr().out == functions_reference()


def test_every_function_is_documented_once() -> None:
    names = [f.name for f in REGISTRY]
    assert len(names) == len(set(names)) == len(FUNCTIONS)
    for f in REGISTRY:
        assert f.signature.startswith(f.name + "("), f.name
        assert f.doc.endswith("."), f.name
        assert f"`{f.signature}`" in functions_reference()


def run(source: str, **env: object) -> object:
    return evaluate(parse(source), env)


def test_new_names_are_the_years_events() -> None:
    draft = [{"state": "Nigeria"}, {"state": "Vanuatu"}, {"state": "Nigeria"}]
    previous = [{"state": "Nigeria"}]
    assert run("new_names(d, p)", d=draft, p=previous) == ["Vanuatu"]
    assert run("len(new_names(d, null))", d=draft) == 2  # nothing named last year
    assert run("len(new_names(null, p))", p=previous) == 0  # nothing named this year


def test_same_and_advanced_are_silent_on_a_missing_fact() -> None:
    assert run("same(1, 1)") is True and run("same(1, 2)") is False
    assert run("same(null, 2)") is None and run("same(1, null)") is None
    assert run("advanced(13, 12)") is True and run("advanced(12, 12)") is False
    assert run("advanced(14, 12, 2)") is True
    assert run("advanced(null, 12)") is None and run("advanced(13, 12, null)") is None
