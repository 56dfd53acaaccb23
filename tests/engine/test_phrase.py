"""Phrases with typed holes: the extractor a Secretariat officer writes without a regex."""

from __future__ import annotations

import pytest
import regex

from reslint.engine.phrase import PhraseError, compile_phrase

COUNT = ("a total of {total:number} States have joined the Convention, {parties:number} "
         "as States parties … and {signatories:number} as signatories")


def match(phrase: str, text: str) -> dict[str, str] | None:
    pattern, _ = compile_phrase(phrase)
    found = regex.search(pattern, text)
    return found.groupdict() if found else None


def test_holes_are_typed_groups() -> None:
    _, types = compile_phrase(COUNT)
    assert types == {"total": "number", "parties": "number", "signatories": "number"}
    text = ("Noting that a total of 124 States have joined the Convention, 112 as States "
            "Parties by the accession of South Sudan, and 12 as signatories,")
    assert match(COUNT, text) == {"total": "124", "parties": "112", "signatories": "12"}


def test_words_match_in_any_case_and_spacing_and_numbers_in_words() -> None:
    assert match("the {n:number} remaining States", "the  Nine\nremaining states") == {
        "n": "Nine"}
    assert match("{n:number} States", "the States") is None  # "the" is no number


def test_choices_names_and_whole_words() -> None:
    phrase = "ratification {of|by} {state:name}"
    assert match(phrase, "the ratification by Saint Lucia and") == {"state": "Saint Lucia"}
    assert match(phrase, "the ratification of the Treaty") is None  # a name is capitalized
    assert match(phrase, "nonratification of Chad") is None


@pytest.mark.parametrize(("phrase", "message"), [
    ("a total of {total:count} States", "unknown hole type 'count'"),
    ("{n:number} and {n:number}", "hole 'n' appears twice"),
    ("no holes at all", "needs at least one hole"),
])
def test_bad_phrases_say_why(phrase: str, message: str) -> None:
    with pytest.raises(PhraseError, match=message):
        compile_phrase(phrase)
