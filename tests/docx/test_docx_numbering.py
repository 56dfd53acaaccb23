"""Word's list numbering: the number shown is computed from numbering.xml."""

from __future__ import annotations

from lxml import etree

from reslint.text.docx.numbering import Numbering, fmt_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def numbering(abstract: str, nums: str) -> Numbering:
    return Numbering(etree.fromstring(
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1">{abstract}'
        f"</w:abstractNum>{nums}</w:numbering>"))


LEVELS = (
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
    '<w:lvlText w:val="(%2)"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>'
    '<w:lvlText w:val="(%3)"/><w:lvlRestart w:val="0"/></w:lvl>'
)


def test_levels_formats_and_restarts():
    n = numbering(LEVELS, '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>')
    labels = [n.label("5", lvl) for lvl in (0, 1, 1, 2, 2, 0, 1, 2)]
    # (a) restarts under 2.; (iii) does not (w:lvlRestart 0: never restarts)
    assert labels == ["1.", "(a)", "(b)", "(i)", "(ii)", "2.", "(a)", "(iii)"]


def test_instances_continue_unless_they_override_the_start():
    n = numbering(LEVELS, (
        '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="7"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    assert [n.label("5", 0), n.label("6", 0), n.label("7", 0), n.label("7", 0),
            n.label("5", 0)] == ["1.", "2.", "1.", "2.", "3."]


def test_bullets_and_unknown_lists_have_no_label():
    n = numbering('<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>',
                  '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>')
    assert n.label("5", 0) == "" and n.label("99", 0) == "" and n.label("0", 0) == ""


def test_formats():
    assert [fmt_number(k, "lowerLetter") for k in (1, 26, 27)] == ["a", "z", "aa"]
    assert [fmt_number(k, "upperRoman") for k in (4, 9, 14)] == ["IV", "IX", "XIV"]
    assert fmt_number(7, "decimalZero") == "07" and fmt_number(3, "ordinalText") == "3"
