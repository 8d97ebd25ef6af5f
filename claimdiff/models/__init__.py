"""The shared vocabulary of claimdiff: every pydantic model, kind and rule, defined once.

Every stage reads and writes these models; the JSON report is ``Report``
serialised (``Report.model_validate_json`` reads it back), and ``claimdiff
schema`` is generated from it.

- ``kinds``: the kinds, rules and verdicts (``Literal`` types) and the schema version;
- ``report``: documents, claims, figures, attributions, groups, differences, ``Report``;
- ``check``: what ``claimdiff check`` finds in a draft;
- ``settings``: ``Settings``, every option with its default and meaning.
"""

from claimdiff.models.check import CheckReport, CheckRun, Finding, Location
from claimdiff.models.kinds import (
    SCHEMA_VERSION,
    AttributionKind,
    ConflictKind,
    DifferenceKind,
    FigureKind,
    FindingKind,
    LanguageFrom,
    Qualifier,
    Rule,
    SourceType,
    Verdict,
    kinds_of,
)
from claimdiff.models.report import (
    Attribution,
    Claim,
    Difference,
    Document,
    DocumentInfo,
    Figure,
    Group,
    Report,
    Span,
)
from claimdiff.models.settings import Settings

__all__ = [
    "SCHEMA_VERSION",
    "Attribution",
    "AttributionKind",
    "CheckReport",
    "CheckRun",
    "Claim",
    "ConflictKind",
    "Difference",
    "DifferenceKind",
    "Document",
    "DocumentInfo",
    "Figure",
    "FigureKind",
    "Finding",
    "FindingKind",
    "Group",
    "LanguageFrom",
    "Location",
    "Qualifier",
    "Report",
    "Rule",
    "Settings",
    "SourceType",
    "Span",
    "Verdict",
    "kinds_of",
]
