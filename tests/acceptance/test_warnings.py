"""Warnings read on the real pairs (issue 12; notes in the closing note): the false alarms
fixed in the rules, each shown silent on the real text that raised it, and the slip the
rule is for still found at its line in that same text (skipped when ../shared is absent).

Each pair is checked once per process (ga_cache.pair_findings).
"""

from __future__ import annotations

import shutil
from typing import Any

import ga_cache as ga
import pytest

needs_ga = pytest.mark.skipif(not ga.TEXTS.is_dir(), reason="../shared/ga is absent")


def _pair(draft: str) -> tuple[Any, Any, tuple[Any, ...]]:
    for d, p, found in ga.pair_findings():
        if d.name == draft and d.parent == ga.TEXTS:
            return d, p, found
    raise AssertionError(f"{draft} is not a pair of pairs.tsv")


def _rules(found: Any) -> list[tuple[str, int]]:
    return sorted((f.rule, f.span.line) for f in found if f.severity in ("error", "warning"))


def _slipped(draft: str, old: str, new: str, previous: Any = None) -> list[tuple[str, int]]:
    """The findings of a real text with one deliberate slip, against its pair's previous."""
    from reslint.lint import parse

    d, p, _ = _pair(draft)
    text = d.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    doc = parse(str(d), text.replace(old, new))
    return _rules(ga.check(doc, ga.doc(previous or p)))


def _line(draft: str, words: str) -> int:
    lines = (ga.TEXTS / draft).read_text(encoding="utf-8").splitlines()
    hits = [i for i, t in enumerate(lines, 1) if words in t]
    assert len(hits) == 1, (words, hits)
    return hits[0]


# --- RES505: "Ibid." after the Official Records with their corrigenda -----------------------

def test_sources_of_real_footnotes():
    from reslint.checks.footnotes import sources

    # A/C.3/80/L.17, footnote 1: one report with its corrigenda
    assert sources("See Official Records of the General Assembly, Sixty-ninth Session, "
                   "Supplement No. 53A and corrigenda (A/69/53/Add.1, A/69/53/Add.1/Corr.1 "
                   "and A/69/53/Add.1/Corr.2), chap. IV, sect. A.") == 1
    # A/C.1/80/L.55, footnote 8: one work in three volumes
    assert sources("2010 Review Conference of the Parties to the Treaty on the "
                   "Non-Proliferation of Nuclear Weapons, Final Document, vols. I–III "
                   "(NPT/CONF.2010/50 (Vol. I), NPT/CONF.2010/50 (Vol. II) and "
                   "NPT/CONF.2010/50 (Vol. III)).") == 1
    # A/RES/79/87, footnote 11: a pointer aside
    assert sources("Ibid., para. 350; see also resolution 79/1, action 56.") == 1
    # A/C.3/80/L.47, footnote 14: the Official Records of one organ, year after year
    assert sources("See Official Records of the Economic and Social Council, 2005, Supplement "
                   "No. 7 and corrigendum (E/2005/27 and E/2005/27/Corr.1), chap. I, sect. A; "
                   "ibid., 2010, Supplement No. 7, chap I, sect. A; and ibid., 2025, "
                   "Supplement No. 7 (E/2025/27), chap. I, sect. C.") == 1
    # two sources: "Ibid." after them cannot say which
    assert sources("A/78/1 and A/78/3.") == 2
    assert sources("United Nations, Treaty Series, vol. 2515, No. 44910; and vol. 2688, "
                   "No. 47713.") == 2


@needs_ga
@pytest.mark.parametrize("draft", ["A_C.3_80_L.17.md", "A_C.1_80_L.55.md", "A_RES_79_87.md",
                                   "A_C.3_80_L.47.md", "A_RES_80_191.md"])
def test_res505_silent_on_real_ibid(draft):
    assert [r for r in _rules(_pair(draft)[2]) if r[0] == "RES505"] == []


@needs_ga
def test_res505_ibid_after_two_reports_in_a_real_text():
    old = "1 See Official Records of the General Assembly, Sixty-ninth Session"
    new = "1 See A/69/53 and A/69/54; Official Records of the General Assembly, Sixty-ninth Session"
    found = _slipped("A_C.3_80_L.17.md", old, new)
    line = _line("A_C.3_80_L.17.md", "2 Ibid., Seventieth Session")
    assert ("RES505", line) in found


# --- RES701: "its … session" is the Assembly's coming session, not a past event ------------

@needs_ga
@pytest.mark.parametrize("draft", ["A_RES_79_145.md", "A_RES_80_143.md", "A_RES_80_172.md",
                                   "A_RES_79_159.md", "A_RES_79_85.md", "A_C.2_80_L.39.md"])
def test_res701_silent_on_past_sessions_and_other_bodies(draft):
    assert [r for r in _rules(_pair(draft)[2]) if r[0] == "RES701"] == []


@needs_ga
def test_res701_report_requested_for_last_session_in_a_real_text():
    # A/RES/80/146 (previous 78/322): a request for a report at the draft's previous session
    old = "support the work on the multidimensional vulnerability index;"
    new = ("support the work on the multidimensional vulnerability index, and requests the "
           "Secretary-General to report thereon to the General Assembly at its seventy-eighth "
           "session;")
    found = _slipped("A_RES_80_146.md", old, new)
    assert ("RES701", _line("A_RES_80_146.md", old)) in found


# --- RES702: "document A/78/111" names a fixed text -----------------------------------------

@needs_ga
@pytest.mark.parametrize("draft", ["A_RES_79_54.md", "A_RES_80_16.md", "A_C.1_80_L.20.md"])
def test_res702_silent_on_a_document_named_as_such(draft):
    assert [r for r in _rules(_pair(draft)[2]) if r[0] == "RES702"] == []


@needs_ga
def test_res702_last_sessions_report_in_a_real_text():
    old = "pursuant to resolution 76/233, contained in document A/78/111, and the"
    new = "pursuant to resolution 76/233 (A/78/111), and the"
    found = _slipped("A_RES_79_54.md", old, new)
    assert ("RES702", _line("A_RES_79_54.md", old)) in found


# --- RES305: a period the paragraph states -------------------------------------------------

@needs_ga
def test_res305_keeps_the_period_the_paragraph_states():
    # 78/322 (August 2024) named the eightieth session, 80/146 the eighty-third: "triennially"
    assert [r for r in _rules(_pair("A_RES_80_146.md")[2]) if r[0] == "RES305"] == []
    found = _slipped("A_RES_80_146.md", "provisional agenda of its eighty-third session",
                     "provisional agenda of its eighty-fourth session")
    assert ("RES305", _line("A_RES_80_146.md", "provisional agenda of its eighty-third")) in found


# --- RES104: last year's impossible date corrected -----------------------------------------

@needs_ga
def test_res104_silent_when_the_draft_corrects_an_impossible_date():
    # 78/248 cites "72/256 of 24 December 2107" (RES107); 79/254 writes 2017
    assert [r for r in _rules(_pair("A_RES_79_254.md")[2]) if r[0] == "RES104"] == []
    # another item of the same list, misdated, is still found
    found = _slipped("A_RES_79_254.md", "73/276 of 22 December 2018",
                     "73/276 of 21 December 2018")
    assert ("RES104", _line("A_RES_79_254.md", "73/276 of 22 December 2018")) in found


# --- RES105: order within one noun's list ---------------------------------------------------

@needs_ga
def test_res105_silent_on_two_citations_each_with_its_noun():
    assert [r for r in _rules(_pair("A_RES_80_134.md")[2]) if r[0] == "RES105"] == []


# --- RES103: the series' own list carries over, other paragraphs are a selection -------------

@needs_ga
@pytest.mark.parametrize("draft", ["A_RES_80_229.md", "A_RES_80_60.md", "A_C.1_80_L.53.md",
                                   "A_RES_80_138.md", "A_RES_80_181.md"])
def test_res103_silent_on_items_outside_the_series_list(draft):
    assert [r for r in _rules(_pair(draft)[2]) if r[0] == "RES103"] == []


@needs_ga
def test_res103_item_dropped_from_the_series_list_in_a_real_text():
    found = _slipped("A_RES_80_229.md", "75/196 of 16 December 2020, ", "")
    line = _line("A_RES_80_229.md", "Reaffirming its resolutions 46/152")
    assert ("RES103", line) in found


# --- RES101/RES103 with the library's copy of the previous's previous ------------------------

@needs_ga
def test_res101_asks_the_library_for_the_previous_of_the_previous(tmp_path):
    """79/156 (UNHCR) cites 78/119, of another series, "including resolution 78/119": from
    the previous alone that looks like citing its own previous.  The library holds 78/184,
    79/156's own previous, which 79/156 does not cite: the series does not cite its
    predecessor, and 80/187 need not."""
    from reslint.lint import Linter

    assert ("RES101", _line("A_RES_80_187.md", "Recalling its resolution 46/182")) in \
        _rules(_pair("A_RES_80_187.md")[2])
    lib = tmp_path / "adopted"
    lib.mkdir()
    for name in ("A_RES_78_184.md", "A_RES_79_156.md"):
        shutil.copy(ga.TEXTS / name, lib / name)
    shutil.copy(ga.TEXTS / "A_RES_80_187.md", tmp_path / "draft.md")
    (tmp_path / ".reslint.yaml").write_text("library: adopted\n")
    result = Linter().check_file(str(tmp_path / "draft.md"))
    assert result.previous is not None and result.previous.heading.symbol == "A/RES/79/156"
    assert result.before is not None and result.before.heading.symbol == "A/RES/78/184"
    assert [f for f in result.findings if f.rule in ("RES101", "RES103")] == []
    # and the library's copy is what decides: a 79/156 that recalls 78/184 has the habit,
    # and 80/187 is asked to cite 79/156
    text = (lib / "A_RES_79_156.md").read_text(encoding="utf-8")
    (lib / "A_RES_79_156.md").write_text(
        text.replace("The General Assembly,", "The General Assembly,\n\nRecalling its "
                     "resolution 78/184 of 19 December 2023,\n", 1), encoding="utf-8")
    result = Linter().check_file(str(tmp_path / "draft.md"))
    assert "RES101" in [f.rule for f in result.findings]


@needs_ga
@pytest.mark.parametrize("draft", ["A_RES_79_95.md", "A_RES_80_86.md"])
def test_res101_a_citation_naming_its_subject_is_another_series(draft):
    # 78/82 and 79/95 cite "its resolution 78/152 … on disaster risk reduction": another
    # series' resolution, not their own previous, which they do not cite
    assert [r for r in _rules(_pair(draft)[2]) if r[0] == "RES101"] == []


# --- RES110: a quoted title against the library's adopted text ------------------------------

@needs_ga
def test_library_reads_titles_over_their_lines():
    library = ga.ga_library()
    assert library["79/226"]["title"] == ("Quadrennial comprehensive policy review of "
                                          "operational activities for development of the "
                                          "United Nations system")


@needs_ga
def test_res110_quoted_title_against_the_library_in_a_real_text():
    """80/216 quotes 78/206, its previous, as entitled “The human rights to safe drinking
    water and sanitation”, as adopted; a title changed in the quotation is found at its
    line, with the adopted title as its safe fix."""
    from reslint.lint import parse

    d, p, _ = _pair("A_RES_80_216.md")
    library = ga.ga_library()
    assert [f for f in ga.check(ga.doc(d), ga.doc(p), library) if f.rule == "RES110"] == []
    text = d.read_text(encoding="utf-8")
    old = "The human rights to safe drinking water and sanitation”"
    assert text.count(old) == 1
    slipped = parse(str(d), text.replace(old, "The human right to safe drinking water”"))
    (f,) = [f for f in ga.check(slipped, ga.doc(p), library) if f.rule == "RES110"]
    assert f.severity == "error" and f.span.line == _line("A_RES_80_216.md", old)
    assert f.fix is not None and f.fix.safe
    assert f.fix.edits[0].text == "The human rights to safe drinking water and sanitation"
