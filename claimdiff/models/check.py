"""What ``claimdiff check`` produces: findings about a draft, located in the draft and its source."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from claimdiff import __version__
from claimdiff.models.kinds import SCHEMA_VERSION, FindingKind, Rule
from claimdiff.models.report import DocumentInfo, Figure
from claimdiff.models.settings import Settings


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Location(_Model):
    """A claim in a file: 1-based lines and columns (code points), and its text on one line."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    claim: str = Field(description="the claim's id")
    text: str


class Finding(_Model):
    """One thing in the draft that a source contradicts or does not support."""

    kind: FindingKind
    rule: Rule
    draft: Location
    source: Location | None = Field(default=None, description="the source claim (or the closest)")
    figure_draft: Figure | None = Field(default=None, description="the draft's figure compared")
    figure_source: Figure | None = Field(default=None, description="the source's figure compared")
    sources_draft: list[str] = Field(default=[], description="who the draft attributes it to")
    sources_source: list[str] = Field(default=[], description="who the source attributes it to")
    score: float | None = Field(default=None, description="alignment score of the closest claim")
    key: str = Field(description="stable across edits elsewhere: for baselines")
    baselined: bool = False
    message: str = Field(default="", description="the finding in words (rendered)")


class CheckReport(_Model):
    """The findings about one draft."""

    schema_version: str = SCHEMA_VERSION
    tool: str = "claimdiff"
    version: str = __version__
    draft: DocumentInfo
    sources: list[DocumentInfo]
    claims: int = Field(description="how many claims of the draft were checked")
    findings: list[Finding]
    settings: Settings = Settings()
    warnings: list[str] = []


class CheckRun(_Model):
    """What ``claimdiff check --format json`` prints: one report per draft."""

    schema_version: str = SCHEMA_VERSION
    tool: str = "claimdiff"
    version: str = __version__
    checks: list[CheckReport]
