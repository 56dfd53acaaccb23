"""The path of one rule's finding through reslint, hop by hop (issue 14's closing note).

    PYTHONPATH=. python bench/finding_path.py RES604 DRAFT [reslint check options...]

Runs `reslint check DRAFT ... -j 1` in this process under a profiler and prints:
1. each reslint function, in the order first entered, that holds the rule (as loaded from
   its pack, or from the pack cache) or one of its findings in an argument, with the module
   hops between them: the path from the YAML rule to the printed line;
2. the modules entered while the rule runs on the draft and while its findings are made
   (the facts, the expression evaluator, the message templates), and while the report is
   rendered.
`RESLINT_NO_CACHE=1` shows the cold path (the pack compiled from its YAML)."""

from __future__ import annotations

import sys
from types import FrameType
from typing import Any

from reslint.cli import main

# the records' shared constructors: every object passes there, no hop of its own
PLUMBING = ("reslint._dataclass", "reslint._record")


def module_of(frame: FrameType) -> str | None:
    name = frame.f_globals.get("__name__", "")
    if not isinstance(name, str) or not name.startswith("reslint") or name in PLUMBING:
        return None
    return name


class Tracer:
    def __init__(self, code: str) -> None:
        self.code = code
        self.held: list[tuple[str, str, str]] = []  # (module, function, what) first entered
        self.places: set[tuple[str, str]] = set()
        self.windows: list[tuple[FrameType, str]] = []
        self.within: dict[str, dict[str, str]] = {}  # window -> module -> first function

    def holds(self, value: Any) -> str | None:
        kind = type(value).__name__
        if kind in ("Rule", "CachedRule") and getattr(value, "code", None) == self.code:
            return "rule"
        if kind == "Finding" and getattr(value, "rule", None) == self.code:
            return "finding"
        if isinstance(value, dict) and value.get("code") == self.code:
            return "rule (YAML)"
        if isinstance(value, (list, tuple)) and len(value) < 500:
            inner = next((h for h in map(self.holds, value) if h), None)
            return f"{inner}s" if inner and not inner.endswith("s") else inner
        return None

    def __call__(self, frame: FrameType, event: str, arg: Any) -> None:
        module = module_of(frame)
        if module is None:
            return
        function = frame.f_code.co_qualname
        if event == "return":
            if self.windows and self.windows[-1][0] is frame:
                self.windows.pop()
            return
        if event != "call":
            return
        args = frame.f_locals
        what = next((h for h in map(self.holds, args.values()) if h), None)
        if what and (module, function) not in self.places:
            self.places.add((module, function))
            self.held.append((module, function, what))
        rule = args.get("rule")
        if (function in ("run", "_finding") and getattr(rule, "code", None) == self.code) or (
                module.startswith("reslint.report.") and function == "render"):
            self.windows.append((frame, f"{module}.{function}"))
        if self.windows:
            self.within.setdefault(self.windows[-1][1], {}).setdefault(module, function)


def report(tracer: Tracer) -> str:
    out = ["Where the rule or its finding is held (module hops marked ->):"]
    previous = None
    hops = 0
    modules: list[str] = []
    for module, function, what in tracer.held:
        if module != previous:
            hops += previous is not None
            modules += [module] if module not in modules else []
        mark = "->" if module != previous and previous is not None else "  "
        out.append(f"  {mark} {module}.{function}  [{what}]")
        previous = module
    out.append(f"{hops} hops through {len(modules)} modules")
    for window, entered in tracer.within.items():
        out.append(f"Modules entered within {window}:")
        out += [f"     {module} ({function})" for module, function in entered.items()]
    return "\n".join(out)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    tracer = Tracer(sys.argv[1])
    sys.setprofile(tracer)
    try:
        main(["check", *sys.argv[2:], "-j", "1", "--output-file", "/dev/null"])
    finally:
        sys.setprofile(None)
    print(report(tracer))
