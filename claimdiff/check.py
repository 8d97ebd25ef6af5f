"""``claimdiff check DRAFT --against SOURCE...``: what in a draft do its sources contradict?

Every claim of the draft is aligned with the sources' claims (the same
alignment as ``compare``, across languages too). A finding is one of:

- ``figure``: a figure of the draft conflicts with the aligned source claim;
- ``attribution``: the draft names another source than the aligned source claim;
- ``unsupported``: no source states the claim; the closest source sentence is given.

Each finding carries the draft's line and column and the source's ``file:line``,
and a ``key`` that survives edits elsewhere in the files (see ``baseline.py``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

import numpy as np
from pydantic import BaseModel, ConfigDict

from claimdiff import __version__
from claimdiff.models import Claim, Document

if TYPE_CHECKING:
    from claimdiff.align import Weights
    from claimdiff.encoders import Encoder

FindingKind = Literal["figure", "attribution", "unsupported"]
FINDING_KINDS: tuple[FindingKind, ...] = ("figure", "attribution", "unsupported")


class Location(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    claim: str
    text: str


class Finding(BaseModel):
    """One thing in the draft that a source contradicts or does not support."""

    model_config = ConfigDict(extra="forbid")

    kind: FindingKind
    message: str
    draft: Location
    source: Location | None = None
    rule: str | None = None
    score: float | None = None
    key: str
    baselined: bool = False


class CheckReport(BaseModel):
    """What ``claimdiff check`` produces."""

    model_config = ConfigDict(extra="forbid")

    schema_version: str = "1.0"
    tool: str = "claimdiff"
    version: str = __version__
    draft: Document
    sources: list[Document]
    claims: int
    findings: list[Finding]
    settings: dict[str, object] = {}
    warnings: list[str] = []


def _location(claim: Claim, doc: Document) -> Location:
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


def check(
    draft: str | Path | Document,
    sources: Sequence[str | Path | Document],
    *,
    lang: str | None = None,
    model: str | None = None,
    cache: bool = True,
    tolerance: float | None = None,
    max_bytes: int | None = None,
    encoder: Encoder | None = None,
    weights: Weights | None = None,
) -> CheckReport:
    """Check a draft against its sources; see the module docstring."""
    from claimdiff.align import features, score_matrix, signal_matrices
    from claimdiff.encoders import get_encoder
    from claimdiff.errors import InputError
    from claimdiff.pipeline import _documents, compare

    if not sources:
        raise InputError("check needs at least one source: --against SOURCE...")
    docs = _documents([draft, *sources], lang, max_bytes)
    enc = encoder or get_encoder(model, cache=cache)
    report = compare(docs, tolerance=tolerance, encoder=enc, weights=weights)
    draft_doc, source_docs = report.documents[0], report.documents[1:]
    by_doc = {d.id: d for d in report.documents}
    claims = {c.id: c for c in report.claims}
    draft_claims = [c for c in report.claims if c.doc == draft_doc.id]
    source_claims = [c for c in report.claims if c.doc != draft_doc.id]
    group_of = {cid: g for g in report.groups for cid in g.claims}
    findings: list[Finding] = []
    unsupported = []
    for c in draft_claims:
        g = group_of[c.id]
        if len(g.claims) == 1:
            unsupported.append(c)
            continue
        for d in g.differences:
            if d.kind not in ("figure", "attribution") or c.id not in (d.a, d.b):
                continue
            other = claims[d.b if d.a == c.id else d.a]
            findings.append(
                Finding(
                    kind=cast(FindingKind, d.kind),
                    message=f"{d.kind} conflict with {Path(by_doc[other.doc].path).name}:{other.line}: {d.detail}",
                    draft=_location(c, draft_doc),
                    source=_location(other, by_doc[other.doc]),
                    rule=d.rule,
                    key=finding_key(d.kind, c, other),
                )
            )
    if unsupported:
        langs = [by_doc[c.doc].language for c in (*unsupported, *source_claims)]
        feats = features([*unsupported, *source_claims], langs, enc)
        n = len(unsupported)
        if source_claims:
            from claimdiff.align import default_weights

            sig = signal_matrices(feats, list(range(n)), list(range(n, n + len(source_claims))))
            scores = score_matrix(sig, weights or default_weights())
        for i, c in enumerate(unsupported):
            best = source_claims[int(np.argmax(scores[i]))] if source_claims else None
            score = float(np.max(scores[i])) if source_claims else None
            where = f"; closest: {Path(by_doc[best.doc].path).name}:{best.line}" if best else ""
            findings.append(
                Finding(
                    kind="unsupported",
                    message=f"no source states this{where}",
                    draft=_location(c, draft_doc),
                    source=_location(best, by_doc[best.doc]) if best else None,
                    rule="no aligned claim",
                    score=None if score is None else round(score, 4),
                    key=finding_key("unsupported", c, None),
                )
            )
    findings.sort(key=lambda f: (f.draft.line, f.draft.column, FINDING_KINDS.index(f.kind)))
    return CheckReport(
        draft=draft_doc,
        sources=list(source_docs),
        claims=len(draft_claims),
        findings=findings,
        settings=report.settings,
        warnings=report.warnings,
    )
