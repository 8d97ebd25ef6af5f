"""Property: a number written out in Dutch or English conventions reads back exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff.stages.extract.figures import find_figures


def dutch(n: int, decimals: str = "") -> str:
    """1234567 -> "1.234.567" (and ",5" decimals)."""
    return f"{n:,}".replace(",", ".") + (f",{decimals}" if decimals else "")


def english(n: int, decimals: str = "") -> str:
    return f"{n:,}" + (f".{decimals}" if decimals else "")


WHOLE = st.integers(min_value=1, max_value=10**12)
DECIMALS = st.from_regex(r"[0-9]{1,2}", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(n=WHOLE, lang=st.sampled_from(["nl", "en"]))
def test_whole_numbers_with_thousands_separators(n: int, lang: str) -> None:
    written = dutch(n) if lang == "nl" else english(n)
    sentence = (
        f"Er zijn {written} mensen geteld."
        if lang == "nl"
        else f"There were {written} people counted."
    )
    (fig,) = [f for f in find_figures(sentence, lang) if f.kind == "count"]
    assert fig.text == written and fig.value == n


@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(min_value=0, max_value=999_999), d=DECIMALS, lang=st.sampled_from(["nl", "en"])
)
def test_decimals_as_percentages(n: int, d: str, lang: str) -> None:
    written = dutch(n, d) if lang == "nl" else english(n, d)
    sentence = (
        f"De groei was {written} procent." if lang == "nl" else f"Growth was {written} per cent."
    )
    (fig,) = [f for f in find_figures(sentence, lang) if f.kind == "percent"]
    assert fig.value == float(f"{n}.{d}")


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=1, max_value=999), d=st.from_regex(r"[0-9]", fullmatch=True))
def test_scaled_money(n: int, d: str) -> None:
    nl = find_figures(f"Het kost €{n},{d} miljard.", "nl")
    en = find_figures(f"It costs €{n}.{d}bn.", "en")
    expected = float(f"{n}.{d}") * 1e9
    assert [f.value for f in nl] == [expected] and [f.value for f in en] == [expected]
    assert nl[0].currency == en[0].currency == "EUR"
