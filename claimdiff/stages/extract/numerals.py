"""Read one number as a careful reader of the language does: digits and words.

Two small parsers, both driven by the language tables in ``claimdiff/lang``:

>>> from claimdiff.lang import get
>>> parse_digits("500.000", get("nl")).value, parse_digits("1,684", get("en")).value
(500000.0, 1684.0)
>>> parse_digits("1,5", get("nl")).value, parse_digits("2.5", get("en")).value
(1.5, 2.5)
>>> parse_word("drieënveertig", get("nl")), parse_word("zestienduizend", get("nl"))
(43.0, 16000.0)
>>> evaluate([(2, "unit"), (1e6, "scale")])
2000000.0
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from claimdiff.lang import Lang

SPACE_GROUPS = "\u00a0\u202f\u2009 '’"


@dataclass(frozen=True)
class Digits:
    """A number written in digits: its value and the step its last digit stands for."""

    value: float
    step: float  # 1 for "352", 0.1 for "79,4", 100 for "1700" (rounded to hundreds)
    decimals: int


def parse_digits(text: str, lang: Lang) -> Digits:
    """Parse digits with the language's separators.

    One separator followed by exactly three digits is a thousands separator
    when it is the language's group mark ("500.000" in Dutch, "1,684" in
    English), a decimal mark otherwise ("1,234" in Dutch is 1.234). Any
    other single separator is a decimal mark ("46.2" in a Dutch text).

    >>> from claimdiff.lang import get
    >>> parse_digits("1.234", get("nl")).value, parse_digits("1.234", get("en")).value
    (1234.0, 1.234)
    >>> parse_digits("1 684", get("en")).value, parse_digits("1'000", get("en")).value
    (1684.0, 1000.0)
    >>> parse_digits("1.234.567,5", get("nl")).value, parse_digits("1,234,567.5", get("en")).value
    (1234567.5, 1234567.5)
    >>> parse_digits("1700", get("nl")).step
    100.0
    """
    s = text
    for ch in SPACE_GROUPS:
        s = s.replace(ch, "")
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        decimal = "." if s.rfind(".") > s.rfind(",") else ","
    elif dots + commas == 0:
        decimal = ""
    else:
        sep = "." if dots else ","
        tail = s.rsplit(sep, 1)[1]
        if dots + commas > 1:
            decimal = ""  # "1.234.567": every mark groups
        elif len(tail) == 3 and sep != lang.decimal:
            decimal = ""
        else:
            decimal = sep
    if decimal:
        whole, frac = s.rsplit(decimal, 1)
        whole = whole.replace(".", "").replace(",", "")
        value = float(f"{whole or '0'}.{frac}")
        return Digits(value, 10.0 ** -len(frac), len(frac))
    digits = s.replace(".", "").replace(",", "")
    value = float(digits)
    zeros = len(digits) - len(digits.rstrip("0")) if value else 0
    # Two or more trailing zeros mean the writer probably rounded: 1700, 500.000.
    step = 10.0 ** min(zeros, 308) if zeros >= 2 else 1.0  # 10.0**309 overflows
    return Digits(value, step, 0)


def evaluate(parts: list[tuple[float, str]]) -> float:
    """Combine number words: units add, hundreds multiply, scales close a group.

    >>> evaluate([(1, "unit"), (100, "hundred"), (50, "ten")])
    150.0
    >>> evaluate([(0.5, "fraction"), (1e6, "scale")])
    500000.0
    >>> evaluate([(3, "unit"), (20, "ten"), (1000, "scale"), (4, "unit")])
    23004.0
    """
    total = 0.0
    current = 0.0
    for value, kind in parts:
        if kind == "hundred":
            current = (current or 1.0) * value
        elif kind == "scale":
            total += (current or 1.0) * value
            current = 0.0
        else:
            current += value
    return total + current


@cache
def _morphemes(lang: Lang) -> list[tuple[str, float, str]]:
    table: list[tuple[str, float, str]] = []
    for kind, words in (
        ("unit", lang.units),
        ("unit", dict.fromkeys(lang.weak_one, 1.0)),
        ("teen", lang.teens),
        ("ten", lang.tens),
        ("hundred", lang.hundred),
        ("scale", lang.thousand),
        ("fraction", lang.fractions),
    ):
        table.extend((w, float(v), kind) for w, v in words.items())
    table.extend((j, 0.0, "joiner") for j in lang.joiners)
    return sorted(table, key=lambda t: -len(t[0]))


def _split_compound(word: str, lang: Lang) -> list[tuple[float, str]] | None:
    """Split a compound number word into morphemes, or None if it is not one."""
    if not word:
        return []
    for morph, value, kind in _morphemes(lang):
        if word.startswith(morph):
            rest = _split_compound(word[len(morph) :], lang)
            if rest is not None:
                return [(value, kind), *rest]
    return None


@cache
def _parse_word_cached(word: str, lang: Lang) -> float | None:
    if word in lang.units or word in lang.teens or word in lang.tens:
        return float({**lang.units, **lang.teens, **lang.tens}[word])
    if word in lang.fractions:
        return float(lang.fractions[word])
    if not lang.compound:
        return None
    parts = _split_compound(word, lang)
    if not parts or len(parts) < 2:
        return None
    kinds = [k for _, k in parts]
    if kinds[0] == "joiner" or kinds[-1] == "joiner":
        return None
    # a joiner only glues a unit to a tens word: drie-ën-veertig, een-en-twintig
    for i, k in enumerate(kinds):
        if k == "joiner" and not (kinds[i - 1] == "unit" and kinds[i + 1] in ("ten", "fraction")):
            return None
    return evaluate([p for p in parts if p[1] != "joiner"])


def parse_word(word: str, lang: Lang) -> float | None:
    """The value of a single number word (Dutch compounds included), or None.

    >>> from claimdiff.lang import get
    >>> parse_word("eenentwintig", get("nl")), parse_word("tweehonderdvijftig", get("nl"))
    (21.0, 250.0)
    >>> parse_word("vieren", get("nl")) is None, parse_word("fourteen", get("en"))
    (True, 14.0)
    """
    return _parse_word_cached(word.lower(), lang)
