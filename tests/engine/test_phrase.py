"""Phrases with typed holes: the extractor a Secretariat officer writes without a regex."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import regex

from reslint.engine.phrase import (
    _NON_ASCII_LETTER,
    PhraseError,
    PhrasePattern,
    compile_phrase,
    lacks_word,
    number_holes,
    phrase_word,
)

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


# -- the loose first pass of a phrase's number holes (PhrasePattern) ---------------------------

# What may stand in a number hole: numbers, and what looks like one without being one (a word
# that is no number, a hyphenated word whose parts are not both number words, case and
# script variants, a long s and a Kelvin sign that match s and k only ignoring case, digits
# of another script, letters glued to digits).
FILLERS = ["124", "1,234", "1,23", "0", "twenty-one", "Twenty-One", "TWENTY", "twenty",
           "twenty-foo", "foo-one", "twentyone", "one-two", "twenty-one-two", "several",
           "ten", "tens", "Ten-two", "\u017fix", "\u017fixty-\u017fix", "\u212aing",
           "\u0663\u0660", "12a", "x12", "nine_", "ninety-nine", "no"]
PHRASES = [COUNT, "the {n:number} remaining States", "{a:number}{b:number} States",
           "ratification by {n:number} {state:name}", "{n:number} … {m:number}"]


def _outcome(found: object) -> object:
    """A match as the rules read it: span, text and every group with its span."""
    if found is None:
        return None
    m: regex.Match[str] = found  # type: ignore[assignment]
    return (m.span(), m.group(), [(k, v, m.span(k)) for k, v in m.groupdict().items()])


def _both(phrase: str) -> tuple[regex.Pattern[str], PhrasePattern]:
    source, types = compile_phrase(phrase)
    numbers = number_holes(source, types)
    assert numbers == tuple(n for n, t in types.items() if t == "number")
    return regex.compile(source, regex.VERSION0), PhrasePattern(source, "x.yaml:1", numbers,
                                                                 phrase_word(phrase))


def _texts(phrase: str) -> list[str]:
    rng = random.Random(phrase)
    words = phrase.replace("…", "then, with nine as the rest,")
    texts = []
    for _ in range(300):
        text = regex.sub(r"\{\w+:number\}", lambda _: rng.choice(FILLERS), words)
        text = text.replace("{state:name}", rng.choice(["Chad", "the Gambia", "Saint Lucia"]))
        texts.append(text)
    for a, b in zip(texts[::2], texts[1::2], strict=True):  # several per paragraph: finditer
        texts.append(f"{a}; {b} and {rng.choice(FILLERS)} {b.upper()}")
    word = phrase_word(phrase)
    for text in texts[:100]:  # the phrase's word missing, or spelt in other cases and letters
        for spelling in ("", word[:-1], word.upper(), word.replace("i", "\u0130"),
                         word.replace("s", "\u017f"), word.replace("t", "\u0163")):
            texts.append(text.replace(word, spelling).replace(word.capitalize(), spelling))
    return texts


@pytest.mark.parametrize("phrase", PHRASES)
def test_loose_first_pass_finds_exactly_what_the_phrase_finds(phrase: str, fresh_budget) -> None:
    strict, _ = _both(phrase)
    for text in _texts(phrase):
        lazy = _both(phrase)[1]  # a fresh one each time: the loose pass is tried first
        assert _outcome(lazy.search(text)) == _outcome(strict.search(text)), text
        lazy = _both(phrase)[1]
        assert ([_outcome(m) for m in lazy.finditer(text)]
                == [_outcome(m) for m in strict.finditer(text)]), text
        lazy = _both(phrase)[1]
        assert _outcome(lazy.match(text)) == _outcome(strict.match(text)), text


def test_a_word_that_is_no_number_falls_back_on_the_strict_pattern(fresh_budget) -> None:
    strict, lazy = _both(COUNT)
    text = ("Noting that a total of several States have joined the Convention, many as "
            "States parties and few as signatories, and that a total of 124 States have "
            "joined the Convention, 112 as States parties and 12 as signatories,")
    found = lazy.search(text)
    assert found.group("total") == "124"
    assert _outcome(found) == _outcome(strict.search(text))
    assert lazy._compiled is not None  # the strict pattern decided, and runs from now on


def test_numbers_found_loosely_do_not_compile_the_strict_pattern(fresh_budget) -> None:
    _, lazy = _both(COUNT)
    text = ("a total of 124 States have joined the Convention, one hundred and twelve as "
            "States parties and Twelve as signatories")
    assert lazy.search(text) is None  # "one hundred" is not one number word: no match
    found = lazy.search(text.replace("one hundred and twelve", "Ninety-Nine"))
    assert found.groupdict() == {"total": "124", "parties": "Ninety-Nine",
                                 "signatories": "Twelve"}
    assert lazy._compiled is None and lazy._loose is not None


def test_a_loose_pass_that_times_out_leaves_the_decision_to_the_strict_one(
        monkeypatch, fresh_budget) -> None:
    strict, lazy = _both(COUNT)

    class Stuck:
        def search(self, *args: object, **kwargs: object) -> None:
            raise TimeoutError

    monkeypatch.setattr(lazy, "_loose", Stuck())
    text = ("a total of 124 States have joined the Convention, 112 as States parties and 12 "
            "as signatories")
    assert _outcome(lazy.search(text)) == _outcome(strict.search(text))


def test_the_count_phrase_is_cached_with_its_number_holes(cache_folder) -> None:
    from reslint.lint import load_packs

    cold = {p.name: p for p in load_packs()}["ccm"].extractors["count"].pattern
    warm = {p.name: p for p in load_packs()}["ccm"].extractors["count"].pattern
    assert isinstance(cold, PhrasePattern) and cold._compiled is not None  # checked at load
    assert isinstance(warm, PhrasePattern) and warm is not cold
    assert (warm.source, warm.where, warm.numbers) == (cold.source, cold.where, cold.numbers)
    assert warm.numbers == ("total", "parties", "signatories")
    assert warm._compiled is None  # read from the cache: compiled only if needed
    withdrawals = {p.name: p for p in load_packs()}["ccm"].extractors["withdrawals"].pattern
    assert (withdrawals.word, withdrawals.numbers) == ("withdrawal", ())


PHRASE_WORDS = [(COUNT, "signatories"), ("ratification {of|by} {state:name}", "ratification"),
                ("the {n:number} remaining States", "remaining"), ("{a:number} … {b:number}", ""),
                ("{of the Convention?} {n:number} x-ray", "")]


@pytest.mark.parametrize(("phrase", "word"), PHRASE_WORDS)
def test_the_phrase_word_is_literal_text_of_every_match(phrase: str, word: str) -> None:
    assert phrase_word(phrase) == word


ALL_CHARACTERS = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def test_regex_matches_an_ascii_letter_ignoring_case_only_as_lacks_word_assumes() -> None:
    """Every character the installed regex matches with an ASCII letter, ignoring case, is
    that letter in either case, or a letter outside ASCII (which lacks_word looks for)."""
    others = set()
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for c in regex.findall(f"(?i){letter}", ALL_CHARACTERS, flags=regex.VERSION0):
            if c.isascii():
                assert c.lower() == letter
            else:
                assert _NON_ASCII_LETTER.match(c), (letter, c)
                others.add(c)
    assert {"\u212a", "\u017f"} <= others  # the Kelvin sign and the long s: the test bites


@pytest.mark.parametrize("text", [
    "the withdrawal of Chad", "the WITHDRAWAL of Chad", "the withdrawaL of Chad",
    "the wİthdrawal of Chad", "the withdrawal\u017f", "the withdra\u212awal", "no such word",
    "the withdrawal\u2019s effect", "“withdraw” — al", "withdrawa", "", "\u0130",
    "the with\u00addrawal", "WITH DRAWAL", "the withdrawals",
])
def test_lacks_word_is_sure_only_where_regex_finds_nothing(text: str) -> None:
    found = regex.search("(?i:withdrawal)", text, flags=regex.VERSION0)
    if lacks_word(text, "withdrawal"):
        assert found is None
    if text.isascii():  # plain text: certain either way
        assert lacks_word(text, "withdrawal") == (found is None)


def test_a_text_without_the_phrase_word_compiles_nothing(fresh_budget) -> None:
    strict, lazy = _both("withdrawal {of|by} {state:name}")
    assert lazy.word == "withdrawal"
    assert list(lazy.finditer("the accession of Chad, the ratification by Peru")) == []
    assert lazy._compiled is None and lazy._loose is None
    text = "the withdrawal of Chad and the Withdrawal by Peru’s"
    assert ([_outcome(m) for m in lazy.finditer(text)]
            == [_outcome(m) for m in strict.finditer(text)])
    assert [m.group("state") for m in lazy.finditer(text)] == ["Chad", "Peru’s"]


GA_TEXTS = Path(__file__).resolve().parents[2].parent / "shared" / "ga" / "texts"


@pytest.mark.slow
@pytest.mark.skipif(not GA_TEXTS.is_dir(), reason="needs ../shared/ga/texts")
def test_every_phrase_extractor_finds_on_real_texts_what_its_strict_pattern_finds(
        fresh_budget) -> None:
    """On every paragraph of the real texts, each built-in phrase extractor, read from the
    pack cache's form (a fresh PhrasePattern per text: loose pass and word test tried),
    gives the matches of its strict pattern, spans and groups alike."""
    from reslint.engine.ruleset import rule_files
    from reslint.lint import _compile_packs
    from reslint.parse import parse_file
    from reslint.resources import builtin_rules_path

    phrases = [(e.pattern, regex.compile(e.pattern.source, regex.VERSION0))
               for pack in _compile_packs(rule_files(builtin_rules_path()), [])
               for e in pack.extractors.values() if isinstance(e.pattern, PhrasePattern)]
    assert len(phrases) >= 10
    found = 0
    for path in sorted(GA_TEXTS.glob("*.md")):
        texts = [p.text for p in parse_file(str(path)).paragraphs()]
        for cached, strict in phrases:
            lazy = PhrasePattern(cached.source, cached.where, cached.numbers, cached.word)
            for text in texts:
                expected = [_outcome(m) for m in strict.finditer(text)]
                assert [_outcome(m) for m in lazy.finditer(text)] == expected, (path, text)
                found += len(expected)
    assert found > 100


def test_a_loose_form_that_would_not_compile_leaves_the_strict_pattern_alone(
        tmp_path: Path, monkeypatch) -> None:
    from reslint.engine import rules

    pack = tmp_path / "mine.yaml"
    pack.write_text("pack: mine\nextractors:\n  count:\n    phrase: \"a total of "
                    "{total:number} States\"\nrules: []\n", encoding="utf-8")
    monkeypatch.setattr(rules, "loosen", lambda source, numbers: "(unbalanced")
    pattern = rules.load_pack(str(pack)).extractors["count"].pattern
    assert isinstance(pattern, PhrasePattern)
    assert (pattern.numbers, pattern.word) == ((), "states")
    assert pattern.search("a total of twelve States").group("total") == "twelve"
