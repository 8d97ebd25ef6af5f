"""The shared vocabulary of claimdiff: every stage reads and writes these models.

All ``start``/``end`` fields are character offsets (Python ``str`` indices) into
``Document.text``, the file as claimdiff decoded it (see ``claimdiff.load``;
``Document.text_source`` says what was done), so that
``document.text[start:end] == span.text`` holds for every span in a report.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Qualifier = Literal["exact", "approx", "at_least", "more_than", "at_most", "less_than"]
FigureKind = Literal[
    "count",
    "money",
    "percent",
    "percentage_points",
    "measure",
    "age",
    "ordinal",
    "date",
    "time",
    "year",
]
AttributionKind = Literal["quote", "indirect", "according_to", "denial"]
Verdict = Literal["agree", "differ", "unique"]
DifferenceKind = Literal["figure", "attribution", "note"]


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


SourceType = Literal["person", "organisation"]


class Attribution(Span):
    """Who said or reported a claim. The span covers the source as written."""

    source: str
    canonical_source: str
    source_type: SourceType = "person"
    role: str | None = None
    cue: str | None = None
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


class Document(_Model):
    """One report, as loaded."""

    id: str
    path: str
    language: str
    language_from: Literal["header", "detected", "option"] = "detected"
    outlet: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    body_start: int = Field(0, description="offset where the prose starts, after any header")
    n_claims: int = 0
    encoding: str = Field("utf-8", description="how the file's bytes were decoded")
    text_source: str = Field(
        "file decoded as UTF-8, newlines normalised to \\n as by Path.read_text",
        description="what the offsets refer to: the text as claimdiff read it",
    )
    warnings: list[str] = Field(
        default=[], description="what loading had to guess or repair (encoding, mojibake)"
    )
    text: str = Field(exclude=True, repr=False)


class Difference(_Model):
    """A pairwise difference between two claims of one group."""

    kind: DifferenceKind
    a: str
    b: str
    detail: str
    rule: str | None = Field(default=None, description="which rule decided")
    figure_a: str | None = Field(default=None, description="the figure of a, as written")
    figure_b: str | None = Field(default=None, description="the figure of b, as written")
    measure: str | None = Field(default=None, description="what the differing figures count")


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
    settings: dict[str, object] = {}
    warnings: list[str] = []
