"""A `library:` folder of official PDFs, as drafters download them, pairs as one of texts:
only each PDF's first page is read (its heading), once per file version, and kept in
reslint's cache folder for the next run (issue 16)."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from reslint import documents
from reslint.cli import main

REPO = Path(__file__).resolve().parents[2]
GA = REPO.parent / "shared" / "ga"
needs_ga = pytest.mark.skipif(not (GA / "pdf").is_dir(), reason="../shared/ga/pdf absent")

DRAFT = "A_C.3_80_L.16"  # cites its previous, 78/172, on line 35 of its text
ADOPTED = ["A_RES_78_172", "A_RES_78_162", "A_RES_79_3"]


def _project(tmp_path: Path, suffix: str) -> Path:
    project = tmp_path / f"project{suffix}"
    (project / ".git").mkdir(parents=True)
    (project / ".reslint.yaml").write_text("library: adopted\n", encoding="utf-8")
    (project / "adopted").mkdir()
    for stem in ADOPTED:  # named as the owner likes: the heading is what counts
        folder = "texts" if suffix == ".md" else "pdf"
        shutil.copy(GA / folder / f"{stem}{suffix}", project / "adopted" / f"x{stem[-3:]}{suffix}")
    shutil.copy(GA / "texts" / f"{DRAFT}.md", project / "draft.md")
    return project


def _check(capsys, project: Path) -> tuple[int, dict[str, str], list[str]]:
    capsys.readouterr()
    code = main(["check", str(project / "draft.md"), "--format", "sarif"])
    run = json.loads(capsys.readouterr().out)["runs"][0]
    findings = [f"{r['ruleId']}:{r['locations'][0]['physicalLocation']['region']['startLine']}"
                for r in run["results"]]
    return code, run["properties"]["pairings"][0], findings


def _new_process(monkeypatch) -> None:
    """What a new run starts with: no heading read in this process yet."""
    monkeypatch.setattr(documents, "_PDF_HEADS", {})
    monkeypatch.setattr(documents, "_STORES", {})
    monkeypatch.setattr(documents, "_CHANGED", set())


@needs_ga
def test_a_library_of_pdfs_pairs_as_one_of_texts(tmp_path: Path, cache_folder: Path,
                                                 capsys, monkeypatch):
    _new_process(monkeypatch)
    code, pairing, findings = _check(capsys, _project(tmp_path, ".pdf"))
    text_code, text_pairing, text_findings = _check(capsys, _project(tmp_path, ".md"))
    assert pairing["previous"].endswith("adopted/x172.pdf")
    assert pairing["how"].endswith(
        "adopted/x172.pdf, the latest resolution titled \"Inclusive policies and programmes "
        "to address homelessness, including in the aftermath of the coronavirus disease "
        "(COVID-19)\" that the draft cites (line 35)")
    assert (code, findings) == (text_code, text_findings)
    assert "RES001:15" not in findings and "RES003:35" in findings
    assert pairing["how"].replace(".pdf", ".md").replace("project.md", "project.pdf") == \
        text_pairing["how"].replace("project.md", "project.pdf")


@needs_ga
def test_headings_are_read_from_the_first_page_once_per_file_version(
        tmp_path: Path, cache_folder: Path, capsys, monkeypatch):
    _new_process(monkeypatch)
    project = _project(tmp_path, ".pdf")
    read: list[str] = []
    real = documents._read_pdf_heading

    def counting(path: str, max_size: int) -> documents.Heading | None:
        read.append(os.path.basename(path))
        return real(path, max_size)

    monkeypatch.setattr(documents, "_read_pdf_heading", counting)
    first = _check(capsys, project)
    assert sorted(read) == ["x162.pdf", "x172.pdf", "x9_3.pdf"]
    stored = json.loads((cache_folder / documents.HEADINGS_FILE).read_text(encoding="utf-8"))
    assert sorted(v[0] for v in stored["headings"].values()) == [
        "A/RES/78/162", "A/RES/78/172", "A/RES/79/3"]

    _new_process(monkeypatch)  # the next run reads the cache file, no PDF heading
    read.clear()
    assert _check(capsys, project) == first
    assert read == []

    os.utime(project / "adopted" / "x9_3.pdf", ns=(1, 1))  # another version of one file
    _new_process(monkeypatch)
    assert _check(capsys, project) == first
    assert read == ["x9_3.pdf"]


@needs_ga
def test_a_damaged_headings_cache_or_a_bad_pdf_in_the_library_is_harmless(
        tmp_path: Path, cache_folder: Path, capsys, monkeypatch):
    _new_process(monkeypatch)
    project = _project(tmp_path, ".pdf")
    expected = _check(capsys, project)
    cache_file = cache_folder / documents.HEADINGS_FILE
    for damage in ('{"format": [1, "0"], "headings": 3}', "[", '{"format": 7}',
                   json.dumps({"format": [documents.HEADINGS_FORMAT, documents._version()],
                               "headings": {"x": [1, 2, 3, 4, 5], "y": "A/RES/1/1"}})):
        cache_file.write_text(damage, encoding="utf-8")
        _new_process(monkeypatch)
        assert _check(capsys, project) == expected
        assert json.loads(cache_file.read_text(encoding="utf-8"))["format"] == [
            documents.HEADINGS_FORMAT, documents._version()]
    (project / "adopted" / "notes.pdf").write_bytes(b"%PDF-1.4\nnot really\n")
    (project / "adopted" / "empty.pdf").write_bytes(b"")
    _new_process(monkeypatch)
    assert _check(capsys, project) == expected


@needs_ga
@pytest.mark.slow
def test_every_pdf_pair_pairs_from_a_pdf_library_as_from_a_text_library(
        tmp_path: Path, cache_folder: Path):
    """Each PDF draft of pdf/pairs.tsv, paired from the folder of the 48 PDFs, gets the
    previous its text gets from the folder of their 48 texts, for the same reason."""
    from reslint.pairing import from_library
    from reslint.parse import parse_file

    texts = tmp_path / "texts"
    texts.mkdir()
    for pdf in (GA / "pdf").glob("*.pdf"):
        shutil.copy(GA / "texts" / f"{pdf.stem}.md", texts / f"{pdf.stem}.md")
    with open(GA / "pdf" / "pairs.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    paired = 0
    for row in rows:
        stem = row["draft"].removesuffix(".pdf")
        pdf, pdf_how = from_library(parse_file(str(GA / "pdf" / row["draft"])), str(GA / "pdf"))
        text, text_how = from_library(parse_file(str(texts / f"{stem}.md")), str(texts))
        assert (pdf and Path(pdf.path).stem) == (text and Path(text.path).stem), stem
        # the same reason, but for the line of the citation (a PDF's lines are its own)
        strip = r"\(line \d+\)|" + "|".join(map(str, (GA / "pdf", texts)))

        assert re.sub(strip, "", pdf_how) == re.sub(strip, "", text_how), stem
        paired += pdf is not None and Path(pdf.path).name == row["previous"]
    assert paired == len(rows) - 1  # A/80/L.23: no title of its own, several under its item


@needs_ga
def test_a_cited_date_is_checked_against_a_library_pdf(tmp_path: Path, cache_folder: Path,
                                                       capsys, monkeypatch):
    """RES109 reads the adopted texts of the library: its PDFs as its texts.  A/C.1/80/L.41
    cites "79/239 of 24 December 2024" (line 79); a deliberate slip makes it 23 December,
    and the library's PDF of 79/239 (adopted on 24 December 2024) says it is wrong."""
    _new_process(monkeypatch)
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    (project / ".reslint.yaml").write_text("library: adopted\n", encoding="utf-8")
    (project / "adopted").mkdir()
    shutil.copy(GA / "pdf" / "A_RES_79_239.pdf", project / "adopted" / "ai-military.pdf")
    text = (GA / "texts" / "A_C.1_80_L.41.md").read_text(encoding="utf-8")
    assert text.count("79/239 of 24 December 2024") == 1
    (project / "draft.md").write_text(text.replace("79/239 of 24 December 2024",
                                                   "79/239 of 23 December 2024"),
                                      encoding="utf-8")
    previous = str(GA / "texts" / "A_RES_79_62.md")
    capsys.readouterr()
    main(["check", str(project / "draft.md"), "--previous", previous, "--format", "concise",
          "--select", "RES109"])
    out = capsys.readouterr().out
    assert out.startswith(f"{project / 'draft.md'}:79:")
    assert "RES109 [error]" in out and "24 December 2024" in out
    (project / "adopted" / "ai-military.pdf").unlink()  # no adopted text at hand: silent
    capsys.readouterr()
    main(["check", str(project / "draft.md"), "--previous", previous, "--format", "concise",
          "--select", "RES109"])
    assert "RES109" not in capsys.readouterr().out


@needs_ga
def test_an_adopted_pdf_checked_in_the_same_run_is_at_hand(tmp_path: Path, cache_folder: Path,
                                                          capsys, monkeypatch):
    """`reslint check draft.md A_RES_79_239.pdf`: the adopted PDF named beside the draft is
    at hand for it, as an adopted text would be (RES109 on the same deliberate slip)."""
    _new_process(monkeypatch)
    text = (GA / "texts" / "A_C.1_80_L.41.md").read_text(encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(text.replace("79/239 of 24 December 2024", "79/239 of 23 December 2024"),
                     encoding="utf-8")
    capsys.readouterr()
    main(["check", str(draft), str(GA / "pdf" / "A_RES_79_239.pdf"), "--format", "concise",
          "--select", "RES109", "--jobs", "1"])
    out = capsys.readouterr().out
    assert out.startswith(f"{draft}:79:") and "RES109 [error]" in out


@needs_ga
def test_a_pdf_unread_for_want_of_the_extra_or_of_size_is_not_remembered(
        tmp_path: Path, cache_folder: Path, monkeypatch):
    """A heading that could not be read because the pdf extra is missing, or the file is
    over --max-size, is not cached as "no resolution": with the extra installed, or a
    larger limit, the same file version is read."""
    import sys

    from reslint.text.pdf import pdfium

    _new_process(monkeypatch)
    path = str(GA / "pdf" / "A_RES_79_3.pdf")
    with monkeypatch.context() as blocked:
        blocked.setitem(sys.modules, "pypdfium2", None)
        blocked.setitem(sys.modules, "pypdfium2.raw", None)
        blocked.setitem(sys.modules, "pypdfium2_raw", None)
        blocked.setattr(pdfium, "_LOADED", [])
        assert documents.pdf_heading(path, 10**8) is None
    assert documents.pdf_heading(path, 1000) is None  # over the limit
    heading = documents.pdf_heading(path, 10**8)
    assert heading is not None and heading.symbol == "A/RES/79/3"
