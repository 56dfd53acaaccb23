"""The document grammar of the whole Assembly, on ../shared/ga/texts (skipped when absent).

Three layers:

1. Every text parses (amendments included), each once per test session (`ga_docs`).
2. Facts read independently of the reader, for every text: the symbol from the file name,
   the adoption date, the committee and its report (or "without reference to a Main
   Committee") and the closing meeting line (number, "(resumed)", date, line) by a plain
   pattern over the raw file.
3. A sample of 48 texts with their facts written down by hand from the texts in
   data/ga_sample.yaml: how they were chosen and how each fact was read is in
   data/README.md.  Facts reslint reads wrongly today are listed under `known:` with the
   reason, and expected to fail (strict).
4. Each structure at its exact line on a real text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import run_parse

from tests import paths

GA = paths.GA_TEXTS
SAMPLE = Path(__file__).parent / "data" / "ga_sample.yaml"

pytestmark = pytest.mark.skipif(not GA.is_dir(), reason="../shared/ga is absent")

ADOPTED = re.compile(
    r"Resolution adopted by the General Assembly\s+on\s+(\d{1,2} [A-Z][a-z]+ \d{4})"
)
MEETING_LINE = re.compile(
    r"^\s*(\d{1,3})(?:st|nd|rd|th) (\(resumed\) )?plenary meeting", re.MULTILINE
)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def _iso(text: str) -> str:
    m = re.fullmatch(r"(\d{1,2}) ?([A-Z][a-z]+) ?(\d{4})", " ".join(text.split()))
    assert m, text
    return f"{m.group(3)}-{MONTHS.index(m.group(2)) + 1:02d}-{int(m.group(1)):02d}"


@pytest.fixture(scope="session")
def ga_docs():
    """Every text of ../shared/ga/texts parsed once for the whole test session."""
    from reslint.parse import parse_file

    return {p.name: parse_file(str(p)) for p in sorted(GA.glob("*.md"))}


def test_every_text_parses(ga_docs):
    assert len(ga_docs) == 618
    kinds = {d.kind for d in ga_docs.values()}
    assert {"resolution", "draft", "amendment"} <= kinds


def test_cli_exit_0_on_a_resumed_meeting_and_on_an_amendment():
    for name in ("A_RES_78_237.md", "A_80_L.31.md"):
        done = run_parse(str(GA / name), "--format", "text")
        assert done.returncode == 0, done.stderr


def test_facts_read_by_pattern_on_every_text(ga_docs):
    """Symbol from the file name; adoption date and closing line by a plain pattern."""
    checked = 0
    for name, doc in ga_docs.items():
        if doc.kind == "amendment":
            continue
        raw = (GA / name).read_text(encoding="utf-8")
        assert doc.heading.symbol == name[:-3].replace("_", "/"), name
        lines = [m for m in MEETING_LINE.finditer(raw)]
        if not name.startswith("A_RES_"):
            assert doc.meeting is None and doc.heading.adopted is None, name
            continue
        flat = " ".join(raw.split())
        if "[without reference to a Main Committee" in flat:
            assert doc.heading.committee is None and doc.heading.report is None, name
        else:  # "[on the report of the Special Political and Decolonization Committee …"
            assert f"on the report of the {doc.heading.committee} Committee" in flat, name
            assert doc.heading.report is not None and doc.heading.report in flat, name
        adopted = ADOPTED.search(flat)
        assert adopted and doc.heading.adopted == _iso(adopted.group(1)), name
        assert len(lines) == 1, name
        m = lines[0]
        line = raw.count("\n", 0, m.start(1)) + 1
        date_line = raw[m.end() :].split("\n", 2)[1] if raw[m.end() :].strip() else ""
        meeting = doc.meeting
        assert meeting is not None, name
        assert (meeting.number, meeting.resumed, meeting.span.line) == (
            int(m.group(1)), m.group(2) is not None, line), name
        assert meeting.date == _iso(date_line.strip()), name
        # the closing line is never a paragraph
        assert not any("plenary meeting" in p.text[:40] for p in doc.operative), name
        checked += 1
    assert checked == 455


def test_operative_numbers_run_in_sequence(ga_docs):
    """In every adopted resolution the resolution's own numbered paragraphs run 1..n, or
    1..n in each section when the text restarts them: headings, annex paragraphs and
    quoted text never break the sequence."""
    for name, doc in ga_docs.items():
        if not name.startswith("A_RES_"):
            continue
        runs: dict[str, list[int]] = {}
        for p in doc.operative:
            if p.number is not None:
                runs.setdefault(p.label.rsplit("OP", 1)[0], []).append(int(p.number))
        for scope, numbers in runs.items():
            assert numbers == list(range(1, len(numbers) + 1)), (name, scope, numbers[:5])


def _facts(doc) -> dict:
    h = doc.heading
    m = doc.meeting
    facts = {
        "symbol": h.symbol, "kind": doc.kind, "form": doc.form, "session": h.session,
        "adopted": h.adopted, "committee": h.committee, "report": h.report,
        "agenda_item": h.agenda_item,
        "meeting": None if m is None else {"number": m.number, "date": m.date,
                                           "resumed": m.resumed, "line": m.span.line},
        "next_session": doc.next_session, "preamble": len(doc.preamble),
        "operative": len(doc.operative), "sections": [s.key for s in doc.sections],
        "annexes": [{"key": a.key, "line": a.span.line,
                     "numbered": sum(1 for p in a.operative if p.number is not None),
                     "sections": len(a.sections)} for a in doc.annexes],
        "footnotes": {
            "resolution": [f.number for f in doc.footnotes if f.part == "resolution"],
            "annexes": [f.number for f in doc.footnotes if f.part != "resolution"],
        },
        "recalled": [c.symbol for c in doc.recalled],
        "other_citations": len(doc.other_citations),
        # lists checked for inclusion only (see data/README.md)
        "recalled_has": [c.symbol for c in doc.recalled],
        "hrc_has": [c.symbol for c in doc.other_citations if c.body == "hrc"],
    }
    if doc.amendment is not None:
        a = doc.amendment
        facts["amendment"] = {
            "sponsors": a.sponsors, "draft": a.draft_symbol,
            "instructions": [[i.action, i.target, i.position] for i in a.instructions]}
    return facts


def _agrees(field: str, expected, read) -> bool:
    if field in ("recalled_has", "hrc_has"):
        return all(s in read for s in expected)
    return bool(expected == read)


SAMPLE_CASES = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
FACT_FIELDS = ("file", "why", "known")
KNOWN = [
    pytest.param(case["file"], field, reason,
                 marks=pytest.mark.xfail(strict=True, reason=reason),
                 id=f"{case['file']}:{field}")
    for case in SAMPLE_CASES for field, reason in case.get("known", {}).items()
]


def test_the_sample_covers_every_committee():
    assert len(SAMPLE_CASES) >= 40
    committees = {c["committee"] for c in SAMPLE_CASES if c["kind"] == "resolution"}
    assert {"First", "Second", "Third", "Special Political and Decolonization", "Fifth",
            "Sixth", None} <= committees
    drafts = {c["symbol"].split("/")[1] for c in SAMPLE_CASES if c["kind"] == "draft"}
    assert {"C.1", "C.2", "C.3", "C.4", "C.5", "C.6", "80"} <= drafts
    assert {c["form"] for c in SAMPLE_CASES if c["kind"] == "draft"} == {"resolution",
                                                                        "decision"}
    assert sum(c["kind"] == "amendment" for c in SAMPLE_CASES) >= 3
    for case in SAMPLE_CASES:
        assert set(case.get("known", {})) <= set(case) - set(FACT_FIELDS), case["file"]


@pytest.mark.parametrize("case", SAMPLE_CASES, ids=[c["file"] for c in SAMPLE_CASES])
def test_sample_facts(ga_docs, case):
    """Every fact written down by hand, but those listed under `known:`."""
    read = _facts(ga_docs[case["file"]])
    wrong = {field: (expected, read.get(field)) for field, expected in case.items()
             if field not in FACT_FIELDS and field not in case.get("known", {})
             and not _agrees(field, expected, read.get(field))}
    assert not wrong


@pytest.mark.parametrize(("name", "field", "reason"), KNOWN)
def test_sample_known_failures(ga_docs, name, field, reason):
    """A fact reslint reads wrongly today (the reason is in the id's xfail): strict, so
    the day it reads right the entry must leave `known:`."""
    case = next(c for c in SAMPLE_CASES if c["file"] == name)
    assert _agrees(field, case[field], _facts(ga_docs[name]).get(field))


# --- each structure at its exact line ------------------------------------------------------

def test_resumed_meeting_line_is_the_closing_line(ga_docs):
    doc = ga_docs["A_RES_78_237.md"]
    assert (doc.meeting.number, doc.meeting.resumed, doc.meeting.date) == (50, True, "2023-12-22")
    assert doc.meeting.span.line == 260
    last = doc.operative[-1]
    assert last.label == "OP9" and last.text.endswith("international security”.")


def test_meeting_line_glued_to_the_last_paragraph(ga_docs):
    doc = ga_docs["A_RES_78_71.md"]
    assert (doc.meeting.number, doc.meeting.date, doc.meeting.span.line) == (
        45, "2023-12-07", 299)
    assert doc.operative[-1].text.endswith("in a sustainable manner.")
    assert doc.operative[-1].span.end_line == 298


def test_meeting_date_run_together(ga_docs):
    doc = ga_docs["A_RES_79_85.md"]
    assert (doc.meeting.number, doc.meeting.date) == (47, "2024-12-04")
    assert not doc.problems


def test_sections_with_numbering_that_runs_on(ga_docs):
    doc = ga_docs["A_RES_79_145.md"]
    keys = [s.key for s in doc.sections]
    assert keys == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
                    "XIII", "XIV"][: len(keys)] and len(keys) >= 12
    first, last = doc.sections[0], doc.sections[-1]
    assert (first.span.line, first.title, first.first) == (747, "Achieving sustainable fisheries",
                                                          "OP1")
    assert (doc.sections[11].span.line, doc.sections[11].key) == (3400, "XII")
    assert last.first is not None
    assert doc.sections[1].title.startswith("Implementation of the 1995 Agreement")
    assert [p.number for p in doc.operative] == [str(n) for n in range(1, len(doc.operative) + 1)]
    assert all(p.section is not None for p in doc.operative)


def test_pattern_of_conferences_headings_are_not_paragraphs(ga_docs):
    doc = ga_docs["A_RES_80_234.md"]
    assert (doc.sections[0].key, doc.sections[0].span.line, doc.sections[0].first) == (
        "I", 78, "OP3")
    assert doc.sections[0].title == "Calendar of conferences and meetings"
    assert all(p.number is not None for p in doc.operative)


def test_sections_that_restart_numbering_with_their_own_preambles(ga_docs):
    doc = ga_docs["A_RES_78_253.md"]
    labels = [p.label for p in doc.operative]
    assert labels[:3] == ["I.OP1", "I.OP2", "II.OP1"]
    assert any(p.label == "II.PP1" for p in doc.preamble)
    second = next(s for s in doc.sections if s.key == "II")
    assert second.first == "II.PP1"


def test_income_sections_of_a_budget_text(ga_docs):
    """ "Income section 2" / "General income" under "Part XIV" (A/C.5/80/L.4, line 885) is a
    numbered heading, not a title alone; in 79/257 "Income section 3" (line 883) is no
    longer read as an unnumbered paragraph."""
    last = ga_docs["A_C.5_80_L.4.md"].sections[-1]
    assert (last.key, last.span.line, last.title) == (
        "Part XIV.Income section 2", 885, "General income")
    doc = ga_docs["A_RES_79_257.md"]
    assert not any(p.text.startswith("Income section") for p in doc.operative)
    assert [p.number for p in doc.operative if 870 < p.span.line < 900] == ["75", "76", "77"]


def test_titles_alone_as_headings(ga_docs):
    doc = ga_docs["A_80_L.15.md"]
    titles = {s.title: s.span.line for s in doc.sections}
    assert titles["Peacebuilding financing"] == 376
    assert all(p.number is not None for p in doc.operative)


def test_a_title_alone_at_a_page_top_after_a_comma(ga_docs):
    """ "… aviation, and road transport," ends a page; the next page opens with the title
    "Social aspects" (78/148, line 297), not with the rest of that paragraph."""
    doc = ga_docs["A_RES_78_148.md"]
    assert [(s.title, s.span.line) for s in doc.sections][-1] == ("Social aspects", 297)
    before = next(p for p in doc.preamble if p.span.line == 282)
    assert before.text.endswith("road transport,") and before.span.end_line == 285
    assert next(p for p in doc.preamble if p.span.line == 300).section == "#4"


def test_paragraph_quoted_inside_a_paragraph(ga_docs):
    doc = ga_docs["A_RES_78_248.md"]
    op14 = next(p for p in doc.operative if p.label == "OP14")
    quoted = [s for s in op14.subparagraphs if s.kind == "quoted"]
    assert quoted and quoted[-1].number == "4" and quoted[-1].span.line == 177
    assert quoted[-1].text.startswith("In hearing an application")
    assert [p.number for p in doc.operative] == [str(n) for n in range(1, 17)]


def test_annex_kept_apart(ga_docs):
    doc = ga_docs["A_RES_80_117.md"]
    assert [p.label for p in doc.operative] == ["OP"] and not doc.preamble
    annex = doc.annexes[0]
    assert (annex.key, annex.span.line) == ("Annex", 44)
    assert annex.title.startswith("Political declaration of the fourth high-level meeting")
    assert annex.operative[0].label == "Annex.OP1" and annex.operative[0].span.line == 71
    # 81 numbered paragraphs and 4 unnumbered: two chapeaux ("We therefore commit to
    # urgently:", "To deliver …, we will:"), a target set apart, and the end of a sentence
    # cut off at a page break (line 436: still misread); titles alone are not among them
    assert len(annex.operative) == 85 and sum(p.number is not None for p in annex.operative) == 81
    assert {f.part for f in doc.footnotes} == {"Annex"}


def test_footnotes_printed_after_the_closing_line(ga_docs):
    """78/103 closes with "45th plenary meeting" (line 429); footnotes 25-27 of its last
    page follow (lines 434-440), each marker in the resolution's last paragraphs."""
    doc = ga_docs["A_RES_78_103.md"]
    assert doc.meeting.span.line == 429
    tail = [(f.number, f.span.line, f.part, f.markers[0].span.line)
            for f in doc.footnotes if f.number >= 25]
    assert tail == [(25, 434, "resolution", 417), (26, 436, "resolution", 422),
                    (27, 440, "resolution", 427)]
    assert doc.operative[-1].label == "OP25"


def test_annex_with_its_own_sections(ga_docs):
    """The outcome document annexed to 78/317 (line 67) has its own sections: I (line 74),
    II (233) with lettered sub-sections A (238) to D (735), apart from the resolution's two
    paragraphs."""
    doc = ga_docs["A_RES_78_317.md"]
    annex = doc.annexes[0]
    assert (annex.key, annex.span.line) == ("Annex", 67)
    assert [(s.key, s.span.line) for s in annex.sections][:6] == [
        ("I", 74), ("II", 233), ("II.A", 238), ("II.B", 408), ("II.C", 600), ("II.D", 735)]
    assert annex.sections[2].title == "Build resilient economies"
    assert [p.label for p in doc.operative] == ["OP1", "OP2"] and not doc.sections


def test_annex_titles_of_a_declaration(ga_docs):
    """The declaration annexed to 80/117 has six titles alone: "Support research, …" on two
    lines (line 847, 125 characters) over paragraph 73, and "Follow up" (line 885) over the
    chapeau "In order to ensure adequate follow-up, we:"; neither is a paragraph."""
    annex = ga_docs["A_RES_80_117.md"].annexes[0]
    titles = [(s.title, s.span.line) for s in annex.sections]
    assert titles[-2][0].startswith("Support research, strengthen data") and titles[-2][1] == 847
    assert titles[-1] == ("Follow up", 885) and len(titles) == 6
    assert not any(p.text.startswith(("Follow up", "Support research")) for p in annex.operative)


def test_annex_with_modalities(ga_docs):
    doc = ga_docs["A_RES_79_81.md"]
    assert doc.annexes[0].span.line == 434
    assert doc.operative[-1].span.line < doc.meeting.span.line < 434


def test_annexes_i_and_ii(ga_docs):
    doc = ga_docs["A_C.5_80_L.13.md"]
    assert [(a.key, a.span.line) for a in doc.annexes] == [("Annex I", 111), ("Annex II", 163)]


def test_draft_decision_is_one_paragraph(ga_docs):
    doc = ga_docs["A_80_L.37.md"]
    assert doc.form == "decision" and doc.kind == "draft"
    assert [p.label for p in doc.operative] == ["OP"] and not doc.preamble
    assert doc.operative[0].span.line == 31
    assert doc.operative[0].text.startswith("recalling its decision 75/511 B")
    assert doc.operative[0].text.endswith("Development Activities in 2027.")
    assert doc.heading.formula_span is not None


def test_draft_decision_with_lettered_paragraphs(ga_docs):
    doc = ga_docs["A_C.2_80_L.60.md"]
    assert doc.form == "decision"
    assert [(p.label, p.span.line) for p in doc.operative] == [("OP(a)", 36), ("OP(b)", 40)]


def test_a_second_recalling_verb_in_a_paragraph(ga_docs):
    """ "Recalling all relevant resolutions of the General Assembly, the Human Rights Council
    …, reaffirming its resolutions 65/198 … and 79/315 …, and recalling Human Rights Council
    resolutions 27/13 …": the Assembly's list is governed by the second verb (line 37)."""
    doc = ga_docs["A_C.3_80_L.17.md"]
    assert [c.symbol for c in doc.recalled][:2] == ["65/198", "66/142"]
    assert doc.recalled[-1].symbol == "79/315" and len(doc.recalled) == 19
    span = doc.recalled_span
    assert (span.line, span.column, span.end_line) == (37, 10, 44)
    assert {c.symbol for c in doc.other_citations if c.body == "hrc"} >= {"27/13", "60/13"}
    # "…, and recalling also its resolutions 58/205 …" after a first list (79/190)
    recalled = [c.symbol for c in ga_docs["A_RES_79_190.md"].recalled]
    assert recalled.index("57/244") < recalled.index("58/205")


def test_a_resolution_joined_to_the_recalled_object(ga_docs):
    """ "Recalling further the Rio Declaration on Environment and Development of June
    199216 and its resolution 66/288 of 27 July 2012" (80/216, lines 174-175); "and
    recalling the United Nations Convention against Transnational Organized Crime and the
    Protocol …, and its resolutions 71/167 …" (78/229)."""
    doc = ga_docs["A_RES_80_216.md"]
    rio = next(c for c in doc.recalled if c.symbol == "66/288")
    assert (rio.span.line, rio.date, rio.paragraph) == (175, "2012-07-27", "PP15")
    assert "71/167" in [c.symbol for c in ga_docs["A_RES_78_229.md"].recalled]
    # a resolution named inside the object is not recalled ("the designation, pursuant
    # to General Assembly resolutions 47/193 …", 80/216 line 168)
    assert "47/193" not in [c.symbol for c in doc.recalled]


def test_a_part_label_with_a_full_stop(ga_docs):
    """ "Recalling section I.B of its resolution 51/216" (A/C.5/80/L.17, line 225) and
    "…, section II.A of its resolution 65/259 …, its resolution 66/246 …" (78/253, line
    41): the label does not stop the list."""
    doc = ga_docs["A_C.5_80_L.17.md"]
    last = doc.recalled[-1]
    assert (last.symbol, last.span.line) == ("51/216", 225)
    recalled = [c.symbol for c in ga_docs["A_RES_78_253.md"].recalled]
    assert recalled[:6] == ["60/283", "63/262", "64/243", "65/259", "66/246", "66/263"]


def test_a_symbol_alone_on_a_line_is_no_page_marker(ga_docs):
    """ "Recalling / also / its / resolution / 73/89 / of …", one word a line (79/81, lines
    36-46): "73/89" is the resolution, not page 73 of 89 (the document's pages are n/8)."""
    doc = ga_docs["A_RES_79_81.md"]
    first = doc.recalled[0]
    assert (first.symbol, first.date, first.span.line) == ("73/89", "2018-12-06", 40)
    assert doc.preamble[1].text.startswith("Recalling also its resolution 73/89 of 6 December")


def test_next_session_under_the_item(ga_docs):
    doc = ga_docs["A_RES_79_14.md"]
    assert doc.next_session == 81 and doc.next_session_span.line == 47


def test_next_session_where_the_assembly_decides_to_consider_the_question(ga_docs):
    """ "Decides to continue its consideration of the question at its eighty-second session"
    (80/216, line 611), "Decides to consider the question of … at its eightieth session"
    (78/229, line 1884), "decides to defer until the main part of its eighty-first session
    consideration of …" (A/C.5/80/L.22, line 33); a report asked "at its eightieth session"
    is no agenda placement (78/172); "Decides to consider a gradual increase …, and invites
    the Secretary-General … to submit proposals … at its seventy-ninth session" neither."""
    for name, number, line in (("A_RES_80_216.md", 82, 611), ("A_RES_78_229.md", 80, 1884),
                               ("A_C.5_80_L.22.md", 81, 33)):
        doc = ga_docs[name]
        assert (doc.next_session, doc.next_session_span.line) == (number, line), name
    assert ga_docs["A_RES_78_172.md"].next_session is None
    assert ga_docs["A_RES_78_73.md"].next_session is None


def test_next_session_in_a_sub_paragraph(ga_docs):
    doc = ga_docs["A_RES_78_329.md"]
    assert doc.next_session == 79 and doc.next_session_span.line == 43


def test_sub_paragraphs_at_depth(ga_docs):
    """(a) under operative paragraph 2 of 78/218 (line 330), (i) under (a) (line 337)."""
    op2 = next(p for p in ga_docs["A_RES_78_218.md"].operative if p.label == "OP2")
    a = op2.subparagraphs[0]
    assert (a.label, a.span.line) == ("OP2(a)", 330)
    assert a.text.startswith("The persistence of continuing reports")
    i = a.subparagraphs[0]
    assert (i.label, i.span.line) == ("OP2(a)(i)", 337)
    assert i.text.startswith("Torture and other cruel, inhuman or degrading treatment")


def test_revised_draft_symbol(tmp_path):
    from reslint.parse import parse_file

    path = tmp_path / "rev.md"
    path.write_text(
        "A/C.3/80/L.5/Rev.1\n\nEightieth session\n\nAgenda item 71\n\n"
        "Chile and Peru: revised draft resolution\n\nA title\n\nThe General Assembly,\n\n"
        "Recalling its resolution 79/1 of 1 October 2024,\n\n1. Decides to remain seized.\n",
        encoding="utf-8",
    )
    doc = parse_file(str(path))
    assert (doc.heading.symbol, doc.revision, doc.kind) == ("A/C.3/80/L.5/Rev.1", 1, "draft")
    assert doc.heading.sponsors == ["Chile", "Peru"] and doc.heading.title == "A title"


# --- structure rules read the grammar -------------------------------------------------------

def _slip_line(tmp_path, name: str, line: int, old: str, new: str):
    lines = (GA / name).read_text(encoding="utf-8").split("\n")
    assert lines[line - 1].strip() == old.strip(), lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    out = tmp_path / name
    out.write_text("\n".join(lines), encoding="utf-8")
    return out


def _structure_findings(path) -> list[tuple[str, int]]:
    from reslint.lint import Linter

    result = Linter().check_file(str(path), previous=None)
    return [(f.rule, f.span.line) for f in result.findings if f.rule.startswith("RES60")]


def test_numbering_that_restarts_in_each_section_is_not_a_slip(ga_docs):
    from reslint.engine.facts import document_facts

    facts = document_facts(ga_docs["A_RES_78_253.md"])
    runs = {p["run"] for p in facts["operative"]}
    assert {"I", "II", "III"} <= runs
    assert facts["sections"][0]["key"] == "I" and facts["sections"][0]["span"].line == 37
    assert ("RES603", 89) not in _structure_findings(GA / "A_RES_78_253.md")


def test_a_slip_in_a_restarting_section_is_found_at_its_line_and_fixed_in_its_run(tmp_path):
    from reslint.engine.facts import document_facts
    from reslint.engine.fixers import renumber_paragraphs
    from reslint.parse import parse_file

    path = _slip_line(tmp_path, "A_RES_78_253.md", 264, "2.", "3.")
    found = _structure_findings(path)
    # the paragraph numbered "3." on line 264 (its text starts on 265), and the real 3 after
    assert [f for f in found if f[0] == "RES603"] == [("RES603", 265), ("RES603", 269)]
    doc = parse_file(str(path))
    target = next(p for p in document_facts(doc)["operative"] if p["span"].line == 265)
    edits = renumber_paragraphs(doc, target, "2")
    assert edits is not None and len(edits) == 1
    assert doc.source.linecol(edits[0].start)[0] == 264 and edits[0].text == "2"


def test_annex_facts_for_rules(ga_docs):
    from reslint.engine.facts import document_facts

    facts = document_facts(ga_docs["A_RES_80_117.md"])
    annex = facts["annexes"][0]
    assert (annex["key"], annex["span"].line, len(annex["operative"])) == ("Annex", 44, 85)
    assert annex["operative"][0]["part"] == "Annex"
    assert len(facts["operative"]) == 1 and facts["meeting"]["resumed"] is False
    assert {f["part"] for f in facts["footnotes"]} == {"Annex"}


def test_a_footnote_wrapped_before_a_date_is_one_footnote(ga_docs):
    """ "22 Report of the International Conference on Financing for Development, Monterrey,
    Mexico, / 18 – 22 March 2002 (…)" (A/C.3/80/L.12, lines 600-601): the second line
    continues footnote 22, and footnotes 23-26 that follow are read as themselves."""
    doc = ga_docs["A_C.3_80_L.12.md"]
    assert [f.number for f in doc.footnotes] == list(range(1, 27))
    note = next(f for f in doc.footnotes if f.number == 22)
    assert "Monterrey, Mexico, 18 – 22 March 2002" in note.text
    assert next(f for f in doc.footnotes if f.number == 23).text == "Resolution 63/239, annex."
    doc = ga_docs["A_RES_79_145.md"]  # "… South Africa, / 26 August–4 September 2002" (843)
    assert [f.number for f in doc.footnotes] == list(range(1, 51))
    assert "26 August–4 September 2002" in next(f for f in doc.footnotes if f.number == 23).text


def test_other_bodies_citations_at_their_lines(ga_docs):
    """Real citations of other bodies, each with its body, kind and line: Economic and
    Social Council (78/172, lines 88 and 164), Security Council "242 (1967)" (79/81, line
    48), a conference of parties' decision (A/80/L.17, line 503); none is the Assembly's."""
    def read(name):
        return [(c.symbol, c.body, c.kind, c.span.line) for c in ga_docs[name].other_citations]

    assert read("A_RES_78_172.md") == [("2020/7", "ecosoc", "resolution", 88),
                                       ("2016/7", "ecosoc", "resolution", 164),
                                       ("2016/8", "ecosoc", "resolution", 164)]
    assert read("A_RES_79_81.md")[0] == ("242 (1967)", "sc", "resolution", 48)
    assert ("15/24", "cop", "decision", 503) in read("A_80_L.17.md")
    assert not {"2020/7", "242 (1967)", "15/24"} & {
        c.symbol for n in ("A_RES_78_172.md", "A_RES_79_81.md", "A_80_L.17.md")
        for c in ga_docs[n].citations}


def test_marker_after_a_symbol_and_a_comma(ga_docs):
    """ "pursuant to resolution 72/55, 1 of the Group of Governmental Experts": the 1 is
    footnote 1's marker (the PDF lost the superscript); "paragraphs 3, 4 of" stays a list."""
    doc = ga_docs["A_RES_78_47.md"]
    first = doc.footnotes[0]
    assert first.number == 1 and [(m.span.line, m.span.column) for m in first.markers] == [
        (47, 31)]
    assert "72/55, of the Group" in doc.preamble[1].text


def test_a_list_of_numbers_is_not_a_marker():
    from reslint.parse.markers import _candidate

    text = "Recalling paragraphs 3, 4 of its resolution"
    s = text.index("4")
    assert _candidate(text, s, s + 1) is None
    text = "pursuant to resolution 72/55, 1 of the Group"
    s = text.index(" 1 ") + 1
    assert _candidate(text, s, s + 1) == (False, False)
