"""`reslint amend` (issue 15): the real amendments of ../shared/ga applied to their drafts
(each alone, and the five to A/80/L.25 together), conflicts and instructions that cannot be
applied, the layout of new paragraphs, renumbering and references; and an amendment typed
in Word reads as its PDF text does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from amend_fixtures import TEXTS, ga, pairs, parsed, run_cli  # noqa: F401 (ga: fixture)

from reslint.amend.apply import Amended, AmendError, amend
from reslint.model import Document
from reslint.parse import parse_file, parse_source
from reslint.text.source import SourceText

pytestmark = pytest.mark.usefixtures("ga")
L25 = ["A_80_L.30.md", "A_80_L.31.md", "A_80_L.32.md", "A_80_L.33.md", "A_80_L.36.md"]


def amended(draft: str, *amendments: str) -> tuple[Document, Document]:
    before = parsed(draft)
    result = amend(before, [parsed(a) for a in amendments])
    return before, parse_source(SourceText(f"amended-{draft}", result.text))


def text_of(doc: Document, label: str) -> str:
    return next(p.text for p in doc.paragraphs() if p.label == label)


def changed(before: Document, after: Document) -> tuple[list[str], list[str]]:
    """Labels of the amended draft whose text is new, and of the draft whose text is gone."""
    old = {p.text for p in before.paragraphs()}
    new = {p.text for p in after.paragraphs()}
    return ([p.label for p in after.paragraphs() if p.text not in old],
            [p.label for p in before.paragraphs() if p.text not in new])


def numbered(doc: Document) -> bool:
    return [p.number for p in doc.operative] == [str(i) for i in range(1, len(doc.operative) + 1)]


def test_a_80_l_28_to_l_3() -> None:
    before, after = amended("A_80_L.3.md", "A_80_L.28.md")
    assert after.heading.title == "Persistent legacy of the Chornobyl disaster"
    assert (len(after.preamble), len(after.operative)) == (len(before.preamble) + 1,
                                                          len(before.operative) + 3)
    assert numbered(after)
    assert "Chernobyl" not in " ".join(p.text for p in after.paragraphs()
                                       if not p.text.startswith("Decides to rename"))
    assert "closure of the Chornobyl nuclear power plant of Ukraine, and taking note" \
        in text_of(after, "PP2")
    assert text_of(after, "PP6").startswith("Stressing that the fortieth anniversary")
    assert text_of(after, "OP1") == "Welcomes of the report of the Secretary-General;"
    assert text_of(after, "OP5").startswith("Expresses grave alarm at the damage")
    assert text_of(after, "OP6").startswith("Stresses the importance of continued support")
    assert text_of(after, "OP10") == (
        "Decides to rename International Chernobyl Disaster Remembrance Day, proclaimed in its "
        "resolution 71/125 of 8 December 2016 and observed annually since 2017, as "
        "International Chornobyl Disaster Remembrance Day;")
    # instruction 7: its own comma and the draft's are one
    assert "Remembrance Day, including by paying particular attention to the significance " \
           "of marking this day in 2026, and notes that" in text_of(after, "OP11")


def test_a_80_l_30_to_l_25() -> None:
    before, after = amended("A_80_L.25.md", "A_80_L.30.md")
    assert changed(before, after) == (
        ["PP4", "PP15", "PP38", "OP21", "OP23", "OP32", "OP38"],
        ["PP4", "PP15", "PP16", "PP20", "PP23", "PP41", "OP21", "OP22", "OP24", "OP33", "OP39"])
    assert (len(after.preamble), len(after.operative)) == (44, 94)
    assert numbered(after)
    assert text_of(after, "OP21").startswith(
        "Reaffirms the importance of implementing the Sendai Framework")
    assert "of considering the impact of climate change" not in text_of(after, "OP21")
    assert text_of(after, "OP22") == text_of(before, "OP23")  # OP22 deleted: moved up


@pytest.mark.parametrize(("amendment", "label", "start", "inserted"), [
    ("A_80_L.31.md", "OP68", None, "including sexual and reproductive health in accordance "
     "with the Programme of Action of the International Conference on Population and "
     "Development and its review outcomes as adopted by the General Assembly,"),
    ("A_80_L.32.md", "OP69", None, "emergency"),
    ("A_80_L.33.md", "OP71", "Stresses that there is no international right to an abortion",
     None),
    ("A_80_L.36.md", "OP90", "Calls upon Member States to refrain from promulgating", None),
])
def test_single_instruction_amendments_to_l_25(amendment: str, label: str,
                                               start: str | None, inserted: str | None) -> None:
    before, after = amended("A_80_L.25.md", amendment)
    new, gone = changed(before, after)
    assert new == [label]
    assert numbered(after)
    if start:  # a new paragraph: nothing of the draft changes
        assert gone == [] and text_of(after, label).startswith(start)
        assert len(after.operative) == len(before.operative) + 1
        assert text_of(after, f"OP{int(label[2:]) + 1}") == text_of(before, label)
    else:
        assert gone == [label] and inserted in text_of(after, label)
    if amendment == "A_80_L.32.md":
        assert "sexual and reproductive" not in text_of(after, "OP69")


def test_a_c3_80_l_56_to_l_2_renumbers_and_follows_references() -> None:
    before, after = amended("A_C.3_80_L.2.md", "A_C.3_80_L.56.md")
    assert changed(before, after) == (["OP4", "OP69"], ["OP68"])
    assert numbered(after) and len(after.operative) == 75
    assert text_of(after, "OP4").startswith("Notes with alarm that the Russian Federation")
    # "paragraphs 5, 12, 14, 15, 16, 20, 28, 29, 30, 48 and 50 above": each moved down one
    assert "paragraphs 6, 13, 15, 16, 17, 21, 29, 30, 31, 49 and 51 above" in \
        text_of(after, "OP69")
    assert "as recalled in paragraph 67 above" in text_of(after, "OP69")


def test_the_five_amendments_to_l_25_together() -> None:
    before, after = amended("A_80_L.25.md", *L25)
    assert numbered(after)
    assert (len(after.preamble), len(after.operative)) == (44, 95 - 1 + 2)
    # OP22 deleted (L.30): the new paragraph after OP70 (L.33) is OP70, the one after
    # OP89 (L.36) is OP89 + 1 - 1 + 1 = OP90
    assert text_of(after, "OP69") == text_of(before, "OP70")
    assert text_of(after, "OP70").startswith("Stresses that there is no international right")
    assert text_of(after, "OP89") == text_of(before, "OP89")
    assert text_of(after, "OP90").startswith("Calls upon Member States to refrain from")
    assert "emergency" in text_of(after, "OP68") and "in accordance with the Programme of " \
        "Action" in text_of(after, "OP67")


def test_cli_writes_the_draft_as_amended(tmp_path: Path) -> None:
    out = tmp_path / "L25-amended.md"
    done = run_cli("amend", *(str(TEXTS / a) for a in L25), "--amends",
                   str(TEXTS / "A_80_L.25.md"), "-o", str(out))
    assert done.returncode == 0, done.stderr
    doc = parse_file(str(out))
    assert numbered(doc) and len(doc.operative) == 96
    # laid out as the paragraph before it: a blank line, the number on its line
    text = out.read_text(encoding="utf-8")
    assert "\n \n70. Stresses that there is no international right to an abortion" in text
    # without --amends: found beside the amendment by its symbol; --format diff
    done = run_cli("amend", str(TEXTS / "A_80_L.36.md"), "--format", "diff")
    assert done.returncode == 0, done.stderr
    assert "Calls upon Member States to refrain from promulgating" in done.stdout


def test_conflict_between_amendments_writes_nothing(tmp_path: Path) -> None:
    clash = tmp_path / "clash.md"
    clash.write_text((TEXTS / "A_80_L.32.md").read_text(encoding="utf-8").replace(
        "A/80/L.32", "A/80/L.99").replace(
        "replace “sexual and reproductive” with “emergency”",
        "replace “sexual and reproductive health” with “health”"), encoding="utf-8")
    out = tmp_path / "out.md"
    done = run_cli("amend", str(TEXTS / "A_80_L.32.md"), str(clash), "--amends",
                   str(TEXTS / "A_80_L.25.md"), "-o", str(out))
    assert done.returncode == 2
    assert not out.exists()
    lines = done.stderr.splitlines()
    assert any(f"A_80_L.32.md:33: the instruction: conflicts with the instruction ({clash}:33)"
               in line for line in lines), done.stderr
    assert lines[-1] == "reslint: nothing written: 2 instructions cannot be applied"


def test_an_instruction_that_cannot_be_applied_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "A_80_L.36.md"
    bad.write_text((TEXTS / "A_80_L.36.md").read_text(encoding="utf-8").replace(
        "After operative paragraph 89", "After operative paragraph 98"), encoding="utf-8")
    with pytest.raises(AmendError) as info:
        amend(parsed("A_80_L.25.md"), [parse_file(str(bad))])
    assert info.value.problems == [
        f"{bad}:35: the instruction: operative paragraph 98 does not exist in the draft "
        "(95 there)"]


# --- a small Markdown draft: layout, italics, references, deletions ---------------------------

DRAFT = """Albania: draft resolution

Example

*The General Assembly*,

*Recalling* its resolution 79/1,

*Noting* the report,

1. *Welcomes* the report;

2. *Requests* the Secretary-General to act;

3. *Decides* to consider the matter, as set out in paragraph 2 above, at its eighty-first session.
"""


def _amend_files(tmp_path: Path, instructions: str, text: str = DRAFT,
                 title: str = "Example") -> tuple[Amended, Path, Path]:
    """TEXT as draft A/80/L.90 and an amendment to it holding INSTRUCTIONS, applied."""
    draft = tmp_path / "A_80_L.90.md"
    draft.write_text("United Nations\nA/80/L.90\n\nEightieth session\n\n" + text,
                     encoding="utf-8")
    amendment = tmp_path / "A_80_L.91.md"
    amendment.write_text("United Nations\nA/80/L.91\n\nEightieth session\n\n"
                         f"Zambia: amendment to draft resolution A/80/L.90\n\n{title}\n\n"
                         + instructions, encoding="utf-8")
    return amend(parse_file(str(draft)), [parse_file(str(amendment))]), draft, amendment


def _amend_markdown(tmp_path: Path, instructions: str) -> str:
    return _amend_files(tmp_path, instructions)[0].text


def test_new_paragraphs_take_the_drafts_layout(tmp_path: Path) -> None:
    text = _amend_markdown(tmp_path, "1. After the first preambular paragraph, insert a new "
                           "preambular paragraph reading:\n\nStressing the need,\n\n"
                           "2. Before operative paragraph 1, insert a new operative paragraph "
                           "reading:\n\nUrges all States;\n")
    body = text[text.index("*The General Assembly*"):]
    assert body == (
        "*The General Assembly*,\n\n*Recalling* its resolution 79/1,\n\n*Stressing* the need,"
        "\n\n*Noting* the report,\n\n1. *Urges* all States;\n\n2. *Welcomes* the report;\n\n"
        "3. *Requests* the Secretary-General to act;\n\n4. *Decides* to consider the matter, "
        "as set out in paragraph 3 above, at its eighty-first session.\n")


def test_deleting_words_keeps_one_space(tmp_path: Path) -> None:
    text = _amend_markdown(tmp_path, "1. In operative paragraph 3, delete “, as set out in "
                           "paragraph 2 above,”.\n\n2. Delete the second preambular paragraph.\n")
    body = text[text.index("*The General Assembly*"):]
    assert body == (
        "*The General Assembly*,\n\n*Recalling* its resolution 79/1,\n\n"
        "1. *Welcomes* the report;\n\n2. *Requests* the Secretary-General to act;\n\n"
        "3. *Decides* to consider the matter at its eighty-first session.\n")


def test_a_reference_to_a_deleted_paragraph_is_noted(tmp_path: Path) -> None:
    result, draft, _ = _amend_files(tmp_path, "Delete operative paragraph 2.\n")
    assert "as set out in paragraph 2 above" in result.text  # left for the drafters
    assert result.notes == [f"{draft}:20: the draft refers to operative paragraph 2, which "
                            "the amendments delete"]
    assert re.search(r"\n2\. \*Decides\*", result.text)


SUBS_DRAFT = """Albania: draft resolution

Example of the title

*The General Assembly*,

*Recalling* its resolution 79/1,

1. *Welcomes* the report;

2. *Calls upon* Member States:

(a) To act;

(b) To report;

(c) To cooperate;

3. *Decides* to remain seized of the matter.
"""


def _amend_subs(tmp_path: Path, instructions: str) -> str:
    return _amend_files(tmp_path, instructions, SUBS_DRAFT, "Example of the title")[0].text


def test_sub_paragraphs_inserted_and_deleted_are_lettered_again(tmp_path: Path) -> None:
    text = _amend_subs(tmp_path, "1. Replace the title with the following: “Example of a "
                       "new title”.\n\n2. After sub-paragraph (a) of operative paragraph 2, "
                       "insert a new sub-paragraph reading:\n\n(b) To listen;\n\n"
                       "3. Delete sub-paragraph (b) of operative paragraph 2.\n\n"
                       "4. Add a new sub-paragraph (d) to operative paragraph 2, reading:\n\n"
                       "(d) To rest;\n")
    body = text[text.index("Example"):]
    assert body == (
        "Example of a new title\n\n*The General Assembly*,\n\n*Recalling* its resolution 79/1,"
        "\n\n1. *Welcomes* the report;\n\n2. *Calls upon* Member States:\n\n(a) To act;\n\n"
        "(b) To listen;\n\n(c) To cooperate;\n\n(d) To rest;\n\n"
        "3. *Decides* to remain seized of the matter.\n")


def test_words_described_not_quoted_cannot_be_applied(tmp_path: Path) -> None:
    with pytest.raises(AmendError) as info:
        _amend_subs(tmp_path, "Delete the last sentence of operative paragraph 3.\n")
    (problem,) = info.value.problems
    assert problem.endswith(":10: the instruction: cannot be read: the words are described, "
                            "not quoted: quote them")


def test_the_full_stop_moves_to_the_new_last_paragraph(tmp_path: Path) -> None:
    text = _amend_subs(tmp_path, "After operative paragraph 3, insert a new operative "
                       "paragraph reading:\n\nRequests a report.\n")
    assert text.endswith("3. *Decides* to remain seized of the matter;\n\n"
                         "4. *Requests* a report.\n")
    text = _amend_subs(tmp_path, "Delete operative paragraph 3.\n")
    assert text.endswith("(c) To cooperate.\n")


def test_an_amendment_to_another_draft_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    done = run_cli("amend", str(TEXTS / "A_80_L.28.md"), "--amends",
                   str(TEXTS / "A_80_L.25.md"), "-o", str(out))
    assert done.returncode == 2 and not out.exists()
    assert done.stderr == (f"reslint: {TEXTS / 'A_80_L.28.md'}: amends draft resolution "
                           f"A/80/L.3, not A/80/L.25 ({TEXTS / 'A_80_L.25.md'})\n")


def test_a_folder_of_drafts_and_amendments_is_checked_together(tmp_path: Path) -> None:
    for name in ("A_80_L.25.md", "A_80_L.30.md", "A_80_L.33.md"):
        (tmp_path / name).write_text((TEXTS / name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    done = run_cli("check", str(tmp_path), "--format", "concise", "--exit-zero")
    assert done.returncode == 0, done.stderr
    assert "AMD" not in done.stdout  # each amendment found its draft beside it, and agrees
    assert "3 files" in done.stdout


# --- overlaps across amendments of different delegations --------------------------------------

def _second_amendment(tmp_path: Path, instruction: str) -> Path:
    """Another delegation's amendment to A/80/L.3, tabled beside Ukraine's A/80/L.28."""
    path = tmp_path / "A_80_L.99.md"
    path.write_text("United Nations \nA/80/L.99\n \nGeneral Assembly \nEightieth session \n"
                    "Agenda item 72 (d) \n \nBelarus:* amendment to draft resolution A/80/L.3 \n"
                    " \nPersistent legacy of the Chernobyl disaster \n \n" + instruction
                    + " \n \n* Any changes to the list of sponsors will be reflected in the "
                    "official record of the meeting. \n", encoding="utf-8")
    return path


def test_a_replace_everywhere_and_another_amendments_deletion_conflict(tmp_path: Path) -> None:
    """L.28 replaces “Chernobyl” everywhere; another delegation deletes words of operative
    paragraph 2 that hold it.  Within one amendment the replacement would give way (its
    author wrote both); across two, the Committee must choose: a conflict, both places."""
    other = _second_amendment(tmp_path, "In operative paragraph 2, delete “, including the "
                              "work undertaken by the Inter-Agency Task Force on Chernobyl”.")
    l28 = TEXTS / "A_80_L.28.md"
    with pytest.raises(AmendError) as info:
        amend(parsed("A_80_L.3.md"), [parsed("A_80_L.28.md"), parse_file(str(other))])
    assert info.value.problems == [
        f"{l28}:32: instruction 1: conflicts with the instruction ({other}:12): both touch "
        "the same words of the draft",
        f"{other}:12: the instruction: conflicts with instruction 1 ({l28}:32): both touch "
        "the same words of the draft"]
    # the whole paragraph deleted by the other delegation: the same conflict
    other = _second_amendment(tmp_path, "Delete operative paragraph 6.")
    with pytest.raises(AmendError) as info:
        amend(parsed("A_80_L.3.md"), [parsed("A_80_L.28.md"), parse_file(str(other))])
    assert [p.split(": ")[0] for p in info.value.problems] == [f"{l28}:32", f"{other}:12"]
    # words that hold no “Chernobyl”: both apply
    other = _second_amendment(tmp_path, "In operative paragraph 2, delete “Greatly”.")
    result = amend(parsed("A_80_L.3.md"), [parsed("A_80_L.28.md"), parse_file(str(other))])
    assert "2. \nappreciates the coordinating role" in result.text
    assert "Inter-Agency Task Force on Chornobyl;" in result.text


def test_cli_reports_a_conflict_across_amendments_and_writes_nothing(tmp_path: Path) -> None:
    other = _second_amendment(tmp_path, "In operative paragraph 10, replace “consequences of "
                              "the Chernobyl disaster” with “consequences of the disaster”.")
    out = tmp_path / "out.md"
    done = run_cli("amend", str(TEXTS / "A_80_L.28.md"), str(other), "--amends",
                   str(TEXTS / "A_80_L.3.md"), "-o", str(out))
    assert done.returncode == 2 and not out.exists()
    l28 = TEXTS / "A_80_L.28.md"
    assert done.stderr.splitlines() == [
        f"reslint: {l28}:32: instruction 1: conflicts with the instruction ({other}:12): "
        "both touch the same words of the draft",
        f"reslint: {l28}:79: instruction 8: conflicts with the instruction ({other}:12): both "
        "touch the same words of the draft",
        f"reslint: {other}:12: the instruction: conflicts with instruction 8 ({l28}:79), "
        f"instruction 1 ({l28}:32): both touch the same words of the draft",
        "reslint: nothing written: 3 instructions cannot be applied"]


# --- references to the draft's own paragraphs follow the amendments ---------------------------

def _once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _with(text: str, edits: list[tuple[str, str]]) -> str:
    for old, new in edits:
        text = _once(text, old, new)
    return text


def test_references_follow_in_the_draft_and_in_the_inserted_words(tmp_path: Path) -> None:
    """The real A/80/L.28 on the real A/80/L.3, with deliberate references added to both:
    L.28 inserts a preambular paragraph after the fifth, two operative paragraphs after 4
    and one after 7, so PP6 is the seventh, OP5..7 are 7..9 and OP8..10 are 11..13.  The
    file written is, byte for byte, the draft amended without the references, with the
    references put in, renumbered."""
    draft = (TEXTS / "A_80_L.3.md").read_text(encoding="utf-8")
    amendment = (TEXTS / "A_80_L.28.md").read_text(encoding="utf-8")
    in_draft = [  # (where, the reference as the draft writes it, as amended)
        ("recovering regions", " referred to in the sixth\npreambular paragraph and in "
         "operative paragraph 4", " referred to in the seventh\npreambular paragraph and in "
         "operative paragraph 4"),
        ("observance of the fortieth anniversary of the Chernobyl disaster", ", recalled in "
         "the sixth preambular paragraph of resolution 71/125 and in paragraph 5 of that "
         "resolution", None),  # another resolution's paragraphs: left alone
        ("implementation of the present \nresolution", ", including of paragraphs 5 to 8 "
         "above and of the sixth preambular paragraph of the present resolution",
         ", including of paragraphs 7 to 11 above and of the seventh preambular paragraph of "
         "the present resolution"),
    ]
    in_amendment = [
        ("2017, as International Chornobyl Disaster Remembrance Day", ", as referred to in "
         "paragraph 6 above and in the sixth preambular paragraph", ", as referred to in "
         "paragraph 8 above and in the seventh preambular paragraph"),
        ("marking \nthis day in 2026|marking this day in 2026",
         " as set out in operative paragraphs 9 and 10",
         " as set out in operative paragraphs 12 and 13"),
    ]
    d1 = tmp_path / "A_80_L.3.md"
    a1 = tmp_path / "A_80_L.28.md"
    d1.write_text(_with(draft, [(w, w + ref) for w, ref, _ in in_draft]), encoding="utf-8")
    a1.write_text(_with(amendment, [(w.split("|")[0], w.split("|")[0] + ref)
                                    for w, ref, _ in in_amendment]),
                  encoding="utf-8")
    out = tmp_path / "out.md"
    done = run_cli("amend", str(a1), "--amends", str(d1), "-o", str(out))
    assert done.returncode == 0 and done.stderr == "", done.stderr
    plain = amend(parsed("A_80_L.3.md"), [parsed("A_80_L.28.md")]).text
    written = [(w.split("|")[-1].replace("Chernobyl", "Chornobyl"),
                new if new is not None else ref) for w, ref, new in in_draft + in_amendment]
    expected = _with(plain, [(w, w + ref) for w, ref in written])
    assert out.read_bytes() == expected.encode("utf-8")


def test_references_to_deleted_paragraphs_are_noted(tmp_path: Path) -> None:
    """The real A/80/L.30 deletes the sixteenth, twentieth and twenty-third preambular
    paragraphs and operative paragraph 22 of A/80/L.25: "the twenty-fourth preambular
    paragraph" becomes the twenty-first, "paragraph 23 above" 22; a reference to a deleted
    paragraph stays as written, and the user is told where."""
    draft = (TEXTS / "A_80_L.25.md").read_text(encoding="utf-8")
    anchor = "Encourages the United Nations system, humanitarian organizations and"
    assert draft.count(anchor) == 1
    ref = (" as recalled in the twenty-fourth and twentieth preambular paragraphs and in "
           "paragraph 23 above,")
    d1 = tmp_path / "A_80_L.25.md"
    d1.write_text(draft.replace(anchor, anchor + ref), encoding="utf-8")
    result = amend(parse_file(str(d1)), [parsed("A_80_L.30.md")])
    plain = amend(parsed("A_80_L.25.md"), [parsed("A_80_L.30.md")]).text
    assert result.text == _once(plain, anchor, anchor + " as recalled in the twenty-first "
                                "and twentieth preambular paragraphs and in paragraph 22 above,")
    line = draft[:draft.index(anchor)].count("\n") + 1
    assert result.notes == [f"{d1}:{line}: the draft refers to the twentieth preambular "
                            "paragraph, which the amendments delete"]


def test_inserted_words_that_name_a_deleted_paragraph_are_noted(tmp_path: Path) -> None:
    result, draft, amendment = _amend_files(
        tmp_path, "1. Delete operative paragraph 2.\n\n2. After operative paragraph 3, insert "
        "a new operative paragraph reading:\n\nRecalls paragraph 2 above and the second "
        "preambular paragraph.\n")
    assert result.text.endswith("3. *Recalls* paragraph 2 above and the second preambular "
                                "paragraph.\n")
    assert result.notes == [
        f"{amendment}:12: the words it inserts refer to operative paragraph 2, which the "
        "amendments delete",
        f"{draft}:20: the draft refers to operative paragraph 2, which the amendments delete"]
