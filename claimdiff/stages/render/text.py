"""The sentences of a report: each difference and finding in words, from its structured fields.

The compare stage and ``claimdiff check`` return rule ids, figures and
sources; this module alone turns them into text for people (the ``detail``
of a difference, the ``message`` of a finding).

>>> from claimdiff.models import Figure
>>> RULE_NAMES["no_overlap"], currency_symbol("EUR")
('no overlap', '€')
"""

from __future__ import annotations

from claimdiff.models import Claim, Difference, Figure, Finding, Report, Rule

#: Each rule as people read it, in conflict tables and messages.
RULE_NAMES: dict[Rule, str] = {
    "no_overlap": "no overlap",
    "different_maxima": "different maxima",
    "different_sources": "different sources",
    "different_currencies": "not comparable",
    "unattributed": "unattributed",
    "no_aligned_claim": "no aligned claim",
}
_SYMBOL = {"EUR": "€", "USD": "$", "GBP": "£"}


def currency_symbol(code: str | None) -> str:
    """ "€" for EUR; the code itself for a currency without a common symbol."""
    return _SYMBOL.get(code or "", code or "?")


def _names(sources: list[str]) -> str:
    return " / ".join(sources)


def figure_side(doc: str, fig: Figure | None, sources: list[str], fallback: str) -> str:
    """ "seed_nl: 352 burgerslachtoffers (Filippo Grandi)"."""
    what = fig.text if fig is not None else fallback
    measure = f" {fig.measure}" if fig is not None and fig.measure else ""
    who = f" ({', '.join(sources)})" if sources else ""
    return f"{doc}: {what}{measure}{who}"


def difference_detail(d: Difference, a: Claim, b: Claim) -> str:
    """One difference in words.

    >>> from claimdiff.models import Claim
    >>> mk = lambda i, doc: Claim(id=i, doc=doc, start=0, end=1, text="x", line=1, column=1, sentence=0)
    >>> d = Difference(kind="attribution", rule="different_sources", a="a:1", b="b:1",
    ...                sources_a=["Filippo Grandi"], sources_b=["UN human rights office"])
    >>> difference_detail(d, mk("a:1", "a"), mk("b:1", "b"))
    'a: Filippo Grandi — b: UN human rights office'
    """
    if d.kind == "figure":
        return (
            f"{figure_side(a.doc, d.figure_a, d.sources_a, a.text)} — "
            f"{figure_side(b.doc, d.figure_b, d.sources_b, b.text)} ({RULE_NAMES[d.rule]})"
        )
    if d.rule == "different_currencies":
        ca = d.figure_a.currency if d.figure_a else None
        cb = d.figure_b.currency if d.figure_b else None
        return f"not comparable: {currency_symbol(ca)} vs {currency_symbol(cb)}"
    if d.rule == "unattributed":
        said, silent = (a, b) if d.sources_a else (b, a)
        return (
            f"{said.doc} attributes it to {_names(d.sources_a or d.sources_b)}; "
            f"unattributed in {silent.doc}"
        )
    return f"{a.doc}: {_names(d.sources_a)} — {b.doc}: {_names(d.sources_b)}"


def describe(report: Report) -> Report:
    """The report with the ``detail`` of every difference written (a new Report)."""
    claims = {c.id: c for c in report.claims}
    groups = [
        g.model_copy(
            update={
                "differences": [
                    d.model_copy(update={"detail": difference_detail(d, claims[d.a], claims[d.b])})
                    for d in g.differences
                ]
            }
        )
        for g in report.groups
    ]
    return report.model_copy(update={"groups": groups})


def finding_message(f: Finding, source_name: str | None) -> str:
    """A finding of ``claimdiff check`` in one sentence; ``source_name`` is the source's file name."""
    where = f"{source_name}:{f.source.line}" if f.source is not None and source_name else None
    if f.kind == "unsupported":
        return "no source states this" + (f"; closest: {where}" if where else "")
    if f.kind == "figure":
        draft_name = f.draft.path.replace("\\", "/").rsplit("/", 1)[-1]
        draft = figure_side(draft_name, f.figure_draft, f.sources_draft, f.draft.text)
        source = figure_side(source_name or "source", f.figure_source, f.sources_source, "")
        return f"figure conflict with {where}: {draft} — {source} ({RULE_NAMES[f.rule]})"
    return (
        f"attribution conflict with {where}: the draft attributes it to "
        f"{_names(f.sources_draft)}, the source to {_names(f.sources_source)}"
    )
