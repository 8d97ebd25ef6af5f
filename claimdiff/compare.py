"""Stage 5, compare: say where aligned claims agree and where they differ.

**Figures** are paired inside two aligned claims by what they are (kind,
unit or currency), one to one, preferring pairs that agree and then the
closest values; a figure only one claim has is an addition, not a conflict.
Each figure is an interval:

- a qualifier is a bound: "more than 500,000" is [500,000, ∞) and agrees with
  "520,000"; "at least 14" agrees with "16"; "980" and "more than 1,000" differ;
- an exact figure carries the precision its digits imply ("1700" is
  1650–1750 and agrees with "1,684"; "352" and "406" differ);
- "about", "zo'n", "nearly" widen by the tolerance (default 10 %, ``--tolerance``);
- two upper bounds ("up to 70 km/h" and "up to 80 km/h") are compared as
  values: they report different maxima.

Different currencies are not compared (a note says so), convertible units are
converted (km/miles, °C/°F), percent and percentage points are never mixed.

**Attributions**: two claims whose sources are the same (the same canonical
name, spelled or transliterated differently, or organisations an encoder
finds equivalent across languages) agree; two different named sources for
the same statement differ; a source on one side only is a note, not a
conflict.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from claimdiff.encoders import Encoder
from claimdiff.extract import SUBSTANTIVE
from claimdiff.models import Attribution, Claim, Difference, Figure, Group, Verdict

DEFAULT_TOLERANCE = 0.1

# unit -> (base unit, factor, offset): value_in_base = value * factor + offset
_CONVERT = {
    "km": ("m", 1000.0, 0.0),
    "m": ("m", 1.0, 0.0),
    "cm": ("m", 0.01, 0.0),
    "mm": ("m", 0.001, 0.0),
    "mi": ("m", 1609.344, 0.0),
    "ft": ("m", 0.3048, 0.0),
    "in": ("m", 0.0254, 0.0),
    "kg": ("kg", 1.0, 0.0),
    "g": ("kg", 0.001, 0.0),
    "t": ("kg", 1000.0, 0.0),
    "lb": ("kg", 0.45359237, 0.0),
    "ha": ("m2", 10000.0, 0.0),
    "m2": ("m2", 1.0, 0.0),
    "km2": ("m2", 1e6, 0.0),
    "acre": ("m2", 4046.8564224, 0.0),
    "mi2": ("m2", 2589988.110336, 0.0),
    "km/h": ("km/h", 1.0, 0.0),
    "mph": ("km/h", 1.609344, 0.0),
    "°C": ("°C", 1.0, 0.0),
    "°F": ("°C", 5 / 9, -32 * 5 / 9),
    "h": ("h", 1.0, 0.0),
    "min": ("h", 1 / 60, 0.0),
    "s": ("h", 1 / 3600, 0.0),
    "day": ("day", 1.0, 0.0),
    "week": ("day", 7.0, 0.0),
    "month": ("day", 30.44, 0.0),
    "year": ("day", 365.25, 0.0),
}
_SYMBOL = {"EUR": "€", "USD": "$", "GBP": "£"}


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    upper_bound: bool  # "up to X": a reported maximum


def dimension(f: Figure) -> str | None:
    """What a figure can be compared with: "count", "money:EUR", "measure:m"…; None if nothing."""
    if f.kind not in SUBSTANTIVE or f.value is None:
        return None
    if f.kind == "money":
        return f"money:{f.currency}"
    if f.kind == "measure":
        base = _CONVERT.get(f.unit or "", (f.unit, 1.0, 0.0))[0]
        return f"measure:{base}"
    return f.kind


def _to_base(f: Figure, v: float) -> float:
    if f.kind == "measure" and f.unit in _CONVERT:
        _, factor, offset = _CONVERT[f.unit]
        return v * factor + offset
    return v


def interval(f: Figure, tolerance: float) -> Interval:
    """The values a figure allows, in its dimension's base unit."""
    assert f.value is not None
    v = f.value
    low = f.low if f.low is not None else v
    high = f.high if f.high is not None else v
    q = f.qualifier
    if q in ("more_than", "at_least"):
        low, high = v, math.inf
    elif q in ("at_most", "less_than"):
        low, high = -math.inf, v
    elif q == "approx":
        spread = abs(v) * tolerance
        low, high = min(low, v - spread), max(high, v + spread)
    return Interval(
        _to_base(f, low) if low != -math.inf else low,
        _to_base(f, high) if high != math.inf else high,
        q == "at_most",
    )


def figures_agree(a: Figure, b: Figure, tolerance: float = DEFAULT_TOLERANCE) -> tuple[bool, str]:
    """Whether two figures of one dimension can both be true, and the rule that decided.

    >>> mk = lambda v, q="exact", **k: Figure(start=0, end=1, text="x", value=v, qualifier=q, **k)
    >>> figures_agree(mk(500000, "more_than"), mk(520000))[0], figures_agree(mk(352), mk(406))[0]
    (True, False)
    >>> figures_agree(mk(1700, low=1650, high=1750), mk(1684))
    (True, 'ranges overlap')
    >>> figures_agree(mk(70, "at_most"), mk(80, "at_most"))
    (False, 'different maxima')
    """
    ia, ib = interval(a, tolerance), interval(b, tolerance)
    if ia.upper_bound and ib.upper_bound:
        va, vb = _to_base(a, a.value or 0.0), _to_base(b, b.value or 0.0)
        same = abs(va - vb) <= tolerance * max(abs(va), abs(vb)) / 10
        return same, "same maximum" if same else "different maxima"
    if ia.low <= ib.high and ib.low <= ia.high:
        exact = a.qualifier == b.qualifier == "exact" and ia.low == ia.high == ib.low == ib.high
        return True, "same value" if exact else "ranges overlap"
    return False, "no overlap"


MEASURE_COSINE = 0.2


def pair_figures(
    fa: list[Figure],
    fb: list[Figure],
    tolerance: float,
    similarity: PhraseSimilarity | None = None,
) -> list[tuple[Figure, Figure, bool, str]]:
    """One-to-one pairs of comparable figures: agreeing pairs first, then the closest.

    Two figures pair only when they are of one dimension (count, money in one
    currency, a convertible unit…) and, when both name what they count, the
    measures are not unrelated (encoder cosine ≥ 0.2: "vehicles" never pairs
    with "sent", "brandweerlieden" pairs with "firefighters").
    """
    from claimdiff.assignment import best_pairs

    fa = [f for f in fa if dimension(f)]
    fb = [f for f in fb if dimension(f)]
    if not fa or not fb:
        return []
    cost = np.full((len(fa), len(fb)), 1e6)
    verdicts: dict[tuple[int, int], tuple[bool, str]] = {}
    for i, x in enumerate(fa):
        for j, y in enumerate(fb):
            if dimension(x) != dimension(y):
                continue
            mcos = (
                similarity.cos(x.measure, y.measure)
                if similarity and x.measure and y.measure
                else None
            )
            if mcos is not None and mcos < MEASURE_COSINE:
                continue
            ok, rule = figures_agree(x, y, tolerance)
            verdicts[i, j] = (ok, rule)
            vx, vy = abs(x.value or 0.0), abs(y.value or 0.0)
            rel = abs(vx - vy) / max(vx, vy, 1e-9)
            cost[i, j] = (0.0 if ok else 10.0) + min(rel, 5.0) + (1.0 - (mcos or 0.5))
    return [(fa[r], fb[c], *verdicts[r, c]) for r, c in best_pairs(-cost) if (r, c) in verdicts]


def money_notes(fa: list[Figure], fb: list[Figure]) -> list[str]:
    """ "not comparable: € vs $" when the only money on each side is in different currencies."""
    ca = {f.currency for f in fa if f.kind == "money"}
    cb = {f.currency for f in fb if f.kind == "money"}
    if ca and cb and not ca & cb:
        sym = lambda c: _SYMBOL.get(c or "", c or "?")  # noqa: E731
        return [
            f"not comparable: {', '.join(sorted(map(sym, ca)))} vs {', '.join(sorted(map(sym, cb)))}"
        ]
    return []


def _fold(s: str) -> str:
    d = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(c for c in d if not unicodedata.combining(c))
    # transliteration variants: Zelenskyy/Zelenskiy/Zelenski, Volodymyr/Volodimir
    for a, b in (("yy", "y"), ("iy", "y"), ("ij", "y"), ("i", "y"), ("kh", "h"), ("ph", "f")):
        s = s.replace(a, b)
    return s


def _is_named(a: Attribution) -> bool:
    return any(w[:1].isupper() for w in a.canonical_source.split())


class PhraseSimilarity:
    """Cosine similarity of short phrases (sources, measures) with the run's encoder, cached."""

    def __init__(self, encoder: Encoder | None = None) -> None:
        self.encoder = encoder
        self._vec: dict[str, np.ndarray] = {}

    def prepare(self, phrases: set[str]) -> None:
        todo = sorted(p for p in phrases if p and p not in self._vec)
        if self.encoder is not None and todo:
            self._vec.update(zip(todo, self.encoder.encode(todo), strict=True))

    def cos(self, a: str, b: str) -> float | None:
        if a in self._vec and b in self._vec:
            return float(self._vec[a] @ self._vec[b])
        return None


class SourceMatcher:
    """Decides whether two attributions name the same source.

    - two people: the same folded name (rapidfuzz ratio ≥ 85), or the same
      surname ("Zelensky", "Zelenskyy" and "Zelenskiy" fold alike);
    - one name inside the other ("waterschap", "Waterschap Roer en Maas") or an
      acronym of it ("UNHCR");
    - two organisations: an encoder cosine ≥ 0.3 between the phrases as
      written, so "het ministerie van Buitenlandse Zaken" matches "the Dutch
      foreign ministry" and "Kiesraad" "the Electoral Council";
    - a person and an organisation are different sources.
    """

    ORG_COSINE = 0.3

    def __init__(self, similarity: PhraseSimilarity) -> None:
        self.sim = similarity

    def same(self, a: Attribution, b: Attribution) -> bool:
        from rapidfuzz import fuzz

        ca, cb = _fold(a.canonical_source), _fold(b.canonical_source)
        if ca == cb or fuzz.ratio(ca, cb) >= 85:
            return True
        wa, wb = set(ca.split()), set(cb.split())
        if wa <= wb or wb <= wa:
            return True  # "waterschap" and "Waterschap Roer en Maas"
        acr_a = "".join(w[0] for w in a.canonical_source.split() if w[:1].isupper()).casefold()
        acr_b = "".join(w[0] for w in b.canonical_source.split() if w[:1].isupper()).casefold()
        if (len(acr_a) > 1 and acr_a == cb.replace(" ", "")) or (
            len(acr_b) > 1 and acr_b == ca.replace(" ", "")
        ):
            return True
        if a.source_type == b.source_type == "person":
            la, lb = ca.split()[-1], cb.split()[-1]
            return len(la) > 2 and fuzz.ratio(la, lb) >= 88
        if a.source_type != b.source_type:
            return False
        cos = self.sim.cos(a.source, b.source)
        return cos is not None and cos >= self.ORG_COSINE


def _describe(claim: Claim, fig: Figure | None) -> str:
    who = ", ".join(dict.fromkeys(a.canonical_source for a in claim.attributions))
    what = fig.text if fig else claim.text
    measure = f" {fig.measure}" if fig is not None and fig.measure else ""
    return f"{claim.doc}: {what}{measure}" + (f" ({who})" if who else "")


def _names(attributions: list[Attribution]) -> str:
    """The canonical sources, each once, in order: "Filippo Grandi / UNHCR"."""
    return " / ".join(dict.fromkeys(a.canonical_source for a in attributions))


def compare_pair(a: Claim, b: Claim, tolerance: float, matcher: SourceMatcher) -> list[Difference]:
    """The differences between two aligned claims."""
    out: list[Difference] = []
    for x, y, ok, rule in pair_figures(a.figures, b.figures, tolerance, matcher.sim):
        if not ok:
            out.append(
                Difference(
                    kind="figure",
                    a=a.id,
                    b=b.id,
                    rule=rule,
                    detail=f"{_describe(a, x)} — {_describe(b, y)} ({rule})",
                    figure_a=x.text,
                    figure_b=y.text,
                    measure=x.measure or y.measure,
                )
            )
    for note in money_notes(a.figures, b.figures):
        out.append(Difference(kind="note", a=a.id, b=b.id, rule="currency", detail=note))
    sa = [s for s in a.attributions if _is_named(s) or s.kind != "quote"]
    sb = [s for s in b.attributions if _is_named(s) or s.kind != "quote"]
    if sa and sb:
        if not any(matcher.same(x, y) for x in sa for y in sb):
            out.append(
                Difference(
                    kind="attribution",
                    a=a.id,
                    b=b.id,
                    rule="different sources",
                    detail=f"{a.doc}: {_names(sa)} — {b.doc}: {_names(sb)}",
                )
            )
    elif sa or sb:
        said, silent = (a, b) if sa else (b, a)
        out.append(
            Difference(
                kind="note",
                a=a.id,
                b=b.id,
                rule="unattributed",
                detail=f"{said.doc} attributes it to {_names(sa or sb)}; unattributed in {silent.doc}",
            )
        )
    return out


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
        verdict: Verdict
        if len(ids) == 1:
            verdict = "unique"
        elif any(d.kind in ("figure", "attribution") for d in diffs):
            verdict = "differ"
        else:
            verdict = "agree"
        out.append(
            Group(
                id=f"g{n}",
                claims=ids,
                verdict=verdict,
                differences=diffs,
                score=None if score is None else round(score, 4),
            )
        )
    return out
