"""Data flows one way: text -> parse -> model -> facts -> engine -> findings -> report, with
fix, diff and rollover beside the engine, the library pipeline (reslint.lint) above them and
the commands on top.  A module may import its own layer and those below, never one above:
this test reads every import of reslint/ (those inside functions too) and fails on each
that runs back up, naming the file and line; and a real check run, watched in a fresh
interpreter, has no module load one of a higher layer (importlib.import_module included)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "reslint"

# lowest first; a module belongs to the layer of its longest matching prefix ("reslint"
# is the package itself only: a new module must be placed here, or this test fails)
LAYERS: list[tuple[str, ...]] = [
    ("reslint", "reslint.errors", "reslint._dataclass", "reslint._record",
     "reslint.resources", "reslint.paths", "reslint.links", "reslint.workers"),    # foundations
    ("reslint.model", "reslint.vocab"),                           # the document model, words
    ("reslint.text",),                                            # bytes -> source text
    ("reslint.parse",),                                           # source text -> Document
    ("reslint.engine", "reslint.checks", "reslint.suppress"),     # facts, rules -> findings
    ("reslint.fix", "reslint.diff", "reslint.rollover", "reslint.render",
     "reslint.amend"),                                            # beside the engine
    ("reslint.config", "reslint.pairing", "reslint.library", "reslint.documents",
     "reslint.amend.find"),                                       # what to check against what
    ("reslint.lint",),                                            # the library pipeline
    ("reslint.report", "reslint.ruletest", "reslint.diff.formats"),  # findings -> text
    ("reslint.commands", "reslint.cli", "reslint.helptext", "reslint.__main__", "reslint._recache",
     "reslint.lsp"),                                               # command line, editors
]


def layer_of(module: str) -> int:
    best, level = "", -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            inside = module == prefix or (prefix != "reslint" and module.startswith(prefix + "."))
            if inside and len(prefix) > len(best):
                best, level = prefix, index
    assert level >= 0, f"{module}: in no layer; add it to tests/test_layers.py LAYERS"
    return level


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[str, int]]:
    """The reslint modules `path` imports at run time (an `if TYPE_CHECKING:` import only
    names a type for the checker: it is no dependency)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for node in ast.walk(tree)
                   if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING")
                   for stmt in node.body for n in ast.walk(stmt)}
    found = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
    return [(name, line) for name, line in found if name.split(".")[0] == "reslint"]


def test_no_layer_imports_a_higher_one() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = module_name(path)
        for target, line in imports(path):
            if layer_of(target) > layer_of(here):
                upward.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {here} "
                              f"(layer {layer_of(here)}) imports {target} "
                              f"(layer {layer_of(target)})")
    assert upward == []


def test_the_check_finds_an_upward_import() -> None:
    assert layer_of("reslint.text.docx.source") < layer_of("reslint.parse")
    assert layer_of("reslint.diff.formats.html") > layer_of("reslint.diff.compare")
    assert layer_of("reslint.engine.runner") < layer_of("reslint.fix")
    with pytest.raises(AssertionError, match="in no layer"):
        layer_of("reslint.newcomer")


# Run in a fresh interpreter: records, for every reslint module a real check loads, the
# reslint module whose code imported it, by `import` or by importlib.import_module (which
# the AST test above cannot see: the commands, the report formats, the check primitives).
RECORDER = r'''
import importlib.abc, json, sys

edges = []

class Recorder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.startswith("reslint"):
            frame = sys._getframe(1)
            while frame is not None:
                module = frame.f_globals.get("__name__", "")
                if module.startswith("reslint") and module != name:
                    edges.append((module, name))
                    break
                frame = frame.f_back
        return None

sys.meta_path.insert(0, Recorder())
from reslint.cli import main
main(sys.argv[1:])
print(json.dumps(edges), file=sys.stderr)
'''


def test_a_check_imports_no_higher_layer_at_run_time(tmp_path: Path) -> None:
    fixtures = PACKAGE.parent / "tests" / "fixtures"
    env = {**os.environ, "PYTHONPATH": str(PACKAGE.parent), "RESLINT_CACHE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", RECORDER, "check", str(fixtures / "A_RES_78_32.txt"),
         "--previous", str(fixtures / "A_RES_76_47.txt"), "--format", "json", "-j", "1"],
        capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    edges = json.loads(done.stderr.splitlines()[-1])
    assert ["reslint.cli", "reslint.commands.check"] in edges  # the probe sees import_module
    assert ["reslint.report", "reslint.report.json"] in edges
    upward = [f"{a} (layer {layer_of(a)}) imports {b} (layer {layer_of(b)})"
              for a, b in edges if layer_of(b) > layer_of(a)]
    assert upward == []
