"""Where reslint's bundled data lives: the built-in rule packs and the rule-file schema.

Two layouts must work:

* an installed wheel: pyproject.toml maps the top-level ``rules/`` folder onto the package
  ``reslint.rules``, so the packs are at ``<site-packages>/reslint/rules``;
* a source checkout or an editable install: there is no ``reslint/rules``; the packs are
  in the ``rules/`` folder beside the ``reslint/`` package.

The installed package's folder is tried first, then the source tree.  Both functions
return real filesystem paths: reslint is never run from a zip file, so the package folder
is found from ``__file__`` (``importlib.resources`` would cost start-up for nothing).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = "reslint"
_PACKAGE_DIR = Path(__file__).resolve().parent
_SOURCE_ROOT = _PACKAGE_DIR.parent


def _package_path(*parts: str) -> Path | None:
    """The path of `parts` inside the installed package, or None when it is absent."""
    path = _PACKAGE_DIR.joinpath(*parts)
    return path if path.exists() else None


def builtin_rules_dir() -> Path:
    """The folder of the built-in rule packs (``rules/*.yaml``, ``rules/<series>/...``).

    Falls back to ``<checkout>/rules``; if neither exists (a broken install), that
    fallback path is returned anyway so the caller's error names a real location."""
    found = _package_path("rules")
    if found is not None and found.is_dir():
        return found
    return _SOURCE_ROOT / "rules"


def rules_schema_path() -> Path:
    """The JSON Schema that rule files must satisfy (``reslint/schema/rules.schema.json``).

    It is ordinary package data, so it sits in the same place in a checkout and in a
    wheel; the fallback only matters if the package folder was moved."""
    found = _package_path("schema", "rules.schema.json")
    if found is not None and found.is_file():
        return found
    return _SOURCE_ROOT / _PACKAGE / "schema" / "rules.schema.json"
