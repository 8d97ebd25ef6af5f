"""The JSON report: the contract documented in docs/report-format.md."""

from __future__ import annotations

import json

from claimdiff.models import Report


def to_json(report: Report) -> str:
    """Pretty-printed JSON, keys in model order, non-ASCII kept, newline at the end."""
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def schema() -> str:
    """The JSON Schema of the report."""
    return json.dumps(Report.model_json_schema(mode="serialization"), indent=2) + "\n"
