"""Fit the report weights of the alignment pair score on ECB+ train pairs.

The pair score (``claimdiff/align.py``) has two levels. The fact-level weights
(cosine, words, names, sources, anchor, kinds, weekdays, cross_language) say
whether two claims of reports about one event state the same fact; they are
set by hand and checked on the development events and ECB+ (ECB+'s gold event
chains are looser than "the same claim": a fit on them aligns the events worse,
see ``benchmarks/README.md``). The report level says whether the two reports are
about the same event at all: ``report`` (cosine of the reports' mean claim
embeddings) and ``report_names`` (the names both reports mention), each used as
its shortfall below a floor, ``min(0, value - floor)``, times ``report_balance``
(the smaller report's number of claims over the larger's).

This script fits the report level on ECB+ *train*:

1. the floors: a low percentile of each report signal over pairs of documents
   about one event (the same sub-topic), ``--report-quantile`` (40) and
   ``--names-quantile`` (15; pairs where a document names fewer than
   ``claimdiff.stages.align.grouping.MIN_REPORT_NAMES`` left out); low, because a floor above
   two real reports of one event would keep their claims apart;
2. the weights: L2 logistic regression over (fact-level score, balanced
   report shortfall, balanced report_names shortfall) on same-topic cross-document sentence
   pairs (positive: they share a gold event chain), balanced to ``--per-class``
   each with a fixed seed; the two report coefficients are divided by the
   fact-level one, so the fact-level score keeps its scale and threshold.

Reported: the floors and weights; ROC-AUC on ECB+ train, dev and test pairs
(test = ``sentence_pairs.jsonl``) for the current and the fitted weights; a
weights JSON; and alignment P/R/F1 on the annotated events
(``claimdiff.api.compare`` + ``shared/eval/score.py``) at several
thresholds. The events are only evaluated, never fitted.

    python benchmarks/fit_weights.py [--data ../shared/data/ecbplus]
        [--events ../shared/events] [--scorer ../shared/eval/score.py]
        [--per-class 4000] [--l2 1.0] [--seed 13] [--report-quantile 40] [--names-quantile 15]
        [--out weights.json]
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import itertools
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

import benchlib as bl
import numpy as np
from scipy.optimize import minimize

import claimdiff.stages.align.grouping as align_mod
from claimdiff.stages.align.encoders import get_encoder
from claimdiff.stages.align.grouping import (
    CLAIM_SIGNALS,
    Weights,
    default_weights,
    features,
    score_matrix,
    signal_matrices,
)

THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


#: The fact-level signals (cross_language is 0 on English ECB+).
FACT_SIGNALS = tuple(CLAIM_SIGNALS)


def split_pairs(
    rows: list[dict], per_class: int, seed: int, one_event: bool = False
) -> list[tuple[int, int, int]]:
    """(i, j, label) cross-document same-topic pairs, balanced by sampling.

    With ``one_event``, only pairs of the same sub-topic (reports of one event).
    """
    by_topic: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_topic[r["topic"]].append(i)
    pos, neg = [], []
    for topic in sorted(by_topic):
        for i, j in itertools.combinations(by_topic[topic], 2):
            if rows[i]["doc_id"] == rows[j]["doc_id"]:
                continue
            if one_event and rows[i]["subtopic"] != rows[j]["subtopic"]:
                continue
            shared = set(rows[i]["event_chains"]) & set(rows[j]["event_chains"])
            (pos if shared else neg).append((i, j, int(bool(shared))))
    rng = random.Random(seed)
    n = min(per_class, len(pos), len(neg))
    return rng.sample(pos, n) + rng.sample(neg, n)


def all_signals(rows: list[dict], enc) -> dict[str, np.ndarray]:
    """Full signal matrices over ECB+ sentences, each sentence one claim (reports = documents)."""
    claims = [bl.sentence_claim(r) for r in rows]
    every = list(range(len(claims)))
    return signal_matrices(features(claims, ["en"] * len(claims), enc), every, every)


def pick(sig: dict[str, np.ndarray], pairs: list[tuple[int, int, int]]):
    """(signals of the pairs, labels)."""
    ri = np.array([p[0] for p in pairs])
    ci = np.array([p[1] for p in pairs])
    return {k: v[ri, ci] for k, v in sig.items()}, np.array([p[2] for p in pairs])


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """[bias, w...] minimising summed log-loss + l2/2 * |w|^2."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    t = 2.0 * y - 1.0
    mask = np.r_[0.0, np.ones(x.shape[1])]

    def loss(beta: np.ndarray) -> tuple[float, np.ndarray]:
        m = t * (xb @ beta)
        val = np.logaddexp(0.0, -m).sum() + 0.5 * l2 * np.sum(mask * beta**2)
        grad = -(xb.T @ (t * np.exp(-np.logaddexp(0.0, m)))) + l2 * mask * beta
        return float(val), grad

    res = minimize(loss, np.zeros(xb.shape[1]), jac=True, method="L-BFGS-B")
    return res.x


def report_floors(
    sig: dict[str, np.ndarray], rows: list[dict], q_report: float, q_names: float
) -> tuple[float, float]:
    """Percentiles of report and report_names over pairs of documents of one event."""
    first: dict[str, int] = {}
    for i, r in enumerate(rows):
        first.setdefault(r["doc_id"], i)
    docs = sorted(first)
    pairs = [
        (first[a], first[b])
        for a, b in itertools.combinations(docs, 2)
        if rows[first[a]]["subtopic"] == rows[first[b]]["subtopic"]
    ]
    ri, ci = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
    names = sig["report_names"][ri, ci]
    # 1.0 also stands for "too few names to compare" (claimdiff.stages.align.grouping.MIN_REPORT_NAMES)
    return (
        float(np.percentile(sig["report"][ri, ci], q_report)),
        float(np.percentile(names[names < 1.0], q_names)),
    )


def fit_weights(
    sig: dict[str, np.ndarray], rows: list[dict], a: argparse.Namespace
) -> tuple[Weights, dict]:
    """Report weights and floors fitted on ECB+ train; the fact-level weights are kept.

    The floors are a percentile of the report signals over document pairs of one
    event; the weights come from a logistic over (fact-level score, report
    shortfall, report_names shortfall) and are divided by the coefficient of
    the fact-level score, so that the fact-level score keeps its scale.
    """
    cur = default_weights()
    r0, n0 = report_floors(sig, rows, a.report_quantile, a.names_quantile)
    x, y = pick(sig, split_pairs(rows, a.per_class, a.seed))
    z = cur.bias + sum(getattr(cur, k) * x[k] for k in FACT_SIGNALS)
    bal = x["report_balance"]
    gates = [
        bal * np.minimum(0.0, x["report"] - r0),
        bal * np.minimum(0.0, x["report_names"] - n0),
    ]
    beta = fit_logistic(np.stack([z, *gates], 1), y, a.l2)
    new = dataclasses.replace(
        cur,
        report=round(float(beta[2] / beta[1]), 2),
        report_names=round(float(beta[3] / beta[1]), 2),
        report_floor=round(r0, 3),
        report_names_floor=round(n0, 3),
    )
    return new, {"pairs": len(y), "beta": beta.tolist(), "floors": (r0, n0)}


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("claimdiff_eval_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class MemoEncoder:
    """Encodes each distinct text once per run (the sweep re-runs the pipeline)."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.memo = inner, inner.name, {}

    def encode(self, texts):
        new = sorted({t for t in texts if t not in self.memo})
        if new:
            self.memo.update(zip(new, self.inner.encode(new), strict=True))
        if not texts:
            return self.inner.encode(texts)
        return np.stack([self.memo[t] for t in texts])


def recall_by_language(event_dir: Path, report: dict, scorer) -> Counter:
    """Gold pairs (key 0) and found pairs (key 1), split by same / cross language reports."""
    gold, texts = scorer.load_event(event_dir)
    lang = {Path(d["path"]).stem: d["language"] for d in report["documents"]}
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for c in report["claims"]:
        by_doc[
            Path(next(d["path"] for d in report["documents"] if d["id"] == c["doc"])).stem
        ].append(c)
    group_of = {cid: g["id"] for g in report["groups"] for cid in g["claims"]}
    n: Counter = Counter()
    for g in gold["groups"]:
        found = {
            doc: scorer.pick_claim(by_doc[doc], scorer.locate(texts, doc, anchor))
            for doc, anchor in g["members"].items()
        }
        for (da, ca), (db, cb) in itertools.combinations(found.items(), 2):
            k = "same" if lang[da] == lang[db] else "cross"
            n[k, 0] += 1
            n[k, 1] += bool(ca and cb and group_of.get(ca["id"]) == group_of.get(cb["id"]))
    return n


def events_sweep(events: Path, scorer, enc, weight_sets: dict[str, Weights]) -> list[tuple]:
    from claimdiff.api import compare

    dirs = sorted(p.parent for p in events.glob("*/gold.json"))
    out = []
    original = align_mod.default_weights
    try:
        for label, w in weight_sets.items():
            for thr in THRESHOLDS:
                wt = dataclasses.replace(w, threshold=thr)
                align_mod.default_weights = lambda wt=wt: wt
                total: Counter = Counter()
                recall: Counter = Counter()
                for d in dirs:
                    report = compare(sorted(d.glob("*.txt")), encoder=enc).model_dump(mode="json")
                    total += scorer.score_event(d, report)
                    recall += recall_by_language(d, report, scorer)
                s = scorer.summary(total)
                same = recall["same", 1] / max(1, recall["same", 0])
                cross = recall["cross", 1] / max(1, recall["cross", 0])
                out.append((label, thr, s["align_p"], s["align_r"], s["align_f1"], same, cross))
    finally:
        align_mod.default_weights = original
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", type=Path, default=bl.ECB_DEFAULT)
    ap.add_argument("--events", type=Path, default=bl.SHARED / "events")
    ap.add_argument("--scorer", type=Path, default=bl.SHARED / "eval" / "score.py")
    ap.add_argument("--model", default="use-m3")
    ap.add_argument("--per-class", type=int, default=4000)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument(
        "--report-quantile",
        type=float,
        default=40.0,
        help="percentile of one-event document pairs that sets the report floor",
    )
    ap.add_argument(
        "--names-quantile",
        type=float,
        default=15.0,
        help="percentile of one-event document pairs that sets the report_names floor",
    )
    ap.add_argument("--out", type=Path, help="also write the weights JSON here")
    a = ap.parse_args(argv)

    enc = MemoEncoder(get_encoder(a.model, cache=False))
    rows = bl.load_sentences(a.data)
    train = [r for r in rows if r["split"] == "train"]
    dev = [r for r in rows if r["split"] == "dev"]
    test = [r for r in rows if r["split"] == "test"]
    sig_train = all_signals(train, enc)
    new, info = fit_weights(sig_train, train, a)
    cur = default_weights()

    idx = {bl.key(r["doc_id"], r["sent_id"]): i for i, r in enumerate(test)}
    test_pairs = [
        (idx[bl.key(p["doc1"], p["sent1"])], idx[bl.key(p["doc2"], p["sent2"])], p["label"])
        for p in bl.load_pairs(a.data)
    ]
    sets = {
        "train": pick(sig_train, split_pairs(train, a.per_class, a.seed)),
        "dev": pick(all_signals(dev, enc), split_pairs(dev, a.per_class, a.seed)),
        "test": pick(all_signals(test, enc), test_pairs),
    }
    print(
        f"ECB+ train: {info['pairs']} balanced same-topic pairs; floors at percentiles "
        f"{a.report_quantile:g} / {a.names_quantile:g} of one-event document pairs: report "
        f"{info['floors'][0]:.3f}, report_names {info['floors'][1]:.3f}; l2 {a.l2}, seed {a.seed}, "
        f"encoder {enc.name}"
    )
    print(
        "logistic: bias {:.2f}, fact-level score {:.2f}, report shortfall {:.2f}, "
        "report_names shortfall {:.2f}".format(*info["beta"])
    )
    print(f"\n{'weight':19s} {'current':>8s} {'fitted':>8s}")
    for k in Weights.__dataclass_fields__:
        print(f"{k:19s} {getattr(cur, k):8.2f} {getattr(new, k):8.2f}")
    print(f"\n{'ROC-AUC':10s} {'train':>6s} {'dev':>6s} {'test':>6s}  test bestF1 (thr)")
    for label, w in (("current", cur), ("fitted", new)):
        aucs = [bl.auc(score_matrix(x, w), y) for x, y in sets.values()]
        f, t, _, _ = bl.best_f1(score_matrix(sets["test"][0], w), sets["test"][1])
        print(f"{label:10s} " + " ".join(f"{v:6.3f}" for v in aucs) + f"  {f:.3f} ({t:.3f})")

    block = {
        "about": "Logistic weights of the alignment pair score (claimdiff/align.py): "
        "fact-level weights set by hand and checked on the development events and ECB+; "
        "report weights and floors fitted by benchmarks/fit_weights.py on ECB+ train pairs "
        f"({info['pairs']} balanced, seed {a.seed}, L2 {a.l2}, floors at percentiles "
        f"{a.report_quantile:g} / {a.names_quantile:g} of one-event document pairs); see "
        "benchmarks/README.md.",
        "weights": {k: getattr(new, k) for k in Weights.__dataclass_fields__},
    }
    text = json.dumps(block, indent=2)
    print("\nweights JSON:\n" + text)
    if a.out:
        a.out.write_text(text + "\n", encoding="utf-8")

    if a.events.is_dir():
        print(f"\nevents ({a.events}): alignment over all events, pipeline compare + score.py")
        print(
            f"{'weights':8s} {'thr':>4s} {'P':>6s} {'R':>6s} {'F1':>6s} {'R_same':>7s} {'R_cross':>7s}"
        )
        rows_ = events_sweep(a.events, load_scorer(a.scorer), enc, {"current": cur, "fitted": new})
        for label, t, p, r, f, rs, rc in rows_:
            print(f"{label:8s} {t:4.2f} {p:6.3f} {r:6.3f} {f:6.3f} {rs:7.3f} {rc:7.3f}")
        print("R_same / R_cross: recall on gold pairs of reports in the same / different languages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
