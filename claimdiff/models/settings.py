"""``Settings``: every option of claimdiff, its default and its meaning, in one place.

The Python API takes a ``Settings`` (or the same names as keyword arguments),
the CLI flags map onto its fields, and ``claimdiff.toml`` / ``[tool.claimdiff]``
in ``pyproject.toml`` use the same names (with ``-`` or ``_``). ``claimdiff
config`` prints the effective value of each with where it came from.

>>> s = Settings(tolerance=0.05, lang="nl")
>>> s.tolerance, s.model, s.fail_on
(0.05, 'use-m3', ['figure', 'attribution'])
>>> Settings(tolerance=2)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings
tolerance
  Input should be less than or equal to 1 ...
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from claimdiff.models.kinds import FindingKind

DEFAULT_MODEL = "use-m3"
DEFAULT_MAX_BYTES = 5_000_000
#: The largest ``max_bytes`` accepted: a report is read into memory whole.
MAX_BYTES_LIMIT = 1_000_000_000


class Settings(BaseModel):
    """The options of a claimdiff run (``compare``, ``extract``, ``check``)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    lang: str | None = Field(
        default=None,
        description="Language of every report (nl, en, de, fr); when not set it is read "
        "from each report's header or detected.",
    )
    model: str = Field(
        default=DEFAULT_MODEL,
        description="Sentence encoder: use-m3 (shipped on PyPI, no torch), or the path of a "
        "sentence-transformers model folder (needs the transformers extra).",
    )
    cache: bool = Field(
        default=True,
        description="Keep sentence embeddings in the on-disk cache ($CLAIMDIFF_CACHE, "
        "default ~/.cache/claimdiff), so unchanged reports are not encoded again.",
    )
    tolerance: float = Field(
        default=0.1,
        ge=0.0,
        le=1.0,
        allow_inf_nan=False,
        description="Relative tolerance for hedged figures (about, zo'n, nearly): "
        "'about 100' allows 90-110 at 0.1.",
    )
    weights: str | None = Field(
        default=None,
        description="Alignment weights (JSON, as claimdiff/data/align_weights.json); "
        "keys left out keep their defaults.",
    )
    max_bytes: int = Field(
        default=DEFAULT_MAX_BYTES,
        ge=1,
        le=MAX_BYTES_LIMIT,
        description="Refuse reports larger than this many bytes.",
    )
    follow_symlinks: bool = Field(
        default=False,
        description="When a folder is expanded, also read links that point outside it "
        "(off: such links are skipped with a warning).",
    )
    fail_on: list[FindingKind] = Field(
        default=["figure", "attribution"],
        description="check: exit 1 when findings of these kinds exist (figure, attribution, "
        "unsupported). compare fails only when --fail-on is given.",
    )
    drafts: list[str] = Field(
        default=[],
        description="check: the drafts to check when none is named (globs, relative to the "
        "configuration file).",
    )
    sources: list[str] = Field(
        default=[],
        description="check: the sources to check against when --against is not given "
        "(globs or folders, relative to the configuration file).",
    )
    baseline: str | None = Field(
        default=None,
        description="check: a baseline of accepted findings (relative to the configuration "
        "file); a missing file is an empty baseline.",
    )

    def with_options(self, **options: object) -> Settings:
        """A copy with the given options set; ``None`` leaves a setting as it is."""
        given = {k: v for k, v in options.items() if v is not None}
        return self.model_validate({**self.model_dump(), **given})


#: The settings that shape a report's content (kept in ``Report.settings``).
REPORT_SETTINGS = ("lang", "model", "tolerance", "weights")
