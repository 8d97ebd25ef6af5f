"""The claims of one report (``claimdiff extract``) as Markdown."""

from __future__ import annotations

from claimdiff.models import Claim, Report
from claimdiff.stages.render.escape import md_inline


def _figures(c: Claim) -> str:
    return "; ".join(
        f"{md_inline(f.text)} = {f.value:g} {f.qualifier}"
        if f.value is not None
        else f"{md_inline(f.text)} ({f.kind})"
        for f in c.figures
    )


def to_claims_markdown(report: Report) -> str:
    """A heading per report, then each claim with its line, figures and sources."""
    lines: list[str] = []
    for doc in report.documents:
        claims = [c for c in report.claims if c.doc == doc.id]
        lines += [f"# {md_inline(doc.id)} ({md_inline(doc.language)}): {len(claims)} claims", ""]
        for c in claims:
            who = ", ".join(md_inline(a.canonical_source) for a in c.attributions) or "—"
            lines.append(f"- line {c.line}: {md_inline(c.text)}")
            lines.append(f"  - figures: {_figures(c) or '—'}; source: {who}")
    return "\n".join(lines) + "\n"
