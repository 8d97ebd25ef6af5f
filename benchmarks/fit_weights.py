"""Fit the alignment pair score's logistic weights on ECB+ train pairs.

Pairs come from the ECB+ *train* split of ``sentences.jsonl``: two sentences
of different documents in the same topic are a positive when they share a
gold event chain and a negative when they share none; both classes are
sampled to ``--per-class`` pairs with a fixed seed. Features are exactly
``claimdiff.align.signal_matrices`` on whole-sentence claims (the names and
order of ``claimdiff.align.Weights``); the fit is plain L2 logistic
regression (scipy L-BFGS, bias not penalised).

A second fit leaves ``words`` out ("no-words"): ECB+ is English only, so words
is always available there, while claimdiff sets it to 0 for every pair of
reports in different languages.

Reported: the fitted weights; ROC-AUC on train, ECB+ dev pairs (built the same
way) and the ECB+ *test* pairs (``sentence_pairs.jsonl``) for the fitted and
the current weights; a JSON block in the format of
``claimdiff/data/align_weights.json``; and alignment P/R/F1 on the annotated
events (``claimdiff.pipeline.compare`` + ``shared/eval/score.py``) under the
current and the fitted weights at several thresholds. The events are a
development set: they are only evaluated here, never fitted.

    python benchmarks/fit_weights.py [--data ../shared/data/ecbplus]
        [--events ../shared/events] [--scorer ../shared/eval/score.py]
        [--per-class 4000] [--l2 1.0] [--seed 13] [--propose fitted|no-words]
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

import claimdiff.align as align_mod
from claimdiff.align import Weights, default_weights, features, score_matrix, signal_matrices
from claimdiff.encoders import get_encoder

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


def split_pairs(rows: list[dict], per_class: int, seed: int) -> list[tuple[int, int, int]]:
    """(i, j, label) cross-document same-topic pairs, balanced by sampling."""
    by_topic: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_topic[r["topic"]].append(i)
    pos, neg = [], []
    for topic in sorted(by_topic):
        for i, j in itertools.combinations(by_topic[topic], 2):
            if rows[i]["doc_id"] == rows[j]["doc_id"]:
                continue
            shared = set(rows[i]["event_chains"]) & set(rows[j]["event_chains"])
            (pos if shared else neg).append((i, j, int(bool(shared))))
    rng = random.Random(seed)
    n = min(per_class, len(pos), len(neg))
    return rng.sample(pos, n) + rng.sample(neg, n)


def pair_data(rows, pairs, enc) -> tuple[np.ndarray, np.ndarray, dict]:
    claims = [bl.sentence_claim(r) for r in rows]
    every = list(range(len(claims)))
    sig = signal_matrices(features(claims, ["en"] * len(claims), enc), every, every)
    ri = np.array([p[0] for p in pairs])
    ci = np.array([p[1] for p in pairs])
    y = np.array([p[2] for p in pairs])
    return bl.design(sig, ri, ci), y, {k: v[ri, ci] for k, v in sig.items()}


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


def fit_one(x, y, names, l2, cur: Weights, drop: int | None = None) -> Weights:
    """Fitted Weights (threshold: best accuracy on the training pairs); others kept from ``cur``."""
    cols = [i for i in range(len(names)) if i != drop]
    beta = fit_logistic(x[:, cols], y, l2)
    fitted = {"bias": 0.0, **dict.fromkeys(names, 0.0)}
    fitted.update(
        zip(["bias", *(names[i] for i in cols)], (round(float(b), 2) for b in beta), strict=True)
    )
    p = 1 / (1 + np.exp(-(beta[0] + x[:, cols] @ beta[1:])))
    thr = max(
        (float(((p >= t) == (y == 1)).mean()), round(float(t), 2))
        for t in np.arange(0.05, 0.96, 0.05)
    )[1]
    rest = {k: getattr(cur, k) for k in Weights.__dataclass_fields__ if k not in fitted}
    return Weights.from_dict({**rest, **fitted, "threshold": thr})


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
    from claimdiff.pipeline import compare

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
        "--propose",
        choices=["fitted", "no-words"],
        default="fitted",
        help="which fit the printed weights JSON holds",
    )
    ap.add_argument("--out", type=Path, help="also write the weights JSON here")
    a = ap.parse_args(argv)

    enc = MemoEncoder(get_encoder(a.model, cache=False))
    rows = bl.load_sentences(a.data)
    train = [r for r in rows if r["split"] == "train"]
    dev = [r for r in rows if r["split"] == "dev"]
    x, y, _ = pair_data(train, split_pairs(train, a.per_class, a.seed), enc)
    xd, yd, _ = pair_data(dev, split_pairs(dev, a.per_class, a.seed), enc)
    test = [r for r in rows if r["split"] == "test"]
    idx = {bl.key(r["doc_id"], r["sent_id"]): i for i, r in enumerate(test)}
    tp = [
        (idx[bl.key(p["doc1"], p["sent1"])], idx[bl.key(p["doc2"], p["sent2"])], p["label"])
        for p in bl.load_pairs(a.data)
    ]
    xt, yt, sig_t = pair_data(test, tp, enc)
    names = bl.signal_names(sig_t)

    cur = default_weights()
    fitted = {"fitted": fit_one(x, y, names, a.l2, cur)}
    fi = names.index("words")
    # ECB+ is English only, so words is always on here; in a Dutch/English
    # comparison it is 0 for every cross-language pair. This variant fits without it.
    fitted["no-words"] = fit_one(x, y, names, a.l2, cur, drop=fi)

    print(
        f"train pairs {len(y)} ({int(y.sum())} pos), dev pairs {len(yd)}, test pairs {len(yt)}; "
        f"l2 {a.l2}, seed {a.seed}, encoder {enc.name}"
    )
    print(f"{'weight':11s} {'current':>8s} " + " ".join(f"{k:>8s}" for k in fitted))
    for k in ["bias", *names, "threshold"]:
        print(
            f"{k:11s} {getattr(cur, k):8.2f} "
            + " ".join(f"{getattr(w, k):8.2f}" for w in fitted.values())
        )
    print("(fitted threshold: best accuracy on the balanced train pairs)")
    print(f"\n{'ROC-AUC':10s} {'train':>6s} {'dev':>6s} {'test':>6s}  test bestF1 (thr)")
    for label, w in (("current", cur), *fitted.items()):
        aucs = []
        for xx, yy in ((x, y), (xd, yd), (xt, yt)):
            aucs.append(bl.auc(score_matrix({n: xx[:, i] for i, n in enumerate(names)}, w), yy))
        st = score_matrix({n: xt[:, i] for i, n in enumerate(names)}, w)
        f, t, _, _ = bl.best_f1(st, yt)
        print(f"{label:10s} " + " ".join(f"{v:6.3f}" for v in aucs) + f"  {f:.3f} ({t:.3f})")

    new = fitted[a.propose]
    block = {
        "about": "Logistic weights of the alignment pair score (claimdiff/align.py), fitted by "
        f"benchmarks/fit_weights.py ({a.propose}) on ECB+ train pairs ({len(y)} balanced, seed "
        f"{a.seed}, L2 {a.l2}); see benchmarks/README.md.",
        "weights": {k: round(getattr(new, k), 2) for k in Weights.__dataclass_fields__},
    }
    text = json.dumps(block, indent=2)
    print(f"\nweights JSON ({a.propose}):\n" + text)
    if a.out:
        a.out.write_text(text + "\n", encoding="utf-8")

    if a.events.is_dir():
        print(f"\nevents ({a.events}): alignment over all events, pipeline compare + score.py")
        print(
            f"{'weights':8s} {'thr':>4s} {'P':>6s} {'R':>6s} {'F1':>6s} {'R_same':>7s} {'R_cross':>7s}"
        )
        rows_ = events_sweep(a.events, load_scorer(a.scorer), enc, {"current": cur, **fitted})
        for label, t, p, r, f, rs, rc in rows_:
            print(f"{label:8s} {t:4.1f} {p:6.3f} {r:6.3f} {f:6.3f} {rs:7.3f} {rc:7.3f}")
        print("R_same / R_cross: recall on gold pairs of reports in the same / different languages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
