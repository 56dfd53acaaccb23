"""Footnotes pair by the paragraph their marker stands in before they pair by text: the
reports of one symbol series look alike, and the first of them is not the one a kept
paragraph still cites."""

from __future__ import annotations

from pathlib import Path

from reslint.diff import diff_documents
from reslint.parse import parse_file

OLD = """# Chemical weapons

*The General Assembly*,

*Recalling* its previous resolutions,

1. *Welcomes* the report of 5 October 2017,[^1] on the Russian Federation;

2. *Also welcomes* the report of 22 December 2017;[^2]

3. *Expresses* concern, as reported in the report of 24 September 2024,[^3] on the declaration;

4. *Decides* to include the item in the provisional agenda of its eightieth session.

[^1]: EC-86/DG.31.
[^2]: EC-87/DG.6.
[^3]: EC-107/DG.20.
"""

NEW = """# Chemical weapons

*The General Assembly*,

*Recalling* its previous resolutions,

1. *Expresses* concern, as reported in the report of 24 September 2025,[^1] on the declaration;

2. *Decides* to include the item in the provisional agenda of its eighty-first session.

[^1]: EC-110/DG.15.
"""


def _changes(tmp_path: Path, old: str, new: str) -> dict[str, tuple[str, str, str]]:
    (tmp_path / "old.md").write_text(old, encoding="utf-8")
    (tmp_path / "new.md").write_text(new, encoding="utf-8")
    diff = diff_documents(parse_file(str(tmp_path / "old.md")),
                          parse_file(str(tmp_path / "new.md")))
    return {f.name: (f.kind or "", f.old_text, f.new_text) for f in diff.footnotes
            if f.status != "unchanged"}


def test_footnote_of_a_kept_paragraph_pairs_with_its_successor(tmp_path: Path) -> None:
    # OP1 and OP2 are deleted with their footnotes 1 and 2; OP3 (now OP1) cites the
    # Director-General's report of a year later in place of footnote 3.
    assert _changes(tmp_path, OLD, NEW) == {
        "deleted footnote 1": ("substantive", "EC-86/DG.31.", ""),
        "deleted footnote 2": ("substantive", "EC-87/DG.6.", ""),
        "footnote 1": ("technical", "EC-107/DG.20.", "EC-110/DG.15."),
    }


def test_footnotes_of_unpaired_paragraphs_still_pair_by_text(tmp_path: Path) -> None:
    # The paragraph citing EC-87/DG.6 is rewritten beyond recognition, its footnote kept:
    # it pairs by its text, unchanged but renumbered.
    new = NEW.replace("1. *Expresses*", "1. *Notes* the destruction reported,[^1]\n\n"
                      "2. *Expresses*").replace("2. *Decides*", "3. *Decides*").replace(
        "[^1]: EC-110/DG.15.", "[^1]: EC-87/DG.6.\n[^2]: EC-110/DG.15.").replace(
        "2025,[^1]", "2025,[^2]")
    assert _changes(tmp_path, OLD, new) == {
        "deleted footnote 1": ("substantive", "EC-86/DG.31.", ""),
        "footnote 2 renumbered 1": ("technical", "EC-87/DG.6.", "EC-87/DG.6."),
        "footnote 2": ("technical", "EC-107/DG.20.", "EC-110/DG.15."),
    }
