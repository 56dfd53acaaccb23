"""Reading amendments (issue 11, amendments): the sponsors, the draft amended, the title and
each instruction as data, on the real amendments of ../shared/ga and on the grammar's other
forms (ordinals in words, sub-paragraphs, "reading:", "with the following", plural places).
"""

from __future__ import annotations

import json

import pytest
from amend_fixtures import TEXTS, ga, pairs, parsed, run_cli  # noqa: F401 (ga: fixture)

from reslint.model import Span
from reslint.parse.amendment import looks_like_amendment, read_instruction
from reslint.text.mapped import MappedText
from reslint.text.source import SourceText

pytestmark = pytest.mark.usefixtures("ga")
AMENDMENTS = [a for a, _ in pairs()]


@pytest.mark.parametrize("name", AMENDMENTS)
def test_every_real_amendment_reads_as_one(name: str) -> None:
    doc = parsed(name)
    assert doc.kind == "amendment"
    a = doc.amendment
    draft = dict(pairs())[name]
    assert a.draft_symbol == draft.removesuffix(".md").replace("_", "/")
    assert a.title and a.instructions
    assert all(not i.problems for i in a.instructions)
    # the file's own symbol, from its first lines
    assert doc.heading.symbol == name.removesuffix(".md").replace("_", "/")


def test_parse_cli_exits_0_and_shows_the_instructions() -> None:
    done = run_cli("parse", str(TEXTS / "A_80_L.31.md"))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["kind"] == "amendment"
    (ins,) = data["amendment"]["instructions"]
    assert ins["action"] == "insert" and ins["target"] == "words"
    assert ins["place"]["part"] == "operative" and ins["place"]["number"] == 68
    assert ins["anchor"]["text"] == "including sexual and reproductive health"
    # the footnote marker glued in the quotation ("Development**") is not part of the words
    assert ins["new"][0]["text"] == (
        "in accordance with the Programme of Action of the International Conference on "
        "Population and Development and its review outcomes as adopted by the General "
        "Assembly,")
    assert ins["line"] == 32


def test_a_80_l_28_instruction_by_instruction() -> None:
    a = parsed("A_80_L.28.md").amendment
    assert a.sponsors == ["Ukraine"]
    assert a.title == "Persistent legacy of the Chernobyl disaster"
    got = [(i.number, i.span.line, i.action, i.target, i.place.part, i.place.number,
            i.position) for i in a.instructions]
    assert got == [
        (1, 32, "replace", "words", "everywhere", None, None),
        (2, 35, "insert", "words", "preamble", 2, "after"),
        (3, 38, "insert", "paragraph", "preamble", 5, "after"),
        (4, 45, "replace", "words", "operative", 1, None),
        (5, 47, "insert", "paragraph", "operative", 4, "after"),
        (6, 69, "insert", "paragraph", "operative", 7, "after"),
        (7, 75, "insert", "words", "operative", 8, "after"),
        (8, 79, "replace", "words", "operative", 10, None),
    ]
    one, two, three, _, five = a.instructions[:5]
    assert (one.old.text, one.new[0].text) == ("Chernobyl", "Chornobyl")
    assert one.place.parts == ("title", "preamble", "operative")
    assert (two.anchor.text, two.new[0].text) == ("Chornobyl nuclear power plant", "of Ukraine")
    assert three.kind == "preamble" and three.count == 1
    assert three.new[0].text.startswith("Stressing that the fortieth anniversary")
    assert three.new[0].text.endswith("sustainable development,")
    assert three.new[0].span.line == 40
    assert five.count == 2 and [q.span.line for q in five.new] == [49, 55]
    # instruction 7's words begin with a comma: the quotation is kept as written
    assert a.instructions[6].new[0].text == (
        ", including by paying particular attention to the significance of marking this day "
        "in 2026,")


def test_a_80_l_30_paragraph_deletions_and_word_deletions() -> None:
    a = parsed("A_80_L.30.md").amendment
    got = [(i.number, i.span.line, i.action, i.target, i.place.part, i.place.number)
           for i in a.instructions]
    assert got[2:5] == [(3, 39, "delete", "paragraph", "preamble", 16),
                        (4, 41, "delete", "paragraph", "preamble", 20),
                        (5, 43, "delete", "paragraph", "preamble", 23)]
    assert got[7] == (8, 53, "delete", "paragraph", "operative", 22)
    # "10. In operative paragraph 33, …" follows the previous line with no blank line
    assert got[9] == (10, 57, "delete", "words", "operative", 33)
    assert a.instructions[5].old.text.startswith("including in the face of the ongoing")
    assert a.instructions[5].place.number == 41  # "forty-first"


def test_a_c3_80_l_56_sponsors_wrap_over_two_lines() -> None:
    doc = parsed("A_C.3_80_L.56.md")
    assert doc.amendment.sponsors == ["Albania", "Australia", "Japan", "Liechtenstein",
                                      "Marshall Islands", "New Zealand", "Norway", "Ukraine"]
    assert doc.heading.committee == "Third"  # as adopted texts give it
    (ins,) = doc.amendment.instructions
    assert (ins.action, ins.target, ins.kind, ins.place.number) == ("insert", "paragraph",
                                                                   "operative", 3)


def test_no_other_text_of_the_corpus_reads_as_an_amendment() -> None:
    others = [p for p in sorted(TEXTS.glob("*.md")) if p.name not in AMENDMENTS]
    assert len(others) > 600
    wrong = [p.name for p in others if looks_like_amendment(p.read_text(encoding="utf-8"))]
    assert wrong == []


# --- the grammar, one instruction at a time -------------------------------------------------

def read(text: str, *content: str):  # type: ignore[no-untyped-def]
    source = SourceText("x.md", text + "\n" + "\n".join(content))

    def mspan(t: MappedText, s: int, e: int) -> Span:
        return source.span(*t.orig_span(s, e))

    head = MappedText.original(text, 0)
    blocks, at = [], len(text) + 1
    for c in content:
        blocks.append(MappedText.original(c, at))
        at += len(c) + 1
    return read_instruction(head, blocks, mspan)


def brief(ins):  # type: ignore[no-untyped-def]
    p = ins.place
    return (ins.action, ins.target, p.part if p else None, p.number if p else None,
            p.sub if p else None, ins.position, ins.kind,
            ins.old.text if ins.old else None, ins.anchor.text if ins.anchor else None,
            [q.text for q in ins.new])


@pytest.mark.parametrize(("text", "content", "expected"), [
    ("Delete the thirty-eighth preambular paragraph reading: “Recalling its resolution 77/1,”.",
     (), ("delete", "paragraph", "preamble", 38, (), None, "preamble",
          "Recalling its resolution 77/1,", None, [])),
    ("Delete the thirty-eighth preambular paragraph, which reads:",
     ("Recalling its resolution 77/1,",),
     ("delete", "paragraph", "preamble", 38, (), None, "preamble",
      "Recalling its resolution 77/1,", None, [])),
    ("In sub-paragraph (b) of operative paragraph 3, replace “shall” with “should”.", (),
     ("replace", "words", "operative", 3, ("b",), None, None, "shall", None, ["should"])),
    ("In operative paragraph 3 (b), delete the words “and all”.", (),
     ("delete", "words", "operative", 3, ("b",), None, None, "and all", None, [])),
    ("Replace operative paragraph 5 with the following:",
     ("Decides to remain seized of the matter.",),
     ("replace", "paragraph", "operative", 5, (), None, "operative", None, None,
      ["Decides to remain seized of the matter."])),
    ("Replace the sixth preambular paragraph with “Recalling also its resolution 78/1,”.", (),
     ("replace", "paragraph", "preamble", 6, (), None, "preamble", None, None,
      ["Recalling also its resolution 78/1,"])),
    ("In the title, replace “persistent” with “lasting”.", (),
     ("replace", "words", "title", None, (), None, None, "persistent", None, ["lasting"])),
    ("At the end of operative paragraph 12, add “, in accordance with national law”.", (),
     ("insert", "words", "operative", 12, (), "end", None, None, None,
      [", in accordance with national law"])),
    ("In operative paragraph 12, insert “also” before “requests”.", (),
     ("insert", "words", "operative", 12, (), "before", None, None, "requests", ["also"])),
    ("In operative paragraph 7, after the word “States”, insert “, in particular developing "
     "countries,”.", (),
     ("insert", "words", "operative", 7, (), "after", None, None, "States",
      [", in particular developing countries,"])),
    ("Insert a new preambular paragraph after the third preambular paragraph, reading:",
     ("*Noting* the report,",),
     ("insert", "paragraph", "preamble", 3, (), "after", "preamble", None, None,
      ["Noting the report,"])),
    ("Insert the following as preambular paragraph 5:", ("Noting,",),
     ("insert", "paragraph", "preamble", 5, (), "before", "preamble", None, None, ["Noting,"])),
    ("Add a new operative paragraph at the end, reading:", ("Decides to include the item;",),
     ("insert", "paragraph", "operative", None, (), "end", "operative", None, None,
      ["Decides to include the item;"])),
    ("Replace “gender” with “sex” throughout the text.", (),
     ("replace", "words", "everywhere", None, (), None, None, "gender", None, ["sex"])),
    ("In the last preambular paragraph, replace “fifth” with “sixth”.", (),
     ("replace", "words", "preamble", -1, (), None, None, "fifth", None, ["sixth"])),
    ("After operative paragraph 9, insert the following new operative paragraphs:",
     ("Urges all States;", "Calls upon all;"),
     ("insert", "paragraph", "operative", 9, (), "after", "operative", None, None,
      ["Urges all States;", "Calls upon all;"])),
    ("In the twelfth preambular paragraph, replace the words “a “safe” world” by the words "
     "“the world”.", (),
     ("replace", "words", "preamble", 12, (), None, None, "a “safe” world", None,
      ["the world"])),
    ("Delete sub-paragraph (c) of operative paragraph 4.", (),
     ("delete", "paragraph", "operative", 4, ("c",), None, "sub", None, None, [])),
])
def test_instruction_grammar(text: str, content: tuple[str, ...], expected: tuple) -> None:
    (ins,) = read(text, *content)
    assert brief(ins) == expected
    assert ins.problems == []


def test_plural_places_give_one_instruction_each() -> None:
    got = [brief(i)[:4] for i in read("Delete operative paragraphs 5 and 6.")]
    assert got == [("delete", "paragraph", "operative", 5), ("delete", "paragraph", "operative", 6)]
    got = [brief(i)[:4] for i in read("Delete the tenth and eleventh preambular paragraphs.")]
    assert got == [("delete", "paragraph", "preamble", 10), ("delete", "paragraph", "preamble", 11)]


def test_an_instruction_without_place_says_so() -> None:
    (ins,) = read("Replace “a” with “b”.")
    assert ins.problems == ["no paragraph or title is named"]


def test_italic_lead_of_a_new_paragraph_is_kept_where_markdown_marks_it() -> None:
    (ins,) = read("After operative paragraph 2, insert a new operative paragraph reading:",
                  "*Requests* the Secretary-General to report;")
    assert ins.new[0].lead_italic is True
    (ins,) = read("After operative paragraph 2, insert a new operative paragraph reading:",
                  "Requests the Secretary-General to report;")
    assert ins.new[0].lead_italic is None  # plain or PDF text cannot tell


def test_compound_instructions_give_one_action_each() -> None:
    got = [brief(i) for i in read("In operative paragraph 5, replace “a” with “b”, insert "
                                  "“d” after “e”, and delete “c”.")]
    assert got == [
        ("replace", "words", "operative", 5, (), None, None, "a", None, ["b"]),
        ("insert", "words", "operative", 5, (), "after", None, None, "e", ["d"]),
        ("delete", "words", "operative", 5, (), None, None, "c", None, []),
    ]
    got = [brief(i)[:4] for i in read("Replace “a” with “b” in operative paragraph 2 and "
                                      "delete “c” in operative paragraph 3.")]
    assert got == [("replace", "words", "operative", 2), ("delete", "words", "operative", 3)]
    # delete a paragraph and put a new one in its place
    got = [brief(i) for i in read("Delete the third preambular paragraph and insert the "
                                  "following new preambular paragraph:", "Noting,")]
    assert got == [
        ("delete", "paragraph", "preamble", 3, (), None, "preamble", None, None, []),
        ("insert", "paragraph", "preamble", 3, (), "after", "preamble", None, None,
         ["Noting,"]),
    ]


@pytest.mark.parametrize("text", ["Operative paragraph 4 shall read as follows:",
                                  "Amend operative paragraph 4 to read:"])
def test_a_paragraph_that_shall_read_is_replaced(text: str) -> None:
    (ins,) = read(text, "Decides to act;")
    assert brief(ins) == ("replace", "paragraph", "operative", 4, (), None, "operative", None,
                          None, ["Decides to act;"])
