"""Stage 6, render: the only stage that writes sentences.

- ``text``: each difference and finding in words (the ``detail`` and ``message`` fields);
- ``markdown``: the report for people (GitHub, an editor, notes);
- ``json``: the report for machines (stable; ``claimdiff schema``);
- ``diff``: two reports claim by claim, like a unified diff;
- ``claims``: the claims of one report (``claimdiff extract``);
- ``findings``: what ``claimdiff check`` found, as Markdown, JSON, GitHub annotations or SARIF;
- ``escape``: text from a report made safe inside Markdown.
"""

from __future__ import annotations

from claimdiff.models import Report

FORMATS = ("markdown", "json", "diff")


def render(report: Report, fmt: str) -> str:
    """The report in ``fmt``: ``markdown``, ``json`` or ``diff``."""
    if fmt == "json":
        from claimdiff.stages.render.json import to_json

        return to_json(report)
    if fmt == "diff":
        from claimdiff.stages.render.diff import to_diff

        return to_diff(report)
    from claimdiff.stages.render.markdown import to_markdown

    return to_markdown(report)
