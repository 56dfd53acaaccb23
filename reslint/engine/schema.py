"""Validating rule files against the shipped JSON Schema, with located errors.

The schema (reslint/schema/rules.schema.json) is the one editors use through the YAML
language server.  This validator implements the small part of JSON Schema that schema
uses, so that loading rules costs no jsonschema import on every commit, and so that errors
come out as `file:line:col: unknown key 'sevrity' (did you mean 'severity'?)`.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from reslint.engine.yamlload import Located, LocatedError

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "rules.schema.json"
TYPES: dict[str, type | tuple[type, ...]] = {
    "object": dict, "array": list, "string": str, "boolean": bool,
    "integer": int, "number": (int, float),
}


@cache
def rules_schema() -> dict[str, Any]:
    with open(SCHEMA_PATH, encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


def did_you_mean(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def validate(located: Located, schema: dict[str, Any] | None = None) -> None:
    _check(located, located.data, schema or rules_schema(), ())


def _check(located: Located, value: Any, schema: dict[str, Any], at: tuple[Any, ...]) -> None:
    def fail(message: str, key: bool = False) -> LocatedError:
        return located.error(at, message, key)

    what = "/".join(str(p) for p in at) or "the file"
    if "enum" in schema and value not in schema["enum"]:
        allowed = ", ".join(map(str, schema["enum"]))
        close = did_you_mean(value, schema["enum"])
        raise fail(f"{what}: {value!r} is not one of {allowed}{close}")
    expected = schema.get("type")
    if expected:
        py = TYPES[expected]
        numeric = expected in ("integer", "number")
        ok = isinstance(value, py) and not (numeric and isinstance(value, bool))
        if not ok:
            raise fail(f"{what}: expected {_article(expected)}, got {_describe(value)}")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            raise fail(f"{what}: must not be empty")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            raise fail(f"{what}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        if extra is False:  # a misspelt key is reported as such, not as a missing one
            for key in value:
                if key not in props:
                    raise located.error(
                        (*at, key), f"unknown key {key!r}{did_you_mean(key, props)}", key=True
                    )
        for name in schema.get("required", []):
            if name not in value:
                raise fail(f"{what}: missing required key {name!r}")
        for key, item in value.items():
            if key in props:
                _check(located, item, props[key], (*at, key))
            elif extra is False:
                raise located.error(
                    (*at, key), f"unknown key {key!r}{did_you_mean(key, props)}", key=True
                )
            elif isinstance(extra, dict):
                _check(located, item, extra, (*at, key))
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            _check(located, item, schema["items"], (*at, i))


def _article(kind: str) -> str:
    word = {"object": "mapping", "array": "list"}.get(kind, kind)
    return ("an " if word[0] in "aeiou" else "a ") + word


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    kind = {dict: "mapping", list: "list", str: "string", bool: "boolean",
            int: "integer", float: "number"}.get(type(value), type(value).__name__)
    return f"{_article(kind)[:-len(kind)]}{kind}"
