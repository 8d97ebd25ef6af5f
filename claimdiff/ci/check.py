"""``claimdiff check DRAFT --against SOURCE...``: what in a draft do its sources contradict?

Every claim of the draft is aligned with the claims of each source (the
pair score of ``compare``, across languages too; one to one per source), so
the cost grows with draft × sources, never sources × sources. A finding is
one of:

- ``figure``: a figure of the draft that an aligned source claim contradicts,
  and that no aligned source claim supports (one finding per figure, with the
  best-aligned contradicting source);
- ``attribution``: the draft names a source that no aligned source claim
  gives the statement to, while one gives it to another source;
- ``unsupported``: no source states the claim; the closest source claim is given.

Each finding carries the draft's line and column and the source's ``file:line``,
and a ``key`` that survives edits elsewhere in the files (see ``baseline.py``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from claimdiff.models import CheckReport, Claim, Document, Figure, Finding, Location, Settings

if TYPE_CHECKING:
    from claimdiff.stages.align.encoders import Encoder
    from claimdiff.stages.align.weights import Weights
    from claimdiff.stages.compare.figures import FigureRule
    from claimdiff.stages.compare.sources import SourceMatcher

#: Source claims scored against the draft in one block (bounds the memory of a large check).
CHUNK_CLAIMS = 4000


def location(claim: Claim, doc: Document) -> Location:
    """Where a claim is: lines and columns of its start and end, its text on one line."""
    end_line = claim.line + claim.text.count("\n")
    last_nl = claim.text.rfind("\n")
    end_col = (len(claim.text) - last_nl) if last_nl >= 0 else claim.column + len(claim.text)
    return Location(
        path=doc.path,
        line=claim.line,
        column=claim.column,
        end_line=end_line,
        end_column=end_col,
        claim=claim.id,
        text=" ".join(claim.text.split()),
    )


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def finding_key(kind: str, draft: Claim, source: Claim | None) -> str:
    """Stable across edits elsewhere: the kind and the two claims' words, not their offsets."""
    raw = f"{kind}\x00{_norm(draft.text)}\x00{_norm(source.text) if source else ''}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


@dataclass
class Alignment:
    """What the sources say about one draft claim."""

    aligned: list[tuple[float, Claim]] = field(default_factory=list)  # best first
    closest: tuple[float, Claim] | None = None


def align_draft(
    draft_claims: list[Claim],
    source_claims: list[Claim],
    languages: dict[str, str],
    encoder: Encoder,
    weights: Weights,
) -> list[Alignment]:
    """For each draft claim, the source claims aligned with it (one per source) and the closest."""
    from claimdiff.stages.align.assignment import BULK
    from claimdiff.stages.align.features import features
    from claimdiff.stages.align.grouping import block_pairs
    from claimdiff.stages.align.scorer import pair_logits, sigmoid

    out = [Alignment() for _ in draft_claims]
    if not draft_claims or not source_claims:
        return out
    claims = [*draft_claims, *source_claims]
    feats = features(claims, [languages[c.doc] for c in claims], encoder)
    rows = list(range(len(draft_claims)))
    by_doc: dict[str, list[int]] = {}
    for k, c in enumerate(source_claims, start=len(draft_claims)):
        by_doc.setdefault(c.doc, []).append(k)
    bulk = len(by_doc) >= BULK
    docs = list(by_doc)
    start = 0
    while start < len(docs):
        chunk: list[str] = []
        n = 0
        while start < len(docs) and (not chunk or n + len(by_doc[docs[start]]) <= CHUNK_CLAIMS):
            chunk.append(docs[start])
            n += len(by_doc[docs[start]])
            start += 1
        cols = [k for d in chunk for k in by_doc[d]]
        scores = sigmoid(pair_logits(feats, rows, cols, weights))
        at = 0
        for d in chunk:
            block = scores[:, at : at + len(by_doc[d])]
            for score, r, k in block_pairs(block, weights, bulk):
                out[r].aligned.append((score, claims[by_doc[d][k]]))
            at += len(by_doc[d])
        best = scores.argmax(axis=1)
        for r in rows:
            s = float(scores[r, best[r]])
            now = out[r].closest
            if now is None or s > now[0]:
                out[r].closest = (s, claims[cols[int(best[r])]])
    for a in out:
        a.aligned.sort(key=lambda sc: (-sc[0], sc[1].id))
    return out


def _figure_findings(
    c: Claim, aligned: list[tuple[float, Claim]], tolerance: float, matcher: SourceMatcher
) -> list[tuple[Figure, Figure, Claim, FigureRule]]:
    """(draft figure, source figure, source claim, rule) for each draft figure that an aligned
    source contradicts and none supports."""
    from claimdiff.stages.compare.figures import pair_figures

    verdicts: dict[int, list[tuple[bool, Figure, Claim, FigureRule]]] = {}
    for _, src in aligned:
        for x, y, ok, rule in pair_figures(c.figures, src.figures, tolerance, matcher.sim):
            verdicts.setdefault(c.figures.index(x), []).append((ok, y, src, rule))
    out = []
    for k, vs in sorted(verdicts.items()):
        if any(ok for ok, *_ in vs):
            continue
        _, y, src, rule = vs[0]  # the best-aligned source that contradicts it
        out.append((c.figures[k], y, src, rule))
    return out


def check_draft(
    draft: Document,
    sources: Sequence[Document],
    settings: Settings,
    encoder: Encoder,
    weights: Weights,
) -> CheckReport:
    """The findings about one draft (see the module docstring)."""
    from claimdiff.stages.align.weights import weights_warning
    from claimdiff.stages.compare.groups import canonical_sources, compare_pair
    from claimdiff.stages.compare.phrases import PhraseSimilarity
    from claimdiff.stages.compare.sources import SourceMatcher
    from claimdiff.stages.extract import extract_documents
    from claimdiff.stages.load import document_warnings
    from claimdiff.stages.render.text import finding_message

    docs, claims = extract_documents([draft, *sources])
    draft_doc, source_docs = docs[0], docs[1:]
    by_doc = {d.id: d for d in docs}
    draft_claims = [c for c in claims if c.doc == draft_doc.id]
    source_claims = [c for c in claims if c.doc != draft_doc.id]
    alignments = align_draft(
        draft_claims, source_claims, {d.id: d.language for d in docs}, encoder, weights
    )
    similarity = PhraseSimilarity(encoder)
    involved = [*draft_claims, *(s for a in alignments for _, s in a.aligned)]
    similarity.prepare(
        {a.source for c in involved for a in c.attributions}
        | {f.measure for c in involved for f in c.figures if f.measure}
    )
    matcher = SourceMatcher(similarity)
    findings: list[Finding] = []

    def add(kind: str, rule: str, c: Claim, src: Claim | None, **extra: object) -> None:
        """A finding about draft claim ``c``, with its message written."""
        f = Finding.model_validate(
            {
                "kind": kind,
                "rule": rule,
                "draft": location(c, draft_doc),
                "source": location(src, by_doc[src.doc]) if src else None,
                "key": finding_key(kind, c, src if kind != "unsupported" else None),
                **extra,
            }
        )
        name = Path(by_doc[src.doc].path).name if src else None
        findings.append(f.model_copy(update={"message": finding_message(f, name)}))

    for c, a in zip(draft_claims, alignments, strict=True):
        if not a.aligned:
            score = round(a.closest[0], 4) if a.closest else None
            add(
                "unsupported",
                "no_aligned_claim",
                c,
                a.closest[1] if a.closest else None,
                score=score,
            )
            continue
        for x, y, src, rule in _figure_findings(c, a.aligned, settings.tolerance, matcher):
            add(
                "figure",
                rule,
                c,
                src,
                figure_draft=x,
                figure_source=y,
                sources_draft=canonical_sources(c.attributions),
                sources_source=canonical_sources(src.attributions),
            )
        diffs = [(src, compare_pair(c, src, settings.tolerance, matcher)) for _, src in a.aligned]
        said = [(src, ds) for src, ds in diffs if src.attributions and c.attributions]
        confirmed = any(not any(d.kind == "attribution" for d in ds) for _, ds in said)
        against = [(src, d) for src, ds in said for d in ds if d.kind == "attribution"]
        if against and not confirmed:
            src, d = against[0]
            add(
                "attribution",
                d.rule,
                c,
                src,
                sources_draft=d.sources_a,
                sources_source=d.sources_b,
            )
    order = {"figure": 0, "attribution": 1, "unsupported": 2}
    findings.sort(key=lambda f: (f.draft.line, f.draft.column, order[f.kind]))
    warnings = document_warnings(docs)
    mismatch = weights_warning(weights, encoder)
    if mismatch:
        warnings.append(mismatch)
    return CheckReport(
        draft=draft_doc.info(),
        sources=[d.info() for d in source_docs],
        claims=len(draft_claims),
        findings=findings,
        settings=settings,
        warnings=list(dict.fromkeys(warnings)),
    )
