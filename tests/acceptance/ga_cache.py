"""The real texts of ../shared/ga and ../shared/corpus, each parsed once per test process,
and the findings of every real consecutive pair computed once (issue 12's acceptance).

Shared by the acceptance tests (real pairs clean, the library's citation dates, the fix
invariant, the mutation harness) and runnable as a script, which prints the findings per
rule and severity:  PYTHONPATH=. python tests/acceptance/ga_cache.py
"""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path
from typing import Any

from tests import paths

REPO = Path(__file__).resolve().parents[2]
SHARED = paths.SHARED
GA = SHARED / "ga"
TEXTS = GA / "texts"
CORPUS = SHARED / "corpus"
MAX_SIZE = 10_000_000


def ga_pairs() -> list[tuple[Path, Path]]:
    """(draft, previous) of ../shared/ga/pairs.tsv."""
    tsv = GA / "pairs.tsv"
    if not tsv.is_file():
        return []
    rows = tsv.read_text(encoding="utf-8").splitlines()[1:]
    return [(TEXTS / d, TEXTS / p) for d, p, _ in (row.split("\t", 2) for row in rows)]


def corpus_pairs() -> list[tuple[Path, Path]]:
    """(draft, previous) of ../shared/corpus: per series 79/78, 80/79 and the 80 draft/79."""
    readme = CORPUS / "README.md"
    if not readme.is_file():
        return []
    series: dict[str, list[str]] = {}
    for line in readme.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"\| (\w+) \| (A/\S+) \|", line):
            series.setdefault(m.group(1), []).append(m.group(2).replace("/", "_") + ".md")
    out = []
    for r78, r79, r80, d80 in series.values():
        out += [(CORPUS / r79, CORPUS / r78), (CORPUS / r80, CORPUS / r79),
                (CORPUS / d80, CORPUS / r79)]
    variant = CORPUS / "variants" / "A_RES_80_52.railcar-markdown.md"  # Markdown footnotes
    if variant.is_file():
        out.append((variant, CORPUS / "A_RES_79_58.md"))
    return out


def all_pairs() -> list[tuple[Path, Path]]:
    return ga_pairs() + corpus_pairs()


def real_texts() -> list[Path]:
    """Every real text: ../shared/ga/texts and ../shared/corpus (variants included)."""
    out = sorted(TEXTS.glob("*.md")) if TEXTS.is_dir() else []
    if CORPUS.is_dir():
        out += sorted(p for p in CORPUS.rglob("*.md") if p.name != "README.md")
    return out


@functools.cache
def doc(path: Path) -> Any:
    from reslint.lint import parse

    return parse(str(path), max_size=MAX_SIZE)


@functools.cache
def ruleset() -> Any:
    from reslint.config import Config
    from reslint.lint import Linter

    return Linter().ruleset(Config())


def check(draft: Any, previous: Any, library: dict[str, Any] | None = None) -> list[Any]:
    """The findings of one parsed draft against a parsed previous (or None)."""
    from reslint.config import Config
    from reslint.lint import lint_document

    return lint_document(draft, previous, ruleset(), Config(), "", library)


@functools.cache
def pair_findings() -> tuple[tuple[Path, Path, tuple[Any, ...]], ...]:
    """(draft, previous, findings) of every real pair, computed once."""
    return tuple((d, p, tuple(check(doc(d), doc(p)))) for d, p in all_pairs())


@functools.cache
def ga_library() -> dict[str, Any]:
    """Every adopted text of ../shared/ga as a library (symbol -> adopted, title, path)."""
    from reslint.library import Library

    return Library(str(TEXTS)).facts()


def table(results: Any) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for _, _, found in results:
        for f in found:
            counts[(f.severity, f.rule)] = counts.get((f.severity, f.rule), 0) + 1
    return counts


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    counts = table(pair_findings())
    print(f"{len(all_pairs())} pairs")
    for severity in ("error", "warning", "info"):
        rows = sorted(((r, n) for (s, r), n in counts.items() if s == severity),
                      key=lambda x: -x[1])
        print(f"{severity}: {sum(n for _, n in rows)}  " + "  ".join(f"{r} {n}" for r, n in rows))
