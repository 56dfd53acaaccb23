"""The built-in packs pass their own tests, and every rule of each has a case that makes it
fire (`reslint test --coverage`); every shipped pack satisfies the rule-file schema."""

from __future__ import annotations

import json

import pytest
import yaml

from reslint.cli import main
from reslint.resources import builtin_rules_dir, rules_schema_path

PACKS = sorted(p for p in builtin_rules_dir().iterdir() if p.suffix in (".yaml", ".yml"))


def test_all_builtin_cases_pass(capsys):
    capsys.readouterr()
    code = main(["test"])
    out = capsys.readouterr().out
    last = out.splitlines()[-1]
    assert code == 0, out
    assert last.endswith(" passed, 0 failed")


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.stem)
def test_builtin_pack_coverage(capsys, pack):
    capsys.readouterr()
    code = main(["test", str(pack), "--coverage"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "coverage:" not in out


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.stem)
def test_builtin_pack_matches_schema(pack):
    from jsonschema import Draft7Validator

    schema = json.loads(rules_schema_path().read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    data = yaml.safe_load(pack.read_text(encoding="utf-8"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in Draft7Validator(schema).iter_errors(data)]
    assert errors == []


def test_schema_helps_editors():
    """An `$id`, and a description on every property of a rule, so hovering explains it."""
    schema = json.loads(rules_schema_path().read_text(encoding="utf-8"))
    assert schema["$id"].endswith("rules.schema.json")
    rule = schema["properties"]["rules"]["items"]["properties"]
    missing = [key for key, spec in {**schema["properties"], **rule}.items()
               if "description" not in spec and "$ref" not in spec]
    assert missing == []
