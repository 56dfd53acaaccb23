"""Instructions spent parsing a sample of the real texts: a deterministic figure for work
on the reader's speed (the machine is shared and noisy; wall clocks are not).

    python bench/parse_instructions.py [TREE ...]      (default: this worktree)

For each source tree (a worktree, or a `git archive` of a commit unpacked somewhere),
runs under `valgrind --tool=callgrind` a process that imports `reslint.parse` and parses
every sixth text of ../shared/ga/texts, and one that only imports it, and prints the
difference in millions of instructions.  Each tree's own reslint is imported (run in it);
bytecode is written as usual, so that a second run does not count compiling.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.parent / "shared" / "ga" / "texts"
EVERY = 6

PROGRAM = f"""
import sys
from pathlib import Path
from reslint.parse import parse_file
files = sorted(p for p in Path({str(TEXTS)!r}).iterdir() if p.suffix in (".md", ".txt")
               and p.name != "README.md")[::{EVERY}]
if sys.argv[1:] == ["parse"]:
    for f in files:
        try:
            parse_file(str(f))
        except Exception:
            pass
"""


def instructions(tree: str, mode: str, *, measure: bool = True) -> int:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = tree
    tool = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] if measure else []
    # run in the tree: "-c" puts the working directory first on sys.path
    done = subprocess.run([*tool, sys.executable, "-c", PROGRAM, mode], cwd=tree,
                          env=env, capture_output=True, text=True, check=True)
    if not measure:
        return 0
    m = re.search(r"Collected : (\d+)", done.stderr)
    if m is None:
        raise SystemExit(f"no callgrind total for {tree}:\n{done.stderr[-2000:]}")
    return int(m.group(1))


def main() -> int:
    if not TEXTS.is_dir():
        print(f"{TEXTS} is absent: nothing to measure")
        return 2
    for tree in sys.argv[1:] or [str(ROOT)]:
        # writes the tree's bytecode: the measured runs compile nothing
        instructions(tree, "import", measure=False)
        cost = instructions(tree, "parse") - instructions(tree, "import")
        print(f"{tree}: parsing every {EVERY}th text of {TEXTS.name}: "
              f"{cost / 1e6:,.0f} M instructions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
