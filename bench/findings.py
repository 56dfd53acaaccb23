"""Every finding reslint reports on every real pair, as one JSON line per pair: the
evidence that a refactoring changed no behaviour.

    python bench/findings.py > before.jsonl   # on the old tree
    python bench/findings.py > after.jsonl    # on the new tree
    diff before.jsonl after.jsonl             # empty: the same findings, byte for byte

Pairs: ../shared/ga/pairs.tsv (draft, previous) and the consecutive texts of each series of
../shared/corpus.  Runs `reslint check --format json` in process (reslint.cli.main), so it
measures what a user sees, whatever the library below it looks like.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def pairs() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    ga = SHARED / "ga"
    tsv = ga / "pairs.tsv"
    if tsv.is_file():
        for line in tsv.read_text(encoding="utf-8").splitlines()[1:]:
            draft, previous = line.split("\t")[:2]
            out.append((str(ga / "texts" / draft), str(ga / "texts" / previous)))
    corpus = SHARED / "corpus"
    for stems in _series(corpus).values():
        res = sorted((s for s in stems if s.startswith("A_RES_")), key=_number)
        drafts = [s for s in stems if not s.startswith("A_RES_")]
        for old, new in itertools.pairwise(res):
            out.append((str(corpus / f"{new}.md"), str(corpus / f"{old}.md")))
        for draft in drafts:
            if len(res) >= 2:
                out.append((str(corpus / f"{draft}.md"), str(corpus / f"{res[-2]}.md")))
    return out


def _number(stem: str) -> tuple[int, int]:
    parts = stem.split("_")
    return int(parts[2]), int(parts[3])


def _series(corpus: Path) -> dict[str, list[str]]:
    """{series key: file stems}, from the table of the corpus README (| CCM | A/RES/78/32 |)."""
    readme = corpus / "README.md"
    found: dict[str, list[str]] = {}
    if not readme.is_file():
        return found
    for line in readme.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 3 and cells[2].startswith("A/"):
            stem = cells[2].replace("/", "_")
            if (corpus / f"{stem}.md").is_file():
                found.setdefault(cells[1], []).append(stem)
    return found


def main() -> int:
    from reslint.cli import main as reslint

    for draft, previous in pairs():
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = reslint(["check", draft, "--previous", previous, "--format", "json"])
        rel = [str(Path(p).relative_to(SHARED)) for p in (draft, previous)]
        sys.stdout.write(json.dumps({"pair": rel, "exit": code, "findings": out.getvalue(),
                                     "stderr": err.getvalue()}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
