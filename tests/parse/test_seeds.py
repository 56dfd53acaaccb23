"""The two seed resolutions read to the facts a person reads from them."""

from __future__ import annotations

import pytest
from conftest import CORPUS, SEED_76_47, SEED_78_32

RECALLED_76_47 = [
    ("63/71", "2008-12-02"), ("70/54", "2015-12-07"), ("71/45", "2016-12-05"),
    ("72/54", "2017-12-04"), ("73/54", "2018-12-05"), ("74/62", "2019-12-12"),
    ("75/62", "2020-12-07"),
]
RECALLED_78_32 = [*RECALLED_76_47, ("76/47", "2021-12-06"), ("77/79", "2022-12-07")]
UNTS_1 = "United Nations, Treaty Series, vol. 2515, No. 44910."
UNTS_2 = "Ibid., vol. 2688, No. 47713."
LAUSANNE = "CCM/CONF/2021/6, annexes I and II."
PREAMBLE_LEADS_78_32 = [
    "Recalling", "Reaffirming its determination", "Deploring", "Conscious", "Concerned",
    "Recognizing", "Believing it necessary", "Mindful", "Reaffirming", "Welcoming",
    "Stressing", "Noting", "Emphasizing", "Noting", "Welcoming", "Recognizing",
]
OPERATIVE_LEADS_78_32 = [
    "Urges", "Stresses", "Expresses grave concern", "Urges", "Invites", "Reiterates",
    "Reiterates its invitation and encouragement", "Invites and encourages", "Requests",
    "Calls upon", "Decides",
]


def recalled(d: dict) -> list[tuple[str, str]]:
    return [(c["symbol"], c["date"]) for c in d["recalled"]]


def test_seed_76_47_heading(facts):
    d = facts(SEED_76_47)
    assert d["kind"] == "resolution"
    assert d["symbol"] == "A/RES/76/47"
    assert d["session"] == 76
    assert d["agenda_item"] == "100 (ff)"
    assert d["title"] == "Implementation of the Convention on Cluster Munitions"
    assert d["adopted"] == "2021-12-06"
    assert d["report"] == "A/76/444"
    assert d["committee"] == "First"
    assert d["sponsors"] == []
    assert d["style"] == "markdown-sup"


def test_seed_76_47_body(facts):
    d = facts(SEED_76_47)
    assert recalled(d) == RECALLED_76_47
    assert [(c["line"], c["column"]) for c in d["recalled"][:2]] == [(15, 30), (15, 103)]
    assert [(f["number"], f["text"]) for f in d["footnotes"]] == [(1, UNTS_1), (2, UNTS_2)]
    assert [[(m["line"], m["column"]) for m in f["markers"]] for f in d["footnotes"]] == [
        [(31, 162)], [(33, 79)],
    ]
    assert [f["line"] for f in d["footnotes"]] == [55, 57]
    assert len(d["preamble"]) == 15
    assert len(d["operative"]) == 11
    assert [p["number"] for p in d["operative"]] == [str(i) for i in range(1, 12)]
    assert d["preamble"][0]["lead"] == "Recalling"
    assert d["preamble"][0]["lead_italic"] is True
    assert d["operative"][2]["lead"] == "Expresses strong concern"
    assert d["next_session"] == 77
    assert d["meeting"] == {"number": 45, "date": "2021-12-06", "resumed": False, "line": 75}


def test_seed_76_47_clean_text_has_no_markup(facts):
    d = facts(SEED_76_47)
    pp8 = d["preamble"][7]["text"]
    assert "Rights of Persons with Disabilities, to address" in pp8
    for p in d["preamble"] + d["operative"]:
        for junk in ("<sup>", "*", "](#)", "[", "  "):
            assert junk not in p["text"], (p["label"], junk)
    assert d["preamble"][0]["text"].startswith(
        "Recalling its resolutions 63/71 of 2 December 2008 on the Convention"
    )


def test_seed_78_32_heading(facts):
    d = facts(SEED_78_32)
    assert (d["kind"], d["symbol"], d["session"]) == ("resolution", "A/RES/78/32", 78)
    assert d["agenda_item"] == "99 (dd)"
    assert d["title"] == "Implementation of the Convention on Cluster Munitions"
    assert d["item_title"] == (
        "General and complete disarmament: implementation of the Convention on Cluster Munitions"
    )
    assert d["adopted"] == "2023-12-04"
    assert d["report"] == "A/78/409"
    assert d["style"] == "markdown-unicode"


def test_seed_78_32_body(facts):
    d = facts(SEED_78_32)
    assert recalled(d) == RECALLED_78_32
    last = d["recalled"][-1]
    assert (last["symbol"], last["line"], last["column"]) == ("77/79", 13, 322)
    assert [(f["number"], f["text"]) for f in d["footnotes"]] == [
        (1, UNTS_1), (2, UNTS_2), (3, LAUSANNE),
    ]
    assert [[(m["line"], m["column"]) for m in f["markers"]] for f in d["footnotes"]] == [
        [(29, 160)], [(31, 77)], [(41, 353)],
    ]
    assert [p["lead"] for p in d["preamble"]] == PREAMBLE_LEADS_78_32
    assert [p["lead"] for p in d["operative"]] == OPERATIVE_LEADS_78_32
    assert [p["lead_italic"] for p in d["preamble"]] == [False] * 16
    assert [p["lead_italic"] for p in d["operative"]] == [True] * 11
    # operative paragraphs 2-11 stand on consecutive lines
    assert [p["line"] for p in d["operative"]] == [47, *range(55, 65)]
    assert d["next_session"] == 79
    assert d["meeting"] == {"number": 42, "date": "2023-12-04", "resumed": False, "line": 66}
    assert "Convention on Cluster Munitions or by other" in d["preamble"][8]["text"]


def test_seed_78_32_footnote_block_mid_paragraph(facts):
    """Operative 1 goes on after the footnote block (lines 49-53) that interrupts it."""
    d = facts(SEED_78_32)
    op1 = d["operative"][0]
    assert (op1["line"], op1["end_line"]) == (47, 47)
    assert "¹" not in op1["text"] and "Treaty Series" not in op1["text"]


PDF_78_32 = CORPUS / "A_RES_78_32.md"


@pytest.mark.usefixtures("corpus")
def test_pdf_text_of_78_32_reads_like_the_markdown_seed(facts):
    md, pdf = facts(SEED_78_32), facts(PDF_78_32)
    for key in ("kind", "symbol", "session", "agenda_item", "title", "adopted", "report",
                "next_session"):
        assert pdf[key] == md[key], key
    assert {**pdf["meeting"], "line": 0} == {**md["meeting"], "line": 0}  # lines differ
    assert recalled(pdf) == recalled(md) == RECALLED_78_32
    assert [(f["number"], f["text"]) for f in pdf["footnotes"]] == [
        (f["number"], f["text"]) for f in md["footnotes"]
    ]
    assert [len(f["markers"]) for f in pdf["footnotes"]] == [1, 1, 1]
    for part in ("preamble", "operative"):
        assert len(pdf[part]) == len(md[part])
        for a, b in zip(pdf[part], md[part], strict=True):
            assert (a["lead"], a["text"]) == (b["lead"], b["text"])
    # locations are the PDF file's own
    assert [(m["line"], m["column"]) for f in pdf["footnotes"] for m in f["markers"]] == [
        (79, 86), (83, 78), (112, 40),
    ]
