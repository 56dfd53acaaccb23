"""`reslint export --format markdown`: the clean rendering reads back to the same facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from reslint.cli import main
from reslint.commands.export import write_output
from reslint.errors import ReslintError
from reslint.model import Document, Paragraph
from reslint.parse import parse_file, parse_source
from reslint.render import render_markdown
from reslint.text.source import SourceText
from tests import paths

ROOT = Path(__file__).resolve().parents[2]
CORPUS = paths.CORPUS
SEEDS = sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
CORPUS_FILES = (
    sorted(CORPUS.glob("A_*.md")) + sorted((CORPUS / "variants").glob("*.md"))
    if CORPUS.is_dir() else []
)


def _para(p: Paragraph) -> tuple:
    return (p.label, p.number, p.lead, p.text, [_para(s) for s in p.subparagraphs])


def facts(doc: Document) -> dict:
    """Every fact `reslint parse` reports, without the line numbers (those move)."""
    h = doc.heading
    return {
        "heading": (h.symbol, h.session, h.title, h.agenda_item, h.item_title,
                    tuple(h.sponsors), h.adopted, h.committee, h.report),
        "kind": doc.kind,
        "paragraphs": [_para(p) for p in doc.paragraphs()],
        "footnotes": [(f.number, f.text, len(f.markers)) for f in doc.footnotes],
        "citations": [(c.symbol, c.date, c.paragraph) for c in doc.citations],
        "recalled": [(c.symbol, c.date) for c in doc.recalled],
        "next_session": doc.next_session,
        "meeting": (doc.meeting.number, doc.meeting.date) if doc.meeting else None,
        "problems": doc.problems,
    }


def roundtrip(path: Path) -> tuple[Document, Document, str]:
    doc = parse_file(str(path))
    text = render_markdown(doc)
    return doc, parse_source(SourceText(f"{path.name}.export.md", text)), text


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_export_keeps_every_fact(path: Path) -> None:
    doc, back, _ = roundtrip(path)
    assert facts(back) == facts(doc)


@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus is absent")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_export_keeps_every_fact(path: Path) -> None:
    doc, back, text = roundtrip(path)
    assert facts(back) == facts(doc)
    assert back.style == "markdown-caret"
    # no page furniture: the job number, barcode and page markers are gone
    assert "*24" not in text and "__________" not in text


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_pdf_text_becomes_clean_markdown() -> None:
    _, _, text = roundtrip(CORPUS / "A_RES_79_58.md")
    assert text.startswith("A/RES/79/58\n\nSeventy-ninth session\n\nAgenda item 98 (mm)\n\n")
    assert "[on the report of the First Committee (A/79/408, para. 114)]" in text
    assert "\n\n79/58. Implementation of the Convention on Cluster Munitions\n\n" in text
    assert "decision of Lithuania,[^3] exercising" in text
    assert "Lausanne Action Plan 2021–2026[^4] to support" in text
    assert text.endswith(
        "*44th plenary meeting*  \n*2 December 2024*\n\n"
        "[^1]: United Nations, Treaty Series, vol. 2515, No. 44910.\n\n"
        "[^2]: Ibid., vol. 2688, No. 47713.\n\n"
        "[^3]: See CN347 2024 TREATIES-XXVI 6 (depositary notification).\n\n"
        "[^4]: CCM/CONF/2021/6, annexes I and II.\n"
    )


def test_export_cli_writes_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = SEEDS[0]
    out = tmp_path / "draft.md"
    assert main(["export", str(seed), "--format", "markdown", "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert out.read_text(encoding="utf-8") == render_markdown(parse_file(str(seed)))
    assert main(["export", str(seed)]) == 0
    assert capsys.readouterr().out == out.read_text(encoding="utf-8")


def test_export_cli_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                        ) -> None:
    missing = tmp_path / "nope.md"
    assert main(["export", str(missing)]) == 2
    assert capsys.readouterr().err == f"reslint: {missing}: no such file\n"
    target = tmp_path / "no-such-dir" / "x.md"
    assert main(["export", str(SEEDS[0]), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"reslint: {target}: cannot write") and err.count("\n") == 1


def test_the_one_file_writer_keeps_a_bom_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    """`export -o`, `next -o` and `amend -o` write through commands.export.write_output."""
    out = tmp_path / "draft.md"
    write_output("1. *Decides*;\r\n", str(out), bom=True)
    assert out.read_bytes() == b"\xef\xbb\xbf1. *Decides*;\r\n"
    folder = tmp_path / "a-folder"  # the rename onto a folder fails after the write
    folder.mkdir()
    with pytest.raises(ReslintError, match=f"^{folder}: cannot write: "):
        write_output("text\n", str(folder))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder", "draft.md"]
