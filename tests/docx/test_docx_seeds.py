"""Word drafts made from the seeds (pandoc's real footnotes, Word list numbering) read to
the same facts as the Markdown they came from, and give the same findings on the same
slips, located by Word paragraph and offset."""

from __future__ import annotations

import contextlib
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from docx_fixtures import SEED_76_47, SEED_78_32, W, apply_numbering, rewrite, seed_docx

from reslint.cli import main
from reslint.parse import parse_file
from reslint.parse.serialize import document_to_json

pytest.importorskip("docx")

LOCATION_KEYS = {"line", "column", "end_line", "path", "style"}


def facts(path: Path) -> dict:
    def strip(d):
        if isinstance(d, dict):
            return {k: strip(v) for k, v in d.items() if k not in LOCATION_KEYS}
        if isinstance(d, list):
            return [strip(x) for x in d]
        return d

    return strip(document_to_json(parse_file(str(path))))


def check(*argv: object) -> tuple[int, list[dict]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", *map(str, argv), "--format", "json"])
    return code, json.loads(out.getvalue())


def keyed(findings: list[dict]) -> list[tuple]:
    return [(f["rule"], f["severity"], f["paragraph"], f["message"]) for f in findings]


@pytest.mark.parametrize("seed", [SEED_76_47, SEED_78_32], ids=["76-47", "78-32"])
def test_same_facts_as_the_markdown(seed: Path, tmp_path: Path):
    markdown, docx = seed_docx(seed, tmp_path / "draft.docx")
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode()
    doc = parse_file(str(docx))
    # the fixture is a real Word draft: numbers by list numbering, real footnotes
    assert xml.count("<w:numPr>") == len(doc.operative) == 11
    assert xml.count("<w:footnoteReference") == len(doc.footnotes) >= 2
    assert not re.search(r"<w:t[^>]*>\d{1,2}\.\s", xml)  # no typed paragraph number left
    assert doc.style == "docx"
    assert facts(docx) == facts(markdown) == facts(seed)


def test_lead_italics_come_from_the_runs(tmp_path: Path):
    _, docx = seed_docx(SEED_76_47, tmp_path / "draft.docx")
    doc = parse_file(str(docx))
    assert [(p.lead, p.lead_italic) for p in doc.operative[:3]] == [
        ("Urges", True), ("Stresses", True), ("Expresses strong concern", True)]

    xml = zipfile.ZipFile(docx).read("word/document.xml").decode()
    stresses = re.search(r"<w:r>(?:(?!</w:r>).)*>Stresses</w:t></w:r>", xml)
    assert stresses is not None
    rewrite(docx, lambda x: x.replace(stresses[0], '<w:r><w:t>Stresses</w:t></w:r>'))
    doc = parse_file(str(docx))
    assert (doc.operative[1].lead, doc.operative[1].lead_italic) == ("Stresses", False)


SLIPS = {
    "RES602": ("accelerating the universalization process,",
               "accelerating the universalization process;", "universalization process;"),
    "RES604": ("Lausanne Action Plan, as appropriate;", "Lausanne Action Plan, as appropriate,",
               "as appropriate,"),
    "RES605": ("“Implementation of the Convention on Cluster Munitions”.",
               "“Implementation of the Convention on Cluster Munitions”;", "Munitions”;"),
    "RES304": ("its seventy-ninth session", "its seventy-eighth session", "seventy-eighth"),
    "RES505": ("¹ United Nations, *Treaty Series*, vol. 2515, No. 44910.",
               "¹ *Ibid.*, vol. 2515, No. 44910.", None),
}


@pytest.mark.parametrize("code", sorted(SLIPS))
def test_same_findings_on_the_same_slip(code: str, tmp_path: Path):
    old, new, needle = SLIPS[code]
    text = SEED_78_32.read_text(encoding="utf-8")
    assert text.count(old) == 1
    seed = tmp_path / "slipped.txt"
    seed.write_text(text.replace(old, new), encoding="utf-8")
    markdown, docx = seed_docx(seed, tmp_path / "draft.docx")
    md_code, md_findings = check(markdown, "--previous", SEED_76_47)
    docx_code, docx_findings = check(docx, "--previous", SEED_76_47)
    assert (docx_code, keyed(docx_findings)) == (md_code, keyed(md_findings)) == (1, keyed(
        md_findings))
    assert {f["rule"] for f in docx_findings if f["severity"] != "info"} == {code}
    if needle is None:
        return
    # line = Word paragraph number, column - 1 = offset in that paragraph's text
    (f,) = [f for f in docx_findings if f["rule"] == code]
    import docx as python_docx

    paragraph = python_docx.Document(str(docx)).paragraphs[f["line"] - 1].text
    start = paragraph.index(needle)
    assert start < f["column"] <= start + len(needle) + 1, (f, paragraph)


def test_res304_points_at_the_word_in_the_word_paragraph(tmp_path: Path):
    old, new, _ = SLIPS["RES304"]
    seed = tmp_path / "slipped.txt"
    seed.write_text(SEED_78_32.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    _, docx = seed_docx(seed, tmp_path / "draft.docx")
    _, findings = check(docx, "--previous", SEED_76_47)
    (f,) = [f for f in findings if f["rule"] == "RES304"]
    import docx as python_docx

    paragraphs = [p.text for p in python_docx.Document(str(docx)).paragraphs]
    line = next(i for i, t in enumerate(paragraphs, 1) if "seventy-eighth session" in t)
    offset = paragraphs[line - 1].index("seventy-eighth")
    assert (f["line"], f["column"], f["end_column"]) == (
        line, offset + 1, offset + 1 + len("seventy-eighth"))
    assert f["paragraph"] == "OP11"


def test_numbering_restarted_in_word_is_res603(tmp_path: Path):
    """Word restarts a list at 12 (a w:num with w:startOverride): the reader sees 12 where
    11 is expected, as in the Markdown slip "12. *Decides*"."""
    markdown, docx = seed_docx(SEED_78_32, tmp_path / "draft.docx")
    text = markdown.read_text(encoding="utf-8")
    slipped = tmp_path / "slipped.md.txt"
    slipped.write_text(text.replace("11. *Decides*", "12. *Decides*"), encoding="utf-8")

    def restart(xml: str) -> str:
        last = xml.rindex('<w:numId w:val="90"/>')
        return xml[:last] + '<w:numId w:val="91"/>' + xml[last + len('<w:numId w:val="90"/>'):]

    with zipfile.ZipFile(docx) as z:
        numbering = z.read("word/numbering.xml").decode()
    numbering = numbering.replace("</w:numbering>", (
        '<w:num w:numId="91"><w:abstractNumId w:val="90"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="12"/></w:lvlOverride></w:num></w:numbering>'))
    rewrite(docx, restart, {"word/numbering.xml": numbering})
    assert [p.number for p in parse_file(str(docx)).operative][-2:] == ["10", "12"]
    md_code, md_findings = check(slipped, "--previous", SEED_76_47)
    docx_code, docx_findings = check(docx, "--previous", SEED_76_47)
    assert keyed(docx_findings) == keyed(md_findings)
    (f,) = [f for f in docx_findings if f["rule"] == "RES603"]
    assert "where 11 is expected" in f["message"] and docx_code == md_code == 1


def test_apply_numbering_counts(tmp_path: Path):
    _, docx = seed_docx(SEED_76_47, tmp_path / "draft.docx")
    assert apply_numbering(docx) == 0  # nothing typed is left to number
    assert W in zipfile.ZipFile(docx).read("word/numbering.xml").decode()
