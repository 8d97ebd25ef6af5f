"""Tokens with offsets, and phrase matching over them, shared by the extractors.

>>> [t.text for t in tokenize("Zo'n €1,18 miljard, aldus Grandi.")]
["Zo'n", '€', '1,18', 'miljard', ',', 'aldus', 'Grandi', '.']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

_TOKEN = re.compile(
    r"\d{1,3}(?:[\u00a0\u202f\u2009 '’]\d{3})+(?!\d)(?:[.,]\d+)?"  # 1 684, 1'000
    r"|\d+(?:[.,:]\d+)*"  # 500.000, 1,684, 46.2, 14:30
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"  # words, zo'n
    r"|\S"  # any other mark: € $ % ° - – / .
)


@dataclass
class Tok:
    start: int
    end: int
    text: str
    low: str  # lowercased
    is_digits: bool
    is_word: bool


def tokenize(text: str) -> list[Tok]:
    """Words, digit groups and marks, with offsets into ``text``."""
    out = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        out.append(Tok(m.start(), m.end(), t, t.lower(), t[0].isdecimal(), t[0].isalpha()))
    return out


@cache
def _phrase_tokens(phrase: str) -> tuple[str, ...]:
    return tuple(t.low for t in tokenize(phrase))


def match_at(toks: list[Tok], i: int, phrase: str) -> int:
    """Index after ``phrase`` if it matches ``toks`` from ``i``, else -1."""
    words = _phrase_tokens(phrase)
    if i < 0 or i + len(words) > len(toks):
        return -1
    for k, w in enumerate(words):
        if toks[i + k].low != w:
            return -1
        # marks inside a phrase ("ca.", "km/h") must be glued to what precedes them
        mark = not toks[i + k].is_word and not toks[i + k].is_digits
        if k and mark and toks[i + k].start != toks[i + k - 1].end:
            return -1
    return i + len(words)


def match_before(toks: list[Tok], i: int, phrase: str) -> int:
    """Index where ``phrase`` starts if it ends right before ``toks[i]``, else -1."""
    n = len(_phrase_tokens(phrase))
    j = i - n
    return j if j >= 0 and match_at(toks, j, phrase) == i else -1


def longest_after(toks: list[Tok], i: int, phrases: Iterable[str]) -> tuple[int, str] | None:
    best = None
    for p in phrases:
        j = match_at(toks, i, p)
        if j > 0 and (best is None or j > best[0]):
            best = (j, p)
    return best


def longest_before(toks: list[Tok], i: int, phrases: Iterable[str]) -> tuple[int, str] | None:
    best = None
    for p in phrases:
        j = match_before(toks, i, p)
        if j >= 0 and (best is None or j < best[0]):
            best = (j, p)
    return best
