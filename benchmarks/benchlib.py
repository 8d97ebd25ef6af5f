"""Helpers shared by the benchmark scripts: ECB+ loading, claims, metrics.

Not a benchmark itself. The scripts put this folder on ``sys.path`` by being
run as ``python benchmarks/X.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from scipy.stats import rankdata

from claimdiff.models import Claim
from claimdiff.stages.extract.attributions import find_attributions
from claimdiff.stages.extract.claims import claims_of
from claimdiff.stages.extract.figures import find_figures
from claimdiff.stages.load import document_from_text
from claimdiff.stages.segment.sentences import split_sentences

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ECB_DEFAULT = SHARED / "data" / "ecbplus"


def load_sentences(folder: Path) -> list[dict]:
    with (folder / "sentences.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def load_pairs(folder: Path) -> list[dict]:
    with (folder / "sentence_pairs.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def key(doc: str, sent: int) -> str:
    return f"{doc}#{sent}"


def sentence_claim(row: dict, lang: str = "en") -> Claim:
    """One claim covering the whole ECB+ sentence, with claimdiff's figures and attributions."""
    text = row["text"]
    sents = split_sentences(text, lang, 0)
    attrs = [a for per in find_attributions(text, sents, lang) for a in per]
    return Claim(
        id=key(row["doc_id"], row["sent_id"]),
        doc=row["doc_id"],
        start=0,
        end=len(text),
        text=text,
        line=1,
        column=1,
        sentence=0,
        figures=find_figures(text, lang, base=0),
        attributions=attrs,
    )


def pipeline_claims(row: dict, lang: str = "en") -> list[Claim]:
    """The claims ``claims_of`` extracts from the sentence; the whole sentence if none."""
    doc = document_from_text(row["text"], row["doc_id"], lang=lang)
    found = claims_of(doc)
    for i, c in enumerate(found):
        c.id = f"{key(row['doc_id'], row['sent_id'])}/{i}"
    return found or [sentence_claim(row, lang)]


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """ROC-AUC as the Mann-Whitney statistic (ties count one half)."""
    r = rankdata(scores)
    pos = labels == 1
    n1, n0 = int(pos.sum()), int((~pos).sum())
    return float((r[pos].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def prf_at(scores: np.ndarray, labels: np.ndarray, thr: float) -> tuple[float, float, float]:
    pred = scores >= thr
    tp = float((pred & (labels == 1)).sum())
    p = tp / pred.sum() if pred.sum() else 0.0
    r = tp / (labels == 1).sum()
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_f1(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float, float, float]:
    """(F1, threshold, P, R) for the best rule ``score >= threshold``."""
    order = np.argsort(-scores, kind="stable")
    s, y = scores[order], labels[order]
    tp = np.cumsum(y == 1)
    k = np.arange(1, len(s) + 1)
    last = np.r_[s[1:] != s[:-1], True]  # only cut between distinct scores
    p, r = tp / k, tp / max(1, int((y == 1).sum()))
    f = np.where(p + r > 0, 2 * p * r / np.maximum(p + r, 1e-12), 0.0)
    f = np.where(last, f, -1.0)
    i = int(np.argmax(f))
    return float(f[i]), float(s[i]), float(p[i]), float(r[i])


def signal_names(sig: dict[str, np.ndarray]) -> list[str]:
    """The signals that are also weights, in the order of ``Weights`` (the code is the reference)."""
    from claimdiff.stages.align.grouping import Weights

    return [k for k in Weights.__dataclass_fields__ if k in sig]


def design(sig: dict[str, np.ndarray], rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """(n_pairs, n_signals) feature matrix read out of full signal matrices."""
    return np.stack([sig[n][rows, cols] for n in signal_names(sig)], axis=1).astype(np.float64)
