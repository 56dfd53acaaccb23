"""Fuzzing the whole pipeline from real texts (issue 13, acceptance): parse, check, `next`,
`diff` and the fixes, on real drafts of ../shared/ga (and the bundled seeds) mutated as an
attacker or a broken converter would: byte flips, truncations, shuffled lines, control and
invisible characters, huge numbers, repeated markers and comments, very long lines.

Asserted: no exception escapes but the documented one-line errors (ReslintError: exit 2);
a fix is idempotent and leaves every byte outside its edits as it was.  CI runs a small,
deterministic budget (profile "ci", tests/conftest.py); a long run:

    python -m pytest tests/fuzz --hypothesis-profile=long -q
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reslint.cli import main
from reslint.config import Config
from reslint.errors import ReslintError
from reslint.fix import fixes_of
from reslint.lint import Ruleset, fix_document, lint_document, load_packs
from reslint.parse import parse_source
from reslint.text.source import decode

REPO = Path(__file__).resolve().parents[2]
GA = REPO.parent / "shared" / "ga" / "texts"
FIXTURES = REPO / "tests" / "fixtures"


def _seeds() -> list[Path]:
    seeds = sorted(FIXTURES.glob("A_RES_*.txt"))
    if GA.is_dir():
        texts = sorted(GA.glob("*.md"))
        seeds += texts[:: max(1, len(texts) // 40)]  # about 40 across committees
    return seeds


SEEDS = _seeds()
HOSTILE = ["\x00", "\u200b", "\u202e", "\ufeff", "\r", "\t", "\x0c", "\u2028", "\x85", "<",
           ">", "*", "_", "[", "]", "(", ")", "#", "|", "\\", "-", "—", "’", "“", "1.", "(a)",
           "<sup>", "</sup>", "¹", "[^1]", "<!--", "-->", "\n\n", "A/RES/", "/", "é"]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """(name of the seed, the mutated file's bytes)."""
    seed = draw(st.sampled_from(SEEDS))
    text = seed.read_text(encoding="utf-8")
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["flip", "truncate", "shuffle", "insert", "number",
                                     "markers", "long", "comments", "delete"]))
        if kind == "flip" and text:
            at = min(at, len(text) - 1)
            text = text[:at] + draw(st.sampled_from(HOSTILE)) + text[at + 1:]
        elif kind == "truncate":
            text = text[:at]
        elif kind == "shuffle":
            lines = text.split("\n")
            order = draw(st.permutations(range(min(len(lines), 8))))
            head = [lines[i] for i in order]
            text = "\n".join(head + lines[len(head):])
        elif kind == "insert":
            text = text[:at] + "".join(draw(st.lists(st.sampled_from(HOSTILE), max_size=8))) \
                + text[at:]
        elif kind == "number":
            digits = draw(st.sampled_from([20, 400, 4301, 6000]))
            text = text[:at] + "9" * digits + text[at:]
        elif kind == "markers":
            marker = draw(st.sampled_from(["<sup>1</sup>", "¹", "[^1]", "<sup>2</sup>"]))
            text = text[:at] + marker * draw(st.integers(1, 3000)) + text[at:]
        elif kind == "long":
            text = text[:at] + draw(st.sampled_from(["x", "ab ", "78/32, "])) * 60_000 + text[at:]
        elif kind == "comments":
            text = text[:at] + draw(st.sampled_from(["<!--", "<!-- reslint: ", "-->"])) * \
                draw(st.integers(1, 5000)) + text[at:]
        elif kind == "delete" and text:
            end = draw(st.integers(at, min(len(text), at + 2000)))
            text = text[:at] + text[end:]
    codec = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16", "utf-16-le"]))
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass")
    return seed.name, data


@pytest.fixture(scope="module")
def ruleset() -> Ruleset:
    packs = load_packs()
    return Ruleset(packs, [r for p in packs for r in p.rules])


def parsed(name: str, data: bytes):
    """The document, or None for a documented refusal (one line, exit 2)."""
    try:
        return parse_source(decode(name, data))
    except ReslintError as exc:
        assert "\n" not in str(exc)  # the documented errors are one line
        return None


@given(mutated())
def test_parse(case: tuple[str, bytes]) -> None:
    parsed(*case)


@given(mutated(), st.sampled_from(SEEDS))
def test_check(ruleset, case: tuple[str, bytes], previous_path: Path) -> None:
    doc = parsed(*case)
    if doc is None:
        return
    previous = parsed(previous_path.name, previous_path.read_bytes())
    with contextlib.suppress(ReslintError):
        lint_document(doc, previous, ruleset, Config())


@given(mutated())
def test_fixes_are_idempotent_and_local(ruleset, case: tuple[str, bytes]) -> None:
    doc = parsed(*case)
    if doc is None:
        return
    try:
        findings = lint_document(doc, None, ruleset, Config())
        result = fix_document(doc, findings, None, ruleset, Config(), unsafe=True)
    except ReslintError:
        return
    if not result.changed:
        return
    edits = [e for fix in fixes_of(findings, True) for e in fix.edits]
    if edits:  # nothing changes before the first edit or after the last
        first, last = min(e.start for e in edits), max(e.end for e in edits)
        assert result.text[:first] == result.original[:first]
        tail = result.original[last:]
        assert result.text.endswith(tail)
    # re-read as UTF-16: a NUL read from a UTF-16 file is text there, binary in UTF-8
    again_doc = parse_source(decode(case[0], result.text.encode("utf-16")))
    again = fix_document(again_doc, lint_document(again_doc, None, ruleset, Config()), None,
                         ruleset, Config(), unsafe=True)
    assert again.text == result.text  # fixing the fixed text changes nothing


def run_cli(*argv: str) -> int:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    assert code in (0, 1, 2)
    if code == 2:
        assert len(err.getvalue().strip().splitlines()) <= 1 or "usage:" in err.getvalue()
    return code


@given(mutated())
def test_next(tmp_path_factory, case: tuple[str, bytes]) -> None:
    folder = tmp_path_factory.mktemp("next")
    draft = folder / "draft.txt"
    draft.write_bytes(case[1])
    run_cli("next", str(draft), "-o", str(folder / "next.txt"))


@given(mutated(), st.sampled_from(SEEDS))
def test_diff(tmp_path_factory, case: tuple[str, bytes], previous: Path) -> None:
    folder = tmp_path_factory.mktemp("diff")
    draft = folder / "draft.txt"
    draft.write_bytes(case[1])
    run_cli("diff", str(previous), str(draft))
