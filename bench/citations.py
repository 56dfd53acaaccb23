"""Citations read over a folder of texts, counted by body and kind.

    PYTHONPATH=. python bench/citations.py [FOLDER]         # default ../shared/ga/texts
    PYTHONPATH=. python bench/citations.py --list hrc       # every citation of one body

The measure of issue 11 item 2 (whose each citation is): run it on texts reslint was never
tuned on and read the `--list` of each body; a citation of another body counted as `ga` is
a false alarm waiting in RES107.  Also prints how many of the Assembly's own resolutions
stand in a recalled list, and the groups whose noun disagrees with their count.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
DEFAULT = os.path.join(os.path.dirname(os.path.dirname(HERE)), "shared", "ga", "texts")


def main() -> int:
    from reslint.errors import ReslintError
    from reslint.parse import parse_file

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", default=DEFAULT)
    ap.add_argument("--list", metavar="BODY", help="print every citation of this body")
    args = ap.parse_args()
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    recalled = files = unread = 0
    disagree = []
    for name in sorted(os.listdir(args.folder)):
        if not name.endswith((".md", ".txt")):
            continue
        path = os.path.join(args.folder, name)
        try:
            doc = parse_file(path)
        except ReslintError:
            unread += 1
            continue
        files += 1
        recalled += len(doc.recalled)
        every = sorted([*doc.citations, *doc.other_citations], key=lambda c: c.span.start)
        groups: dict[int, list] = {}
        for c in every:
            counts[(c.body, c.kind)] += 1
            groups.setdefault(c.group, []).append(c)
            if args.list == c.body:
                print(f"{name}:{c.span.line}:{c.span.column}\t{c.body}\t{c.kind}\t{c.symbol}"
                      f"\t{c.issuer or ''}\t{c.noun or ''}")
        for items in groups.values():
            noun = items[0].noun
            if items[0].body == "ga" and noun and (
                    (noun.endswith("s") and len(items) == 1 and not items[0].group_open)
                    or (not noun.endswith("s") and len(items) > 1)):
                disagree.append(f"{name}:{items[0].noun_span.line}\t{noun}\t"
                                f"{', '.join(c.symbol for c in items)}")
    print(f"{files} texts ({unread} not read), {sum(counts.values())} citations, "
          f"{recalled} recalled")
    for (body, kind), n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {body:7} {kind:11} {n:6}")
    print(f"groups whose noun disagrees with their count: {len(disagree)}")
    for line in disagree:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
