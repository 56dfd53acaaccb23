"""Files that are not readable Word drafts: one line naming the file, exit 2."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx_fixtures import write_docx

from reslint.cli import main

REPO = Path(__file__).resolve().parents[2]


def one_line_error(capsys, path: Path) -> str:
    capsys.readouterr()
    code = main(["check", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"reslint: {path}: ")
    return err


def test_renamed_text_file(capsys, tmp_path: Path):
    path = tmp_path / "draft.docx"
    path.write_text("The General Assembly,\n\n1. Decides to remain seized of the matter.\n")
    assert "not a Word file" in one_line_error(capsys, path)


def test_corrupt_zip(capsys, tmp_path: Path):
    good = write_docx("*The General Assembly,*\n\n1. *Decides* to remain seized.\n",
                      tmp_path / "good.docx")
    data = good.read_bytes()
    path = tmp_path / "draft.docx"
    path.write_bytes(data[: len(data) // 2])  # a download cut in half
    assert "corrupt Word file" in one_line_error(capsys, path)


def test_damaged_part(capsys, tmp_path: Path):
    path = write_docx("*The General Assembly,*\n\n1. *Decides* to remain seized.\n",
                      tmp_path / "draft.docx")
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"][:-40]  # unclosed XML
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    assert "corrupt Word file" in one_line_error(capsys, path)


def test_zip_that_is_not_word(capsys, tmp_path: Path):
    path = tmp_path / "draft.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    assert "not a Word file" in one_line_error(capsys, path)


def test_password_protected(capsys, tmp_path: Path):
    """Word saves an encrypted .docx as a compound file holding an EncryptedPackage
    stream (the header and the directory entry's UTF-16 name are what the reader sees)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    entry = "EncryptedPackage".encode("utf-16-le").ljust(64, b"\x00")
    path = tmp_path / "draft.docx"
    path.write_bytes(header + entry + b"\x00" * 448)
    assert "password-protected" in one_line_error(capsys, path)


def test_old_binary_doc_renamed(capsys, tmp_path: Path):
    path = tmp_path / "draft.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    assert "save it as .docx" in one_line_error(capsys, path)


def test_without_the_extra(tmp_path: Path):
    """python-docx missing: the message names the extra; Markdown still reads."""
    pytest.importorskip("docx")
    path = write_docx("*The General Assembly,*\n\n1. *Decides* to remain seized.\n",
                      tmp_path / "draft.docx")
    code = (
        "import sys; sys.modules['docx'] = None\n"
        "from reslint.cli import main\n"
        f"sys.exit(main(['check', {str(path)!r}]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr == (
        f"reslint: {path}: reading Word files needs the docx extra: "
        "pip install 'reslint[docx]'\n")


def test_markdown_never_imports_python_docx():
    fixture = REPO / "tests" / "fixtures" / "A_RES_78_32.txt"
    code = (
        "import sys\nfrom reslint.cli import main\n"
        f"main(['check', {str(fixture)!r}, '--format', 'concise'])\n"
        "assert 'docx' not in sys.modules and 'reslint.text.docx.source' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
