"""Issue 13 item 3: a .docx is a zip of XML parts.  Its inflated size is held to a limit that
--max-size raises, each large part to a compression ratio, and no XML part may declare a DTD
or entities; each refusal is one line naming the file, exit 2."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from reslint.cli import main
from reslint.text.docx import package

docx = pytest.importorskip("docx")


def make_docx(path: Path, document_xml: bytes | None = None, extra: bytes = b"") -> None:
    """A real Word file made by python-docx, with its main part replaced or padded."""
    buffer = io.BytesIO()
    doc = docx.Document()
    doc.add_paragraph("The General Assembly,")
    doc.add_paragraph("1. Decides to remain seized of the matter.")
    doc.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                if document_xml is not None:
                    data = document_xml
                data = data.replace(b"</w:body>", extra + b"</w:body>")
            out.writestr(item.filename, data, zipfile.ZIP_DEFLATED)


def run(capsys, *argv: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["check", *argv])
    return code, capsys.readouterr().err


def test_a_highly_compressed_part_is_refused(capsys, tmp_path):
    bomb = tmp_path / "bomb.docx"
    make_docx(bomb, extra=b" " * (4 * 1024 * 1024))  # 4 MB of spaces: ~1000 to 1
    assert bomb.stat().st_size < 100_000
    code, err = run(capsys, str(bomb))
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(f"reslint: {bomb}: ") and "zip bomb" in err


def test_the_inflated_size_follows_max_size(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(package, "INFLATE_FACTOR", 1)  # a small file can show the limit
    padded = tmp_path / "padded.docx"
    # 600 KB of varied text (an ordinary ratio, about 3 to 1): over 300 KB once inflated
    words = b" ".join(b"word%d" % i for i in range(80_000))
    make_docx(padded, extra=b"<!-- " + words + b" -->")
    assert padded.stat().st_size < 300 * 1024
    code, err = run(capsys, str(padded), "--max-size", "300k")
    assert code == 2 and "inflates to" in err and "--max-size" in err
    assert err.count("\n") == 1
    code, err = run(capsys, str(padded), "--max-size", "4M")
    assert "inflates" not in err


@pytest.mark.parametrize("declaration", [
    b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>',
])
def test_dtd_and_entities_are_refused(capsys, tmp_path, declaration):
    hostile = tmp_path / "hostile.docx"
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src:
        xml = src.read("word/document.xml")
    head, sep, rest = xml.partition(b"?>")
    make_docx(hostile, document_xml=head + sep + declaration + rest)
    code, err = run(capsys, str(hostile))
    assert code == 2 and err.count("\n") == 1 and "DTD or entities" in err


def test_an_ordinary_word_file_is_read(capsys, tmp_path):
    plain = tmp_path / "plain.docx"
    make_docx(plain)
    _code, err = run(capsys, str(plain))
    assert "zip bomb" not in err and "inflates" not in err and "DTD" not in err


def test_the_limits_are_documented():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"{package.INFLATE_FACTOR} times --max-size" in readme
    assert f"more than {package.MAX_RATIO} to 1" in readme
