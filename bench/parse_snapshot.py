"""A safety net for work on the reader's speed: snapshot what every real text parses to,
and compare two snapshots.

    python bench/parse_snapshot.py write DIR [--pdf]   parse every text, one file each in DIR
    python bench/parse_snapshot.py findings DIR        every finding over the real pairs
    python bench/parse_snapshot.py compare A B         exit 1 and name the files that differ

Each snapshot file holds `reslint parse --format json` (what users see) and a deep dump
of the whole Document: every field of every record, every span with its columns and
offsets, the clean text and a digest of its offset map (what rules see).  An optimisation
must leave every file byte-identical.  The texts are those of ../shared/ga/texts,
../shared/corpus, ../shared/seeds and tests/fixtures; `--pdf` adds ../shared/ga/pdf.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# last, so that PYTHONPATH=OTHER_WORKTREE snapshots that worktree's reslint (the inputs
# stay this worktree's): two trees' snapshots are then named alike and compare
sys.path.append(str(ROOT))

from reslint.parse import parse_file  # noqa: E402
from reslint.parse.serialize import document_to_json  # noqa: E402
from reslint.text.mapped import MappedText  # noqa: E402

SHARED = ROOT.parent / "shared"
FOLDERS = [SHARED / "ga" / "texts", SHARED / "corpus", SHARED / "seeds",
           ROOT / "tests" / "fixtures"]
SUFFIXES = (".md", ".txt")


def inputs(pdf: bool) -> list[Path]:
    found: list[Path] = []
    for folder in FOLDERS:
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir()
                            if p.suffix in SUFFIXES and p.name != "README.md")
    if pdf and (SHARED / "ga" / "pdf").is_dir():
        found += sorted((SHARED / "ga" / "pdf").glob("*.pdf"))
    return found


def deep(value: Any) -> Any:
    """Every field of the model, as plain JSON values (the source text left out)."""
    if isinstance(value, MappedText):
        offsets = list(value.offsets)
        digest = hashlib.sha256(repr(offsets).encode()).hexdigest()
        return {"text": value.text, "offsets": digest, "n": len(offsets)}
    fields = getattr(type(value), "__reslint_fields__", None)
    if fields is not None:
        out = {"@": type(value).__name__}
        for f in fields:
            if f.name != "source":
                out[f.name] = deep(getattr(value, f.name))
        return out
    if isinstance(value, (list, tuple)):
        return [deep(v) for v in value]
    if isinstance(value, dict):
        return {str(k): deep(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def snapshot(path: Path) -> str:
    try:  # named from the worktree, so that two worktrees' snapshots compare
        doc = parse_file(os.path.relpath(path, ROOT))
    except Exception as e:  # an error is part of the snapshot
        return f"error: {type(e).__name__}: {e}\n"
    data = {"parse": document_to_json(doc), "deep": deep(doc)}
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def write(out: Path, pdf: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for path in inputs(pdf):
        name = f"{path.parent.name}__{path.name}.json"
        (out / name).write_text(snapshot(path), encoding="utf-8")


def findings(out: Path) -> None:
    """Every finding of `reslint check DRAFT --previous PREVIOUS` over the real pairs
    (bench/triage.py's), every field of each: the rules must see the same documents."""
    sys.path.insert(0, str(ROOT / "bench"))
    from triage import corpus_pairs, ga_pairs, run

    out.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps([Path(d).name, Path(p).name, deep(f)], ensure_ascii=False, sort_keys=True)
             for d, p, f in run(ga_pairs() + corpus_pairs())]
    (out / "findings.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def compare(a: Path, b: Path) -> int:
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    bad = 0
    for name in names:
        x, y = a / name, b / name
        if not x.exists() or not y.exists() or x.read_bytes() != y.read_bytes():
            print(f"differs: {name}")
            bad += 1
    print(f"{len(names) - bad} identical, {bad} differ")
    return 1 if bad else 0


def main() -> int:
    args = [str(Path(a).resolve()) if i and not a.startswith("-") else a
            for i, a in enumerate(sys.argv[1:])]
    os.chdir(ROOT)
    if len(args) >= 2 and args[0] == "write":
        write(Path(args[1]), "--pdf" in args[2:])
        return 0
    if len(args) == 2 and args[0] == "findings":
        findings(Path(args[1]))
        return 0
    if len(args) == 3 and args[0] == "compare":
        return compare(Path(args[1]), Path(args[2]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
