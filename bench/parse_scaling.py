"""Parse time against input size: a seed with its operative paragraphs repeated.

    python bench/parse_scaling.py [FACTORS...]      (default: 1 10 100)

Prints size, seconds and microseconds per KB; a linear parser keeps the last column flat.
Both converter Markdown (seed 002) and PDF text (corpus 78/32, when present) are measured.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reslint.parse import parse_source  # noqa: E402
from reslint.text.source import decode  # noqa: E402


def grow(text: str, factor: int, first_op: str, last: str) -> str:
    """Repeat the operative part (from `first_op` up to `last`) `factor` times."""
    a = text.index(first_op)
    b = text.index(last)
    return text[:a] + text[a:b] * factor + text[b:]


def measure(name: str, text: str, factor: int) -> None:
    data = text.encode("utf-8")
    best = float("inf")
    runs = 3 if len(data) < 2_000_000 else 1
    for _ in range(runs):
        t0 = time.perf_counter()
        doc = parse_source(decode(name, data))
        best = min(best, time.perf_counter() - t0)
    kb = len(data) / 1024
    print(f"{name:<10} x{factor:<5} {kb:>10.0f} KB {best:>9.3f} s {best * 1e6 / kb:>9.0f} µs/KB"
          f"   ({len(doc.operative)} OP, {sum(len(f.markers) for f in doc.footnotes)} markers)")


def main() -> None:
    factors = [int(a) for a in sys.argv[1:]] or [1, 10, 100]
    seed = (ROOT / "tests/fixtures/A_RES_78_32.txt").read_text(encoding="utf-8")
    cases = [("seed-002", seed, "2. *Stresses*", "*42nd plenary")]
    pdf = ROOT.parent / "shared" / "corpus" / "A_RES_78_32.md"
    if pdf.exists():
        cases.append(("pdf-78/32", pdf.read_text(encoding="utf-8"), "4. \n", "42nd plenary"))
    print(f"{'input':<10} {'factor':<6} {'size':>13} {'time':>11} {'per KB':>15}")
    for name, text, first_op, last in cases:
        for factor in factors:
            measure(name, grow(text, factor, first_op, last), factor)


if __name__ == "__main__":
    main()
