"""Tracked changes: a Word draft built by hand from 78/32 with an insertion and a deletion
in the recalled list and a deleted footnote reads as the accepted text by default and as
the original (last year's text) with --tracked original.  No pandoc needed."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
from docx_fixtures import SEED_76_47, SEED_78_32, resolve_changes, word_markdown, write_docx

from reslint.cli import main
from reslint.parse import parse_file

pytest.importorskip("docx")

DELETED = "[71/45](#) of 5 December 2016, "
KEPT = "[76/47](#) of 6 December 2021"
INSERTED = "[75/62](#) of 7 December 2020"


@pytest.fixture
def tracked(tmp_path: Path) -> tuple[str, Path]:
    md = word_markdown(SEED_78_32.read_text(encoding="utf-8"))
    for old, new in (
        (DELETED, "{-" + DELETED + "-}"),
        (f"{KEPT} and", f"{KEPT}{{+, {INSERTED}+}} and"),
        ("Disabilities,[^1]", "Disabilities,{-[^1]-}"),
    ):
        assert md.count(old) == 1
        md = md.replace(old, new)
    return md, write_docx(md, tmp_path / "draft.docx")


def check(*argv: object) -> tuple[int, list[tuple]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", *map(str, argv), "--format", "json"])
    found = json.loads(out.getvalue())
    return code, [(f["rule"], f["paragraph"], f["message"]) for f in found]


def markdown_of(md: str, accept: bool, tmp_path: Path) -> Path:
    out = tmp_path / f"{'accepted' if accept else 'original'}.md"
    out.write_text(resolve_changes(md, accept).replace("\\.", "."), encoding="utf-8")
    return out


def test_accepted_by_default(tracked, tmp_path: Path):
    md, docx = tracked
    expected = check(markdown_of(md, True, tmp_path), "--previous", SEED_76_47)
    got = check(docx, "--previous", SEED_76_47)
    assert got == expected
    assert got[0] == 1
    assert {rule for rule, _, _ in got[1]} == {"RES003", "RES103", "RES105", "RES106", "RES505"}
    # the dropped item, the inserted one out of order and twice, Ibid. now first footnote
    assert ("RES505", None, 'Footnote 1 says "Ibid." but follows the first footnote') in got[1]


def test_original_with_tracked_original(tracked, tmp_path: Path):
    md, docx = tracked
    expected = check(markdown_of(md, False, tmp_path), "--previous", SEED_76_47)
    got = check(docx, "--previous", SEED_76_47, "--tracked", "original")
    assert got == expected
    assert got[0] == 0 and [rule for rule, _, _ in got[1]] == ["RES003"]  # last year: clean
    original = parse_file(str(docx), tracked="original")
    seed = parse_file(str(SEED_78_32))
    assert [p.text for p in original.paragraphs()] == [p.text for p in seed.paragraphs()]


def test_changes_are_kept_in_the_model(tracked):
    _, docx = tracked
    accepted = parse_file(str(docx))
    recalled = [c.symbol for c in accepted.recalled]
    assert "71/45" not in recalled and recalled.count("75/62") == 2
    assert [f.number for f in accepted.footnotes] == [1, 2]
    assert accepted.footnotes[0].text.startswith("Ibid.")
    changes = [(c.kind, c.text, c.shown, c.paragraph, c.author) for c in accepted.changes]
    assert changes == [
        ("deletion", "71/45 of 5 December 2016, ", False, "PP1", "Drafter"),
        ("insertion", ", 75/62 of 7 December 2020", True, "PP1", "Drafter"),
        ("deletion", "[footnote]", False, "PP8", "Drafter"),
    ]
    shown = accepted.changes[1]
    text = accepted.source.line_text(shown.span.line)
    assert text[shown.span.column - 1 : shown.span.end_column - 1] == (
        ", 75/62 of 7 December 2020")
    original = parse_file(str(docx), tracked="original")
    assert [f.number for f in original.footnotes] == [1, 2, 3]
    assert "71/45" in [c.symbol for c in original.recalled]
    assert [(c.kind, c.shown) for c in original.changes] == [
        ("deletion", True), ("insertion", False), ("deletion", True)]
    deleted = original.changes[0]
    line = original.source.line_text(deleted.span.line)
    assert line[deleted.span.column - 1 : deleted.span.end_column - 1] == (
        "71/45 of 5 December 2016, ")


def test_deleted_paragraph_mark_joins_paragraphs(tracked, tmp_path: Path):
    """A tracked deletion of a paragraph mark joins the paragraph to the next one once
    accepted; the joined paragraph keeps the properties (numbering) of the last mark."""
    from docx_fixtures import rewrite

    _, docx = tracked
    before = parse_file(str(docx))
    before_original = parse_file(str(docx), tracked="original")
    second = before.preamble[1].text  # "Reaffirming its determination …"

    def join(xml: str) -> str:
        at = xml.index("Reaffirming its determination")
        start = xml.rindex("<w:p>", 0, at)
        mark = '<w:pPr><w:rPr><w:del w:id="900" w:author="Drafter"/></w:rPr></w:pPr>'
        return xml[:start] + "<w:p>" + mark + xml[start + len("<w:p>"):]

    rewrite(docx, join)
    accepted = parse_file(str(docx))
    assert len(accepted.preamble) == len(before.preamble) - 1
    assert accepted.preamble[1].text.startswith(second + "Deploring")  # as Word joins them
    assert (accepted.preamble[1].span.line, accepted.preamble[1].span.end_line) == (9, 10)
    original = parse_file(str(docx), tracked="original")
    assert [p.text for p in original.preamble] == [p.text for p in before_original.preamble]
