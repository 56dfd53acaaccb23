"""`reslint next` adds the newer resolution to the list that holds the series' own
predecessor, never to another paragraph's list ("Reaffirming also its resolution 69/313 …"
on the Addis Ababa Action Agenda), and leaves the lists alone when nothing recalled is
recent enough to be the predecessor."""

from __future__ import annotations

from pathlib import Path

import pytest

from reslint.parse import parse_file
from reslint.rollover import plan

ROOT = Path(__file__).resolve().parents[2]
GA = ROOT.parent / "shared" / "ga" / "texts"
pytestmark = pytest.mark.skipif(not GA.is_dir(), reason="../shared/ga is absent")


def lines_with(name: str, needle: str) -> list[str]:
    text = plan(parse_file(str(GA / name))).text
    return [line for line in text.splitlines() if needle in line]


def test_the_series_list_gets_the_new_resolution_not_the_addis_ababa_paragraph():
    (line,) = lines_with("A_RES_78_138.md", "78/138 of 19 December 2023")
    assert line.startswith("*Recalling* its resolutions 59/224 of 22 December 2004,")
    assert "76/194 of 17 December 2021 and 78/138 of 19 December 2023 on commodities" in line
    assert not [x for x in lines_with("A_RES_78_138.md", "69/313") if "78/138" in x]


def test_no_list_is_touched_when_only_old_resolutions_are_recalled():
    assert lines_with("A_RES_78_119.md", "78/119 of") == []
