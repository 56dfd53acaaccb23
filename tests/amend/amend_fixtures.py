"""Shared by the amendment tests: the real amendment-draft pairs of ../shared/ga (skipped
when the folder is absent), each file parsed once per session."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from tests import paths

REPO = Path(__file__).resolve().parents[2]
GA = paths.GA
TEXTS = GA / "texts"


def pairs() -> list[tuple[str, str]]:
    """(amendment, draft) file names of amendments.tsv."""
    table = GA / "amendments.tsv"
    if not table.is_file():
        return []
    rows = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines()[1:]]
    return [(a, d) for a, d in rows]


@pytest.fixture(scope="session")
def ga() -> Path:
    if not (GA / "amendments.tsv").is_file():
        pytest.skip("../shared/ga is absent")
    return TEXTS


@cache
def parsed(name: str):  # type: ignore[no-untyped-def]
    from reslint.parse import parse_file

    return parse_file(str(TEXTS / name))


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m reslint ARGS` from the repository, as a user runs it."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "reslint", *args], capture_output=True,
                          text=True, cwd=cwd or REPO, env=env, timeout=120, check=False)


FURNITURE = re.compile(r"^\s*(?:<!--.*-->|\d{2}-\d{5}.*|\*\d{7}\*|\d/\d|A/80/L\.\d+)\s*$")


def word_markdown(pdf_text: str) -> str:
    """The PDF text as Word paragraphs: furniture out, wrapped lines joined, typed
    instruction numbers escaped (Word numbers them), new paragraphs' leads in italics."""
    lines = [line.rstrip() for line in pdf_text.splitlines() if not FURNITURE.match(line)]
    lines = [line for line in lines if not line.startswith("* Any changes")]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        starts = re.match(r"^\d{1,2}\.\s*$|^\d{1,2}\.\s+\S", line)
        if not line.strip() or (starts and current):
            if current:
                paragraphs.append(" ".join(current))
            current = [] if not line.strip() else [line.strip()]
            continue
        current.append(line.strip())
    if current:
        paragraphs.append(" ".join(current))
    out = []
    after_colon = False
    for p in paragraphs:
        p = re.sub(r"^(\d{1,2})\.\s*", r"\1\\. ", p)
        if after_colon and not re.match(r"^\d", p):
            lead = re.match(r"^(Stressing|Expresses grave alarm|Stresses|Decides)", p)
            if lead:
                p = f"*{lead.group(1)}*{p[lead.end():]}"
        else:
            after_colon = p.endswith(":")
        p = p.replace("Ukraine:*", "Ukraine:[^1]")
        out.append(p)
    return "\n\n".join(out) + "\n\n[^1]: Any changes to the list of sponsors will be " \
        "reflected in the official record of the meeting.\n"
