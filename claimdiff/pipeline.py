"""The pipeline, end to end: load → segment → extract → align → compare → render.

``compare`` and ``extract`` are the Python API; the CLI only wraps them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from claimdiff import __version__
from claimdiff.errors import InputError
from claimdiff.models import Claim, Document, Report

if TYPE_CHECKING:
    from claimdiff.align import Weights
    from claimdiff.encoders import Encoder

PathLike = str | Path


def _documents(
    items: Iterable[PathLike | Document], lang: str | None, max_bytes: int | None
) -> list[Document]:
    from claimdiff.load import DEFAULT_MAX_BYTES, load_documents

    items = list(items)
    docs = [d for d in items if isinstance(d, Document)]
    paths = [p for p in items if not isinstance(p, Document)]
    if paths:
        docs = docs + load_documents(paths, lang=lang, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    seen: set[str] = set()
    for d in docs:
        if d.id in seen:
            raise InputError(f"two reports share the id {d.id!r}; give each report once")
        seen.add(d.id)
    return docs


def extract_claims(doc: Document) -> list[Claim]:
    """Segment a document and extract its claims (figures and attributions)."""
    from claimdiff.extract import claims_of

    claims = claims_of(doc)
    doc.n_claims = len(claims)
    return claims


def extract(
    source: PathLike | Document, lang: str | None = None, max_bytes: int | None = None
) -> Report:
    """The claims of one report, as a Report without groups.

    >>> from claimdiff.load import document_from_text
    >>> r = extract(document_from_text("Meer dan 500.000 mensen zijn gevlucht, aldus Grandi.", "nos"))
    >>> [(c.figures[0].value, c.attributions[0].source) for c in r.claims]
    [(500000.0, 'Grandi')]
    """
    docs = _documents([source], lang, max_bytes)
    claims = [c for d in docs for c in extract_claims(d)]
    return Report(version=__version__, documents=docs, claims=claims, groups=[])


def compare(
    sources: Sequence[PathLike | Document],
    *,
    lang: str | None = None,
    model: str | None = None,
    cache: bool = True,
    tolerance: float | None = None,
    max_bytes: int | None = None,
    encoder: Encoder | None = None,
    weights: Weights | None = None,
) -> Report:
    """Compare two or more reports of one event, claim by claim.

    ``sources`` are paths (files, or folders of ``.txt``/``.md`` reports) or
    Documents. ``weights`` overrides the alignment weights (see
    ``claimdiff.align.load_weights``). Returns the Report that ``claimdiff compare`` renders.
    """
    from claimdiff.align import align
    from claimdiff.compare import DEFAULT_TOLERANCE, build_groups
    from claimdiff.encoders import get_encoder

    docs = _documents(sources, lang, max_bytes)
    if len(docs) < 2:
        raise InputError("compare needs at least two reports; use 'claimdiff extract' for one")
    claims = [c for d in docs for c in extract_claims(d)]
    enc = encoder or get_encoder(model, cache=cache)
    tol = DEFAULT_TOLERANCE if tolerance is None else tolerance
    warnings = [
        f"{d.path}: language {d.language!r} has no data in claimdiff; read with English conventions"
        for d in docs
        if d.language not in _supported()
    ]
    groups = align(claims, {d.id: d.language for d in docs}, enc, weights, warnings)
    by_id = {c.id: c for c in claims}
    return Report(
        version=__version__,
        documents=docs,
        claims=claims,
        groups=build_groups(groups, by_id, tolerance=tol, encoder=enc),
        settings={"model": enc.name, "tolerance": tol},
        warnings=warnings,
    )


def _supported() -> list[str]:
    from claimdiff.lang import available

    return available()
