"""Every case in tests/data/attributions.jsonl, read by the attribution extractor.

The table (written for this project; the seed's sentences included, nothing
from the evaluation events) gives, for a target inside one sentence of a short
text, who the sentence is attributed to: the source as written, the canonical
name the text gives, the cue and the kind. ``known_failure`` cases run as
strict xfail.
"""

from __future__ import annotations

import pytest

from claimdiff.stages.extract.attributions import find_attributions
from claimdiff.stages.segment.sentences import split_sentences
from tests.tables import as_params, read_cases

CASES = read_cases("attributions.jsonl")


def attributions_at(case: dict) -> list:
    text = case["text"]
    at = text.index(case["target"])
    sentences = split_sentences(text, case["lang"])
    per_sentence = find_attributions(text, sentences, case["lang"])
    for s, attrs in zip(sentences, per_sentence, strict=True):
        if s.start <= at < s.end:
            return attrs
    raise AssertionError(f"target {case['target']!r} is in no sentence")


def source_ok(case: dict, attrs: list) -> bool:
    """The expected source is found: same name as written, or the same canonical name."""
    if case["source"] is None:
        return not attrs
    want = {case["source"].lower(), (case["canonical"] or "").lower()} - {""}
    for a in attrs:
        got = {a.source.lower(), a.canonical_source.lower()}
        if any(w in g or (g in w and len(g) > 2) for w in want for g in got):
            return True
    return False


def check(case: dict) -> None:
    attrs = attributions_at(case)
    assert source_ok(case, attrs), [(a.source, a.canonical_source, a.kind) for a in attrs]


@pytest.mark.parametrize(
    "case",
    as_params(CASES),
    ids=[f"{c['lang']}-{i}" for i, c in enumerate(CASES)],
)
def test_attribution_case(case: dict) -> None:
    check(case)


def test_canonical_names() -> None:
    """The fullest name the text gives ("Grandi" -> "Filippo Grandi", "she" -> the last person).

    Measured 157 of 184 on this table; organisations named by a description
    ("the company" -> "Norvel Motors") are the main known gap.
    """
    named = [c for c in CASES if c["source"] and c["canonical"]]
    right = sum(
        any(c["canonical"].lower() in a.canonical_source.lower() for a in attributions_at(c))
        for c in named
    )
    assert right / len(named) >= 0.8, f"{right}/{len(named)}"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_source_accuracy_per_language(lang: str) -> None:
    """Issue target: source accuracy >= 0.9 for each language, known failures included."""
    cases = [c for c in CASES if c["lang"] == lang]
    right = sum(source_ok(c, attributions_at(c)) for c in cases)
    assert right / len(cases) >= 0.9, f"{lang}: {right}/{len(cases)}"
