"""Check primitives: the few generic operations that YAML rules compose.

A primitive receives the compiled rule and a `Context` and yields `Hit`s: the extra names
it binds for the message and the `at` expression (`item`, `expected` …) and a default
location.  The engine renders messages and resolves locations; no primitive knows any
particular rule.

Plugins add primitives through the entry-point group `reslint.primitives`, but only
those the configuration names are loaded: installing a package runs no code here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

from reslint._dataclass import dataclass, field
from reslint.errors import ReslintError

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any


@dataclass
class Hit:
    bindings: dict[str, Any] = field(default_factory=dict)
    at: Any = None  # a Span, a fact with a "span", or None (the rule's `at` decides)


@dataclass
class Primitive:
    name: str
    run: Callable[[Any, Any], Iterator[Hit]]
    # rule keys this primitive reads: name -> "expr" (an expression), "regex", or a JSON type
    args: dict[str, str]
    required: tuple[str, ...] = ()
    summary: str = ""


BUILTIN = {
    "expect": "reslint.checks.expect",
    "sequence": "reslint.checks.sequence",
    "includes": "reslint.checks.includes",
    "pattern": "reslint.checks.pattern",
    "footnotes": "reslint.checks.footnotes",
    "suppressions": "reslint.checks.suppressions",
}
ENTRY_POINT_GROUP = "reslint.primitives"


class PluginError(ReslintError):
    pass


def builtin_names() -> list[str]:
    return sorted(BUILTIN)


def get_primitive(name: str, plugins: dict[str, Primitive] | None = None) -> Primitive | None:
    if plugins and name in plugins:
        return plugins[name]
    module = BUILTIN.get(name)
    if module is None:
        return None
    __import__(module)  # importlib.import_module, without importing importlib (3.4 M)
    found: Primitive = sys.modules[module].PRIMITIVE
    return found


def load_plugins(names: list[str]) -> dict[str, Primitive]:
    """Load the named entry points of `reslint.primitives` (and nothing else)."""
    if not names:
        return {}
    from importlib.metadata import entry_points

    available = {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}
    loaded: dict[str, Primitive] = {}
    for name in names:
        ep = available.get(name)
        if ep is None:
            known = ", ".join(sorted(available)) or "none installed"
            raise PluginError(f"plugin primitive {name!r} is not installed (available: {known})")
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plugin must not crash the linter
            raise PluginError(f"plugin primitive {name!r} failed to load: {exc}") from None
        if callable(obj) and not isinstance(obj, Primitive):
            obj = obj()
        if not isinstance(obj, Primitive):
            raise PluginError(f"plugin {name!r} does not provide a reslint.checks.Primitive")
        loaded[name] = obj
    return loaded
