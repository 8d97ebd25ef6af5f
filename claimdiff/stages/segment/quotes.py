"""Quoted passages in a report: every quote style, paired, apostrophes left alone.

>>> text = "“Het is voorbij”, zei hij. Zo’n 40 mensen."
>>> [(text[q.inner_start:q.inner_end]) for q in find_quotes(text, 0, len(text))]
['Het is voorbij']
"""

from __future__ import annotations

from dataclasses import dataclass

from claimdiff.stages.segment.sentences import Sentence

_QUOTE_PAIRS = [
    ("“", "”"),
    ("„", "”"),
    ("„", "“"),
    ("«", "»"),
    ("‘", "’"),
    ('"', '"'),
    ("'", "'"),
    ("‹", "›"),
]


_DASHES = "–—"


@dataclass
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark
    inner_start: int
    inner_end: int


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quoted passages in ``text[start:end]``, paired by style; apostrophes are not quotes."""
    out: list[Quote] = []
    i = start
    while i < end:
        ch = text[i]
        for open_, close in _QUOTE_PAIRS:
            if ch != open_:
                continue
            prev = text[i - 1] if i > start else " "
            nxt = text[i + 1] if i + 1 < end else " "
            if open_ in "'’‘" and (prev.isalnum() or not (nxt.isalnum() or nxt in "…")):
                break
            if open_ == '"' and (prev.isalnum() or nxt.isspace()):
                break
            j = i + 1
            while j < end:
                c = text[j]
                if text.startswith("\n\n", j):
                    j = end
                    break
                if c == close and not (close in "'’" and j + 1 < end and text[j + 1].isalpha()):
                    break
                j += 1
            if j < end and j - i > 2:
                out.append(Quote(i, j + 1, i + 1, j))
                i = j
            break
        i += 1
    return out


def _dash_quote(text: str, s: Sentence) -> Quote | None:
    if s.text[:1] in _DASHES and s.text[1:2] == " ":
        return Quote(s.start, s.end, s.start + 2, s.end)
    return None
