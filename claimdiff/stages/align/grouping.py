"""Groups of aligned claims: one-to-one per pair of reports, then merged.

Per pair of reports, a one-to-one assignment (Hungarian) keeps pairs above
the threshold (or a clear mutual best above the floor); the pairs are then
merged, strongest first, into groups that hold at most one claim per report,
each new member linked on average to the group. The same input always gives
the same groups.
"""

from __future__ import annotations

import numpy as np

from claimdiff.models import Claim
from claimdiff.stages.align.assignment import BULK, best_pairs
from claimdiff.stages.align.encoders import Encoder
from claimdiff.stages.align.features import features
from claimdiff.stages.align.scorer import _sigmoid_in_place, other_events, pair_logits, sigmoid
from claimdiff.stages.align.weights import Weights, default_weights

#: Up to this many claims, all pair scores are one set of matrix products (about 100 MB at the limit).
GLOBAL_LIMIT = 2500


def _block(m: np.ndarray, rows: list[int], cols: list[int]) -> np.ndarray:
    """``m[rows][:, cols]``: a view when both are runs of consecutive indices (claims of one report)."""
    if rows[-1] - rows[0] + 1 == len(rows) and cols[-1] - cols[0] + 1 == len(cols):
        return m[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    return m[np.ix_(rows, cols)]


def _runner_up(s: np.ndarray) -> np.ndarray:
    """For every cell, the best other score in its row and column."""

    def second(m: np.ndarray) -> np.ndarray:  # best other value along axis 1
        if m.shape[1] < 2:
            return np.full(m.shape, -np.inf)
        top2 = np.partition(m, m.shape[1] - 2, axis=1)[:, -2:]
        best, nxt = top2.max(axis=1, keepdims=True), top2.min(axis=1, keepdims=True)
        return np.where(m >= best, nxt, best)

    return np.maximum(second(s), second(s.T).T)


def _clear_mutual_best(s: float, runner_up: float, shape: tuple[int, ...], w: Weights) -> bool:
    """Below the threshold, a pair still aligns when each is the other's clear best.

    Both claims must score at least ``floor``, and every other candidate in
    their row and column at least ``margin`` less ("352 dead" in one report,
    "at least 406 civilians killed" in the other, and nothing else close).
    """
    if s < w.floor or min(shape) < 2:
        return False  # with nothing to choose from, being the best says nothing
    return s - runner_up >= w.margin


def block_pairs(s: np.ndarray, w: Weights, bulk: bool = False) -> list[tuple[float, int, int]]:
    """The aligned pairs of one block of scores (the claims of two reports): ``(score, row, col)``.

    One to one (an optimal assignment); a pair counts when it reaches the
    threshold, or when it is a clear mutual best above the floor.
    """
    if s.size == 0 or s.max() < min(w.threshold, w.floor):
        return []  # nothing here can align
    out = []
    runner_up = None
    for row, col in best_pairs(s, bulk=bulk):
        if s[row, col] >= w.threshold:
            out.append((float(s[row, col]), row, col))
            continue
        if s[row, col] < w.floor:
            continue  # too weak even to be a clear mutual best
        if runner_up is None:
            runner_up = _runner_up(s)
        if _clear_mutual_best(s[row, col], runner_up[row, col], s.shape, w):
            out.append((float(s[row, col]), row, col))
    return out


class PairScores:
    """The score matrices of every pair of reports, readable for any two claims."""

    def __init__(
        self, claims: list[Claim], by_doc: dict[str, list[int]], full: np.ndarray | None = None
    ) -> None:
        self.claims = claims
        self.pos = {i: k for idx in by_doc.values() for k, i in enumerate(idx)}
        self.mats: dict[tuple[str, str], np.ndarray] = {}
        self.full = full  # all claims × all claims, when it was built in one piece

    def get(self, x: int, y: int) -> float:
        dx, dy = self.claims[x].doc, self.claims[y].doc
        if (dx, dy) in self.mats:
            return float(self.mats[dx, dy][self.pos[x], self.pos[y]])
        return float(self.mats[dy, dx][self.pos[y], self.pos[x]])

    def linked(self, ga: list[int], gb: list[int], link: float) -> bool:
        """Average linkage: the mean score over every cross pair of two groups reaches ``link``."""
        if len(ga) + len(gb) <= 2:
            return True
        if self.full is not None:
            return float(self.full[np.ix_(ga, gb)].mean()) >= link
        return sum(self.get(x, y) for x in ga for y in gb) / (len(ga) * len(gb)) >= link

    def weakest(self, group: list[int]) -> float | None:
        scores = [self.get(x, y) for k, x in enumerate(group) for y in group[k + 1 :]]
        return min(scores) if scores else None


def align(
    claims: list[Claim],
    languages: dict[str, str],
    encoder: Encoder,
    weights: Weights | None = None,
    warnings: list[str] | None = None,
) -> list[tuple[list[str], float | None]]:
    """Groups of claim ids (at most one per report) with their weakest pair score.

    Pairs of reports that look like reports of different events are described
    in ``warnings`` when a list is given.
    """
    w = weights or default_weights()
    feats = features(claims, [languages[c.doc] for c in claims], encoder)
    by_doc: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        by_doc.setdefault(c.doc, []).append(i)
    docs = sorted(by_doc)
    if warnings is not None:
        warnings.extend(other_events(feats, docs, by_doc, w))
    edges: list[tuple[float, int, int]] = []
    everything = list(range(len(claims)))
    # one set of matrix products for all claims when that fits in memory, else per pair
    full = None
    if len(claims) <= GLOBAL_LIMIT:
        full = _sigmoid_in_place(pair_logits(feats, everything, everything, w))
    scores = PairScores(claims, by_doc, full)
    bulk = len(docs) * (len(docs) - 1) // 2 >= BULK
    for x, da in enumerate(docs):
        for db in docs[x + 1 :]:
            ia, ib = by_doc[da], by_doc[db]
            s = _block(full, ia, ib) if full is not None else sigmoid(pair_logits(feats, ia, ib, w))
            scores.mats[da, db] = s
            edges.extend((score, ia[row], ib[col]) for score, row, col in block_pairs(s, w, bulk))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    group_of = list(range(len(claims)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(claims))}
    docs_of: dict[int, set[str]] = {i: {c.doc} for i, c in enumerate(claims)}
    for _, a, b in edges:
        ga, gb = group_of[a], group_of[b]
        if ga == gb or docs_of[ga] & docs_of[gb]:
            continue  # already together, or one claim per report in a group
        if not scores.linked(members[ga], members[gb], w.link):
            continue  # a weak third member would join through one edge only
        for i in members[gb]:
            group_of[i] = ga
        members[ga].extend(members.pop(gb))
        docs_of[ga] |= docs_of.pop(gb)
    out = []
    for g in sorted(members, key=lambda g: min(members[g])):
        group = sorted(members[g])
        out.append(([claims[i].id for i in group], scores.weakest(group)))
    return out
