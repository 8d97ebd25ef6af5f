"""Figure extraction on real English news: speed, counts by kind, and a sample to check by hand.

    python benchmarks/figures.py [--data ../shared/data/ecbplus] [--sample 50] [--seed 7]

Reads the 1,840 ECB+ sentences (``sentences.jsonl``), runs
``claimdiff.stages.extract.figures.find_figures`` on each, and prints sentences/s (best of
three runs), the number of figures by kind, and a seeded random sample of
figures with 40 characters of context each side, to be judged by hand.
Target (figures issue): at least 2,000 sentences/s on the 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path

from claimdiff.stages.extract.figures import find_figures


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", default="../shared/data/ecbplus")
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    lines = (Path(a.data) / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
    sentences = [json.loads(line)["text"] for line in lines if line.strip()]
    find_figures("warm-up: 3 people", "en")
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        found = [(s, f) for s in sentences for f in find_figures(s, "en")]
        best = min(best, time.perf_counter() - t0)
    print(
        f"{len(sentences)} sentences, {len(found)} figures, {len(sentences) / best:,.0f} sentences/s"
    )
    print("by kind:", dict(Counter(f.kind for _, f in found).most_common()))
    random.seed(a.seed)
    for n, (s, f) in enumerate(random.sample(found, min(a.sample, len(found)))):
        ctx = s[max(0, f.start - 40) : f.end + 40].replace("\n", " ")
        what = f"{f.value:g}" if f.value is not None else f.iso or "-"
        print(f"{n:3d} {f.text!r:28} {what:>14} {f.qualifier:9} {f.kind:8} | {ctx}")


if __name__ == "__main__":
    main()
