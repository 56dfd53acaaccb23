"""What a user of a Word draft sees: reports that name the Word paragraph and the offset
in it, and `reslint export draft.docx` as clean Markdown that reads to the same facts."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from docx_fixtures import SEED_76_47, SEED_78_32, seed_docx

from reslint.cli import main
from reslint.parse import parse_file
from reslint.parse.serialize import document_to_json

python_docx = pytest.importorskip("docx")


@pytest.fixture
def slipped(tmp_path: Path) -> Path:
    text = SEED_78_32.read_text(encoding="utf-8")
    seed = tmp_path / "slipped.txt"
    seed.write_text(text.replace("Lausanne Action Plan, as appropriate;",
                                 "Lausanne Action Plan, as appropriate,"), encoding="utf-8")
    return seed_docx(seed, tmp_path / "draft.docx")[1]


def run(*argv: object) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([*map(str, argv)])
    return code, out.getvalue()


def where(docx: Path, needle: str) -> tuple[int, int]:
    """(Word paragraph number, offset) of NEEDLE, as python-docx reads the file."""
    for number, p in enumerate(python_docx.Document(str(docx)).paragraphs, 1):
        if needle in p.text:
            return number, p.text.index(needle)
    raise AssertionError(needle)


def test_text_report_names_paragraph_and_offset(slipped: Path):
    code, out = run("check", slipped, "--previous", SEED_76_47, "--format", "concise")
    number, offset = where(slipped, "as appropriate,")
    offset += len("as appropriate")
    assert code == 1
    assert (f"{slipped}: paragraph {number} (OP2), offset {offset}: RES604 [warning] "
            'Operative paragraph 2 ends with "," instead of a semicolon') in out.splitlines()


def test_github_annotation_on_the_file(slipped: Path):
    _, out = run("check", slipped, "--previous", SEED_76_47, "--format", "github")
    number, offset = where(slipped, "as appropriate,")
    col = offset + len("as appropriate") + 1
    assert (f"::warning file={slipped},line={number},col={col},endLine={number},"
            f"endColumn={col + 1},title=RES604 operative-semicolon::") in out


def test_export_gives_markdown_with_the_same_facts(tmp_path: Path):
    _, docx = seed_docx(SEED_76_47, tmp_path / "draft.docx")
    code, markdown = run("export", docx, "--format", "markdown")
    assert code == 0
    exported = tmp_path / "exported.md"
    exported.write_text(markdown, encoding="utf-8")

    def facts(path: Path) -> dict:
        data = document_to_json(parse_file(str(path)))
        return {k: data[k] for k in ("symbol", "session", "title", "recalled", "next_session")} | {
            "operative": [(p["label"], p["lead"], p["text"]) for p in data["operative"]],
            "preamble": [(p["label"], p["lead"], p["text"]) for p in data["preamble"]],
            "footnotes": [(f["number"], f["text"]) for f in data["footnotes"]],
        }

    got, expected = facts(exported), facts(docx)
    for c in (*got["recalled"], *expected["recalled"]):
        c.pop("line"), c.pop("column")
    assert got == expected
    assert "1. *Urges*" in markdown  # Word's list number, as typed Markdown


def test_fix_refuses_to_write_a_word_file(slipped: Path, capsys: pytest.CaptureFixture[str]
                                           ) -> None:
    before = slipped.read_bytes()
    code = main(["check", str(slipped), "--previous", str(SEED_76_47), "--fix",
                 "--format", "concise"])
    err = capsys.readouterr().err
    assert code == 1  # the RES604 slip is still there
    assert f"{slipped}: not fixed: reslint does not write Word files" in err
    assert slipped.read_bytes() == before
