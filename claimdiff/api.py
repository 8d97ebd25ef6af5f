"""The Python API, the pipeline end to end: load → segment → extract → align → compare → render.

``compare``, ``extract``, ``check`` and ``read_text`` are exported from the
``claimdiff`` package; the CLI only wraps them, so the API and
``claimdiff compare --format json`` give the same report, warnings included.

Options are a :class:`~claimdiff.models.Settings`, or its field names as
keyword arguments (``compare(paths, tolerance=0.05)``); both may be given,
the keywords win.

>>> import claimdiff
>>> a = claimdiff.read_text("Meer dan 500.000 mensen zijn gevlucht, aldus Grandi.", id="nos")
>>> [(c.figures[0].value, c.attributions[0].source) for c in claimdiff.extract(a).claims]
[(500000.0, 'Grandi')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimdiff import __version__
from claimdiff.errors import InputError
from claimdiff.models import CheckReport, Claim, Document, Report, Settings

if TYPE_CHECKING:
    from claimdiff.stages.align.encoders import Encoder
    from claimdiff.stages.align.weights import Weights

PathLike = str | Path


def settings_of(settings: Settings | None, options: dict[str, Any]) -> Settings:
    """``settings`` (or the defaults) with the keyword ``options`` applied, validated.

    An unknown or out-of-range option is an :class:`InputError` that names it.
    """
    from pydantic import ValidationError

    base = settings or Settings()
    try:
        return base.with_options(**options)
    except ValidationError as e:
        err = e.errors()[0]
        name = ".".join(str(x) for x in err["loc"]) or "settings"
        raise InputError(f"option {name}: {err['msg']} (got {err.get('input')!r})") from None


def read_text(
    text: str, id: str = "text", lang: str | None = None, path: str | None = None
) -> Document:
    """A report from a string. Offsets refer to ``text`` exactly as given.

    ``lang`` is the language (``nl``, ``en``…); detected when not given.
    ``path`` is what the report calls the file (default: the id).
    """
    from claimdiff.stages.load import document_from_text

    return document_from_text(text, id, lang=lang, path=path)


def load(
    items: Iterable[PathLike | Document], settings: Settings, notices: list[str] | None = None
) -> list[Document]:
    """Documents as given, and the reports at the given paths (folders stand for their reports).

    Files a folder held that are not read (and why) are appended to ``notices``.
    """
    from claimdiff.stages.load import load_documents

    items = list(items)
    docs = [d for d in items if isinstance(d, Document)]
    paths = [p for p in items if not isinstance(p, Document)]
    if paths:
        docs = docs + load_documents(
            paths,
            lang=settings.lang,
            max_bytes=settings.max_bytes,
            follow_symlinks=settings.follow_symlinks,
            notices=notices,
        )
    seen: set[str] = set()
    for d in docs:
        if d.id in seen:
            raise InputError(f"two reports share the id {d.id!r}; give each report once")
        seen.add(d.id)
    return docs


def extract(
    source: PathLike | Document, settings: Settings | None = None, **options: Any
) -> Report:
    """The claims of one report, as a Report without groups."""
    from claimdiff.stages.load import document_warnings

    s = settings_of(settings, options)
    notices: list[str] = []
    docs, claims = extract_all(load([source], s, notices))
    return Report(
        version=__version__,
        documents=docs,
        claims=claims,
        groups=[],
        settings=s,
        warnings=_unique([*notices, *document_warnings(docs)]),
    )


def encoder_for(settings: Settings, encoder: Encoder | None = None) -> Encoder:
    """The encoder the settings name (``encoder`` when one is given, already loaded)."""
    from claimdiff.stages.align.encoders import get_encoder

    return encoder or get_encoder(settings.model, cache=settings.cache)


def weights_for(settings: Settings, weights: Weights | None = None) -> Weights:
    """The alignment weights: ``weights``, else the settings' file, else the shipped ones."""
    from claimdiff.stages.align.weights import default_weights, load_weights

    if weights is not None:
        return weights
    return load_weights(settings.weights) if settings.weights else default_weights()


def extract_all(docs: list[Document]) -> tuple[list[Document], list[Claim]]:
    """Every document's claims, and the documents with their claim counts (new objects)."""
    from claimdiff.stages.extract import extract_documents

    return extract_documents(docs)


def compare(
    sources: Sequence[PathLike | Document],
    settings: Settings | None = None,
    *,
    encoder: Encoder | None = None,
    weights: Weights | PathLike | None = None,
    **options: Any,
) -> Report:
    """Compare two or more reports of one event, claim by claim.

    ``sources`` are paths (files, or folders of ``.txt``/``.md`` reports) or
    Documents (``read_text``). ``encoder`` reuses a loaded encoder; ``weights``
    is a weights file (the setting) or loaded ``Weights``. Returns the Report
    that ``claimdiff compare`` renders.
    """
    from claimdiff.stages.align import align
    from claimdiff.stages.align.weights import weights_warning
    from claimdiff.stages.compare import build_groups
    from claimdiff.stages.load import document_warnings
    from claimdiff.stages.render.text import describe

    weights, options = _weights_option(weights, options)
    s = settings_of(settings, options)
    notices: list[str] = []
    docs = load(sources, s, notices)
    if len(docs) < 2:
        raise InputError("compare needs at least two reports; use 'claimdiff extract' for one")
    docs, claims = extract_all(docs)
    enc = encoder_for(s, encoder)
    w = weights_for(s, weights)
    warnings = [*notices, *document_warnings(docs)]
    mismatch = weights_warning(w, enc)
    if mismatch:
        warnings.append(mismatch)
    groups = align(claims, {d.id: d.language for d in docs}, enc, w, warnings)
    by_id = {c.id: c for c in claims}
    report = Report(
        version=__version__,
        documents=docs,
        claims=claims,
        groups=build_groups(groups, by_id, tolerance=s.tolerance, encoder=enc),
        settings=s,
        warnings=_unique(warnings),
    )
    return describe(report)


def check(
    draft: PathLike | Document,
    sources: Sequence[PathLike | Document],
    settings: Settings | None = None,
    *,
    encoder: Encoder | None = None,
    weights: Weights | PathLike | None = None,
    **options: Any,
) -> CheckReport:
    """Check a draft against its sources: what do they contradict, what does none state?

    See ``claimdiff.ci.check`` for the findings.
    """
    from claimdiff.ci.check import check_draft

    weights, options = _weights_option(weights, options)
    s = settings_of(settings, options)
    if not sources:
        raise InputError("check needs at least one source: --against SOURCE...")
    docs = load([draft, *sources], s)
    return check_draft(docs[0], docs[1:], s, encoder_for(s, encoder), weights_for(s, weights))


def _weights_option(
    weights: Weights | PathLike | None, options: dict[str, Any]
) -> tuple[Weights | None, dict[str, Any]]:
    """``weights=`` as loaded weights, or as the ``weights`` setting (a file)."""
    if isinstance(weights, str | Path):
        return None, {**options, "weights": str(weights)}
    return weights, options


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
