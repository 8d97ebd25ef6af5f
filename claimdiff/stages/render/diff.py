"""What changed inside an aligned pair, and the difflib-style view of two reports.

Inside a pair written in one language, difflib's ``SequenceMatcher`` over the
words marks what changed ("352 → 406", "Grandi → an adviser"). Across
languages a word diff would mark everything, so the pair's figures and
sources are set side by side instead.

>>> word_changes("Het aantal doden bereikte 352, aldus Grandi.", "Het aantal doden bereikte 406, aldus Smith.")
['352 → 406', 'Grandi → Smith']
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from claimdiff.models import Claim, Document, Report

_WORDS = re.compile(r"\w+(?:[.,'’-]\w+)*|[^\w\s]")


def word_changes(a: str, b: str) -> list[str]:
    """The replaced, removed and added word runs between two texts, "old → new"."""
    wa, wb = _WORDS.findall(a), _WORDS.findall(b)
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes():
        old, new = " ".join(wa[i1:i2]), " ".join(wb[j1:j2])
        if op == "replace":
            out.append(f"{old} → {new}")
        elif op == "delete":
            out.append(f"{old} → ∅")
        elif op == "insert":
            out.append(f"∅ → {new}")
    return [c for c in out if re.search(r"\w", c)]


def pair_changes(a: Claim, b: Claim, same_language: bool) -> list[str]:
    """What changed from claim ``a`` to claim ``b``, for people to read."""
    if same_language:
        return word_changes(a.text, b.text)
    out = []
    fa = [f.text for f in a.figures if f.value is not None]
    fb = [f.text for f in b.figures if f.value is not None]
    if fa != fb and (fa or fb):
        out.append(f"{', '.join(fa) or '∅'} → {', '.join(fb) or '∅'}")
    sa = sorted({x.canonical_source for x in a.attributions})
    sb = sorted({x.canonical_source for x in b.attributions})
    if sa != sb:
        out.append(f"{', '.join(sa) or 'no source'} → {', '.join(sb) or 'no source'}")
    return out


def _line(c: Claim) -> str:
    return " ".join(c.text.split())


def to_diff(report: Report) -> str:
    """A unified-diff-like view of two reports, claim by claim in the first report's order.

    ``  `` a claim both reports state alike, ``-``/``+`` a pair that differs
    (with ``?`` lines naming what changed), ``-`` or ``+`` alone what one
    report alone says.
    """
    if len(report.documents) != 2:
        raise ValueError("the diff view compares exactly two reports")
    first, second = report.documents
    claims = {c.id: c for c in report.claims}
    lang = {d.id: d.language for d in report.documents}
    lines = [f"--- {first.path}", f"+++ {second.path}"]
    group_of = {cid: g for g in report.groups for cid in g.claims}
    shown: set[str] = set()

    def emit_unpaired_second(upto: int | None) -> None:
        for c in (c for c in report.claims if c.doc == second.id):
            g = group_of[c.id]
            if c.id in shown or len(g.claims) > 1 or (upto is not None and c.start > upto):
                continue
            shown.add(c.id)
            lines.append(f"+{_where(c, second)} {_line(c)}")

    for c in (c for c in report.claims if c.doc == first.id):
        g = group_of[c.id]
        other = next((claims[x] for x in g.claims if claims[x].doc == second.id), None)
        if other is None:
            lines.append(f"-{_where(c, first)} {_line(c)}")
            continue
        emit_unpaired_second(other.start)
        shown.add(other.id)
        if g.verdict == "agree":
            lines.append(f" {_where(c, first)} {_line(c)}")
            lines.append(f" {_where(other, second)} {_line(other)}")
            continue
        lines.append(f"-{_where(c, first)} {_line(c)}")
        lines.append(f"+{_where(other, second)} {_line(other)}")
        for d in g.differences:
            if d.kind in ("figure", "attribution"):
                lines.append(f"? {d.kind}: {d.detail}")
        for change in pair_changes(c, other, lang[c.doc] == lang[other.doc]):
            lines.append(f"?   {change}")
    emit_unpaired_second(None)
    return "\n".join(lines) + "\n"


def _where(c: Claim, d: Document) -> str:
    return f"[{c.line}]"
