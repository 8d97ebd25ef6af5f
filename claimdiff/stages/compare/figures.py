"""Figures compared as intervals: which figures of two aligned claims pair up, and whether they agree.

Each figure is an interval:

- a qualifier is a bound: "more than 500,000" is [500,000, ∞) and agrees with
  "520,000"; "at least 14" agrees with "16"; "980" and "more than 1,000" differ;
- an exact figure carries the precision its digits imply ("1700" is
  1650–1750 and agrees with "1,684"; "352" and "406" differ);
- "about", "zo'n", "nearly" widen by the tolerance (default 10 %, ``--tolerance``);
- two upper bounds ("up to 70 km/h" and "up to 80 km/h") are compared as
  values: they report different maxima.

Different currencies are not compared, convertible units are converted
(km/miles, °C/°F), percent and percentage points are never mixed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np

from claimdiff.models import Figure
from claimdiff.stages.extract.claims import SUBSTANTIVE

if TYPE_CHECKING:
    from claimdiff.stages.compare.phrases import PhraseSimilarity

#: How a pair of figures was judged: the first three agree, the others are conflicts.
FigureRule = Literal[
    "same_value", "ranges_overlap", "same_maximum", "no_overlap", "different_maxima"
]

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


def figures_agree(
    a: Figure, b: Figure, tolerance: float = DEFAULT_TOLERANCE
) -> tuple[bool, FigureRule]:
    """Whether two figures of one dimension can both be true, and the rule that decided.

    >>> mk = lambda v, q="exact", **k: Figure(start=0, end=1, text="x", value=v, qualifier=q, **k)
    >>> figures_agree(mk(500000, "more_than"), mk(520000))[0], figures_agree(mk(352), mk(406))[0]
    (True, False)
    >>> figures_agree(mk(1700, low=1650, high=1750), mk(1684))
    (True, 'ranges_overlap')
    >>> figures_agree(mk(70, "at_most"), mk(80, "at_most"))
    (False, 'different_maxima')
    """
    ia, ib = interval(a, tolerance), interval(b, tolerance)
    if ia.upper_bound and ib.upper_bound:
        va, vb = _to_base(a, a.value or 0.0), _to_base(b, b.value or 0.0)
        same = abs(va - vb) <= tolerance * max(abs(va), abs(vb)) / 10
        return same, "same_maximum" if same else "different_maxima"
    if ia.low <= ib.high and ib.low <= ia.high:
        exact = a.qualifier == b.qualifier == "exact" and ia.low == ia.high == ib.low == ib.high
        return True, "same_value" if exact else "ranges_overlap"
    return False, "no_overlap"


MEASURE_COSINE = 0.2


def pair_figures(
    fa: list[Figure],
    fb: list[Figure],
    tolerance: float,
    similarity: PhraseSimilarity | None = None,
) -> list[tuple[Figure, Figure, bool, FigureRule]]:
    """One-to-one pairs of comparable figures: agreeing pairs first, then the closest.

    Two figures pair only when they are of one dimension (count, money in one
    currency, a convertible unit…) and, when both name what they count, the
    measures are not unrelated (encoder cosine ≥ 0.2: "vehicles" never pairs
    with "sent", "brandweerlieden" pairs with "firefighters").
    """
    from claimdiff.stages.align.assignment import best_pairs

    fa = [f for f in fa if dimension(f)]
    fb = [f for f in fb if dimension(f)]
    if not fa or not fb:
        return []
    cost = np.full((len(fa), len(fb)), 1e6)
    verdicts: dict[tuple[int, int], tuple[bool, FigureRule]] = {}
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


def currency_clash(fa: list[Figure], fb: list[Figure]) -> tuple[Figure, Figure] | None:
    """Two money figures, one from each side, when the only money on each side is in
    different currencies (they are not compared: "not comparable: € vs $")."""
    ma = [f for f in fa if f.kind == "money"]
    mb = [f for f in fb if f.kind == "money"]
    ca, cb = {f.currency for f in ma}, {f.currency for f in mb}
    if ca and cb and not ca & cb:
        return ma[0], mb[0]
    return None
