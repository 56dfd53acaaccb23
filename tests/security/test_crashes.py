"""Issue 13 item 5: inputs that crashed reslint with a traceback (exit 1) give one line that
names the file, exit 2 — or, where the input is a real draft with an odd number, are read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reslint.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_76_47 = FIXTURES / "A_RES_76_47.txt"
SEED_78_32 = FIXTURES / "A_RES_78_32.txt"
TEXT = SEED_78_32.read_text(encoding="utf-8")
HUGE = "9" * 5000  # over Python's 4,300-digit limit of int("...")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("old,new", [
    ("A/78/409", f"A/{HUGE}/409"),                      # a document symbol (the report)
    ("[63/71]", f"[{HUGE}/71]"),                         # a cited resolution
    ("78/32.", f"{HUGE}/32."),                           # the resolution's own number
    ("a total of 124 States", f"a total of {HUGE} States"),   # a count
    ("a total of 124 States", "a total of " + ",".join(["999"] * 1600) + " States"),
    ("Seventy-eighth session", f"{HUGE}th session"),    # a numeric session ordinal
    ("4 December 2023", f"4 December {HUGE}"),
])
def test_huge_numbers_are_read_not_crashed_on(capsys, tmp_path, old, new):
    assert TEXT.count(old) >= 1
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT.replace(old, new), encoding="utf-8")
    for extra in ([], ["--previous", str(SEED_76_47)]):
        code, out, err = run(capsys, "check", str(draft), "--format", "json", *extra)
        assert code in (0, 1), err
        assert err == ""
        json.loads(out)
    code, out, err = run(capsys, "next", str(draft))
    assert code in (0, 1, 2) and "Traceback" not in err and err.count("\n") <= 1


@pytest.mark.parametrize("size", ["inf", "-inf", "1e400", "nan", "-1", "0"])
def test_max_size_that_is_not_a_size(capsys, size):
    with pytest.raises(SystemExit) as stop:
        main(["check", str(SEED_78_32), f"--max-size={size}"])
    assert stop.value.code == 2
    assert f"--max-size: not a size: {size!r}" in capsys.readouterr().err


def test_output_into_a_missing_folder(capsys, tmp_path):
    target = tmp_path / "missing" / "report.json"
    code, _out, err = run(capsys, "check", str(SEED_78_32), "-o", str(target))
    assert code == 2 and err.startswith(f"reslint: {target}: ") and err.count("\n") == 1


def test_output_onto_a_folder(capsys, tmp_path):
    code, _out, err = run(capsys, "check", str(SEED_78_32), "-o", str(tmp_path))
    assert code == 2 and err.startswith(f"reslint: {tmp_path}: ") and err.count("\n") == 1


def test_nul_in_the_configuration(capsys, tmp_path, monkeypatch):
    (tmp_path / "draft.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / ".reslint.yaml").write_bytes(b"select: [RES]\n\x00\n")
    monkeypatch.chdir(tmp_path)
    code, _out, err = run(capsys, "check", "draft.txt")
    assert code == 2 and err.count("\n") == 1
    assert ".reslint.yaml:2: " in err and "#x0000" in err


@pytest.mark.parametrize("name", ["bad\nname.txt", "bad\rname.txt"])
def test_newline_in_a_file_name(capsys, tmp_path, name):
    missing = tmp_path / name
    code, _out, err = run(capsys, "check", str(missing))
    assert code == 2 and err.count("\n") == 1 and err.count("\r") == 0
    assert "\\n" in err or "\\r" in err


def test_yaml_rule_file_over_the_node_limit_is_refused_while_loading(capsys, tmp_path):
    import tracemalloc

    rules = tmp_path / "big.yaml"
    rules.write_text("pack: x\nrules:\n" + "  - 1\n" * 600_000, encoding="utf-8")
    tracemalloc.start()
    try:
        code, _out, err = run(capsys, "check", str(SEED_78_32), "--rules", str(rules))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == 2 and "more than 200,000 YAML nodes" in err and err.count("\n") == 1
    assert peak < 150 * 1024 * 1024  # the whole node graph of 600,000 items is never built
