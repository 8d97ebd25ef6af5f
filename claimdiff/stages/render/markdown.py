"""The Markdown report, for reading on GitHub, in an editor, or pasted into notes.

Order: title, documents, a one-line summary, the conflicts table, every group
that more than one report states (each report's sentence quoted, its figures
in bold, its source and ``file:line``), then what each report alone says.
Everything taken from a report is escaped (see ``escape.py``), and the order
is stable so that two runs diff cleanly.
"""

from __future__ import annotations

from pathlib import Path

from claimdiff.models import Claim, Document, Group, Report
from claimdiff.stages.render.diff import pair_changes
from claimdiff.stages.render.escape import md_code, md_inline
from claimdiff.stages.render.text import RULE_NAMES


def _where(claim: Claim, docs: dict[str, Document]) -> str:
    return md_code(f"{Path(docs[claim.doc].path).name}:{claim.line}")


def _quoted(claim: Claim) -> str:
    """The claim's text, escaped, with its figures in bold."""
    out = []
    pos = claim.start
    for f in sorted(claim.figures, key=lambda f: f.start):
        if f.start < pos:
            continue
        out.append(md_inline(claim.text[pos - claim.start : f.start - claim.start]))
        out.append(f"**{md_inline(f.text)}**")
        pos = f.end
    out.append(md_inline(claim.text[pos - claim.start :]))
    return "".join(out)


def _sources(claim: Claim) -> str:
    names = list(dict.fromkeys(a.canonical_source for a in claim.attributions))
    return ", ".join(md_inline(n) for n in names) if names else "—"


def summary_line(report: Report) -> str:
    """ "14 facts in common: 9 agree, 3 differ on figures, 2 on who said them; 6 only in one report"."""
    shared = [g for g in report.groups if len(g.claims) > 1]
    agree = sum(g.verdict == "agree" for g in shared)
    fig = sum(any(d.kind == "figure" for d in g.differences) for g in shared)
    attr_only = sum(
        g.verdict == "differ" and not any(d.kind == "figure" for d in g.differences) for g in shared
    )
    unique = sum(len(g.claims) == 1 for g in report.groups)
    fact = "fact" if len(shared) == 1 else "facts"
    return (
        f"{len(shared)} {fact} in common: {agree} agree, {fig} differ on figures, "
        f"{attr_only} on who said them; {unique} only in one report"
    )


def _documents_table(report: Report) -> list[str]:
    lines = ["| report | outlet | language | date | claims | file |", "|---|---|---|---|---:|---|"]
    for d in report.documents:
        lines.append(
            f"| {md_inline(d.id)} | {md_inline(d.outlet or '—')} | {md_inline(d.language)} | "
            f"{md_inline(d.date or '—')} | {d.n_claims} | {md_code(Path(d.path).name)} |"
        )
    return lines


def _side(claim: Claim, fig_text: str | None, docs: dict[str, Document]) -> str:
    value = f"**{md_inline(fig_text)}**" if fig_text else md_inline(_short(claim.text))
    return f"{md_inline(claim.doc)}: {value} ({_sources(claim)}) {_where(claim, docs)}"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _conflicts(report: Report, claims: dict[str, Claim], docs: dict[str, Document]) -> list[str]:
    """One row per conflict: what, each side's value and source with file:line, the rule."""
    rows = []
    for g in report.groups:
        for d in g.differences:
            if d.kind not in ("figure", "attribution"):
                continue
            a, b = claims[d.a], claims[d.b]
            fa = fb = None
            what = "who said it"
            if d.kind == "figure" and d.figure_a and d.figure_b:
                fa, fb = d.figure_a.text, d.figure_b.text
                what = md_inline(d.measure or "figure")
            rows.append(
                f"| {g.id} | {what} | {_side(a, fa, docs)} | {_side(b, fb, docs)} | {md_inline(RULE_NAMES[d.rule])} |"
            )
    if not rows:
        return ["No conflicts found."]
    return ["| group | what | one report | other report | rule |", "|---|---|---|---|---|", *rows]


def _group(
    g: Group, claims: dict[str, Claim], docs: dict[str, Document], langs: dict[str, str]
) -> list[str]:
    kinds = sorted({d.kind for d in g.differences if d.kind != "note"})
    label = g.verdict + (f" on {' and '.join(kinds)}" if kinds else "")
    lines = [f"### {g.id} · {label}", ""]
    for cid in g.claims:
        c = claims[cid]
        lines.append(
            f"- **{md_inline(c.doc)}** {_where(c, docs)}: {_quoted(c)} — source: {_sources(c)}"
        )
    if g.differences:
        lines.append("")
        for d in g.differences:
            lines.append(f"  - {d.kind}: {md_inline(d.detail)}")
            if d.kind in ("figure", "attribution"):
                a, b = claims[d.a], claims[d.b]
                changes = pair_changes(a, b, langs[a.doc] == langs[b.doc])
                if changes:
                    marks = "; ".join(md_inline(ch) for ch in changes[:6])
                    lines.append(f"    - changed: {marks}")
    lines.append("")
    return lines


def to_markdown(report: Report) -> str:
    """The whole report as Markdown text."""
    claims = {c.id: c for c in report.claims}
    docs = {d.id: d for d in report.documents}
    title = next((d.title for d in report.documents if d.title), None)
    lines = [
        f"# claimdiff: {md_inline(title) if title else f'{len(report.documents)} reports compared'}",
        "",
    ]
    lines += _documents_table(report) + [""]
    lines += [f"**{summary_line(report)}.**", ""]
    for w in report.warnings:
        lines += [f"> warning: {md_inline(w)}", ""]
    lines += ["## Conflicts", ""] + _conflicts(report, claims, docs) + [""]
    shared = [g for g in report.groups if len(g.claims) > 1]
    order = {"differ": 0, "agree": 1}
    lines += ["## Facts in more than one report", ""]
    langs = {d.id: d.language for d in report.documents}
    for g in sorted(shared, key=lambda g: (order[g.verdict], report.groups.index(g))):
        lines += _group(g, claims, docs, langs)
    lines += ["## Only in one report", ""]
    for d in report.documents:
        alone = [
            claims[g.claims[0]]
            for g in report.groups
            if len(g.claims) == 1 and claims[g.claims[0]].doc == d.id
        ]
        if not alone:
            continue
        lines += [f"### {md_inline(d.id)}", ""]
        for c in alone:
            lines.append(f"- {_where(c, docs)}: {_quoted(c)} — source: {_sources(c)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
