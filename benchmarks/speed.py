"""Speed: encoder throughput, and alignment time relative to the encoder's.

1. Encoder throughput (sentences/s, no embedding cache) on ``--n`` real ECB+
   sentences (the 1,840 annotated sentences, shuffled with a fixed seed and
   cycled to reach ``--n``; the encoder keeps no cache, so repeats cost the same).
2. ``claimdiff.stages.align.grouping.align`` on ``--reports`` pseudo-reports × ``--claims``
   claims (ECB+ sentences sampled into reports, one whole-sentence claim each,
   all English), with a pre-built encoder and no cache; against it, the same
   encoder's time on those same claim texts (exactly the texts align passes to
   the encoder: figures masked, sources cut). The ratio align / encoder is the overhead of everything that is not
   encoding (target <= 1.3). Best of ``--repeat`` runs each.

    python benchmarks/speed.py [--data ../shared/data/ecbplus] [--model use-m3]
        [--n 2000] [--reports 50] [--claims 40] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

import benchlib as bl

from claimdiff.stages.align.encoders import get_encoder
from claimdiff.stages.align.grouping import align, features


class Recorder:
    """Passes encode calls through and keeps the texts of each."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.calls = inner, inner.name, []

    def encode(self, texts):
        self.calls.append(list(texts))
        return self.inner.encode(texts)


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", type=Path, default=bl.ECB_DEFAULT)
    ap.add_argument("--model", default="use-m3")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--reports", type=int, default=50)
    ap.add_argument("--claims", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    a = ap.parse_args(argv)

    rows = bl.load_sentences(a.data)
    random.Random(a.seed).shuffle(rows)
    texts = [rows[i % len(rows)]["text"] for i in range(a.n)]

    t0 = time.perf_counter()
    enc = get_encoder(a.model, cache=False)
    enc.encode(["warm up the model."])
    load_s = time.perf_counter() - t0
    enc_s = best_of(a.repeat, lambda: enc.encode(texts))

    claims = []
    m = a.reports * a.claims
    for k in range(m):
        c = bl.sentence_claim(rows[k % len(rows)])
        r = k // a.claims
        claims.append(c.model_copy(update={"id": f"r{r:02d}:{k % a.claims}", "doc": f"r{r:02d}"}))
    langs = {c.doc: "en" for c in claims}
    rec = Recorder(enc)
    features(claims, ["en"] * len(claims), rec)
    masked = rec.calls[0]  # the claim texts exactly as align encodes them
    extra = sum(len(c) for c in rec.calls[1:])
    claim_enc_s = best_of(a.repeat, lambda: enc.encode(masked))
    feat_s = best_of(a.repeat, lambda: features(claims, ["en"] * len(claims), enc))
    groups: list = []
    align_s = best_of(a.repeat, lambda: groups.__setitem__(slice(None), align(claims, langs, enc)))
    multi = sum(len(ids) > 1 for ids, _ in groups)

    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"encoder {enc.name}: load+warm-up {load_s:.1f} s; {os.cpu_count()} CPUs, load average {load}"
    )
    print(f"{'measure':44s} {'value':>10s}")
    print(f"{'encode ' + str(a.n) + ' ECB+ sentences (s)':44s} {enc_s:10.2f}")
    print(f"{'  throughput (sentences/s)':44s} {a.n / enc_s:10.0f}")
    print(f"{f'align {a.reports} reports x {a.claims} claims (s)':44s} {align_s:10.2f}")
    print(f"{'  of which features() incl. encoding (s)':44s} {feat_s:10.2f}")
    print(f"{f'encode the same {m} claim texts (s)':44s} {claim_enc_s:10.2f}")
    print(f"{'ratio align / encoder (target <= 1.3)':44s} {align_s / claim_enc_s:10.2f}")
    print(f"{'texts align encodes besides the claims':44s} {extra:10d}")
    print(f"{'groups with 2+ claims':44s} {multi:10d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
