"""Stage 4, align: put the claims that state the same fact side by side.

1. **Signals** for every pair of claims in two different reports, as numpy
   matrices (no Python loop over pairs): the cosine of their embeddings with
   the figures masked (so "352 killed" and "406 killed" still align), the
   rapidfuzz token-set similarity when both reports share a language, shared
   names, shared sources, what their figures count (the cosine of the measure
   words: "brandweerlieden" and "firefighters") and what they are (kind and
   unit; the same value in both is an anchor; figures of only different kinds
   count against).
2. **Score**: a logistic model over those signals; its weights and threshold
   live in ``claimdiff/data/align_weights.json`` (fitted on labelled pairs,
   see ``benchmarks/``) and can be overridden.
3. **Groups**: per pair of reports, a one-to-one assignment (Hungarian) keeps
   pairs above the threshold; the pairs are then merged, strongest first, into
   groups that hold at most one claim per report. A report that splits one
   fact over two claims gets the stronger one in the group; the other stays
   alone. The same input always gives the same groups.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from claimdiff.encoders import Encoder
from claimdiff.extract import SUBSTANTIVE
from claimdiff.models import Claim

MASK = "0"


@dataclass(frozen=True)
class Weights:
    """Logistic weights of the pair score; ``threshold`` is on the probability."""

    bias: float
    cosine: float
    fuzz: float
    names: float
    sources: float
    anchor: float
    measure: float
    same_kind: float
    kind_clash: float
    day_clash: float
    threshold: float
    link: float

    @staticmethod
    def from_dict(d: dict[str, float]) -> Weights:
        return Weights(**{k: float(d[k]) for k in Weights.__dataclass_fields__})


@cache
def default_weights() -> Weights:
    raw = resources.files("claimdiff").joinpath("data/align_weights.json").read_text("utf-8")
    return Weights.from_dict(json.loads(raw)["weights"])


def masked_text(claim: Claim) -> str:
    """The claim's text with its figures replaced by ``0`` (dates and names stay).

    >>> from claimdiff.models import Figure
    >>> c = Claim(id="a:1", doc="a", start=0, end=22, text="352 civilians died.", line=1,
    ...           column=1, sentence=0, figures=[Figure(start=0, end=3, text="352", value=352)])
    >>> masked_text(c)
    '0 civilians died.'
    """
    out = []
    pos = claim.start
    for f in sorted(claim.figures, key=lambda f: f.start):
        if f.kind not in SUBSTANTIVE or f.start < pos:
            continue
        out.append(claim.text[pos - claim.start : f.start - claim.start])
        out.append(MASK)
        pos = f.end
    out.append(claim.text[pos - claim.start :])
    return "".join(out)


def content_spans(claim: Claim) -> list[tuple[int, int]]:
    """The parts of a claim that say what was said, not who said it.

    A direct quote: its words ("“…”, aldus burgemeester Anna de Vries, die
    donderdag…" aligns on the quote alone). Otherwise the claim without its
    sources and cue words ("Volgens het KNMI", ", the ministry said").
    """
    from claimdiff.attributions import find_quotes

    if not claim.attributions:
        return [(claim.start, claim.end)]
    quotes = find_quotes(claim.text, 0, len(claim.text))
    if quotes and any(a.kind == "quote" for a in claim.attributions):
        return [(claim.start + q.inner_start, claim.start + q.inner_end) for q in quotes]
    cuts = []
    for a in claim.attributions:
        lo = min(a.start, a.cue_start if a.cue_start is not None else a.start)
        hi = max(a.end, a.cue_end if a.cue_end is not None else a.end)
        if claim.start <= lo and hi <= claim.end:
            cuts.append((lo, hi))
    keep = []
    pos = claim.start
    for lo, hi in sorted(cuts):
        if lo > pos:
            keep.append((pos, lo))
        pos = max(pos, hi)
    keep.append((pos, claim.end))
    return keep


def content_text(claim: Claim) -> str:
    """What the claim says, figures masked (see ``content_spans``).

    "“Dit hebben we nog nooit meegemaakt”, aldus burgemeester Anna de Vries, die
    donderdag…" and "“…”, zei brandweercommandant Peter Janssen vrijdag…" then
    align on the quote itself.
    """
    pieces = []
    for lo, hi in content_spans(claim):
        part = claim.model_copy(
            update={
                "start": lo,
                "end": hi,
                "text": claim.text[lo - claim.start : hi - claim.start],
                "figures": [f for f in claim.figures if lo <= f.start and f.end <= hi],
            }
        )
        pieces.append(masked_text(part).strip(" ,;:"))
    out = " ".join(p for p in pieces if p.strip(" ,;:.\"'“”‘’„«»"))
    return out or masked_text(claim)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_keys(claim: Claim) -> set[str]:
    """Capitalised words inside the claim (not its first word), folded: names of people and places."""
    words = claim.text.replace("’", "'").split()
    keys = set()
    for i, w in enumerate(words):
        w = w.strip(".,;:!?\"'“”‘’„«»()[]")
        if len(w) > 2 and w[0].isupper() and (i > 0 or w.isupper()):
            keys.add(_fold(w.split("'")[0]))
    return keys


def source_keys(claim: Claim) -> set[str]:
    """The last word of each canonical source, folded ("Grandi", "knmi")."""
    return {_fold(a.canonical_source.split()[-1]) for a in claim.attributions if a.canonical_source}


def figure_keys(claim: Claim) -> tuple[set[str], set[str]]:
    """(kinds, anchors): "money:EUR", "measure:mm"; and those with a rounded value."""
    kinds, anchors = set(), set()
    for f in claim.figures:
        if f.kind not in SUBSTANTIVE or f.value is None:
            continue
        k = f"{f.kind}:{f.unit or f.currency or ''}"
        kinds.add(k)
        v = f.value
        anchors.add(f"{k}={float(f'{v:.2g}') if v else 0}")
    return kinds, anchors


def day_keys(claim: Claim) -> set[str]:
    """The weekdays the claim's statement names ("wd1" for Tuesday), resolved dates included."""
    keys = set()
    spans = content_spans(claim)
    for f in claim.figures:
        if not any(lo <= f.start and f.end <= hi for lo, hi in spans):
            continue
        if f.kind == "date" and f.weekday is not None:
            keys.add(f"wd{f.weekday}")
        elif f.kind == "date" and f.iso and len(f.iso) == 10:
            keys.add(f"wd{date.fromisoformat(f.iso).weekday()}")
    return keys


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


def _overlap(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Jaccard of binary rows, as a matrix product."""
    inter = a @ b.T
    union = a.sum(1)[:, None] + b.sum(1)[None, :] - inter
    return np.where(union > 0, inter / np.maximum(union, 1e-9), 0.0)


@dataclass
class Features:
    """Per-claim data the pair signals are computed from."""

    claims: list[Claim]
    languages: list[str]
    vectors: np.ndarray
    masked: list[str]
    names: list[set[str]]
    sources: list[set[str]]
    kinds: list[set[str]]
    anchors: list[set[str]]
    days: list[set[str]]
    measures: np.ndarray  # mean embedding of what the figures count; zero when none


def _measure_vectors(claims: list[Claim], encoder: Encoder, dim: int) -> np.ndarray:
    """One unit vector per claim: the mean embedding of its figures' measures ("brandweerlieden")."""
    words = sorted({f.measure for c in claims for f in c.figures if f.measure})
    out = np.zeros((len(claims), dim), dtype=np.float32)
    if not words:
        return out
    vec = dict(zip(words, encoder.encode(words), strict=True))
    for i, c in enumerate(claims):
        ms = [vec[f.measure] for f in c.figures if f.measure]
        if ms:
            m = np.mean(ms, axis=0)
            out[i] = m / max(float(np.linalg.norm(m)), 1e-9)
    return out


def features(claims: list[Claim], languages: list[str], encoder: Encoder) -> Features:
    masked = [content_text(c) for c in claims]
    fk = [figure_keys(c) for c in claims]
    vectors = encoder.encode(masked) if claims else np.zeros((0, 1), np.float32)
    return Features(
        claims=claims,
        languages=languages,
        vectors=vectors,
        measures=_measure_vectors(claims, encoder, vectors.shape[1]),
        masked=[m.lower() for m in masked],
        names=[name_keys(c) for c in claims],
        sources=[source_keys(c) for c in claims],
        kinds=[k for k, _ in fk],
        anchors=[a for _, a in fk],
        days=[day_keys(c) for c in claims],
    )


def signal_matrices(fa: Features, ia: list[int], ib: list[int]) -> dict[str, np.ndarray]:
    """Every signal for claims ``ia`` × claims ``ib``, each an (len(ia), len(ib)) matrix."""
    from rapidfuzz import fuzz, process

    cos = fa.vectors[ia] @ fa.vectors[ib].T
    la = [fa.languages[i] for i in ia]
    lb = [fa.languages[j] for j in ib]
    same = (
        np.array([[x == y for y in lb] for x in la], dtype=np.float32)
        if ia and ib
        else np.zeros((len(ia), len(ib)), np.float32)
    )
    fz = (
        process.cdist(
            [fa.masked[i] for i in ia],
            [fa.masked[j] for j in ib],
            scorer=fuzz.token_set_ratio,
            dtype=np.float32,
        )
        / 100.0
    )
    out = {"cosine": cos, "fuzz": fz * same, "measure": fa.measures[ia] @ fa.measures[ib].T}
    for name, attr in (("names", "names"), ("sources", "sources"), ("anchor", "anchors")):
        rows_a = [getattr(fa, attr)[i] for i in ia]
        rows_b = [getattr(fa, attr)[j] for j in ib]
        vocab = _vocab(rows_a, rows_b)
        out[name] = _overlap(_binary(rows_a, vocab), _binary(rows_b, vocab))
    ka = [fa.kinds[i] for i in ia]
    kb = [fa.kinds[j] for j in ib]
    vocab = _vocab(ka, kb)
    ma, mb = _binary(ka, vocab), _binary(kb, vocab)
    shared = ma @ mb.T
    has_a, has_b = ma.sum(1)[:, None] > 0, mb.sum(1)[None, :] > 0
    out["same_kind"] = (shared > 0).astype(np.float32)
    da, db = [fa.days[i] for i in ia], [fa.days[j] for j in ib]
    vocab = _vocab(da, db)
    ma, mb = _binary(da, vocab), _binary(db, vocab)
    day_a, day_b = ma.sum(1)[:, None] > 0, mb.sum(1)[None, :] > 0
    out["day_clash"] = (((ma @ mb.T) == 0) & day_a & day_b).astype(np.float32)
    out["kind_clash"] = ((shared == 0) & has_a & has_b).astype(np.float32)
    out["anchor"] = (out["anchor"] > 0).astype(np.float32)
    return out


def score_matrix(sig: dict[str, np.ndarray], w: Weights) -> np.ndarray:
    """The probability that two claims state the same fact."""
    z = (
        w.bias
        + w.cosine * sig["cosine"]
        + w.fuzz * sig["fuzz"]
        + w.names * sig["names"]
        + w.sources * sig["sources"]
        + w.anchor * sig["anchor"]
        + w.measure * sig["measure"]
        + w.same_kind * sig["same_kind"]
        + w.kind_clash * sig["kind_clash"]
        + w.day_clash * sig["day_clash"]
    )
    return 1.0 / (1.0 + np.exp(-z))


def _linked(
    ga: list[int],
    gb: list[int],
    claims: list[Claim],
    pair_scores: dict[tuple[str, str], np.ndarray],
    pos: dict[int, int],
    link: float,
) -> bool:
    """Average linkage: the mean score over every cross pair of two groups reaches ``link``."""
    if len(ga) + len(gb) <= 2:
        return True
    total = 0.0
    for x in ga:
        for y in gb:
            dx, dy = claims[x].doc, claims[y].doc
            if (dx, dy) in pair_scores:
                total += float(pair_scores[dx, dy][pos[x], pos[y]])
            else:
                total += float(pair_scores[dy, dx][pos[y], pos[x]])
    return total / (len(ga) * len(gb)) >= link


def align(
    claims: list[Claim],
    languages: dict[str, str],
    encoder: Encoder,
    weights: Weights | None = None,
) -> list[tuple[list[str], float | None]]:
    """Groups of claim ids (at most one per report) with their weakest pair score."""
    from scipy.optimize import linear_sum_assignment

    w = weights or default_weights()
    feats = features(claims, [languages[c.doc] for c in claims], encoder)
    by_doc: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        by_doc.setdefault(c.doc, []).append(i)
    docs = sorted(by_doc)
    edges: list[tuple[float, int, int]] = []
    pair_scores: dict[tuple[str, str], np.ndarray] = {}
    pos = {i: k for idx in by_doc.values() for k, i in enumerate(idx)}
    for x, da in enumerate(docs):
        for db in docs[x + 1 :]:
            ia, ib = by_doc[da], by_doc[db]
            s = score_matrix(signal_matrices(feats, ia, ib), w)
            pair_scores[da, db] = s
            rows, cols = linear_sum_assignment(-s)
            for r, c in zip(rows, cols, strict=True):
                if s[r, c] >= w.threshold:
                    edges.append((float(s[r, c]), ia[r], ib[c]))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    group_of = list(range(len(claims)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(claims))}
    weakest: dict[int, float | None] = {i: None for i in range(len(claims))}
    for score, a, b in edges:
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        docs_a = {claims[i].doc for i in members[ga]}
        if docs_a & {claims[i].doc for i in members[gb]}:
            continue  # one claim per report in a group
        if not _linked(members[ga], members[gb], claims, pair_scores, pos, w.link):
            continue  # a weak third member would join through one edge only
        for i in members[gb]:
            group_of[i] = ga
        members[ga].extend(members.pop(gb))
        scores = [s for s in (weakest[ga], weakest.pop(gb), score) if s is not None]
        weakest[ga] = min(scores)
    out = []
    for g in sorted(members, key=lambda g: min(members[g])):
        ids = [claims[i].id for i in sorted(members[g])]
        out.append((ids, weakest[g]))
    return out
