"""The rules that read citations (RES107 dates against sessions, RES108 nouns per group) on
the real texts of ../shared/ga named in issue 11: silent on the adopted text, and firing at
the exact line on a deliberate slip in it."""

from __future__ import annotations

import pytest
from rules_helpers import check, slipped

from tests import paths

GA = paths.GA_TEXTS
needs_ga = pytest.mark.skipif(not GA.is_dir(), reason="../shared/ga is absent")
pytestmark = needs_ga


def codes(findings: list[dict], *wanted: str) -> list[tuple[str, int]]:
    return [(f["rule"], f["line"]) for f in findings if f["rule"] in wanted]


@pytest.mark.parametrize(("draft", "previous"), [
    # Human Rights Council resolutions (57/13 of 10 October 2024, line 43) and a list of
    # "its resolutions 64/292 …, in which it recognized …, and 78/206 …"
    ("A_RES_80_216.md", "A_RES_78_206.md"),
    # "its resolution 1 (I) of 24 January 1946 and resolution 79/35 …": two singular groups
    ("A_RES_80_39.md", "A_RES_79_35.md"),
    # Commissions' resolutions and decisions (53/113 of 11 March 2022, 65/2, 34/1 …)
    ("A_RES_80_229.md", "A_RES_78_229.md"),
    # "Human Rights Council resolutions 36/6 …, 45/3 … and 54/14 …"
    ("A_RES_80_201.md", "A_RES_78_207.md"),
    # "Reaffirming its annual resolutions on sustainable fisheries, including resolution
    # 79/145 …" and Conference of the Parties decisions
    ("A_80_L.17.md", "A_RES_79_145.md"),
    # "its resolution 54/249 …, section IV of its resolution 55/238 …, its resolutions
    # 56/234 and 56/236 …": one noun per group (no previous: a draft checked alone)
    ("A_C.5_80_L.11.md", None),
])
def test_real_texts_cite_other_bodies_without_a_date_or_noun_alarm(capsys, draft, previous):
    _, findings = check(capsys, GA / draft, previous and GA / previous,
                        "--select", "RES107,RES108")
    assert codes(findings, "RES107", "RES108") == []


def test_a_misdated_assembly_resolution_in_a_list_is_still_found(capsys, tmp_path):
    draft = slipped(GA / "A_RES_80_216.md", tmp_path,
                    ("and 78/206 of 19 December 2023,", "and 78/206 of 19 December 2025,"))
    _, findings = check(capsys, draft, GA / "A_RES_78_206.md", "--select", "RES107")
    assert codes(findings, "RES107") == [("RES107", 39)]


def test_a_noun_that_disagrees_with_its_own_group(capsys, tmp_path):
    # the second noun dropped: "its resolution 1 (I) … and 79/35 …" heads two
    draft = slipped(GA / "A_RES_80_39.md", tmp_path,
                    ("1946 and resolution 79/35 of", "1946 and 79/35 of"))
    _, findings = check(capsys, draft, GA / "A_RES_79_35.md", "--select", "RES108")
    assert codes(findings, "RES108") == [("RES108", 36)]
    (f,) = findings
    assert f["message"] == '"resolution" heads 2 resolutions (1 (I), 79/35)'


def test_a_plural_left_over_one_resolution(capsys, tmp_path):
    # "Recalling its resolutions 64/292 …, and 78/206 …" with the second item deleted
    draft = slipped(GA / "A_RES_80_216.md", tmp_path,
                    ("as a human right that is essential for \nthe full enjoyment of life and all "
                     "human rights, and 78/206 of 19 December 2023, \nentitled",
                     "as a human right that is essential for \nthe full enjoyment of life and all "
                     "human rights, \nentitled"))
    _, findings = check(capsys, draft, GA / "A_RES_78_206.md", "--select", "RES108")
    assert [(f["rule"], f["line"], f["message"]) for f in findings] == [
        ("RES108", 37, '"resolutions" heads 1 resolution (64/292)')]


def test_a_plural_opening_a_list_of_repeated_nouns_is_no_slip(capsys):
    # "Recalling its resolutions 69/213 …, entitled “…”, its resolution 70/197 …, its
    # resolution 72/212 …" (adopted so; the next texts merged the list under one plural)
    _, findings = check(capsys, GA / "A_RES_78_148.md", None, "--select", "RES108")
    assert findings == []
