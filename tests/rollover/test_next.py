"""`reslint next`: the starting draft carries the newer resolution's technical facts."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from reslint.cli import main
from reslint.model import Document
from reslint.parse import parse_file, parse_source
from reslint.rollover import plan
from reslint.text.source import SourceText
from reslint.vocab.ordinals import ORDINAL_WORD_PATTERN, ordinal_to_int

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SEED_76 = ROOT / "tests" / "fixtures" / "000_e973e94cc6f22ecb.txt"

SERIES = {
    "CCM": ["78_32", "79_58", "80_52"],
    "APMBC": ["78_45", "79_34", "80_35"],
    "ATT": ["78_48", "79_52", "80_46"],
    "TPNW": ["78_35", "79_38", "80_54"],
    "CCW": ["78_64", "79_75", "80_68"],
    "CTBT": ["78_66", "79_77", "80_70"],
    "BWC": ["78_67", "79_78", "80_71"],
    "CWC": ["78_29", "79_56", "80_34"],
}
PAIRS = [(a, b) for s in SERIES.values() for a, b in itertools.pairwise(s)]
# Where the real newer text kept the yearly step of the invited meeting (read from the
# texts): CCM 78/32 invites to the twelfth Meeting of States Parties, 79/58 to the
# thirteenth.  Not the others: CCM 80/52 invites to the third Review Conference instead of
# a fourteenth Meeting; APMBC 79/34 to the Fifth Review Conference, 80/35 back to the
# Twenty-second Meeting; the other series invite to no meeting in these words.
YEARLY_STEP = {("78_32", "79_58")}
INVITED = re.compile(
    rf"attend the (?P<ordinal>{ORDINAL_WORD_PATTERN}) (?P<meeting>Meeting of (?:the )?States"
    r" Parties|Review Conference)"
)


def invited(doc: Document) -> tuple[int | None, str] | None:
    for p in doc.operative:
        if m := INVITED.search(p.text):
            return ordinal_to_int(m.group("ordinal")), m.group("meeting")
    return None


def draft_of(path: Path) -> Document:
    return parse_source(SourceText("draft.md", plan(parse_file(str(path))).text))


def technical(doc: Document) -> tuple:
    return doc.session, [(c.symbol, c.date) for c in doc.recalled], doc.next_session


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
def test_next_gives_the_newer_technical_facts(old: str, new: str) -> None:
    draft = draft_of(CORPUS / f"A_RES_{old}.md")
    real = parse_file(str(CORPUS / f"A_RES_{new}.md"))
    assert technical(draft) == technical(real)
    assert draft.kind == "draft" and draft.problems == []
    if (old, new) in YEARLY_STEP:
        assert invited(draft) == invited(real)


def test_seed_76_47_rolls_over_to_77() -> None:
    r = plan(parse_file(str(SEED_76)))
    draft = parse_source(SourceText("draft.md", r.text))
    assert (r.session, r.period) == (77, 1)
    assert draft.session == 77 and draft.next_session == 78
    assert [(c.symbol, c.date) for c in draft.recalled][-2:] == [
        ("75/62", "2020-12-07"), ("76/47", "2021-12-06")]
    assert invited(draft) == (11, "Meeting of States Parties")
    assert draft.meeting is None and draft.heading.adopted is None


def test_markdown_keeps_its_style_outside_the_edits() -> None:
    """Only the heading and the edited spans differ: the links, the emphasis, the
    `<sup>` markers and the blank lines of the seed stay byte for byte."""
    source = SEED_76.read_text(encoding="utf-8")
    r = plan(parse_file(str(SEED_76)))
    assert r.base == source
    body = source[source.index("*Recalling*") :]
    expected = (
        body.replace("[74/62](#) of 12 December 2019 and [75/62](#) of 7 December 2020",
                     "[74/62](#) of 12 December 2019, [75/62](#) of 7 December 2020 and "
                     "[76/47](#) of 6 December 2021")
        .replace("the tenth Meeting of States Parties to the Convention on Cluster Munitions, "
                 "to be held in Geneva from 30 August to 2 September 2022",
                 "the eleventh Meeting of States Parties to the Convention on Cluster "
                 "Munitions, to be held in [[place]] [[dates of the eleventh Meeting of States "
                 "Parties]]")
        .replace("its seventy-seventh session", "its seventy-eighth session")
        .replace("\n*45th plenary meeting  \n6 December 2021*", "")
        .replace("*Noting* that a total of 123 States",
                 "<!-- reslint: confirm-counts -->\n*Noting* that a total of 123 States")
    )
    assert r.text.endswith("\n\n*The General Assembly*,\n\n" + expected)
    assert r.text.startswith(
        "[[A/C.1/77/L.__]]\n\nSeventy-seventh session\n\nAgenda item [[agenda item]]\n\n"
        "General and complete disarmament: implementation of the Convention on Cluster "
        "Munitions\n\n[[sponsors]]: draft resolution\n\n"
        "Implementation of the Convention on Cluster Munitions\n\n"
    )
    assert [c.kind for c in r.changes] == [
        "heading", "recalled", "recalled", "next-session", "meeting", "meeting", "meeting",
        "counts", "plenary"]


def test_single_item_list_is_replaced(tmp_path: Path) -> None:
    source = SEED_76.read_text(encoding="utf-8")
    start = source.index("*Recalling* its resolutions")
    end = source.index("\n", start)
    one = source[:start] + (
        "*Recalling* its resolution [75/62](#) of 7 December 2020 on the implementation "
        "of the Convention,") + source[end:]
    path = tmp_path / "one.md"
    path.write_text(one, encoding="utf-8")
    draft = draft_of(path)
    assert [(c.symbol, c.date) for c in draft.recalled] == [("76/47", "2021-12-06")]
    assert "*Recalling* its resolution [76/47](#) of 6 December 2021 on the" in (
        plan(parse_file(str(path))).text)


def test_next_cli_and_check_on_the_draft(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "draft.md"
    assert main(["next", str(SEED_76), "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    text = out.read_text(encoding="utf-8")
    assert text == plan(parse_file(str(SEED_76))).text
    place_line = next(i for i, line in enumerate(text.split("\n"), 1) if "[[place]]" in line)
    assert main(["check", str(out), "--previous", str(SEED_76), "--format", "concise"]) == 1
    report = capsys.readouterr().out
    res801 = [line for line in report.splitlines() if "RES801" in line]
    lines = text.split("\n")
    heading = [i for i, line in enumerate(lines, 1) if "[[" in line and i < place_line]
    # the symbol, the agenda item and the sponsors in the heading, then place and dates
    assert len(heading) == 3
    assert len(res801) == 5
    assert [int(r.split(":")[1]) for r in res801] == [*heading, place_line, place_line]
    assert "RES802" in report


def test_next_refuses_a_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.md"
    assert main(["next", str(SEED_76), "-o", str(draft)]) == 0
    assert main(["next", str(draft)]) == 2
    err = capsys.readouterr().err
    assert err == (f"reslint: {draft}: not an adopted resolution (no symbol): "
                   "`next` starts from last year's adopted text\n")
