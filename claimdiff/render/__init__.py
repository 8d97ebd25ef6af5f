"""Stage 6, render: the report as JSON (stable, for machines) or Markdown (for people)."""

from __future__ import annotations

from claimdiff.models import Report

FORMATS = ("markdown", "json", "diff")


def render(report: Report, fmt: str) -> str:
    """The report in ``fmt``: ``markdown``, ``json`` or ``diff``."""
    if fmt == "json":
        from claimdiff.render.json import to_json

        return to_json(report)
    if fmt == "diff":
        from claimdiff.render.diff import to_diff

        return to_diff(report)
    from claimdiff.render.markdown import to_markdown

    return to_markdown(report)
