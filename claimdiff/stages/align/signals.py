"""The pair signals: for claims ``ia`` × claims ``ib``, one matrix per signal (no loop over pairs).

Claim signals compare two claims (embedding cosine, shared trigrams, names,
sources, figure kinds and anchors, weekdays, languages); report signals
compare the two claims' reports (are they about the same event at all?).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from claimdiff.stages.align.features import Features
from claimdiff.stages.align.weights import Weights


def _overlap(a: Any, b: Any) -> np.ndarray:
    """Jaccard of binary rows (sparse), as a matrix product."""
    inter = (a @ b.T).toarray()
    size_a = np.asarray(a.sum(1)).reshape(-1, 1)
    size_b = np.asarray(b.sum(1)).reshape(1, -1)
    union = size_a + size_b - inter
    return np.where(union > 0, inter / np.maximum(union, 1e-9), 0.0).astype(np.float32)


def _cosine_sets(a: Any, b: Any) -> np.ndarray:
    """Shared keys over the geometric mean of the set sizes (binary cosine), as a matrix product.

    Unlike Jaccard it does not shrink for two long reports that name many people and places.
    """
    inter = (a @ b.T).toarray()
    size_a = np.asarray(a.sum(1)).reshape(-1, 1)
    size_b = np.asarray(b.sum(1)).reshape(1, -1)
    denom = np.sqrt(size_a * size_b)
    return np.where(denom > 0, inter / np.maximum(denom, 1e-9), 0.0).astype(np.float32)


def _clash(ma: np.ndarray, mb: np.ndarray) -> np.ndarray:
    """Both sides have some key and share none."""
    has_a, has_b = ma.sum(1)[:, None] > 0, mb.sum(1)[None, :] > 0
    return (((ma @ mb.T) == 0) & has_a & has_b).astype(np.float32)


def _words(fa: Features, ia: list[int], ib: list[int]) -> np.ndarray:
    """Shared trigrams: the cosine of the claims' rarity-weighted trigram rows."""
    return (fa.words[ia] @ fa.words[ib].T).toarray().astype(np.float32)


def _report_signal(fa: Features, ra: np.ndarray, rb: np.ndarray) -> np.ndarray:
    """Reports ``ra`` × reports ``rb``: the cosine of the reports' mean claim embeddings."""
    return (fa.report_vectors[ra] @ fa.report_vectors[rb].T).astype(np.float32)


def _cross_language(fa: Features, ia: list[int], ib: list[int]) -> np.ndarray:
    # a Dutch-English pair shares few trigrams and gets a lower cosine for the same meaning
    return (fa.languages[ia][:, None] != fa.languages[ib][None, :]).astype(np.float32)


#: The claim-pair signals, each a function of (features, rows, columns) giving a matrix.
CLAIM_SIGNALS: dict[str, Any] = {
    "cosine": lambda fa, ia, ib: fa.vectors[ia] @ fa.vectors[ib].T,
    "words": lambda fa, ia, ib: _words(fa, ia, ib),
    "names": lambda fa, ia, ib: _overlap(fa.names[ia], fa.names[ib]),
    "sources": lambda fa, ia, ib: _overlap(fa.sources[ia], fa.sources[ib]),
    "anchor": lambda fa, ia, ib: ((fa.anchors[ia] @ fa.anchors[ib].T).toarray() > 0).astype(
        np.float32
    ),
    "same_kind": lambda fa, ia, ib: ((fa.kinds[ia] @ fa.kinds[ib].T) > 0).astype(np.float32),
    "kind_clash": lambda fa, ia, ib: _clash(fa.kinds[ia], fa.kinds[ib]),
    "day_clash": lambda fa, ia, ib: _clash(fa.days[ia], fa.days[ib]),
    "cross_language": _cross_language,
}


#: The report-pair signals, each a function of the features giving a report × report matrix:
#: claims of two reports about another event need more to align.
REPORT_SIGNALS: dict[str, Any] = {
    "report": _report_signal,
    "report_names": lambda fa, ra, rb: _report_names(fa, ra, rb),
    "report_balance": lambda fa, ra, rb: _report_balance(fa, ra, rb),
}


#: The report signals that carry a weight (``report_balance`` scales them).
GATED = ("report", "report_names")


#: Every signal with a weight, in the order of ``Weights``.
SIGNALS = (*CLAIM_SIGNALS, *GATED)


def _report_balance(fa: Features, ra: np.ndarray, rb: np.ndarray) -> np.ndarray:
    """Reports ``ra`` × reports ``rb``: the smaller report's number of claims over the larger's.

    A report of three claims has a mean embedding and names of its own three
    facts, not of the event; next to a long report it would look like another
    event. The report signals count in proportion.
    """
    n = np.bincount(fa.report_of, minlength=len(fa.report_vectors)).astype(np.float32)
    na, nb = n[ra][:, None], n[rb][None, :]
    big = np.maximum(na, nb)
    return np.where(big > 0, np.minimum(na, nb) / np.maximum(big, 1.0), 1.0)


def signal_matrices(fa: Features, ia: list[int], ib: list[int]) -> dict[str, np.ndarray]:
    """Every signal for claims ``ia`` × claims ``ib``, each an (len(ia), len(ib)) matrix."""
    out = {name: fn(fa, ia, ib) for name, fn in CLAIM_SIGNALS.items()}
    ra, rb, cells = report_cells(fa, ia, ib)
    out.update({name: fn(fa, ra, rb)[cells] for name, fn in REPORT_SIGNALS.items()})
    return out


def report_cells(fa: Features, ia: list[int], ib: list[int]) -> tuple[np.ndarray, np.ndarray, Any]:
    """The reports of claims ``ia`` and ``ib`` (each once), and where each claim pair's
    report pair is in a reports × reports block: a block over these reports only, so
    one draft against 10,000 sources costs 10,000 report pairs, not 10,000²."""
    ra, inv_a = np.unique(fa.report_of[ia], return_inverse=True)
    rb, inv_b = np.unique(fa.report_of[ib], return_inverse=True)
    return ra, rb, np.ix_(inv_a, inv_b)


#: A report that names fewer people and places than this says too little to compare names.
MIN_REPORT_NAMES = 3


def _report_names(fa: Features, ra: np.ndarray, rb: np.ndarray) -> np.ndarray:
    """Reports ``ra`` × reports ``rb``: the names both mention (binary cosine of their trigrams).

    1 (nothing against) where either report names fewer than ``MIN_REPORT_NAMES``.
    """
    shared = _cosine_sets(fa.report_names[ra], fa.report_names[rb])
    enough = fa.report_name_counts >= MIN_REPORT_NAMES
    ok = enough[ra][:, None] & enough[rb][None, :]
    return np.where(ok, shared, 1.0).astype(np.float32)


def report_gates(sig: dict[str, np.ndarray], w: Weights) -> dict[str, np.ndarray]:
    """The report signals as shortfalls below what two reports of one event show.

    ``report`` and ``report_names`` become ``min(0, value - floor)``, times
    ``report_balance``: two reports as alike as typical reports of one event
    cost nothing, and two reports about different events (another earthquake,
    another trial) pull every pair of their claims down, the less so the more
    their sizes differ. The floors and weights are fitted on ECB+ (``benchmarks/fit_weights.py``).

    >>> from claimdiff.stages.align.weights import default_weights
    >>> w = default_weights()
    >>> g = report_gates({"report": np.array([0.9, 0.3]), "report_names": np.array([0.5, 0.0])}, w)
    >>> [float(x) for x in g["report_names"]] == [0.0, -w.report_names_floor]
    True
    """
    out = dict(sig)
    balance = sig.get("report_balance", 1.0)
    out["report"] = balance * np.minimum(0.0, sig["report"] - w.report_floor)
    out["report_names"] = balance * np.minimum(0.0, sig["report_names"] - w.report_names_floor)
    return out
