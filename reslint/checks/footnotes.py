"""`footnotes`: the integrity of footnote markers and texts.

`problem` picks what to look for, so each problem is its own rule with its own code:
- `missing-text`: a marker with no footnote text;
- `missing-marker`: a footnote text with no marker;
- `numbering`: footnotes not numbered 1..n in order of first appearance;
- `repeated-marker`: a marker used twice (the current Editorial Manual gives a repeated
  reference a new footnote); silent when `settings.footnote_edition` is "older";
- `ibid`: "Ibid." in footnote 1, or after a footnote that cites more than one source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reslint.checks import Hit, Primitive

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any

IBID = re.compile(r"^\s*Ibid\b", re.IGNORECASE)
# "and" that joins a second source ("A/78/1 and A/78/3", "No. 44910 and vol. 2688")
SECOND_SOURCE = re.compile(r"\band\b(?=[^,]*\b(?:No\.|vol\.|A/|[A-Z]+/))")
# A document and its corrigenda are one source: "Supplement No. 7 and corrigendum
# (E/2005/27 and E/2005/27/Corr.1)".
CORRIGENDA = re.compile(
    r"\s+and\s+corrigend(?:um|a)\b|\s*(?:,|\band\b)\s*[A-Z][^\s,;()]*/Corr\.\d+"
)
# what a footnote adds without being a source "Ibid." could refer to: the same publication
# again ("; ibid., 2010, Supplement No. 7") or a pointer ("; see also A/AC.105/1311")
NOT_A_NEW_SOURCE = re.compile(r"^[*_]*(?:ibid\b|see\s+also\b)", re.IGNORECASE)


def sources(text: str) -> int:
    """How many sources a footnote cites, as "Ibid." in the next one sees them.

    Parentheses hold the symbols of one work ("Final Document, vols. I–III
    (NPT/CONF.2010/50 (Vol. I), … and … (Vol. III))") and are set aside; a report with its
    corrigenda is one source; after a semicolon, "ibid., 2010, …" stays in the same
    publication (the Official Records of one organ, by session or year) and "see also …"
    points aside.  What is left counts, split at semicolons and at an "and" that joins a
    second symbol or volume."""
    depth, flat = 0, []
    for c in text:
        if c == "(":
            depth += 1
        elif c == ")" and depth:
            depth -= 1
        elif not depth:
            flat.append(c)
    count = 0
    for part in CORRIGENDA.sub("", "".join(flat)).split(";"):
        part = re.sub(r"^and\s+", "", part.strip())
        if not part or (count and NOT_A_NEW_SOURCE.match(part)):
            continue
        count += 1 + len(SECOND_SOURCE.findall(part))
    return count


def run(rule: Any, ctx: Any) -> Iterator[Hit]:
    doc = ctx.eval(rule, "of", {}) if "of" in rule.exprs else ctx.env.get("draft")
    if not doc:
        return
    problem = rule.options["problem"]
    footnotes = doc["footnotes"]
    markers = doc["markers"]
    if problem == "missing-text":
        for fn in footnotes:
            if fn["missing"]:
                for marker in fn["markers"]:
                    yield Hit({"item": fn, "marker": marker}, at=marker["span"])
    elif problem == "missing-marker":
        for fn in footnotes:
            if not fn["markers"] and not fn["missing"] and not fn.get("marker_unknown"):
                yield Hit({"item": fn}, at=fn["span"])
    elif problem == "numbering":
        # The k-th new marker should be k. A marker that continues from the highest so far
        # is not blamed again: after a gap (1, 3, 4) only 3 is wrong, after a swap (2, 1, 3)
        # only 2 and 1 are.
        # A footnote whose marker could not be placed (PDF text) stands before the next.
        unknown = {fn["number"] for fn in footnotes if fn.get("marker_unknown")}
        seen: set[int] = set()
        highest = 0
        for marker in markers:
            n = marker["number"]
            if n in seen:
                continue
            while len(seen) + 1 < n and len(seen) + 1 in unknown:
                seen.add(len(seen) + 1)
                highest = max(highest, len(seen))
            expected = len(seen) + 1
            if n != expected and n != highest + 1:
                yield Hit({"item": marker, "expected": expected}, at=marker["span"])
            seen.add(n)
            highest = max(highest, n)
    elif problem == "repeated-marker":
        if ctx.env.get("settings", {}).get("footnote_edition") == "older":
            return
        first: dict[int, Any] = {}
        for marker in markers:
            if marker["number"] in first:
                yield Hit({"item": marker, "first": first[marker["number"]]},
                          at=marker["span"])
            else:
                first[marker["number"]] = marker
    elif problem == "ibid":
        previous = None
        for fn in sorted(footnotes, key=lambda f: f["number"]):
            if IBID.match(fn["text"]):
                if previous is None:
                    yield Hit({"item": fn, "reason": "the first footnote"}, at=fn["span"])
                elif sources(previous["text"]) > 1:
                    yield Hit({"item": fn, "reason": f"footnote {previous['number']}, which "
                               "cites more than one source"}, at=fn["span"])
            previous = fn


PRIMITIVE = Primitive(
    name="footnotes",
    run=run,
    args={"problem": "string", "of": "expr"},
    required=("problem",),
    summary="footnote markers and texts: presence, numbering, repetition, Ibid.",
)
