"""Footnotes through `reslint amend` (issue 15): a footnote in the words an amendment
inserts is kept, numbered in the draft's sequence, its text at the foot of its page; the
footnotes of a deleted paragraph go with it; what cannot be done safely is an error and
nothing is written.  On the real A/80/L.31, whose inserted words carry the footnote “**
Report of the International Conference on Population and Development …”."""

from __future__ import annotations

from pathlib import Path

import pytest
from amend_fixtures import TEXTS, ga, parsed, run_cli  # noqa: F401 (ga: fixture)

from reslint.amend.apply import AmendError, amend
from reslint.parse import parse_file, parse_source
from reslint.text.source import SourceText

pytestmark = pytest.mark.usefixtures("ga")

ICPD = ("Report of the International Conference on Population and Development, Cairo, "
        "5– 13 September 1994 (United Nations publication, Sales No. E.95.XIII.18), chap. I, "
        "resolution 1, annex.")


def _once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_the_amendment_reads_the_footnote_of_its_inserted_words() -> None:
    (ins,) = parsed("A_80_L.31.md").amendment.instructions
    (q,) = ins.new
    ((at, note),) = q.notes
    assert q.text[:at].endswith("International Conference on Population and Development")
    assert note == ICPD


def test_an_inserted_footnote_is_numbered_in_the_drafts_sequence(tmp_path: Path) -> None:
    """OP68 stands between the markers of footnotes 19 and 20: the new footnote is 20, its
    text under a new rule at the foot of OP68's page (which had none), and 20, 21, 22 move
    up, marker and text.  The exact bytes written: nothing else changes."""
    out = tmp_path / "out.md"
    done = run_cli("amend", str(TEXTS / "A_80_L.31.md"), "--amends",
                   str(TEXTS / "A_80_L.25.md"), "-o", str(out))
    assert done.returncode == 0 and done.stderr == "", done.stderr
    expected = (TEXTS / "A_80_L.25.md").read_text(encoding="utf-8")
    for old, new in [
        ("reproductive health, education", "reproductive health in accordance with the "
         "Programme of Action of the International Conference on Population and "
         "Development20 and its review outcomes as adopted by the General Assembly, "
         "education"),
        ("such services are incorporated \n", "such services are incorporated \n"
         "__________________ \n \n20  " + ICPD + "\n"),
        ("of Refugees20 and", "of Refugees21 and"),
        ("\n20  United Nations, Treaty Series, vol. 189", "\n21  United Nations, Treaty "
         "Series, vol. 189"),
        ("Internal Displacement 21  as", "Internal Displacement 22  as"),
        ("\n21  E/CN.4/1998/53/Add.2", "\n22  E/CN.4/1998/53/Add.2"),
        ("Development, 22 and urges", "Development, 23 and urges"),
        ("\n22  Resolution 70/1.", "\n23  Resolution 70/1."),
    ]:
        expected = _once(expected, old, new)
    assert out.read_bytes() == expected.encode("utf-8")
    # read back: footnote 20 is the new one, with its marker in OP68
    doc = parse_file(str(out))
    assert [f.number for f in doc.footnotes] == list(range(1, 24))
    twenty = doc.footnotes[19]
    assert twenty.text == ICPD
    assert [doc.source.text[m.span.start - 11:m.span.end] for m in twenty.markers] == [
        "Development20"]


def test_footnotes_of_a_deleted_paragraph_go_with_it() -> None:
    """A/80/L.30 deletes PP16, “Welcoming the Paris Agreement8 and its early entry into
    force,9”: footnotes 8 and 9 go, 10 … 22 become 8 … 20."""
    before = parsed("A_80_L.25.md")
    assert {f.number for f in before.footnotes if any(
        before.preamble[15].span.start <= m.span.start < before.preamble[15].span.end
        for m in f.markers)} == {8, 9}
    result = amend(before, [parsed("A_80_L.30.md")])
    after = parse_source(SourceText("amended.md", result.text))
    assert [f.number for f in after.footnotes] == list(range(1, 21))
    assert [f.text for f in after.footnotes] == [
        f.text for f in before.footnotes if f.number not in (8, 9)]
    assert "8  Resolution 71/256, annex. \n \n9  A/71/353. \n" in result.text
    assert "Paris Agreement" not in result.text.split("__________________")[0][-3000:]


def test_an_inserted_footnote_in_a_markdown_draft() -> None:
    """The same amendment on the draft as the Markdown renderer writes it (markers
    `[^n]`, definitions at the end): a `[^20]` marker, its definition after `[^19]`."""
    from reslint.render.markdown import render_markdown

    draft = parse_source(SourceText("A_80_L.25.md", render_markdown(parsed("A_80_L.25.md"))))
    assert draft.style == "markdown-caret"
    result = amend(draft, [parsed("A_80_L.31.md")])
    assert "Population and Development[^20] and its review outcomes" in result.text
    assert "[^19]: Resolution 79/1.\n\n[^20]: " + ICPD + "\n\n[^21]: United Nations, " \
        "Treaty Series, vol. 189, No. 2545.\n" in result.text
    after = parse_source(SourceText("amended.md", result.text))
    assert [(f.number, len(f.markers)) for f in after.footnotes] == [
        (n, 1) for n in range(1, 24)]

def test_a_footnote_that_cannot_follow_is_an_error_and_nothing_is_written(
        tmp_path: Path) -> None:
    """Footnote 21's marker taken out of the draft (“Displacement as”): its number must
    become 22 and cannot; nothing is written."""
    draft = tmp_path / "A_80_L.25.md"
    draft.write_text(_once((TEXTS / "A_80_L.25.md").read_text(encoding="utf-8"),
                           "Internal Displacement 21  as", "Internal Displacement as"),
                     encoding="utf-8")
    with pytest.raises(AmendError) as info:
        amend(parse_file(str(draft)), [parsed("A_80_L.31.md")])
    assert info.value.problems == [
        f"{draft}:1370: footnote 21 becomes 22, but its marker was not found in the text: "
        "number the footnotes by hand"]
    out = tmp_path / "out.md"
    done = run_cli("amend", str(TEXTS / "A_80_L.31.md"), "--amends", str(draft), "-o",
                   str(out))
    assert done.returncode == 2 and not out.exists()
    assert done.stderr.splitlines()[-1] == "reslint: nothing written: 1 instruction cannot " \
        "be applied"


def test_a_markdown_draft_without_footnotes_gets_its_first(tmp_path: Path) -> None:
    draft = tmp_path / "A_80_L.90.md"
    draft.write_text("United Nations\nA/80/L.90\n\nEightieth session\n\nAlbania: draft "
                     "resolution\n\nExample\n\n*The General Assembly*,\n\n*Recalling* its "
                     "resolution 79/1,\n\n1. *Welcomes* the report;\n\n2. *Decides* to remain "
                     "seized of the matter.\n", encoding="utf-8")
    amendment = tmp_path / "A_80_L.91.md"
    amendment.write_text("United Nations\nA/80/L.91\n\nEightieth session\n\nZambia: "
                         "amendment to draft resolution A/80/L.90\n\nExample\n\nAfter operative "
                         "paragraph 1, insert a new operative paragraph reading:\n\n*Urges* all "
                         "States to apply the Convention[^1];\n\n[^1]: United Nations, Treaty "
                         "Series, vol. 1155, No. 18232.\n", encoding="utf-8")
    result = amend(parse_file(str(draft)), [parse_file(str(amendment))])
    assert result.text.endswith(
        "1. *Welcomes* the report;\n\n2. *Urges* all States to apply the Convention[^1];\n\n"
        "3. *Decides* to remain seized of the matter.\n\n[^1]: United Nations, Treaty Series, "
        "vol. 1155, No. 18232.\n")
    after = parse_source(SourceText("amended.md", result.text))
    assert [(f.number, f.text, len(f.markers)) for f in after.footnotes] == [
        (1, "United Nations, Treaty Series, vol. 1155, No. 18232.", 1)]


def test_deleting_a_paragraph_across_a_page_break_keeps_the_pages_footnotes(
        tmp_path: Path) -> None:
    """The fourth preambular paragraph of A/80/L.25 runs over a page break, and the foot of
    that page holds footnotes 1 and 2 (whose markers are in the second): its own lines
    go, the foot of the page and the head of the next stay, byte for byte."""
    bad = tmp_path / "A_80_L.32.md"
    bad.write_text(_once((TEXTS / "A_80_L.32.md").read_text(encoding="utf-8"),
                         "In operative paragraph 69, replace “sexual and reproductive” with "
                         "“emergency”.", "Delete the fourth preambular paragraph."),
                   encoding="utf-8")
    result = amend(parsed("A_80_L.25.md"), [parse_file(str(bad))])
    draft = (TEXTS / "A_80_L.25.md").read_text(encoding="utf-8")
    first = draft.index("Expressing grave concern at the increasing")
    rule = draft.index("__________________", first)
    rest = draft.index("crisis, regional food crises", rule)
    after = draft.index("Expressing gravest concerns", rest)
    assert result.text == draft[:first] + draft[rule:rest] + draft[after:]
    assert draft[rule:rest].endswith("1  A/80/75-E/2025/55. \n \n2  A/80/384. \n\nA/80/L.25 "
                                     "\n \n25-19835\n2/22 \n \n")
    doc = parse_source(SourceText("amended.md", result.text))
    before = parsed("A_80_L.25.md")
    assert [p.text for p in doc.preamble] == [p.text for p in before.preamble
                                              if p.label != "PP4"]
    assert [(f.number, f.text) for f in doc.footnotes] == [(f.number, f.text)
                                                          for f in before.footnotes]


def test_deleting_words_across_a_page_break_is_refused(tmp_path: Path) -> None:
    """Words that run over the same page break: deleting them as one span would take the
    foot of the page with them; refused, nothing written."""
    bad = tmp_path / "A_80_L.32.md"
    bad.write_text(_once((TEXTS / "A_80_L.32.md").read_text(encoding="utf-8"),
                         "In operative paragraph 69, replace “sexual and reproductive” with "
                         "“emergency”.", "In the fourth preambular paragraph, delete “the "
                         "financial and economic crisis,”."), encoding="utf-8")
    with pytest.raises(AmendError) as info:
        amend(parsed("A_80_L.25.md"), [parse_file(str(bad))])
    draft = TEXTS / "A_80_L.25.md"
    assert info.value.problems == [
        f"{draft}:69: the text of footnote 1 stands inside words the amendments delete (a "
        "page break): it would be lost",
        f"{draft}:71: the text of footnote 2 stands inside words the amendments delete (a "
        "page break): it would be lost"]
