"""``claimdiff eval EVENT_DIR...``: score claimdiff's own output against gold files.

The gold format is documented in ``docs/gold-format.md``. Metrics, per event
and in total (counts summed over events, then the ratios):

- ``anchors_found``: share of gold anchors that lie inside an extracted claim;
- alignment precision / recall / F1 over pairs of anchors in different reports
  (one gold group: should be aligned; different groups: must not be);
- figure-conflict and attribution-conflict precision / recall / F1 over those pairs;
- ``value_acc`` / ``qualifier_acc`` over the gold figures;
- ``source_acc`` over the gold attributions.

A claim "covers" an anchor when its span contains it; among several, one with
a figure on the anchor, then the shortest; if none contains it, one that
overlaps at least half of it.
"""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

from claimdiff.errors import InputError
from claimdiff.models import Claim, Report, Settings


def _locate(texts: dict[str, str], doc: str, anchor: str) -> tuple[int, int]:
    if doc not in texts:
        raise InputError(f"gold names report {doc!r}, which has no .txt file")
    n = texts[doc].count(anchor)
    if n != 1:
        raise InputError(f"gold anchor {anchor!r} occurs {n} times in {doc}; it must occur once")
    s = texts[doc].index(anchor)
    return s, s + len(anchor)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def covering_claim(claims: list[Claim], span: tuple[int, int]) -> Claim | None:
    s, e = span
    inside = [c for c in claims if c.start <= s and c.end >= e]
    if not inside:
        inside = [c for c in claims if 2 * _overlap(c.start, c.end, s, e) >= e - s]
    if not inside:
        return None
    return min(
        inside,
        key=lambda c: (not any(_overlap(f.start, f.end, s, e) for f in c.figures), c.end - c.start),
    )


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def count_event(gold: dict[str, Any], texts: dict[str, str], report: Report) -> Counter[str]:
    """Raw counts of one event (summed over events before the ratios are taken)."""
    # gold names reports by file stem; the report's ids may differ (``a-nos`` for two nos.txt)
    stem = {d.id: Path(d.path or d.id).stem for d in report.documents}
    by_doc: dict[str, list[Claim]] = {}
    for c in report.claims:
        by_doc.setdefault(stem.get(c.doc, c.doc), []).append(c)
    group_of = {cid: g.id for g in report.groups for cid in g.claims}
    predicted = {
        kind: {
            frozenset((d.a, d.b)) for g in report.groups for d in g.differences if d.kind == kind
        }
        for kind in ("figure", "attribution")
    }
    n: Counter[str] = Counter()
    anchors = []
    for g in gold["groups"]:
        for doc, anchor in g["members"].items():
            claim = covering_claim(by_doc.get(doc, []), _locate(texts, doc, anchor))
            anchors.append((g, doc, claim))
            n["anchors"] += 1
            n["anchors_found"] += claim is not None
    for (ga, da, ca), (gb, db, cb) in combinations(anchors, 2):
        if da == db:
            continue
        same_gold = ga is gb
        same_pred = (
            ca is not None
            and cb is not None
            and group_of.get(ca.id) is not None  # two ungrouped claims are not aligned
            and group_of.get(ca.id) == group_of.get(cb.id)
        )
        n["align_tp"] += same_gold and same_pred
        n["align_fp"] += (not same_gold) and same_pred
        n["align_fn"] += same_gold and not same_pred
        pair = frozenset((ca.id, cb.id)) if ca and cb else None
        for kind in ("figure", "attribution"):
            gold_conf = same_gold and any(
                {da, db} == set(p) for p in ga.get(f"{kind}_conflicts", [])
            )
            pred_conf = pair is not None and pair in predicted[kind]
            n[f"{kind}_tp"] += gold_conf and pred_conf
            n[f"{kind}_fp"] += pred_conf and not gold_conf
            n[f"{kind}_fn"] += gold_conf and not pred_conf
    for gf in gold.get("figures", []):
        s, e = _locate(texts, gf["doc"], gf["anchor"])
        hits = [
            f
            for c in by_doc.get(gf["doc"], [])
            for f in c.figures
            if _overlap(f.start, f.end, s, e)
        ]
        good = [
            f
            for f in hits
            if f.value is not None
            and abs(f.value - gf["value"]) <= 1e-9 * max(1.0, abs(gf["value"]))
        ]
        n["figures"] += 1
        n["value_ok"] += bool(good)
        n["qualifier_ok"] += any(f.qualifier == gf["qualifier"] for f in good)
    for ga in gold.get("attributions", []):
        claim = covering_claim(by_doc.get(ga["doc"], []), _locate(texts, ga["doc"], ga["anchor"]))
        names = [s.lower() for s in ga["source"]]
        said = [
            f"{a.source} {a.canonical_source}".lower()
            for a in (claim.attributions if claim else [])
        ]
        n["attributions"] += 1
        if not names:
            n["source_ok"] += claim is not None and not said
        else:
            n["source_ok"] += any(name in s for name in names for s in said)
    return n


def metrics(n: Counter[str]) -> dict[str, float]:
    """The ratios of ``score.py``, from summed counts."""
    out = {"anchors_found": n["anchors_found"] / n["anchors"] if n["anchors"] else 0.0}
    for name, key in (
        ("align", "align"),
        ("figure_conflict", "figure"),
        ("attribution_conflict", "attribution"),
    ):
        p, r, f = _prf(n[f"{key}_tp"], n[f"{key}_fp"], n[f"{key}_fn"])
        out.update({f"{name}_p": p, f"{name}_r": r, f"{name}_f1": f})
    out["value_acc"] = n["value_ok"] / n["figures"] if n["figures"] else 0.0
    out["qualifier_acc"] = n["qualifier_ok"] / n["figures"] if n["figures"] else 0.0
    out["source_acc"] = n["source_ok"] / n["attributions"] if n["attributions"] else 0.0
    return out


def load_event(folder: Path) -> tuple[dict[str, Any], dict[str, str], list[Path]]:
    gold_path = folder / "gold.json"
    if not gold_path.is_file():
        raise InputError(f"{folder}: has no gold.json; see docs/gold-format.md")
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"{gold_path}: not valid JSON ({e})") from None
    files = sorted(folder.glob("*.txt"))
    return gold, {p.stem: p.read_text(encoding="utf-8") for p in files}, files


def evaluate(
    folders: list[Path], settings: Settings | None = None, **options: Any
) -> tuple[list[tuple[str, dict[str, float]]], dict[str, float]]:
    """Run ``compare`` on each event folder and score it: per-event metrics and the total."""
    from claimdiff.api import compare

    rows = []
    total: Counter[str] = Counter()
    for folder in folders:
        gold, texts, files = load_event(folder)
        n = count_event(gold, texts, compare(files, settings, **options))
        total += n
        rows.append((folder.name, metrics(n)))
    return rows, metrics(total)


def line(m: dict[str, float]) -> str:
    """One line, in the layout of the reference scorer."""
    return (
        "anchors {anchors_found:.2f} align_f1 {align_f1:.2f} (p {align_p:.2f} r {align_r:.2f}) "
        "figconf_f1 {figure_conflict_f1:.2f} (p {figure_conflict_p:.2f} r {figure_conflict_r:.2f}) "
        "attrconf_f1 {attribution_conflict_f1:.2f} value_acc {value_acc:.2f} "
        "qualifier_acc {qualifier_acc:.2f} source_acc {source_acc:.2f}"
    ).format(**m)
