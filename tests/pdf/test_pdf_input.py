"""PDF input on the command line: locations as page:line, and bad PDFs refused in one line."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")

sys.path.insert(0, str(Path(__file__).parent))
from pdf_fixtures import bomb_pdf, encrypted_pdf, page_pdf, scanned_pdf

from reslint.cli import main
from reslint.text.pdf import guard, pdfium

REPO = Path(__file__).resolve().parents[2]
GA = REPO.parent / "shared" / "ga"
needs_ga = pytest.mark.skipif(not (GA / "pdf").is_dir(), reason="../shared/ga/pdf absent")


def one_line_error(capsys, path: Path) -> str:
    capsys.readouterr()
    started = time.monotonic()
    code = main(["check", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"reslint: {path}: ")
    assert time.monotonic() - started < 30  # bounded, not timed: a hang would fail
    return err


def test_not_a_pdf(capsys, tmp_path: Path):
    path = tmp_path / "A_RES_79_58.pdf"
    path.write_text("The General Assembly,\n\n1. Decides to remain seized of the matter.\n")
    assert "not a PDF" in one_line_error(capsys, path)


@needs_ga
def test_truncated(capsys, tmp_path: Path):
    data = (GA / "pdf" / "A_RES_79_3.pdf").read_bytes()
    path = tmp_path / "A_RES_79_3.pdf"
    path.write_bytes(data[: len(data) // 2])  # a download cut in half
    assert "truncated PDF" in one_line_error(capsys, path)


def test_encrypted(capsys, tmp_path: Path):
    path = tmp_path / "draft.pdf"
    path.write_bytes(encrypted_pdf())
    assert "encrypted PDF" in one_line_error(capsys, path)


def test_scanned(capsys, tmp_path: Path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf())
    assert "no text layer" in one_line_error(capsys, path)


def test_text_but_no_resolution(capsys, tmp_path: Path):
    path = tmp_path / "letter.pdf"
    path.write_bytes(page_pdf(b"BT /F1 12 Tf 72 700 Td (Dear colleague,) Tj ET"))
    assert "no resolution found" in one_line_error(capsys, path)


def test_bomb(capsys, tmp_path: Path, monkeypatch):
    # The real limit is 256 MB of inflated streams; the test lowers it to keep fast.
    monkeypatch.setattr(guard, "MAX_INFLATED", 8 * 1024 * 1024)
    path = tmp_path / "bomb.pdf"
    path.write_bytes(bomb_pdf(16 * 1024 * 1024))
    assert path.stat().st_size < 64 * 1024
    assert "PDF bomb" in one_line_error(capsys, path)


def test_over_max_size(capsys, tmp_path: Path):
    path = tmp_path / "big.pdf"
    path.write_bytes(page_pdf(b"%" + b" " * 300_000))
    capsys.readouterr()
    assert main(["check", "--max-size", "100K", str(path)]) == 2
    assert "over the limit" in capsys.readouterr().err


@needs_ga
def test_findings_point_at_page_and_line(capsys):
    """A/C.3/80/L.16 against A/RES/78/172: the previous is two sessions before the draft
    (RES003, at the recalled list), in PP1 at the top of page 1, the 13th text line of the
    page."""
    draft, previous = GA / "pdf" / "A_C.3_80_L.16.pdf", GA / "pdf" / "A_RES_78_172.pdf"
    capsys.readouterr()
    main(["check", str(draft), "--previous", str(previous), "--format", "concise"])
    out = capsys.readouterr().out
    assert f"{draft}:1:13: RES003 [info] The previous resolution 78/172 is 2 sessions" in out
    main(["check", str(draft), "--previous", str(previous), "--format", "sarif"])
    sarif = json.loads(capsys.readouterr().out)
    results = sarif["runs"][0]["results"]
    (res003,) = [r for r in results if r["ruleId"] == "RES003"]
    region = res003["locations"][0]["physicalLocation"]["region"]
    assert region["properties"] == {"page": 1, "pageLine": 13}
    main(["check", str(draft), "--previous", str(previous), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    finding = next(f for f in data["findings"] if f["rule"] == "RES003") \
        if isinstance(data, dict) else next(f for f in data if f["rule"] == "RES003")
    assert (finding["page"], finding["page_line"]) == (1, 13)


@needs_ga
def test_fix_does_not_write_a_pdf(capsys, tmp_path: Path):
    draft = tmp_path / "draft.pdf"
    draft.write_bytes((GA / "pdf" / "A_C.3_80_L.16.pdf").read_bytes())
    before = draft.read_bytes()
    capsys.readouterr()
    main(["check", str(draft), "--previous", str(GA / "pdf" / "A_RES_78_172.pdf"), "--fix"])
    assert "does not write PDF files" in capsys.readouterr().err
    assert draft.read_bytes() == before


@needs_ga
def test_without_the_pdf_extra(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import pypdfium2 -> ImportError
    monkeypatch.setitem(sys.modules, "pypdfium2.raw", None)
    monkeypatch.setitem(sys.modules, "pypdfium2_raw", None)  # the library file's package
    monkeypatch.setattr(pdfium, "_LOADED", [])  # as in a process that loaded nothing yet
    path = GA / "pdf" / "A_RES_79_3.pdf"
    err = one_line_error(capsys, path)
    assert err == (f"reslint: {path}: reading PDF needs the pdf extra: "
                   "pip install 'reslint[pdf]'\n")
