"""Quoted passages in a report: the quote marks of its language, paired; apostrophes left alone.

The marks and the order they are tried in come from the language file
(``[quotes] pairs``): German pairs „ with “, English “ with ”. A quote never
runs over a blank line. Pairing costs O(n log n) however many marks are left
open: each opening mark looks up the next closing mark and the next blank
line by bisection, never by scanning to the end of the text.

>>> from claimdiff.lang import get
>>> text = "“Het is voorbij”, zei hij. Zo’n 40 mensen."
>>> [(text[q.inner_start:q.inner_end]) for q in find_quotes(text, 0, len(text), get("nl"))]
['Het is voorbij']
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from claimdiff.lang import Lang
from claimdiff.stages.segment.sentences import Sentence

_APOSTROPHES = "'’‘"


@dataclass
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark
    inner_start: int
    inner_end: int


def _closers(text: str, start: int, end: int, mark: str) -> list[int]:
    """Offsets of ``mark`` that can close a quote (an apostrophe inside a word cannot)."""
    out = []
    j = text.find(mark, start, end)
    while j >= 0:
        if not (mark in "'’" and j + 1 < end and text[j + 1].isalpha()):
            out.append(j)
        j = text.find(mark, j + 1, end)
    return out


def _can_open(text: str, i: int, start: int, end: int, mark: str) -> bool:
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    if mark in _APOSTROPHES and (prev.isalnum() or not (nxt.isalnum() or nxt in "…")):
        return False  # zo'n, the company's, a closing ’
    return not (mark == '"' and (prev.isalnum() or nxt.isspace()))


def find_quotes(text: str, start: int, end: int, lang: Lang) -> list[Quote]:
    """Quoted passages in ``text[start:end]``, paired by the language's marks."""
    first_pair: dict[str, str] = {}
    for open_, close in lang.quote_pairs:
        first_pair.setdefault(open_, close)  # an opening mark is tried with its first pair
    closers = {c: _closers(text, start, end, c) for c in set(first_pair.values())}
    breaks = []
    b = text.find("\n\n", start, end)
    while b >= 0:
        breaks.append(b)
        b = text.find("\n\n", b + 1, end)
    out: list[Quote] = []
    i = start
    while i < end:
        ch = text[i]
        close = first_pair.get(ch, "")
        if not close or not _can_open(text, i, start, end, ch):
            i += 1
            continue
        found = closers[close]
        k = bisect_right(found, i)
        j = found[k] if k < len(found) else end
        nb = bisect_right(breaks, i - 1)
        if nb < len(breaks) and breaks[nb] < j:
            j = end  # a blank line first: the quote is not closed in its paragraph
        if j < end and j - i > 2:
            out.append(Quote(i, j + 1, i + 1, j))
            i = j + 1
            continue
        i += 1
    return out


def dash_quote(s: Sentence, lang: Lang) -> Quote | None:
    """A sentence that opens with a dash and a space is a quote (a common Dutch and French style)."""
    if s.text[:1] and s.text[:1] in lang.quote_dashes and s.text[1:2] == " ":
        return Quote(s.start, s.end, s.start + 2, s.end)
    return None
