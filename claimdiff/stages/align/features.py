"""What the pair signals are computed from: per-claim keys and embeddings, as matrices built once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from claimdiff.lang import data_for
from claimdiff.models import Claim
from claimdiff.stages.align.claim_keys import (
    content_text,
    day_keys,
    figure_keys,
    gram_keys,
    name_keys,
    source_keys,
    word_grams,
)
from claimdiff.stages.align.encoders import Encoder


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
    tables = [data_for(lang) for lang in languages]
    masked = [content_text(c, t) for c, t in zip(claims, tables, strict=True)]
    fk = [figure_keys(c) for c in claims]
    names = [name_keys(c, t) for c, t in zip(claims, tables, strict=True)]
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
        days=_dense_rows([day_keys(c, t) for c, t in zip(claims, tables, strict=True)]),
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
