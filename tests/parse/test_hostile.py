"""Input a user may hand `reslint parse` by mistake: one line on stderr naming the file,
exit 2, no traceback, no hang."""

from __future__ import annotations

import json
import time

import pytest
from conftest import SEED_78_32, parse_json, run_parse


def assert_refused(path, result, *words: str) -> str:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    err = result.stderr
    assert "Traceback" not in err
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert str(path) in err
    for word in words:
        assert word in err, err
    return err


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.txt", b"", ["empty"]),
        ("binary.bin", bytes(range(256)) * 64, ["binary"]),
        ("latin1.txt", "Résolution adoptée par l’Assemblée générale".encode("cp1252"),
         ["UTF-8"]),
        ("prose.txt", b"Shopping list\n\n1. Milk\n2. Bread\n\nCall Anna at 5.\n",
         ["no resolution"]),
        ("ga-but-no-paragraphs.txt", b"General Assembly\n\nDistr.: General\n", ["no resolution"]),
    ],
)
def test_refused_with_one_line(tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data)
    assert_refused(path, run_parse(str(path)), *words)


def test_missing_file(tmp_path):
    assert_refused(tmp_path / "nope.md", run_parse(str(tmp_path / "nope.md")), "no such file")


def test_blank_file_and_directory_in_process(tmp_path, capsys):
    from reslint.cli import main

    blank = tmp_path / "blank.md"
    blank.write_bytes(b"  \n\n \r\n")
    for path, word in ((blank, "empty"), (tmp_path, "directory")):
        assert main(["parse", str(path)]) == 2
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1 and str(path) in err and word in err


def test_invalid_utf8_names_the_line(tmp_path):
    text = SEED_78_32.read_bytes().split(b"\n")
    text[20] = text[20] + b" \xff\xfe broken"
    path = tmp_path / "broken.md"
    path.write_bytes(b"\n".join(text))
    err = assert_refused(path, run_parse(str(path)), "UTF-8")
    assert f"{path}:21:" in err


def test_50_mb_file_is_refused_quickly_then_read_under_a_raised_limit(tmp_path):
    path = tmp_path / "big.txt"
    line = b"lorem ipsum dolor sit amet, consectetur adipiscing elit 2024 12 34 56 7\n"
    with path.open("wb") as out:
        out.write(line * (50 * 1024 * 1024 // len(line)))
    t0 = time.perf_counter()
    err = assert_refused(path, run_parse(str(path), timeout=30), "limit", "--max-size")
    assert "5,242,880" in err
    assert time.perf_counter() - t0 < 5
    t0 = time.perf_counter()
    result = run_parse(str(path), "--max-size", "100M", timeout=60)
    assert_refused(path, result, "no resolution")
    assert time.perf_counter() - t0 < 30


def test_bom_and_crlf_read_like_any_other_file(tmp_path):
    raw = SEED_78_32.read_bytes()
    path = tmp_path / "bom-crlf.md"
    path.write_bytes(b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"))
    crlf = run_parse(str(path))
    assert crlf.returncode == 0, crlf.stderr
    a, b = parse_json(SEED_78_32), json.loads(crlf.stdout)
    for key in ("symbol", "session", "agenda_item", "title", "adopted", "report",
                "next_session", "meeting", "citations", "recalled"):
        assert a[key] == b[key], key
    assert [p["text"] for p in a["operative"]] == [p["text"] for p in b["operative"]]
    assert [(p["line"], p["end_line"]) for p in a["preamble"]] == [
        (p["line"], p["end_line"]) for p in b["preamble"]
    ]
    assert a["footnotes"] == b["footnotes"]
    # the citation of 77/79 still stands on line 13, column 322 of the original file
    last = b["recalled"][-1]
    assert (last["symbol"], last["line"], last["column"]) == ("77/79", 13, 322)
    assert "\r" not in "".join(p["text"] for p in b["preamble"])


def test_crlf_pdf_text_keeps_its_lines(tmp_path, corpus):
    src = corpus / "A_RES_79_58.md"
    path = tmp_path / "crlf.md"
    path.write_bytes(src.read_bytes().replace(b"\n", b"\r\n"))
    d = parse_json(path)
    assert [(m["line"], m["column"]) for f in d["footnotes"] for m in f["markers"]] == [
        (84, 86), (89, 78), (110, 14), (139, 40),
    ]
