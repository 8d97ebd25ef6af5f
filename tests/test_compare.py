"""Figure and source verdicts: the rules a fact-checker signs off on."""

from __future__ import annotations

import pytest

from claimdiff.models import Attribution, Figure
from claimdiff.stages.compare.figures import currency_clash, figures_agree
from claimdiff.stages.compare.phrases import PhraseSimilarity
from claimdiff.stages.compare.sources import SourceMatcher


def fig(value: float, qualifier: str = "exact", **kw: object) -> Figure:
    return Figure(start=0, end=1, text="x", value=value, qualifier=qualifier, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (fig(500_000, "more_than"), fig(520_000), True),
        (fig(14, "at_least"), fig(16), True),
        (fig(980), fig(1000, "more_than"), False),
        (fig(1700, low=1650, high=1750), fig(1684), True),
        (fig(352), fig(406), False),
        (fig(406, "at_least"), fig(352), False),
        (fig(2400, "approx"), fig(2300, "more_than"), True),
        (fig(600, "at_least"), fig(640), True),
        (fig(150, "approx"), fig(148), True),
        (fig(45, "approx"), fig(60, "at_least"), False),
        (fig(70, "at_most"), fig(80, "at_most"), False),
        (fig(70, "at_most"), fig(70, "at_most"), True),
        (fig(3, "approx", kind="measure", unit="m"), fig(2.4, kind="measure", unit="m"), False),
        (
            fig(10, kind="measure", unit="km"),
            fig(6.2, low=6.15, high=6.25, kind="measure", unit="mi"),
            True,
        ),
        (fig(100, kind="measure", unit="°C"), fig(212, kind="measure", unit="°F"), True),
        (fig(45, low=40, high=50), fig(40, "more_than"), True),
    ],
)
def test_interval_rules(a: Figure, b: Figure, agree: bool) -> None:
    assert figures_agree(a, b, 0.1)[0] is agree


def test_tolerance_is_configurable() -> None:
    assert figures_agree(fig(100, "approx"), fig(115), 0.1)[0] is False
    assert figures_agree(fig(100, "approx"), fig(115), 0.2)[0] is True


def test_different_currencies_are_not_compared() -> None:
    eur = fig(1.2e9, kind="money", currency="EUR")
    usd = fig(1.3e9, kind="money", currency="USD")
    assert currency_clash([eur], [usd]) == (eur, usd)
    assert currency_clash([eur], [eur.model_copy(update={"value": 2e9})]) is None


def src(name: str, kind: str = "person") -> Attribution:
    return Attribution(
        start=0, end=1, text=name, source=name, canonical_source=name, source_type=kind
    )  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (src("Volodimir Zelensky"), src("Volodymyr Zelenskyy"), True),
        (src("Zelenski"), src("Volodymyr Zelenskiy"), True),
        (src("Anna de Vries"), src("Peter Janssen"), False),
        (src("waterschap", "organisation"), src("Waterschap Roer en Maas", "organisation"), True),
        (src("Marieke Hoogland"), src("Tom Berkhout"), False),
        (src("ministerie van Binnenlandse Zaken", "organisation"), src("Pieter van Dam"), False),
    ],
)
def test_same_source(a: Attribution, b: Attribution, same: bool) -> None:
    assert SourceMatcher(PhraseSimilarity()).same(a, b) is same


def test_organisations_match_across_languages(encoder) -> None:  # type: ignore[no-untyped-def]
    sim = PhraseSimilarity(encoder)
    a = src("het ministerie van Buitenlandse Zaken", "organisation")
    b = src("The Dutch foreign ministry", "organisation")
    c = src("tour operator Sunvia", "organisation")
    sim.prepare({a.source, b.source, c.source})
    m = SourceMatcher(sim)
    assert m.same(a, b) and not m.same(b, c)
