"""Alignment: order-free, one claim per report per group, numbers masked, deterministic."""

from __future__ import annotations

import numpy as np

from claimdiff.stages.align import align
from claimdiff.stages.align.claim_keys import masked_text
from claimdiff.stages.extract import claims_of as extract_claims
from claimdiff.stages.load import document_from_text

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


# Two earthquakes in Indonesia, written for this test after the ECB+ topic 37
# (Aceh 2013 / West Papua 2009): the same kind of sentences about other events.
ACEH = (
    "A magnitude 6.1 earthquake struck Aceh province on the island of Sumatra on Tuesday. "
    "At least 24 people were killed in Bener Meriah and Central Aceh, the disaster agency said. "
    "Governor Zaini Abdullah said more than 200 people were injured."
)
PAPUA = (
    "A magnitude 7.6 earthquake struck West Papua province on Sunday. "
    "At least 5 people were killed in Manokwari, police spokesman Adam Erwindi said. "
    "Hundreds of residents of Sorong fled to refugee camps."
)
ACEH_AGAIN = (
    "A 6.1-magnitude quake hit Aceh on Sumatra early Tuesday. "
    "The disaster agency said 24 people died in Bener Meriah and Central Aceh. "
    "More than 200 were injured, Governor Zaini Abdullah said."
)


def _compare(encoder, texts, weights=None):  # type: ignore[no-untyped-def]
    from claimdiff.api import compare

    docs = [document_from_text(t, name, lang="en") for name, t in texts.items()]
    return compare(docs, encoder=encoder, weights=weights)


def test_reports_of_another_event_do_not_align_and_are_named(encoder) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from claimdiff.stages.align import default_weights

    report = _compare(encoder, {"aceh": ACEH, "papua": PAPUA})
    assert [g.claims for g in report.groups if len(g.claims) > 1] == []
    assert any(w.startswith("aceh and papua may report different events") for w in report.warnings)
    # without the report signals, the two "earthquake struck" and "were killed" sentences pair up
    no_gates = dataclasses.replace(default_weights(), report=0.0, report_names=0.0)
    loose = _compare(encoder, {"aceh": ACEH, "papua": PAPUA}, no_gates)
    assert len([g for g in loose.groups if len(g.claims) > 1]) >= 2


def test_reports_of_one_event_align_without_a_warning(encoder) -> None:  # type: ignore[no-untyped-def]
    report = _compare(encoder, {"aceh": ACEH, "aceh2": ACEH_AGAIN})
    assert sorted(g.claims for g in report.groups if len(g.claims) > 1) == [
        ["aceh:1", "aceh2:1"],
        ["aceh:2", "aceh2:2"],
        ["aceh:3", "aceh2:3"],
    ]
    assert not any("different events" in w for w in report.warnings)


def test_reports_naming_few_people_or_places_are_not_judged_by_names() -> None:
    from claimdiff.stages.align.signals import MIN_REPORT_NAMES, _report_names

    class F:  # the two fields _report_names reads
        from scipy.sparse import csr_matrix

        report_names = csr_matrix(np.array([[1, 1, 0], [0, 0, 1]], dtype=np.float32))
        report_name_counts = np.array([MIN_REPORT_NAMES - 1, 5])

    both = np.array([0, 1])
    assert _report_names(F(), both, both)[0, 1] == 1.0  # too few names: nothing against
    F.report_name_counts = np.array([MIN_REPORT_NAMES, 5])
    assert _report_names(F(), both, both)[0, 1] == 0.0  # enough names, none shared


def test_in_place_logits_equal_the_documented_score(encoder) -> None:  # type: ignore[no-untyped-def]
    from claimdiff.stages.align import default_weights
    from claimdiff.stages.align.features import features
    from claimdiff.stages.align.scorer import pair_logits, score_matrix, sigmoid
    from claimdiff.stages.align.signals import signal_matrices

    docs = [NL, EN, document_from_text(ACEH, "aceh", lang="en")]
    claims = [c for d in docs for c in extract_claims(d)]
    fa = features(
        claims, [next(d.language for d in docs if d.id == c.doc) for c in claims], encoder
    )
    every = list(range(len(claims)))
    w = default_weights()
    expected = score_matrix(signal_matrices(fa, every, every), w)
    assert np.allclose(sigmoid(pair_logits(fa, every, every, w)), expected, atol=1e-5)
    assert expected.min() < 0.05 < 0.5 < expected.max()  # the case spans the range


def test_a_short_report_is_not_taken_for_another_event(encoder) -> None:  # type: ignore[no-untyped-def]
    """The lead of the seed (its first three sentences) against the whole English wire."""
    import dataclasses
    from pathlib import Path

    from claimdiff.stages.align import default_weights
    from claimdiff.stages.segment.sentences import split_sentences

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "ukraine-talks"
    seed = (fixture / "seed_nl.txt").read_text(encoding="utf-8")
    lead = seed[: split_sentences(seed, "nl", 0)[2].end]
    wire = (fixture / "wire_en.txt").read_text(encoding="utf-8")
    docs = [
        document_from_text(lead, "lead", lang="nl"),
        document_from_text(wire, "wire", lang="en"),
    ]
    claims = [c for d in docs for c in extract_claims(d)]
    langs = {"lead": "nl", "wire": "en"}
    notes: list[str] = []
    with_report = align(claims, langs, encoder, None, notes)
    off = dataclasses.replace(default_weights(), report=0.0, report_names=0.0)
    without = align(claims, langs, encoder, off)
    pairs = [ids for ids, _ in with_report if len(ids) == 2]
    assert pairs and pairs == [ids for ids, _ in without if len(ids) == 2]
    assert notes == []
