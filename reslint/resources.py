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

import os

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms

if TYPE_CHECKING:  # pathlib costs ~4 ms to import: a plain check uses the str forms
    from pathlib import Path

_PACKAGE = "reslint"
_PACKAGE_DIR = os.path.dirname(os.path.realpath(__file__))
_SOURCE_ROOT = os.path.dirname(_PACKAGE_DIR)


def builtin_rules_path() -> str:
    """The folder of the built-in rule packs (``rules/*.yaml``, ``rules/<series>/...``).

    Falls back to ``<checkout>/rules``; if neither exists (a broken install), that
    fallback path is returned anyway so the caller's error names a real location."""
    found = os.path.join(_PACKAGE_DIR, "rules")
    if os.path.isdir(found):
        return found
    return os.path.join(_SOURCE_ROOT, "rules")


def builtin_rules_dir() -> Path:
    """`builtin_rules_path` as a Path."""
    from pathlib import Path

    return Path(builtin_rules_path())


def rules_schema_path() -> Path:
    """The JSON Schema that rule files must satisfy (``reslint/schema/rules.schema.json``).

    It is ordinary package data, so it sits in the same place in a checkout and in a
    wheel; the fallback only matters if the package folder was moved."""
    from pathlib import Path

    found = os.path.join(_PACKAGE_DIR, "schema", "rules.schema.json")
    if os.path.isfile(found):
        return Path(found)
    return Path(_SOURCE_ROOT, _PACKAGE, "schema", "rules.schema.json")
