"""A drafting repository for the language-server tests, and the slips its draft carries.

Uniquely named (not conftest) so that the pytest-lsp and Neovim tests can share it."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"

# (old, new, rule, 1-based line): each slip alone in the seed 78/32
SLIPS = {
    "comma": ("as appropriate;", "as appropriate,", "RES604", 55),
    "marker": ("Convention on Cluster Munitions to ratify",
               "Convention on Cluster Munitions² to ratify", "RES504", 47),
    "total": ("a total of 124 States", "a total of 125 States", "RES201", 37),
    "date": ("[76/47](#) of 6 December 2021", "[76/47](#) of 7 December 2021", "RES102", 13),
}


def slipped(*names: str) -> str:
    text = (FIXTURES / "A_RES_78_32.txt").read_text(encoding="utf-8")
    for name in names:
        old, new, _, _ = SLIPS[name]
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def drafting_repo(root: Path, *slips: str) -> Path:
    """root/.git, root/adopted/A_RES_76_47.txt (the library), root/drafts/ccm.txt (the
    draft with `slips`), root/.reslint.yaml pairing the draft through `previous:`."""
    (root / ".git").mkdir(parents=True)
    (root / "adopted").mkdir()
    (root / "drafts").mkdir()
    shutil.copy(FIXTURES / "A_RES_76_47.txt", root / "adopted" / "A_RES_76_47.txt")
    (root / "drafts" / "ccm.txt").write_text(slipped(*slips), encoding="utf-8")
    (root / ".reslint.yaml").write_text(
        "library: adopted\nprevious:\n  drafts/ccm.txt: adopted/A_RES_76_47.txt\n",
        encoding="utf-8")
    return root / "drafts" / "ccm.txt"
