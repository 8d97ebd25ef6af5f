"""``claimdiff eval``: the metrics of the reference scorer, on a hand-made report.

``fixtures/tiny-event/`` holds three short reports of a fictional warehouse fire
(one Dutch, two English) and their ``gold.json``. The Report below is written by
hand, with known mistakes, so that every count can be worked out on paper:

    anchors (gold group, doc -> claim):
      injured:   nos n1, wire w1, bulletin b1   figure conflicts nos-wire, wire-bulletin
      evacuated: nos n2, wire w2, bulletin b2   attribution conflicts nos-bulletin, wire-bulletin
      damage:    nos n3                         cause: wire w3
    predicted groups: {n1, w1} figure(n1, w1) | {n2, w2, b2} figure(n2, w2), attribution(w2, b2)
                      | {b1} | {n3, w3}

    alignment, over the 21 pairs of anchors in different reports:
      tp 4  (n1-w1; n2-w2, n2-b2, w2-b2)   fn 2  (n1-b1, w1-b1)   fp 1  (n3-w3)
    figure conflicts:       tp 1 (n1-w1)   fp 1 (n2-w2)   fn 1 (w1-b1)
    attribution conflicts:  tp 1 (w2-b2)   fp 0           fn 1 (n2-b2)
    figures (7): b2's "about 250" read as 25 (value wrong); n3's "3,5 miljoen" as approx
      (qualifier wrong): value 6/7, qualifier 5/7
    attributions (6): w3 attributed to "police", gold says Bakker: 5/6
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimdiff.ci.evaluate import count_event, line, load_event, metrics
from claimdiff.cli.app import app
from claimdiff.models import Attribution, Claim, Difference, Document, Figure, Group, Report
from tests.conftest import FIXTURES, ROOT

TINY = FIXTURES / "tiny-event"
RULE_OF = {"figure": "no_overlap", "attribution": "different_sources"}
SCORER = ROOT.parent / "shared" / "eval" / "score.py"

# doc -> [(claim id, sentence, [(figure text, value, qualifier)], [(source text, source)])]
CLAIMS = {
    "nos_nl": [
        ("n1", "Bij een brand in een opslagloods in Roerdal zijn donderdag 12 mensen gewond geraakt.", [("12", 12, "exact")], []),
        ("n2", "Volgens burgemeester Anna de Vries moesten ruim 200 omwonenden hun huis verlaten.", [("ruim 200", 200, "more_than")], [("Anna de Vries", "Anna de Vries")]),
        ("n3", "De schade wordt geschat op 3,5 miljoen euro.", [("3,5 miljoen euro", 3_500_000, "approx")], []),
    ],
    "wire_en": [
        ("w1", "A fire at a storage warehouse in Roerdal injured 14 people on Thursday, the fire service said.", [("14", 14, "exact")], [("the fire service", "fire service")]),
        ("w2", "More than 200 residents had to leave their homes, said mayor Anna de Vries.", [("More than 200", 200, "more_than")], [("Anna de Vries", "Anna de Vries")]),
        ("w3", "The cause of the fire is not yet known, police spokesman Tom Bakker said.", [], [("police", "police")]),
    ],
    "bulletin_en": [
        ("b1", "Twelve people were hurt when fire tore through a warehouse in Roerdal, according to the fire service.", [("Twelve", 12, "exact")], [("the fire service", "fire service")]),
        ("b2", "Police said about 250 residents were evacuated.", [("about 250", 25, "approx")], [("Police", "Police")]),
    ],
}  # fmt: skip

GROUPS = [
    ("g1", ["n1", "w1"], [("figure", "n1", "w1")]),
    ("g2", ["n2", "w2", "b2"], [("figure", "n2", "w2"), ("attribution", "w2", "b2")]),
    ("g3", ["b1"], []),
    ("g4", ["n3", "w3"], []),
]

EXPECTED_COUNTS = {
    "anchors": 8,
    "anchors_found": 8,
    "align_tp": 4,
    "align_fp": 1,
    "align_fn": 2,
    "figure_tp": 1,
    "figure_fp": 1,
    "figure_fn": 1,
    "attribution_tp": 1,
    "attribution_fp": 0,
    "attribution_fn": 1,
    "figures": 7,
    "value_ok": 6,
    "qualifier_ok": 5,
    "attributions": 6,
    "source_ok": 5,
}

EXPECTED_METRICS = {
    "anchors_found": 1.0,
    "align_p": 4 / 5,
    "align_r": 4 / 6,
    "align_f1": 2 * (4 / 5) * (4 / 6) / (4 / 5 + 4 / 6),  # 8/11
    "figure_conflict_p": 0.5,
    "figure_conflict_r": 0.5,
    "figure_conflict_f1": 0.5,
    "attribution_conflict_p": 1.0,
    "attribution_conflict_r": 0.5,
    "attribution_conflict_f1": 2 / 3,
    "value_acc": 6 / 7,
    "qualifier_acc": 5 / 7,
    "source_acc": 5 / 6,
}


def hand_report(ids: dict[str, str] | None = None, grouped: bool = True) -> Report:
    """The Report of the module docstring; ``ids`` renames the documents (not the files)."""
    ids = ids or {d: d for d in CLAIMS}
    _, texts, _ = load_event(TINY)
    docs, claims = [], []
    for doc, items in CLAIMS.items():
        text = texts[doc]
        docs.append(
            Document(id=ids[doc], path=str(TINY / f"{doc}.txt"), language=doc[-2:], text=text)
        )
        for i, (cid, sentence, figs, attrs) in enumerate(items):
            start = text.index(sentence)
            line_no = text.count("\n", 0, start) + 1
            column = start - (text.rfind("\n", 0, start) + 1) + 1

            def span(part: str, start: int = start, sentence: str = sentence) -> dict[str, object]:
                s = start + sentence.index(part)
                return {"start": s, "end": s + len(part), "text": part}

            claims.append(
                Claim(
                    id=cid,
                    doc=ids[doc],
                    start=start,
                    end=start + len(sentence),
                    text=sentence,
                    line=line_no,
                    column=column,
                    sentence=i,
                    figures=[Figure(**span(t), value=v, qualifier=q) for t, v, q in figs],  # type: ignore[arg-type]
                    attributions=[
                        Attribution(**span(t), source=t, canonical_source=c)  # type: ignore[arg-type]
                        for t, c in attrs
                    ],
                )
            )
    groups = [
        Group(
            id=gid,
            claims=members,
            verdict="differ" if diffs else "unique" if len(members) == 1 else "agree",
            differences=[
                Difference(kind=k, rule=RULE_OF[k], a=a, b=b, detail="by hand")  # type: ignore[arg-type]
                for k, a, b in diffs
            ],
        )
        for gid, members, diffs in GROUPS
    ]
    return Report(version="test", documents=docs, claims=claims, groups=groups if grouped else [])


def counts(report: Report) -> Counter[str]:
    gold, texts, _ = load_event(TINY)
    return count_event(gold, texts, report)


def test_the_hand_report_is_consistent_with_the_files() -> None:
    report = hand_report()
    texts = {d.id: d.text for d in report.documents}
    for c in report.claims:
        assert texts[c.doc][c.start : c.end] == c.text
        for s in [*c.figures, *c.attributions]:
            assert texts[c.doc][s.start : s.end] == s.text
    assert sorted(x for g in report.groups for x in g.claims) == sorted(c.id for c in report.claims)


def test_counts_match_the_hand_computed_numbers() -> None:
    n = counts(hand_report())
    assert {k: n[k] for k in EXPECTED_COUNTS} == EXPECTED_COUNTS


def test_metrics_match_the_hand_computed_ratios() -> None:
    m = metrics(counts(hand_report()))
    assert m == pytest.approx(EXPECTED_METRICS, abs=1e-12)
    assert line(m) == (
        "anchors 1.00 align_f1 0.73 (p 0.80 r 0.67) figconf_f1 0.50 (p 0.50 r 0.50) "
        "attrconf_f1 0.67 value_acc 0.86 qualifier_acc 0.71 source_acc 0.83"
    )


def test_documents_are_matched_to_gold_by_file_name_not_id() -> None:
    renamed = hand_report({"nos_nl": "d1", "wire_en": "d2", "bulletin_en": "d3"})
    assert counts(renamed) == counts(hand_report())


def test_claims_in_no_group_are_not_aligned() -> None:
    n = counts(hand_report(grouped=False))
    assert (n["align_tp"], n["align_fp"], n["align_fn"]) == (0, 0, 6)


def test_counts_sum_over_events() -> None:
    n = counts(hand_report())
    assert metrics(n + n) == pytest.approx(metrics(n))


@pytest.mark.skipif(not SCORER.is_file(), reason="the reference scorer ../shared is not here")
def test_reference_scorer_agrees_on_the_hand_report(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_text(hand_report().model_dump_json(), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SCORER), str(TINY), str(path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout) == pytest.approx(EXPECTED_METRICS, abs=1e-12)


def test_eval_command_prints_event_and_total(tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["eval", str(TINY)])
    assert r.exit_code == 0, r.output
    rows = r.stdout.splitlines()
    assert rows[0].startswith("tiny-event ") and " anchors " in rows[0]
    assert rows[-1].startswith("TOTAL over 1 events: anchors ")
    if not SCORER.is_file():  # CI has no ../shared; the rest needs the reference scorer
        return
    report = tmp_path / "report.json"
    files = [str(p) for p in sorted(TINY.glob("*.txt"))]
    made = CliRunner().invoke(app, ["compare", *files, "--format", "json", "-o", str(report)])
    assert made.exit_code == 0, made.output
    ref = subprocess.run(
        [sys.executable, str(SCORER), str(TINY), str(report)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert rows[0].split(None, 1)[1] == ref.stdout.strip()


def test_eval_of_a_folder_without_gold_exits_2(tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["eval", str(tmp_path)])
    assert r.exit_code == 2
    assert "has no gold.json" in r.stderr
