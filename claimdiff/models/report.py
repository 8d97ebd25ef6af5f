"""The report's models: documents, claims with their figures and attributions, groups.

All ``start``/``end`` fields are character offsets (Python ``str`` indices) into
``Document.text``, the file as claimdiff decoded it (see ``claimdiff.stages.load``;
``Document.text_source`` says what was done), so that
``document.text[start:end] == span.text`` holds for every span in a report.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from claimdiff.models.kinds import (
    SCHEMA_VERSION,
    AttributionKind,
    DifferenceKind,
    FigureKind,
    LanguageFrom,
    Qualifier,
    Rule,
    SourceType,
    Verdict,
)
from claimdiff.models.settings import Settings


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A piece of a document: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


class Figure(Span):
    """A number as the report states it, with what bounds it and what it counts.

    ``low``/``high`` is the interval the text commits to: a range's ends, a
    qualifier's bound, or the precision that the digits imply ("1700" is
    probably rounded to hundreds: 1650–1750).
    """

    value: float | None = Field(description="the number in full units; null for dates and times")
    qualifier: Qualifier = "exact"
    low: float | None = None
    high: float | None = None
    kind: FigureKind = "count"
    unit: str | None = None
    currency: str | None = None
    measure: str | None = Field(default=None, description="what is counted, in the report's words")
    iso: str | None = Field(default=None, description="ISO date or time for kind date/time")
    weekday: int | None = Field(default=None, description="0 = Monday, for a weekday named")


class Attribution(Span):
    """Who said or reported a claim.

    The span (``text``) covers the source as written ("de Oekraïense president
    Volodimir Zelensky", "she"); ``source`` is the name in it, without its role
    ("Volodimir Zelensky"); ``canonical_source`` the fullest name the report
    gives for that source ("she" -> "Anna de Vries", "Grandi" -> "Filippo Grandi").
    """

    source: str = Field(description="the name of the source as this span writes it, role left out")
    canonical_source: str = Field(description="the fullest name the report gives the source")
    source_type: SourceType = "person"
    role: str | None = None
    cue: str | None = Field(default=None, description="the cue word(s): said, volgens, aldus")
    named: bool = Field(
        default=True,
        description="the source has a name (a person or body), not only a description "
        '("a spokesperson", "officials")',
    )
    kind: AttributionKind = "indirect"
    cue_start: int | None = None
    cue_end: int | None = None


class Claim(Span):
    """A check-worthy statement: a sentence, or one fact of a sentence."""

    id: str
    doc: str
    line: int = Field(description="1-based line of ``start`` in the document")
    column: int = Field(description="1-based column of ``start``")
    sentence: int = Field(description="0-based index of the sentence the claim comes from")
    figures: list[Figure] = []
    attributions: list[Attribution] = []


class DocumentInfo(_Model):
    """What is known about one report: where it came from and how it was read."""

    id: str
    path: str
    language: str
    language_from: LanguageFrom = "detected"
    outlet: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    n_claims: int = 0
    encoding: str = Field("utf-8", description="how the file's bytes were decoded")
    warnings: list[str] = Field(
        default=[], description="what loading had to guess or repair (encoding, mojibake)"
    )


class Document(DocumentInfo):
    """One report, as loaded: its metadata and the text every offset refers to."""

    body_start: int = Field(0, description="offset where the prose starts, after any header")
    text_source: str = Field(
        "file decoded as UTF-8, newlines normalised to \\n as by Path.read_text",
        description="what the offsets refer to: the text as claimdiff read it",
    )
    text: str = Field(repr=False, description="the text all offsets refer to")

    def info(self) -> DocumentInfo:
        """The metadata without the text."""
        return DocumentInfo.model_validate(self.model_dump(include=set(DocumentInfo.model_fields)))


class Difference(_Model):
    """A pairwise difference between two claims of one group, as data.

    ``rule`` says which rule decided; for a figure difference ``figure_a`` and
    ``figure_b`` are the two figures compared (with their qualifiers and the
    intervals they allow); ``sources_a``/``sources_b`` the canonical sources of
    the two claims. ``detail`` is the same in words, written by the render
    stage for reading, not for parsing.
    """

    kind: DifferenceKind
    rule: Rule
    a: str = Field(description="id of one claim")
    b: str = Field(description="id of the other claim")
    figure_a: Figure | None = Field(default=None, description="the figure of a that was compared")
    figure_b: Figure | None = Field(default=None, description="the figure of b that was compared")
    sources_a: list[str] = Field(default=[], description="the canonical sources of a")
    sources_b: list[str] = Field(default=[], description="the canonical sources of b")
    measure: str | None = Field(default=None, description="what the differing figures count")
    detail: str = Field(default="", description="the difference in words (rendered)")


class Group(_Model):
    """One fact as the reports state it: at most one claim per report."""

    id: str
    claims: list[str]
    verdict: Verdict
    differences: list[Difference] = []
    score: float | None = Field(default=None, description="weakest alignment score inside")


class Report(_Model):
    """What ``claimdiff compare`` produces."""

    schema_version: str = SCHEMA_VERSION
    tool: str = "claimdiff"
    version: str
    documents: list[Document]
    claims: list[Claim]
    groups: list[Group]
    settings: Settings = Settings()
    warnings: list[str] = []
