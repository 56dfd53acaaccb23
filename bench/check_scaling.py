"""`reslint check` time and memory against input size, up to the 5 MB input limit.

    python bench/check_scaling.py [SIZES_IN_KB...]   (default: 250 500 1000 2000 4900)

Each draft is the seed 78/32 with its operative part repeated to the size (the real
paragraphs, their footnote markers and citations, numbered on); the whole process runs
once per size (`python -m reslint check DRAFT --previous SEED --format concise`) and its
wall time and peak resident memory are printed with the time per MB.  A linear checker
keeps the last two columns flat (memory: the interpreter's ~20 MB floor, then a few times
the input).  A measuring tool, not a test: it asserts nothing.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "A_RES_78_32.txt"
PREVIOUS = ROOT / "tests" / "fixtures" / "A_RES_76_47.txt"


def grown(size: int) -> str:
    """The seed with its operative paragraphs repeated (renumbered on) to `size` bytes."""
    text = SEED.read_text(encoding="utf-8")
    start = text.index("\n1. ")
    end = text.rindex("\n11. ") if "\n11. " in text else len(text)
    body = text[start:end]
    paragraphs = re.split(r"(?=\n\d+\. )", body)[1:]
    out, number = [text[:start]], 1
    total = len(text.encode("utf-8"))
    while total < size:
        for p in paragraphs:
            p = re.sub(r"^\n\d+\. ", f"\n{number}. ", p)
            out.append(p)
            number += 1
            total += len(p.encode("utf-8"))
            if total >= size:
                break
    out.append(text[end:])
    return "".join(out)


def run(path: str) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB and exit code of one `reslint check`."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "reslint", "check", path, "--previous", str(PREVIOUS),
           "--format", "concise", "--max-size", "6M"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, proc.returncode


def main() -> None:
    sizes = [int(s) * 1024 for s in sys.argv[1:]] or [k * 1024 for k in (250, 500, 1000,
                                                                           2000, 4900)]
    print(f"{'size':>10} {'seconds':>9} {'s/MB':>7} {'peak MB':>9} {'exit':>5}")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = os.path.join(folder, f"draft-{size}.txt")
            data = grown(size).encode("utf-8")
            with open(path, "wb") as handle:
                handle.write(data)
            wall, peak, code = run(path)
            mb = len(data) / 1024 / 1024
            print(f"{mb:>8.2f}MB {wall:>9.2f} {wall / mb:>7.2f} {peak:>9.0f} {code:>5}")


if __name__ == "__main__":
    main()
