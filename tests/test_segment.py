"""Sentence boundaries: abbreviations, initials and quotes (table from claimdiff's own examples)."""

from __future__ import annotations

import pytest

from claimdiff.stages.segment.sentences import split_sentences

CASES = [
    (
        "nl",
        "Dhr. Jansen kwam o.a. uit Gent. Hij bleef.",
        ["Dhr. Jansen kwam o.a. uit Gent.", "Hij bleef."],
    ),
    ("nl", "Het kost ca. 5 euro. Dat is veel.", ["Het kost ca. 5 euro.", "Dat is veel."]),
    (
        "nl",
        "Een brief t.a.v. mevr. De Boer. Verstuurd.",
        ["Een brief t.a.v. mevr. De Boer.", "Verstuurd."],
    ),
    (
        "en",
        "Dr. Smith met U.N. staff on Feb. 24. Talks ended.",
        ["Dr. Smith met U.N. staff on Feb. 24.", "Talks ended."],
    ),
    ("en", "Mr. J. Doe said so. He left.", ["Mr. J. Doe said so.", "He left."]),
    ("en", 'He said: "We are done." Then he left.', ['He said: "We are done."', "Then he left."]),
    (
        "nl",
        "“Het is voorbij”, zei hij. Daarna ging hij.",
        ["“Het is voorbij”, zei hij.", "Daarna ging hij."],
    ),
    (
        "en",
        '"Is it over?" she asked. Nobody answered.',
        ['"Is it over?" she asked.', "Nobody answered."],
    ),
    (
        "en",
        "Headline without a stop\n\nBody starts here. Second one.",
        ["Headline without a stop", "Body starts here.", "Second one."],
    ),
    (
        "en",
        "Prices rose 2.5 per cent. Wages did not.",
        ["Prices rose 2.5 per cent.", "Wages did not."],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_sentences(lang: str, text: str, expected: list[str]) -> None:
    sentences = split_sentences(text, lang)
    assert [s.text for s in sentences] == expected
    for s in sentences:
        assert text[s.start : s.end] == s.text
