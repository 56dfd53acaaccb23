"""Findings of `reslint check DRAFT --previous PREVIOUS` over every real pair, tabulated by rule.

    PYTHONPATH=. python bench/triage.py            # ../shared/ga/pairs.tsv and the corpus pairs
    PYTHONPATH=. python bench/triage.py --list RES107    # every finding of one rule, with its text
    PYTHONPATH=. python bench/triage.py --library  # with a library of every ga text

Real adopted texts are (almost all) right: every error this prints is a false alarm to fix
in the rule or the reading, or a real slip to quote in a test.  The counts per rule and
severity are the measure issue 12 asks for.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(os.path.dirname(os.path.dirname(HERE)), "shared")
sys.path.insert(0, os.path.dirname(HERE))


def ga_pairs() -> list[tuple[str, str]]:
    """(draft, previous) paths of ../shared/ga/pairs.tsv."""
    folder = os.path.join(SHARED, "ga")
    tsv = os.path.join(folder, "pairs.tsv")
    if not os.path.isfile(tsv):
        return []
    out = []
    with open(tsv, encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            draft, previous, _ = line.rstrip("\n").split("\t", 2)
            out.append((os.path.join(folder, "texts", draft),
                        os.path.join(folder, "texts", previous)))
    return out


def corpus_pairs() -> list[tuple[str, str]]:
    """(draft, previous) of ../shared/corpus: per series 79/78, 80/79 and the 80 draft/79."""
    import re

    folder = os.path.join(SHARED, "corpus")
    readme = os.path.join(folder, "README.md")
    if not os.path.isfile(readme):
        return []
    series: dict[str, list[str]] = {}
    with open(readme, encoding="utf-8") as handle:
        for line in handle:
            if m := re.match(r"\| (\w+) \| (A/\S+) \|", line):
                series.setdefault(m.group(1), []).append(m.group(2).replace("/", "_") + ".md")
    out = []
    for r78, r79, r80, d80 in series.values():
        out += [(r79, r78), (r80, r79), (d80, r79)]
    return [(os.path.join(folder, d), os.path.join(folder, p)) for d, p in out]


def run(pairs: list[tuple[str, str]], library: str | None = None
        ) -> list[tuple[str, str, object]]:
    """(draft, previous, finding) for every finding of every pair (each file parsed once)."""
    from reslint.config import Config
    from reslint.errors import ReslintError
    from reslint.library import library_for
    from reslint.lint import Linter, lint_document, parse
    from reslint.pairing import previous_of_previous

    config = Config(library=library)
    ruleset = Linter().ruleset(config)
    docs: dict[str, object] = {}
    out = []
    for draft, previous in pairs:
        try:
            for path in (draft, previous):
                if path not in docs:
                    docs[path] = parse(path, max_size=10_000_000)
            before = previous_of_previous(docs[previous], config) if library else None
            facts = library_for(library).facts(docs[previous], docs[draft]) if library else None
            found = lint_document(docs[draft], docs[previous], ruleset, config, "", facts,
                                  before)
        except ReslintError as exc:
            print(f"{draft}: {exc}", file=sys.stderr)
            continue
        out += [(draft, previous, f) for f in found]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", metavar="CODES",
                        help="print every finding of these rules (comma-separated, or all)")
    parser.add_argument("--severity", default="error,warning",
                        help="severities to count (default error,warning)")
    parser.add_argument("--only", choices=("ga", "corpus"), help="one set of pairs")
    parser.add_argument("--library", metavar="DIR", nargs="?", const=os.path.join(
        SHARED, "ga", "texts"), help="a library folder (default when given bare: "
        "../shared/ga/texts): citations checked against it, and each previous's own "
        "previous read from it")
    args = parser.parse_args()
    pairs = ([] if args.only == "corpus" else ga_pairs()) + \
        ([] if args.only == "ga" else corpus_pairs())
    results = run(pairs, args.library)
    wanted = set(args.severity.split(","))
    table: dict[tuple[str, str], int] = collections.Counter()
    loud_pairs: dict[str, set[str]] = collections.defaultdict(set)
    for draft, _, f in results:
        if f.severity in wanted:
            table[(f.rule, f.severity)] += 1
            loud_pairs[f.severity].add(draft)
    if args.list:
        codes = set(args.list.split(","))
        for draft, previous, f in results:
            if f.rule in codes or args.list == "all":
                print(f"{os.path.basename(draft)}:{f.span.line} [{os.path.basename(previous)}] "
                      f"{f.rule} {f.severity} {f.message} | {f.source_line.strip()[:100]}")
        return 0
    print(f"{len(pairs)} pairs")
    for sev in ("error", "warning", "info"):
        if sev in wanted:
            rows = sorted(((r, n) for (r, s), n in table.items() if s == sev), key=lambda x: -x[1])
            total = sum(n for _, n in rows)
            print(f"{sev}: {total} in {len(loud_pairs[sev])} pairs  " +
                  "  ".join(f"{r} {n}" for r, n in rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
