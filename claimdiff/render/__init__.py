"""Stage 6, render: the report as JSON (stable, for machines) or Markdown (for people)."""

from __future__ import annotations

from claimdiff.models import Report

FORMATS = ("markdown", "json")


def render(report: Report, fmt: str) -> str:
    """The report in ``fmt``: ``markdown`` or ``json``."""
    if fmt == "json":
        from claimdiff.render.json import to_json

        return to_json(report)
    from claimdiff.render.markdown import to_markdown

    return to_markdown(report)
