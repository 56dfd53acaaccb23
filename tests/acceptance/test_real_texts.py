"""Issue 12's acceptance on real texts (skipped when ../shared is absent).

- Every real consecutive pair (../shared/ga/pairs.tsv and the corpus series) gives no
  error, except the real slips below, each found at its line.
- A library holding every adopted text of ../shared/ga finds the citation-date slips at
  their lines, and no other citation error, on every text.
- `--fix` changes no byte of a real text unless the finding it fixes is a real slip below.

Each pair and each text is parsed once per test process (ga_cache).  When one of these
fails on a real text, first suspect the rule and the reading; a text that is really wrong
joins REAL_SLIPS with the evidence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ga_cache as ga
import pytest

needs_ga = pytest.mark.skipif(not ga.TEXTS.is_dir(), reason="../shared/ga is absent")

# (file, rule, the words of the slip on its line): the evidence.
REAL_SLIPS: dict[tuple[str, str, str], str] = {
    ("A_RES_79_145.md", "RES102", "78/68 of 9 December 2023"):
        "A/RES/78/68 (A_RES_78_68.md, its previous) was adopted on 5 December 2023",
    ("A_RES_80_134.md", "RES102", "78/145 of 21 December 2023"):
        "A/RES/78/145 (A_RES_78_145.md) was adopted on 19 December 2023",
    ("A_C.2_80_L.28.md", "RES102", "78/145 of 21 December 2023"):
        "the draft of 80/134 carries the same slip: 78/145 was adopted on 19 December 2023",
    ("A_RES_80_142.md", "RES102", "79/211 of 23 December 2024"):
        "A/RES/79/211 (A_RES_79_211.md) was adopted on 19 December 2024",
    ("A_C.2_80_L.35.md", "RES102", "79/211 of 23 December 2024"):
        "the draft of 80/142 carries the same slip: 79/211 was adopted on 19 December 2024",
    ("A_RES_79_57.md", "RES109", "78/31 of 6 December"):
        "A/RES/78/31 (A_RES_78_31.md) was adopted on 4 December 2023",
    ("A_RES_79_281.md", "RES107", "73/287 of 15 April 2018"):
        "the seventy-third session opened in September 2018; the same list dates 72/269 "
        "(of the seventy-second) 4 April 2018: 73/287 is of April 2019",
    ("A_RES_78_276.md", "RES107", "73/287 of 15 April 2018"):
        "the previous of 79/281, where the slip began (see above)",
    ("A_RES_78_248.md", "RES107", "72/256 of 24 December 2107"):
        "a typing slip for 2017: 79/254 and 80/238, the same list, say 24 December 2017",
}
CITATION_RULES = {"RES102", "RES104", "RES107", "RES109", "RES110"}


def _where(path: Path, rule: str) -> dict[int, str]:
    """line -> evidence of the real slips of RULE in PATH, lines read from the file."""
    out = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for (name, code, words), evidence in REAL_SLIPS.items():
        if name == path.name and code == rule:
            hits = [i for i, t in enumerate(lines, 1) if words in " ".join(t.split())]
            assert len(hits) == 1, f"{words!r} is on {len(hits)} lines of {name}"
            out[hits[0]] = evidence
    return out


def _unexplained(path: Path, findings: Any, rules: set[str] | None = None) -> list[tuple]:
    return [(path.name, f.rule, f.span.line, f.message) for f in findings
            if f.severity == "error" and (rules is None or f.rule in rules)
            and f.span.line not in _where(path, f.rule)]


@needs_ga
def test_real_pairs_have_no_error_but_the_real_slips():
    results = ga.pair_findings()
    assert len(results) == 279 + (25 if ga.CORPUS.is_dir() else 0)
    unexplained = [u for d, _, found in results for u in _unexplained(d, found)]
    assert unexplained == []
    found = {(d.name, f.rule, f.span.line) for d, _, fs in results for f in fs}
    pairs = {d.name for d, _ in ga.all_pairs()}
    expected = {(name, rule, line) for name, rule, _ in REAL_SLIPS if name in pairs
                for line in _where(ga.TEXTS / name, rule) if rule != "RES109"}
    assert expected - found == set()


@needs_ga
def test_library_finds_the_citation_slips_and_nothing_else():
    """A drafting repository whose library holds every adopted text of ../shared/ga."""
    library = ga.ga_library()
    assert library["78/68"]["adopted"] == "2023-12-05"
    previous = {d: p for d, p in ga.ga_pairs()}
    found, unexplained = set(), []
    for path in sorted(ga.TEXTS.glob("*.md")):
        before = ga.doc(previous[path]) if path in previous else None
        findings = ga.check(ga.doc(path), before, library)
        unexplained += _unexplained(path, findings, CITATION_RULES)
        found |= {(path.name, f.rule, f.span.line) for f in findings
                  if f.rule in CITATION_RULES}
    assert unexplained == []
    expected = {(name, rule, line) for name, rule, _ in REAL_SLIPS
                for line in _where(ga.TEXTS / name, rule)}
    assert expected - found == set()


@needs_ga
def test_fix_changes_no_byte_of_a_real_text_but_real_slips():
    """Every real text, with its previous where it has one: the only safe fixes are
    those of the real slips (and those are certain: the adopted text's date)."""
    previous = {d: p for d, p in ga.all_pairs()}
    risky = []
    for path in ga.real_texts():
        before = ga.doc(previous[path]) if path in previous else None
        for f in ga.check(ga.doc(path), before):
            if f.fix is not None and f.fix.safe and f.span.line not in _where(path, f.rule):
                risky.append((path.name, f.rule, f.span.line, f.message))
    assert risky == []


@needs_ga
def test_fix_writes_the_adopted_date_of_a_real_slip(tmp_path, capsys):
    from reslint.cli import main

    src = ga.TEXTS / "A_RES_79_145.md"
    draft = tmp_path / src.name
    draft.write_bytes(src.read_bytes())
    main(["check", str(draft), "--previous", str(ga.TEXTS / "A_RES_78_68.md"), "--fix",
          "--format", "json"])
    capsys.readouterr()
    want = src.read_bytes().replace(b"78/68 of 9 December 2023", b"78/68 of 5 December 2023")
    assert draft.read_bytes() == want



