"""Every kind, rule and verdict claimdiff names, defined once, and the schema version.

Other modules derive their lists from these (``kinds_of(FindingKind)``), so a
kind added here reaches the JSON Schema, the CLI's ``--fail-on`` check and the
renderers at once.

>>> kinds_of(FindingKind)
('figure', 'attribution', 'unsupported')
"""

from __future__ import annotations

from typing import Any, Literal, get_args

#: The version of the JSON report (``claimdiff compare --format json``) and of
#: the JSON of ``claimdiff check``. Fields are only ever added within a major
#: version; 2.0 made differences structured (``rule`` ids, the two figures, the
#: sources compared) and put each document's text in the report.
SCHEMA_VERSION = "2.0"

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

#: How a statement is attributed: a direct quote, reported speech, "according
#: to X", or a denial ("X denied that ...").
AttributionKind = Literal["quote", "indirect", "according_to", "denial"]

SourceType = Literal["person", "organisation"]

LanguageFrom = Literal["header", "detected", "option"]

Verdict = Literal["agree", "differ", "unique"]

DifferenceKind = Literal["figure", "attribution", "note"]

#: Why two aligned claims differ (or what a note says). Sentences for people are
#: written from these by ``claimdiff.stages.render.text``.
Rule = Literal[
    # figure conflicts
    "no_overlap",  # the two intervals cannot both be true: 352 against 406
    "different_maxima",  # two reported maxima: "up to 70" against "up to 80"
    # attribution conflicts
    "different_sources",  # two different named sources for one statement
    # notes: not conflicts
    "different_currencies",  # money in € against $: not compared
    "unattributed",  # one side names a source, the other none
    # check
    "no_aligned_claim",  # no source claim states the draft's claim
]

#: What ``claimdiff check`` reports about a draft's claim.
FindingKind = Literal["figure", "attribution", "unsupported"]

#: The kinds of difference that can fail ``claimdiff compare --fail-on``.
ConflictKind = Literal["figure", "attribution"]


def kinds_of(literal: Any) -> tuple[str, ...]:
    """The values of a ``Literal`` type, in their order."""
    return tuple(get_args(literal))
