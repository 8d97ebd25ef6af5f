"""Verdicts for aligned groups: the pairwise differences of their claims, as data.

**Figures** are paired inside two aligned claims by what they are (kind,
unit or currency), one to one, preferring pairs that agree and then the
closest values; a figure only one claim has is an addition, not a conflict
(see ``claimdiff.stages.compare.figures``).

**Attributions**: two claims whose sources are the same (see
``claimdiff.stages.compare.sources``) agree; two different named sources for
the same statement differ; a source on one side only is a note, not a
conflict.

Every difference carries its rule id, the two figures compared and the
sources of both claims; the render stage writes them as sentences.
"""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING

from claimdiff.models import Attribution, Claim, Difference, Group, Verdict
from claimdiff.stages.compare.figures import DEFAULT_TOLERANCE, currency_clash, pair_figures
from claimdiff.stages.compare.phrases import PhraseSimilarity
from claimdiff.stages.compare.sources import SourceMatcher

if TYPE_CHECKING:
    from claimdiff.stages.align.encoders import Encoder


def canonical_sources(attributions: list[Attribution]) -> list[str]:
    """The canonical sources, each once, in order."""
    return list(dict.fromkeys(a.canonical_source for a in attributions))


def _compared(claim: Claim) -> list[Attribution]:
    """The attributions that count: named sources, and any source of reported speech
    (a quote given to "a spokesperson" names nobody to conflict with)."""
    return [s for s in claim.attributions if s.named or s.kind != "quote"]


def compare_pair(a: Claim, b: Claim, tolerance: float, matcher: SourceMatcher) -> list[Difference]:
    """The differences between two aligned claims."""
    out: list[Difference] = []
    sa, sb = _compared(a), _compared(b)
    src_a, src_b = canonical_sources(sa), canonical_sources(sb)
    for x, y, ok, rule in pair_figures(a.figures, b.figures, tolerance, matcher.sim):
        if not ok:
            assert rule in ("no_overlap", "different_maxima")
            out.append(
                Difference(
                    kind="figure",
                    rule=rule,
                    a=a.id,
                    b=b.id,
                    figure_a=x,
                    figure_b=y,
                    measure=x.measure or y.measure,
                    sources_a=src_a,
                    sources_b=src_b,
                )
            )
    clash = currency_clash(a.figures, b.figures)
    if clash is not None:
        out.append(
            Difference(
                kind="note",
                rule="different_currencies",
                a=a.id,
                b=b.id,
                figure_a=clash[0],
                figure_b=clash[1],
                sources_a=src_a,
                sources_b=src_b,
            )
        )
    if sa and sb:
        if not any(matcher.same(x, y) for x in sa for y in sb):
            out.append(
                Difference(
                    kind="attribution",
                    rule="different_sources",
                    a=a.id,
                    b=b.id,
                    sources_a=src_a,
                    sources_b=src_b,
                )
            )
    elif sa or sb:
        out.append(
            Difference(
                kind="note", rule="unattributed", a=a.id, b=b.id, sources_a=src_a, sources_b=src_b
            )
        )
    return out


def verdict_of(n_claims: int, differences: list[Difference]) -> Verdict:
    """``unique`` for one claim, ``differ`` when a figure or attribution differs, else ``agree``."""
    if n_claims == 1:
        return "unique"
    if any(d.kind in ("figure", "attribution") for d in differences):
        return "differ"
    return "agree"


def build_groups(
    groups: list[tuple[list[str], float | None]],
    claims: dict[str, Claim],
    tolerance: float = DEFAULT_TOLERANCE,
    encoder: Encoder | None = None,
) -> list[Group]:
    """Groups with verdicts and pairwise differences, in a stable order."""
    similarity = PhraseSimilarity(encoder)
    in_groups = [claims[i] for ids, _ in groups if len(ids) > 1 for i in ids]
    similarity.prepare(
        {a.source for c in in_groups for a in c.attributions}
        | {f.measure for c in in_groups for f in c.figures if f.measure}
    )
    matcher = SourceMatcher(similarity)
    out = []
    for n, (ids, score) in enumerate(groups, start=1):
        diffs: list[Difference] = []
        for x, y in combinations(ids, 2):
            diffs.extend(compare_pair(claims[x], claims[y], tolerance, matcher))
        out.append(
            Group(
                id=f"g{n}",
                claims=ids,
                verdict=verdict_of(len(ids), diffs),
                differences=diffs,
                score=None if score is None else round(score, 4),
            )
        )
    return out
