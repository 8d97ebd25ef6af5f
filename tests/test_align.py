"""Alignment: order-free, one claim per report per group, numbers masked, deterministic."""

from __future__ import annotations

from claimdiff.align import align, masked_text
from claimdiff.load import document_from_text
from claimdiff.pipeline import extract_claims

NL = document_from_text(
    "Bij de overstroming kwamen 352 mensen om het leven. "
    "De schade bedraagt 85 miljoen euro, aldus de provincie. "
    "Het water stond 2,4 meter hoog.",
    "a_nl",
    lang="nl",
)
EN = document_from_text(
    "The water stood 3 metres high. "
    "At least 406 people were killed in the flood. "
    "Insurers put the damage at 120 million euros.",
    "b_en",
    lang="en",
)


def _groups(encoder, docs):  # type: ignore[no-untyped-def]
    claims = [c for d in docs for c in extract_claims(d)]
    groups = align(claims, {d.id: d.language for d in docs}, encoder)
    text = {c.id: c.text for c in claims}
    return [sorted(text[i] for i in ids) for ids, _ in groups]


def test_same_facts_align_across_languages_and_different_numbers(encoder) -> None:  # type: ignore[no-untyped-def]
    groups = _groups(encoder, [NL, EN])
    pairs = [g for g in groups if len(g) == 2]
    assert len(pairs) == 3
    joined = [" | ".join(g) for g in pairs]
    assert any("352" in g and "406" in g for g in joined)
    assert any("85 miljoen" in g and "120 million" in g for g in joined)
    assert any("2,4 meter" in g and "3 metres" in g for g in joined)


def test_order_of_reports_does_not_matter(encoder) -> None:  # type: ignore[no-untyped-def]
    assert sorted(_groups(encoder, [NL, EN])) == sorted(_groups(encoder, [EN, NL]))


def test_a_shared_number_alone_does_not_align(encoder) -> None:  # type: ignore[no-untyped-def]
    a = document_from_text("The party won 27 seats in parliament.", "a", lang="en")
    b = document_from_text("Floods destroyed 27 bridges in the north.", "b", lang="en")
    assert all(len(g) == 1 for g in _groups(encoder, [a, b]))


def test_figures_are_masked_before_embedding() -> None:
    (claim,) = extract_claims(document_from_text("At least 406 people died.", "x", lang="en"))
    assert masked_text(claim) == "0 people died."
