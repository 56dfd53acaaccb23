"""The development corpus (../shared/corpus): real PDF text of 33 resolutions and drafts.

Skipped when the folder is absent.  Facts come from the corpus README (read by a person).
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import CORPUS, run_parse

pytestmark = pytest.mark.usefixtures("corpus")

FILES = sorted(CORPUS.glob("A_*.md")) + sorted((CORPUS / "variants").glob("*.md"))
ORD = {"seventy-eighth": 78, "seventy-ninth": 79, "eightieth": 80}
MONTHS = {"December": 12, "October": 10}

# From the README's file table: symbol, adoption date, plenary meeting, session.
TABLE = {
    "A/RES/78/32": ("2023-12-04", 42), "A/RES/79/58": ("2024-12-02", 44),
    "A/RES/80/52": ("2025-12-01", 52), "A/RES/78/45": ("2023-12-04", 42),
    "A/RES/79/34": ("2024-12-02", 43), "A/RES/80/35": ("2025-12-01", 52),
    "A/RES/78/48": ("2023-12-04", 42), "A/RES/79/52": ("2024-12-02", 43),
    "A/RES/80/46": ("2025-12-01", 52), "A/RES/78/35": ("2023-12-04", 42),
    "A/RES/79/38": ("2024-12-02", 43), "A/RES/80/54": ("2025-12-01", 52),
    "A/RES/78/64": ("2023-12-04", 42), "A/RES/79/75": ("2024-12-02", 44),
    "A/RES/80/68": ("2025-12-01", 52), "A/RES/78/66": ("2023-12-04", 42),
    "A/RES/79/77": ("2024-12-02", 44), "A/RES/80/70": ("2025-12-01", 52),
    "A/RES/78/67": ("2023-12-04", 42), "A/RES/79/78": ("2024-12-02", 44),
    "A/RES/80/71": ("2025-12-01", 52), "A/RES/78/29": ("2023-12-04", 42),
    "A/RES/79/56": ("2024-12-02", 43), "A/RES/80/34": ("2025-12-01", 52),
}
DRAFTS = ["L.18", "L.29", "L.30", "L.43", "L.52", "L.60", "L.62", "L.9"]

RECALLED_BASE = [
    ("63/71", "2008-12-02"), ("70/54", "2015-12-07"), ("71/45", "2016-12-05"),
    ("72/54", "2017-12-04"), ("73/54", "2018-12-05"), ("74/62", "2019-12-12"),
    ("75/62", "2020-12-07"), ("76/47", "2021-12-06"), ("77/79", "2022-12-07"),
]
RECALLED_78 = RECALLED_BASE
RECALLED_79 = [*RECALLED_BASE, ("78/32", "2023-12-04")]
RECALLED_80 = [*RECALLED_79, ("79/58", "2024-12-02")]
UNTS_1 = "United Nations, Treaty Series, vol. 2515, No. 44910."
UNTS_2 = "Ibid., vol. 2688, No. 47713."
LAUSANNE = "CCM/CONF/2021/6, annexes I and II."
LITHUANIA = "See CN347 2024 TREATIES-XXVI 6 (depositary notification)."

CCM = {
    "A_RES_78_32.md": ("A/RES/78/32", 78, "99 (dd)", "2023-12-04", "A/78/409", 79, RECALLED_78,
                       [UNTS_1, UNTS_2, LAUSANNE], {"number": 42, "date": "2023-12-04"}),
    "A_RES_79_58.md": ("A/RES/79/58", 79, "98 (mm)", "2024-12-02", "A/79/408", 80, RECALLED_79,
                       [UNTS_1, UNTS_2, LITHUANIA, LAUSANNE],
                       {"number": 44, "date": "2024-12-02"}),
    "A_RES_80_52.md": ("A/RES/80/52", 80, "99 (ff)", "2025-12-01", "A/80/534", 81, RECALLED_80,
                       [UNTS_1, UNTS_2, LAUSANNE], {"number": 52, "date": "2025-12-01"}),
    "variants/A_RES_80_52.railcar-markdown.md": (
        "A/RES/80/52", 80, "99 (ff)", "2025-12-01", "A/80/534", 81, RECALLED_80,
        [UNTS_1, UNTS_2, LAUSANNE], {"number": 52, "date": "2025-12-01"}),
    "A_C.1_80_L.52.md": ("A/C.1/80/L.52", 80, "99 (ff)", None, None, 81, RECALLED_80,
                         [UNTS_1, UNTS_2, LAUSANNE], None),
}
SPONSORS_L52 = [
    "Australia", "Austria", "France", "Germany", "Iraq", "Italy",
    "Lao People’s Democratic Republic", "Mexico", "Netherlands (Kingdom of the)", "Norway",
    "Peru", "Philippines", "Switzerland", "Zambia",
]
CCM_TITLE = "Implementation of the Convention on Cluster Munitions"


def test_every_file_parses_with_exit_0(capsys):
    """`reslint parse` on every corpus file: the CLI's main in process (fast), and one
    real `python -m reslint parse` run."""
    from reslint.cli import main

    assert len(FILES) == 33
    for path in FILES:
        assert main(["parse", str(path), "--format", "json"]) == 0, path.name
        out, err = capsys.readouterr()
        assert err == "", path.name
        assert json.loads(out)["symbol"], path.name
    assert main(["parse", str(FILES[-1]), "--format", "text"]) == 0
    assert "A/RES/80/52" in capsys.readouterr().out
    result = run_parse(str(FILES[0]))
    assert result.returncode == 0 and result.stderr == ""
    assert json.loads(result.stdout)["symbol"] == "A/C.1/80/L.18"


@pytest.mark.parametrize("name", sorted(CCM))
def test_ccm_facts(facts, name):
    symbol, session, item, adopted, report, nxt, rec, notes, meeting = CCM[name]
    d = facts(CORPUS / name)
    assert d["symbol"] == symbol
    assert d["kind"] == ("draft" if "/L." in symbol else "resolution")
    assert d["session"] == session
    assert d["agenda_item"] == item
    assert d["title"] == CCM_TITLE
    assert d["adopted"] == adopted
    assert d["report"] == report
    assert d["next_session"] == nxt
    assert [(c["symbol"], c["date"]) for c in d["recalled"]] == rec
    assert [f["text"] for f in d["footnotes"]] == notes
    assert [f["number"] for f in d["footnotes"]] == list(range(1, len(notes) + 1))
    assert all(len(f["markers"]) == 1 for f in d["footnotes"])
    if meeting is None:
        assert d["meeting"] is None
    else:  # the closing line: number, date, not resumed
        assert {k: d["meeting"][k] for k in ("number", "date", "resumed")} == {
            **meeting, "resumed": False}
    assert len(d["operative"]) == 11


def test_ccm_79_58_lithuania_marker(facts):
    d = facts(CORPUS / "A_RES_79_58.md")
    marker = d["footnotes"][2]["markers"][0]
    assert (marker["line"], marker["column"]) == (110, 14)
    line = (CORPUS / "A_RES_79_58.md").read_text(encoding="utf-8").splitlines()[109]
    assert line[marker["column"] - 1] == "3" and line[:13].endswith("Lithuania,")
    texts = " ".join(p["text"] for p in d["preamble"])
    assert "of Lithuania, exercising its national sovereignty" in texts


def test_ccm_draft_sponsors(facts):
    d = facts(CORPUS / "A_C.1_80_L.52.md")
    assert d["sponsors"] == SPONSORS_L52
    assert d["adopted"] is None and d["report"] is None and d["meeting"] is None


def test_railcar_variant_reads_like_the_pdf(facts):
    pdf = facts(CORPUS / "A_RES_80_52.md")
    rail = facts(CORPUS / "variants" / "A_RES_80_52.railcar-markdown.md")
    for key in ("symbol", "session", "agenda_item", "item_title", "title", "adopted",
                "report", "next_session", "kind"):
        assert rail[key] == pdf[key], key
    assert {**rail["meeting"], "line": 0} == {**pdf["meeting"], "line": 0}  # lines differ
    assert rail["recalled"] and [(c["symbol"], c["date"]) for c in rail["recalled"]] == [
        (c["symbol"], c["date"]) for c in pdf["recalled"]
    ]
    assert [(f["number"], f["text"]) for f in rail["footnotes"]] == [
        (f["number"], f["text"]) for f in pdf["footnotes"]
    ]
    for part in ("preamble", "operative"):
        assert [(p["lead"], p["text"]) for p in rail[part]] == [
            (p["lead"], p["text"]) for p in pdf[part]
        ]


def _expected(path):
    """Symbol, session, adoption date and plenary meeting, from the file name and the table."""
    stem = path.stem
    if stem.startswith("A_C.1_80_"):
        return f"A/C.1/80/{stem.split('_')[-1]}", 80, None, None, 81
    _, _, session, number = stem.split("_")
    symbol = f"A/RES/{session}/{number}"
    adopted, meeting = TABLE[symbol]
    return symbol, int(session), adopted, meeting, int(session) + 1


@pytest.mark.parametrize("path", sorted(CORPUS.glob("A_*.md")), ids=lambda p: p.name)
def test_series_facts(facts, path):
    symbol, session, adopted, meeting, nxt = _expected(path)
    d = facts(path)
    assert d["symbol"] == symbol
    assert d["session"] == session
    assert d["kind"] == ("draft" if adopted is None else "resolution")
    assert d["adopted"] == adopted
    assert d["next_session"] == nxt
    if meeting is None:
        assert d["meeting"] is None and d["report"] is None
        assert d["sponsors"], "a draft names its sponsors"
    else:
        assert {k: d["meeting"][k] for k in ("number", "date")} == {
            "number": meeting, "date": adopted}
        assert re.fullmatch(rf"A/{session}/4\d\d|A/80/534", d["report"])
    assert d["title"] and d["agenda_item"]
    # every footnote text is found with at least one marker, and markers leave the text
    for f in d["footnotes"]:
        assert f["text"] and f["markers"], f["number"]
    for p in d["preamble"] + d["operative"]:
        assert not re.search(r"(?:19|20)\d\d\d\b", p["text"]), p["text"]


def test_draft_sponsor_lists(facts):
    l43 = facts(CORPUS / "A_C.1_80_L.43.md")["sponsors"]
    assert len(l43) == 55 and "Bosnia and Herzegovina" in l43 and l43[-1] == "Uruguay"
    l9 = facts(CORPUS / "A_C.1_80_L.9.md")["sponsors"]
    assert "United Kingdom of Great Britain and Northern Ireland" in l9
    assert facts(CORPUS / "A_C.1_80_L.62.md")["sponsors"] == ["Poland"]


def test_plain_markers_glued_to_years_and_words(facts):
    """80/71: "27 October 20224 a complaint5 … 2 November 20226 on the draft resolution7"."""
    d = facts(CORPUS / "A_RES_80_71.md")
    text = " ".join(p["text"] for p in d["preamble"])
    assert ("on 27 October 2022 a complaint by the Russian Federation" in text)
    assert "2 November 2022 on the draft resolution submitted by" in text
    assert {f["number"]: len(f["markers"]) for f in d["footnotes"]} == {
        n: 1 for n in range(1, 13)
    }
    atts = facts(CORPUS / "A_RES_80_46.md")
    assert "endorsed by the relevant States Parties, and welcomes" in " ".join(
        p["text"] for p in atts["operative"]
    )


def test_subparagraphs_nest(facts):
    ccw = facts(CORPUS / "A_RES_80_68.md")
    op8 = next(p for p in ccw["operative"] if p["number"] == "8")
    letters = [s["number"] for s in op8["subparagraphs"]]
    assert letters[:2] == ["a", "b"]
    nested = [s for s in op8["subparagraphs"] if s["subparagraphs"]]
    assert nested and all(
        re.fullmatch(r"[ivx]+", x["number"]) for s in nested for x in s["subparagraphs"]
    )


def test_subparagraphs_bwc_and_roman_after_letters(facts):
    bwc = facts(CORPUS / "A_RES_80_71.md")
    op4 = next(p for p in bwc["operative"] if p["number"] == "4")
    assert [s["number"] for s in op4["subparagraphs"]] == list("abcdefg")
    ccw = facts(CORPUS / "A_RES_78_64.md")
    op8 = next(p for p in ccw["operative"] if p["number"] == "8")
    assert [s["number"] for s in op8["subparagraphs"]] == list("abcde")
    assert [s["number"] for s in op8["subparagraphs"][3]["subparagraphs"]] == [
        "i", "ii", "iii", "iv", "v",
    ]
    cwc = facts(CORPUS / "A_RES_78_29.md")
    assert [s["number"] for s in cwc["preamble"][11]["subparagraphs"]] == list("abcde")
