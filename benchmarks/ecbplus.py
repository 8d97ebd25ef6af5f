"""ECB+ test pairs: ROC-AUC and best F1 of claimdiff's alignment pair score.

Every test sentence becomes a claim (the whole sentence, with the figures and
attributions claimdiff finds in it); ``claimdiff.stages.align.grouping.features``,
``signal_matrices`` and ``score_matrix`` give the full claim × claim matrices
once, and the 7,836 labelled cross-document pairs of ``sentence_pairs.jsonl``
are read out of them. Each single signal is scored alone for comparison.
The row "score, claims_of max" instead runs claimdiff's own extraction
(``claims_of``, which may split a sentence into several claims) and takes the
best claim pair per sentence pair.

    python benchmarks/ecbplus.py [--data ../shared/data/ecbplus] [--model use-m3]
                                 [--weights FILE.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import benchlib as bl
import numpy as np

from claimdiff.stages.align.encoders import get_encoder
from claimdiff.stages.align.grouping import (
    Weights,
    default_weights,
    features,
    score_matrix,
    signal_matrices,
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--data", type=Path, default=bl.ECB_DEFAULT, help="folder with sentence_pairs.jsonl"
    )
    ap.add_argument("--model", default="use-m3", help="encoder (claimdiff --model)")
    ap.add_argument(
        "--weights", type=Path, help="align_weights.json to use instead of the packaged one"
    )
    a = ap.parse_args(argv)
    w = (
        Weights.from_dict(json.loads(a.weights.read_text())["weights"])
        if a.weights
        else default_weights()
    )

    rows = [r for r in bl.load_sentences(a.data) if r["split"] == "test"]
    pairs = bl.load_pairs(a.data)
    labels = np.array([p["label"] for p in pairs])
    enc = get_encoder(a.model, cache=False)
    t0 = time.perf_counter()

    claims = [bl.sentence_claim(r) for r in rows]
    idx = {c.id: i for i, c in enumerate(claims)}
    feats = features(claims, ["en"] * len(claims), enc)
    every = list(range(len(claims)))
    sig = signal_matrices(feats, every, every)
    ri = np.array([idx[bl.key(p["doc1"], p["sent1"])] for p in pairs])
    ci = np.array([idx[bl.key(p["doc2"], p["sent2"])] for p in pairs])
    results: list[tuple[str, np.ndarray]] = [
        ("score (sentence claims)", score_matrix(sig, w)[ri, ci])
    ]
    for name in bl.signal_names(sig):
        sign = -1.0 if getattr(w, name) < 0 else 1.0  # a signal against: score its negation
        results.append((("-" if sign < 0 else "") + name, sign * sig[name][ri, ci]))

    # claimdiff's own claims: max over the claims of each sentence
    per_sent = [bl.pipeline_claims(r) for r in rows]
    flat = [c for cs in per_sent for c in cs]
    owner = np.array([i for i, cs in enumerate(per_sent) for _ in cs])
    fe2 = features(flat, ["en"] * len(flat), enc)
    s2 = score_matrix(signal_matrices(fe2, list(range(len(flat))), list(range(len(flat)))), w)
    best = np.full((len(rows), len(rows)), -np.inf)
    np.maximum.at(best, (owner[:, None], owner[None, :]), s2)
    results.insert(1, ("score, claims_of max", best[ri, ci]))
    secs = time.perf_counter() - t0

    n_multi = sum(len(cs) > 1 for cs in per_sent)
    print(
        f"ECB+ test: {len(pairs)} pairs ({int(labels.sum())} positive), {len(rows)} sentences, "
        f"{len(flat)} claims_of claims ({n_multi} sentences split); encoder {enc.name}; {secs:.1f} s"
    )
    print(f"weights: {w}")
    print(f"{'signal':24s} {'AUC':>6s} {'bestF1':>7s} {'thr':>7s} {'P':>6s} {'R':>6s}")
    for name, s in results:
        f, thr, p, r = bl.best_f1(s, labels)
        print(f"{name:24s} {bl.auc(s, labels):6.3f} {f:7.3f} {thr:7.3f} {p:6.3f} {r:6.3f}")
    for name, s in results[:2]:
        p, r, f = bl.prf_at(s, labels, w.threshold)
        print(f"{name} at its threshold {w.threshold}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    print(f"all-positive baseline F1: {2 * labels.mean() / (1 + labels.mean()):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
