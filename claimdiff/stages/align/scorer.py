"""The pair score: a logistic model over the signals, and the report-level penalty."""

from __future__ import annotations

import numpy as np

from claimdiff.stages.align.features import Features
from claimdiff.stages.align.signals import (
    CLAIM_SIGNALS,
    GATED,
    REPORT_SIGNALS,
    SIGNALS,
    report_cells,
    report_gates,
)
from claimdiff.stages.align.weights import Weights


def pair_logits(fa: Features, ia: list[int], ib: list[int], w: Weights) -> np.ndarray:
    """The logit of ``score_matrix(signal_matrices(fa, ia, ib), w)``, built in place.

    The same sum, one signal at a time, with the report signals summed at the
    level of reports first: for 2,000 claims this keeps one matrix in memory
    instead of eleven.
    """
    z = np.full((len(ia), len(ib)), w.bias, dtype=np.float32)
    for name, fn in CLAIM_SIGNALS.items():
        weight = getattr(w, name)
        if weight:
            m = np.asarray(fn(fa, ia, ib), dtype=np.float32)
            m *= weight
            z += m
    ra, rb, cells = report_cells(fa, ia, ib)
    z += report_penalty(fa, w, ra, rb)[cells]
    return z


def sigmoid(z: np.ndarray) -> np.ndarray:
    """The probability of a logit."""
    return 1.0 / (1.0 + np.exp(-z))


def _sigmoid_in_place(z: np.ndarray) -> np.ndarray:
    """``sigmoid(z)``, written over ``z`` (no second matrix of all claims)."""
    np.negative(z, out=z)
    np.exp(z, out=z)
    z += 1.0
    np.reciprocal(z, out=z)
    return z


def score_matrix(sig: dict[str, np.ndarray], w: Weights) -> np.ndarray:
    """The probability that two claims state the same fact: a logistic over the signals."""
    sig = report_gates(sig, w)
    z = np.full_like(sig["cosine"], w.bias, dtype=np.float32)
    for name in SIGNALS:
        z += getattr(w, name) * sig[name]
    return sigmoid(z)


#: A pair of reports whose report signals take at least this much off every
#: claim pair's logit is named in the warnings (a claim pair then needs about
#: the evidence of a shared name and a shared figure more to align).
WARN_PENALTY = 3.0


def report_penalty(fa: Features, w: Weights, ra: np.ndarray, rb: np.ndarray) -> np.ndarray:
    """Reports ``ra`` × reports ``rb``: what the report signals add to the logit of each
    claim pair of those reports (≤ 0)."""
    gated = report_gates({name: fn(fa, ra, rb) for name, fn in REPORT_SIGNALS.items()}, w)
    return np.asarray(sum(getattr(w, name) * gated[name] for name in GATED), dtype=np.float32)


def other_events(
    fa: Features, docs: list[str], by_doc: dict[str, list[int]], w: Weights
) -> list[str]:
    """A line for each pair of reports that look like reports of two different events."""
    at = np.array([int(fa.report_of[by_doc[d][0]]) for d in docs], dtype=np.int64)
    penalty = report_penalty(fa, w, at, at)
    sig = {name: fn(fa, at, at) for name, fn in REPORT_SIGNALS.items()}
    out = []
    for x, da in enumerate(docs):
        for y in range(x + 1, len(docs)):
            if penalty[x, y] > -WARN_PENALTY:
                continue
            out.append(
                f"{da} and {docs[y]} may report different events (report similarity "
                f"{sig['report'][x, y]:.2f}, floor {w.report_floor:.2f}; shared names "
                f"{sig['report_names'][x, y]:.2f}, floor {w.report_names_floor:.2f}); "
                "their claims align only on strong evidence"
            )
    return out
