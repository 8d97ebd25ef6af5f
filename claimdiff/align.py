"""Stage 4, align: put the claims that state the same fact side by side.

1. **Signals** for every pair of claims in two different reports, as numpy
   matrices (no Python loop over pairs): the cosine of their embeddings with
   the figures masked (so "352 killed" and "406 killed" still align), the
   character trigrams of their words they share (rarity-weighted cosine, words
   normalised with rapidfuzz's ``default_process``; trigrams also match
   inflections, names and cognates across languages), shared names, shared
   sources, and what their figures are (kind and unit; the same value in both
   is an anchor; figures of only different kinds, or different weekdays, count
   against), and whether the two reports are in different languages (which
   lowers the cosine and the shared trigrams of a pair that states the same
   fact, so it gets a bias of its own).
   Two more signals judge the *reports*: the cosine of their mean claim
   embeddings, and the names both mention (trigrams, so "Oekraïne" meets
   "Ukraine"). Each counts only by how far it falls below a floor that
   reports of one event reach, so two reports of one event lose nothing and
   two reports of different events (another earthquake, another trial) keep
   their claims apart; such a pair of reports is named in the warnings.
2. **Score**: a logistic model over those signals; its weights and threshold
   live in ``claimdiff/data/align_weights.json`` (the fact-level weights set
   by hand, the report weights and floors fitted on ECB+, see ``benchmarks/``)
   and can be overridden.
3. **Groups**: per pair of reports, a one-to-one assignment (Hungarian) keeps
   pairs above the threshold; the pairs are then merged, strongest first, into
   groups that hold at most one claim per report. A report that splits one
   fact over two claims gets the stronger one in the group; the other stays
   alone. The same input always gives the same groups.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from claimdiff.assignment import BULK, best_pairs
from claimdiff.claim_keys import (
    content_text,
    day_keys,
    figure_keys,
    gram_keys,
    name_keys,
    source_keys,
    word_grams,
)
from claimdiff.encoders import Encoder
from claimdiff.errors import InputError
from claimdiff.models import Claim


@dataclass(frozen=True)
class Weights:
    """Logistic weights of the pair score; ``threshold`` is on the probability."""

    bias: float
    cosine: float
    words: float
    names: float
    sources: float
    anchor: float
    same_kind: float
    kind_clash: float
    day_clash: float
    cross_language: float
    report: float
    report_names: float
    report_floor: float
    report_names_floor: float
    threshold: float
    floor: float
    margin: float
    link: float

    @staticmethod
    def from_dict(d: dict[str, float]) -> Weights:
        unknown = set(d) - set(Weights.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown weights {sorted(unknown)}")
        return Weights(**{k: float(d[k]) for k in Weights.__dataclass_fields__})


def load_weights(path: str | Path) -> Weights:
    """Weights from a JSON file in the format of ``claimdiff/data/align_weights.json``.

    Keys left out keep their default value.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        given = data.get("weights", data)
        merged = {**default_weights().__dict__, **{k: float(v) for k, v in given.items()}}
        return Weights.from_dict(merged)
    except (OSError, ValueError, TypeError, AttributeError) as e:
        raise InputError(
            f"--weights {path}: not a weights file ({type(e).__name__}: {e})"
        ) from None


@cache
def default_weights() -> Weights:
    raw = resources.files("claimdiff").joinpath("data/align_weights.json").read_text("utf-8")
    return Weights.from_dict(json.loads(raw)["weights"])


def _binary(rows: Sequence[set[str]], vocab: dict[str, int]) -> np.ndarray:
    m = np.zeros((len(rows), max(1, len(vocab))), dtype=np.float32)
    for i, keys in enumerate(rows):
        for k in keys:
            m[i, vocab[k]] = 1.0
    return m


def _vocab(*groups: Sequence[set[str]]) -> dict[str, int]:
    vocab: dict[str, int] = {}
    for rows in groups:
        for keys in rows:
            for k in sorted(keys):
                vocab.setdefault(k, len(vocab))
    return vocab


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


@dataclass
class Features:
    """Per-claim data the pair signals are computed from, as matrices built once."""

    claims: list[Claim]
    languages: np.ndarray  # one small integer per language
    vectors: np.ndarray  # unit embeddings of the statement, figures masked
    words: Any  # sparse claim × trigram matrix of the same text, for shared trigrams
    names: Any  # sparse binary rows over one vocabulary per signal
    sources: Any
    anchors: Any
    kinds: np.ndarray
    days: np.ndarray
    report_of: np.ndarray  # the index of each claim's report
    report_vectors: np.ndarray  # unit mean embedding of each report's claims
    report_names: Any  # sparse binary rows: the trigrams of the names each report mentions
    report_name_counts: np.ndarray  # how many different names each report mentions


def _sparse_rows(rows: Sequence[set[str]]) -> Any:
    """A sparse binary row per claim over the keys of all claims (names: large vocabularies)."""
    from scipy.sparse import csr_matrix

    vocab = _vocab(rows)
    r = [i for i, keys in enumerate(rows) for _ in keys]
    c = [vocab[k] for keys in rows for k in keys]
    data = np.ones(len(r), dtype=np.float32)
    return csr_matrix((data, (r, c)), shape=(len(rows), max(1, len(vocab))))


def _dense_rows(rows: Sequence[set[str]]) -> np.ndarray:
    """A dense binary row per claim (kinds and days: a handful of keys)."""
    return _binary(rows, _vocab(rows))


def features(claims: list[Claim], languages: list[str], encoder: Encoder) -> Features:
    masked = [content_text(c) for c in claims]
    fk = [figure_keys(c) for c in claims]
    names = [name_keys(c) for c in claims]
    codes = {lang: k for k, lang in enumerate(sorted(set(languages)))}
    vectors = encoder.encode(masked) if claims else np.zeros((0, 1), np.float32)
    reports = {doc: k for k, doc in enumerate(sorted({c.doc for c in claims}))}
    report_of = np.array([reports[c.doc] for c in claims], dtype=np.int32)
    per_report: list[set[str]] = [set() for _ in reports]
    for keys, r in zip(names, report_of, strict=True):
        per_report[r] |= keys
    return Features(
        claims=claims,
        languages=np.array([codes[x] for x in languages], dtype=np.int32),
        vectors=vectors,
        words=_gram_rows(masked),
        names=_sparse_rows(names),
        sources=_sparse_rows([source_keys(c) for c in claims]),
        anchors=_sparse_rows([a for _, a in fk]),
        kinds=_dense_rows([k for k, _ in fk]),
        days=_dense_rows([day_keys(c) for c in claims]),
        report_of=report_of,
        report_vectors=_report_vectors(vectors, report_of, len(reports)),
        report_names=_sparse_rows([_name_grams(r) for r in per_report]),
        report_name_counts=np.array([len(r) for r in per_report], dtype=np.int32),
    )


def _name_grams(names: set[str]) -> set[str]:
    """The trigrams of a report's names: "Oekraïne" and "Ukraine", "Zelensky" and "Zelenski" overlap."""
    return {g for name in names for g in gram_keys(name)}


def _report_vectors(vectors: np.ndarray, report_of: np.ndarray, n: int) -> np.ndarray:
    """The unit mean of each report's claim embeddings: what the report is about."""
    if not len(vectors):
        return np.zeros((n, vectors.shape[1] if vectors.ndim == 2 else 1), np.float32)
    sums = np.zeros((n, vectors.shape[1]), np.float32)
    np.add.at(sums, report_of, vectors)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    return np.where(norms > 0, sums / np.maximum(norms, 1e-9), 0.0).astype(np.float32)


def _clash(ma: np.ndarray, mb: np.ndarray) -> np.ndarray:
    """Both sides have some key and share none."""
    has_a, has_b = ma.sum(1)[:, None] > 0, mb.sum(1)[None, :] > 0
    return (((ma @ mb.T) == 0) & has_a & has_b).astype(np.float32)


def _gram_rows(texts: list[str]) -> Any:
    """A sparse claim × trigram matrix, rare trigrams weighing more, unit rows (for cosines)."""
    from rapidfuzz import utils
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    word_ids: dict[str, list[int]] = {}  # words repeat: their trigram ids are looked up once
    rows: list[int] = []
    cols: list[int] = []
    for r, text in enumerate(texts):
        ids: set[int] = set()
        for w in utils.default_process(text).split():
            got = word_ids.get(w)
            if got is None:
                got = word_ids[w] = [vocab.setdefault(g, len(vocab)) for g in word_grams(w)]
            ids.update(got)
        rows.extend([r] * len(ids))
        cols.extend(sorted(ids))
    m = csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(texts), max(1, len(vocab)))
    )
    # idf over the claims of this run, then unit rows
    df = np.asarray((m > 0).sum(axis=0)).ravel()
    idf = np.log((1 + len(texts)) / (1 + df)).astype(np.float32) + 1.0
    m = m.multiply(idf[None, :]).tocsr()
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    inv = np.where(norms > 0, 1.0 / np.maximum(norms, 1e-9), 0.0).astype(np.float32)
    # a trigram of one claim adds to no product: dropped after the norms (same cosines, less work)
    return m[:, np.flatnonzero(df > 1)].multiply(inv[:, None]).tocsr()


def _words(fa: Features, ia: list[int], ib: list[int]) -> np.ndarray:
    """Shared trigrams: the cosine of the claims' rarity-weighted trigram rows."""
    return (fa.words[ia] @ fa.words[ib].T).toarray().astype(np.float32)


#: Up to this many claims, all pair scores are one set of matrix products (about 100 MB at the limit).
GLOBAL_LIMIT = 2500


def _report_signal(fa: Features) -> np.ndarray:
    """Report × report: the cosine of the reports' mean claim embeddings."""
    return (fa.report_vectors @ fa.report_vectors.T).astype(np.float32)


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
    "report_names": lambda fa: _report_names(fa),
    "report_balance": lambda fa: _report_balance(fa),
}
#: The report signals that carry a weight (``report_balance`` scales them).
GATED = ("report", "report_names")
#: Every signal with a weight, in the order of ``Weights``.
SIGNALS = (*CLAIM_SIGNALS, *GATED)


def _report_balance(fa: Features) -> np.ndarray:
    """Report × report: the smaller report's number of claims over the larger's.

    A report of three claims has a mean embedding and names of its own three
    facts, not of the event; next to a long report it would look like another
    event. The report signals count in proportion.
    """
    n = np.bincount(fa.report_of, minlength=len(fa.report_vectors)).astype(np.float32)
    big = np.maximum(n[:, None], n[None, :])
    return np.where(big > 0, np.minimum(n[:, None], n[None, :]) / np.maximum(big, 1.0), 1.0)


def signal_matrices(fa: Features, ia: list[int], ib: list[int]) -> dict[str, np.ndarray]:
    """Every signal for claims ``ia`` × claims ``ib``, each an (len(ia), len(ib)) matrix."""
    out = {name: fn(fa, ia, ib) for name, fn in CLAIM_SIGNALS.items()}
    cells = np.ix_(fa.report_of[ia], fa.report_of[ib])
    out.update({name: fn(fa)[cells] for name, fn in REPORT_SIGNALS.items()})
    return out


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
    z += report_penalty(fa, w)[np.ix_(fa.report_of[ia], fa.report_of[ib])]
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


def _block(m: np.ndarray, rows: list[int], cols: list[int]) -> np.ndarray:
    """``m[rows][:, cols]``: a view when both are runs of consecutive indices (claims of one report)."""
    if rows[-1] - rows[0] + 1 == len(rows) and cols[-1] - cols[0] + 1 == len(cols):
        return m[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    return m[np.ix_(rows, cols)]


#: A report that names fewer people and places than this says too little to compare names.
MIN_REPORT_NAMES = 3


def _report_names(fa: Features) -> np.ndarray:
    """Report × report: the names both mention (binary cosine of their trigrams).

    1 (nothing against) where either report names fewer than ``MIN_REPORT_NAMES``.
    """
    shared = _cosine_sets(fa.report_names, fa.report_names)
    enough = fa.report_name_counts >= MIN_REPORT_NAMES
    return np.where(enough[:, None] & enough[None, :], shared, 1.0).astype(np.float32)


def report_gates(sig: dict[str, np.ndarray], w: Weights) -> dict[str, np.ndarray]:
    """The report signals as shortfalls below what two reports of one event show.

    ``report`` and ``report_names`` become ``min(0, value - floor)``, times
    ``report_balance``: two reports as alike as typical reports of one event
    cost nothing, and two reports about different events (another earthquake,
    another trial) pull every pair of their claims down, the less so the more
    their sizes differ. The floors and weights are fitted on ECB+ (``benchmarks/fit_weights.py``).

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


def score_matrix(sig: dict[str, np.ndarray], w: Weights) -> np.ndarray:
    """The probability that two claims state the same fact: a logistic over the signals."""
    sig = report_gates(sig, w)
    z = np.full_like(sig["cosine"], w.bias, dtype=np.float32)
    for name in SIGNALS:
        z += getattr(w, name) * sig[name]
    return sigmoid(z)


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


#: A pair of reports whose report signals take at least this much off every
#: claim pair's logit is named in the warnings (a claim pair then needs about
#: the evidence of a shared name and a shared figure more to align).
WARN_PENALTY = 3.0


def report_penalty(fa: Features, w: Weights) -> np.ndarray:
    """Report × report: what the report signals add to the logit of each claim pair (≤ 0)."""
    gated = report_gates({name: fn(fa) for name, fn in REPORT_SIGNALS.items()}, w)
    return np.asarray(sum(getattr(w, name) * gated[name] for name in GATED), dtype=np.float32)


def other_events(
    fa: Features, docs: list[str], by_doc: dict[str, list[int]], w: Weights
) -> list[str]:
    """A line for each pair of reports that look like reports of two different events."""
    at = [int(fa.report_of[by_doc[d][0]]) for d in docs]
    penalty = report_penalty(fa, w)[np.ix_(at, at)]
    sig = {name: fn(fa)[np.ix_(at, at)] for name, fn in REPORT_SIGNALS.items()}
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
            if s.max() < min(w.threshold, w.floor):
                continue  # nothing here can align
            runner_up = None
            for row, col in best_pairs(s, bulk=bulk):
                if s[row, col] >= w.threshold:
                    edges.append((float(s[row, col]), ia[row], ib[col]))
                    continue
                if s[row, col] < w.floor:
                    continue  # too weak even to be a clear mutual best
                if runner_up is None:
                    runner_up = _runner_up(s)
                if _clear_mutual_best(s[row, col], runner_up[row, col], s.shape, w):
                    edges.append((float(s[row, col]), ia[row], ib[col]))
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
