"""Every case in tests/data/figures.jsonl, read by the figure extractor.

The table (written for this project, not taken from the evaluation events)
holds Dutch and English expressions with the value, qualifier, kind, unit,
currency and measure a careful reader gives them. Cases marked
``known_failure`` are honest failures: they run as xfail (strict), so a fix
shows up as an unexpected pass and the mark must be removed.
"""

from __future__ import annotations

import pytest

from claimdiff.models import Figure
from claimdiff.stages.extract.figures import find_figures
from tests.tables import as_params, read_cases

CASES = read_cases("figures.jsonl")


def _overlapping(figs: list[Figure], start: int, end: int) -> list[Figure]:
    return [f for f in figs if f.start < end and start < f.end]


def check(case: dict) -> None:
    text = case["text"]
    start = text.index(case["span"])
    end = start + len(case["span"])
    figs = _overlapping(find_figures(text, case["lang"]), start, end)
    if case["kind"] is None:  # a name or a reference: G7, Covid-19, artikel 12
        assert not [f for f in figs if f.kind in ("count", "money", "percent", "measure")], figs
        return
    assert figs, f"no figure found at {case['span']!r}"
    fig = min(figs, key=lambda f: abs(f.start - start) + abs(f.end - end))
    assert fig.kind == case["kind"], fig
    if case["value"] is not None:
        assert fig.value == pytest.approx(case["value"], rel=1e-9), fig
    if case["kind"] not in ("date", "time"):
        assert fig.qualifier == case["qualifier"], fig
    if case["kind"] == "measure":
        assert fig.unit == case["unit"], fig
    assert fig.currency == case["currency"], fig
    for bound in ("low", "high"):
        if case.get(bound) is not None:
            assert getattr(fig, bound) == pytest.approx(case[bound]), fig
    if case.get("measure"):
        assert fig.measure and case["measure"].lower() in fig.measure.lower(), fig


@pytest.mark.parametrize(
    "case",
    as_params(CASES),
    ids=[f"{c['lang']}-{i}-{c['span']}" for i, c in enumerate(CASES)],
)
def test_figure_case(case: dict) -> None:
    check(case)


def test_table_is_large_and_bilingual() -> None:
    langs = [c["lang"] for c in CASES]
    assert len(CASES) >= 250
    assert langs.count("nl") >= 100 and langs.count("en") >= 100
