"""End to end on the bundled event: the verdicts a careful fact-checker gives."""

from __future__ import annotations

import json

from claimdiff.models import Report
from tests.conftest import UKRAINE


def _group_with(report: Report, doc: str, needle: str):  # type: ignore[no-untyped-def]
    docs = {c.id: c for c in report.claims}
    for g in report.groups:
        for cid in g.claims:
            if docs[cid].doc == doc and needle in docs[cid].text:
                return g, [docs[c] for c in g.claims]
    raise AssertionError(f"no claim of {doc} holds {needle!r}")


def test_every_claim_traces_back_to_its_file(ukraine_report: Report) -> None:
    texts = {
        d.id: (UKRAINE / f"{d.id}.txt").read_text(encoding="utf-8")
        for d in ukraine_report.documents
    }
    for c in ukraine_report.claims:
        assert texts[c.doc][c.start : c.end] == c.text
        for f in c.figures:
            assert texts[c.doc][f.start : f.end] == f.text
        for a in c.attributions:
            assert texts[c.doc][a.start : a.end] == a.text


def test_every_claim_is_in_exactly_one_group(ukraine_report: Report) -> None:
    seen = [cid for g in ukraine_report.groups for cid in g.claims]
    assert sorted(seen) == sorted(c.id for c in ukraine_report.claims)
    for g in ukraine_report.groups:
        docs = [cid.split(":")[0] for cid in g.claims]
        assert len(docs) == len(set(docs)), "a group holds at most one claim per report"


def test_more_than_500000_and_half_a_million_agree(ukraine_report: Report) -> None:
    g, claims = _group_with(ukraine_report, "seed_nl", "500.000")
    assert {c.doc for c in claims} == {"seed_nl", "wire_en"}
    assert g.verdict == "agree"


def test_at_least_14_children_agree(ukraine_report: Report) -> None:
    g, claims = _group_with(ukraine_report, "seed_nl", "minstens 14")
    assert len(claims) == 2 and g.verdict == "agree"


def test_1700_wounded_and_1684_agree_by_precision(ukraine_report: Report) -> None:
    g, claims = _group_with(ukraine_report, "seed_nl", "1700 gewonden")
    assert len(claims) == 2
    assert not [d for d in g.differences if d.kind == "figure"]
    # the wire names a source, the seed does not: a note, not a conflict
    assert [d.rule for d in g.differences] == ["unattributed"]


def test_quote_pinned_on_an_adviser_is_an_attribution_conflict(ukraine_report: Report) -> None:
    g, claims = _group_with(ukraine_report, "seed_nl", "laten we het proberen")
    assert len(claims) == 2 and g.verdict == "differ"
    (diff,) = [d for d in g.differences if d.kind == "attribution"]
    assert diff.rule == "different_sources"
    by_doc = {c.id: c.doc for c in claims}
    sides = {by_doc[diff.a]: diff.sources_a, by_doc[diff.b]: diff.sources_b}
    assert sides == {"seed_nl": ["Volodimir Zelensky"], "wire_en": ["Mykhailo Podolyak"]}


def test_kiev_and_kyiv_are_one_source(ukraine_report: Report) -> None:
    g, claims = _group_with(ukraine_report, "seed_nl", "Kiev vertelde")
    assert len(claims) == 2 and g.verdict == "agree"


def test_json_round_trips_through_the_schema(ukraine_report: Report) -> None:
    import jsonschema

    from claimdiff.stages.render.json import schema, to_json

    data = json.loads(to_json(ukraine_report))
    jsonschema.validate(data, json.loads(schema()))
    assert {"documents", "claims", "groups"} <= data.keys()


def test_352_and_at_least_406_conflict_on_figure_and_source(ukraine_report: Report) -> None:
    g, claims = _group_with(ukraine_report, "seed_nl", "bereikte 352")
    assert len(claims) == 2
    (fig,) = [d for d in g.differences if d.kind == "figure"]
    assert fig.rule == "no_overlap" and fig.figure_a and fig.figure_b
    by_doc = {c.id: c.doc for c in claims}
    figs = {by_doc[fig.a]: fig.figure_a, by_doc[fig.b]: fig.figure_b}
    assert (figs["seed_nl"].value, figs["seed_nl"].qualifier) == (352, "exact")
    assert (figs["wire_en"].value, figs["wire_en"].qualifier) == (406, "at_least")
    assert figs["wire_en"].low == 406 and figs["wire_en"].high is None
    (attr,) = [d for d in g.differences if d.kind == "attribution"]
    assert {*attr.sources_a, *attr.sources_b} == {"Filippo Grandi", "UN human rights office"}
