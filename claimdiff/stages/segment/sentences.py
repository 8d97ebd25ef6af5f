"""Stage 2, segment: split a report's prose into sentences with offsets.

Rules, in order:
- a blank line always ends a sentence; a single line break ends one when the
  line before ends in sentence punctuation, or is short (a headline, a list item);
- ``.``, ``!``, ``?`` or ``…`` (with any closing quotes and brackets after it)
  ends a sentence when whitespace and a capital, a digit or an opening quote
  follow, unless the word before the period is an abbreviation of the
  language (``dhr.``, ``o.a.``, ``U.N.``, ``Feb.``) or a single initial (``J.``).

A quote that runs over several sentences is split like any text: the
attribution stage gives all of its sentences to the speaker.

>>> [s.text for s in split_sentences("Dhr. Jansen kwam o.a. uit Gent. Hij zei: “Ja.” Toen ging hij.", "nl")]
['Dhr. Jansen kwam o.a. uit Gent.', 'Hij zei: “Ja.”', 'Toen ging hij.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimdiff.lang import Lang, data_for

_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
#: How far back the word before a period is looked for (an abbreviation is short).
WORD_WINDOW = 64
SHORT_LINE = 80
#: A "sentence" longer than this (a table, text without punctuation) is cut at
#: the last space before the limit, so no sentence costs more than a bounded time.
MAX_SENTENCE = 1000


@dataclass(frozen=True)
class Sentence:
    """A sentence: ``text == document_text[start:end]``."""

    start: int
    end: int
    text: str
    index: int


@cache
def _marks(lang: Lang) -> tuple[re.Pattern[str], str, str]:
    """The sentence-end pattern of a language, its opening marks, and every quote mark.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` with any closing quotes and
    brackets after it, when whitespace and a word, a digit or an opening mark follow.
    """
    quotes = re.escape(lang.quote_marks)
    dashes = "".join(lang.quote_dashes)
    opening = lang.quote_marks + "([" + dashes + "-"
    end = re.compile(rf"([.!?…]+)([{quotes})\]]*)(\s+)(?=[{re.escape(opening)}]?\s?[\w{quotes}])")
    return end, opening, lang.quote_marks


def _is_abbreviation(word: str, abbreviations: frozenset[str], quote_marks: str = "") -> bool:
    bare = word.rstrip(".").lower().lstrip("(" + quote_marks)
    if not bare:
        return False
    if bare in abbreviations:
        return True
    if len(bare) == 1 and bare.isalpha():  # an initial: "J. Smith", "Willem-Alexander J."
        return True
    # dotted abbreviations not in the list: "a.s.", "U.S.A."
    return bool(re.fullmatch(r"(?:\w\.)+\w", bare)) and len(bare) <= 7


def _split_block(text: str, start: int, end: int, lang: Lang) -> list[int]:
    """Sentence-end offsets inside ``text[start:end]`` (exclusive ends).

    Linear in the block: the word before a period is looked for in a bounded
    window, never in everything before it.
    """
    end_pattern, opening, quotes = _marks(lang)
    cuts = []
    block = text[start:end]
    for m in end_pattern.finditer(block):
        punct, closers = m.group(1), m.group(2)
        cut = m.start() + len(punct) + len(closers)
        nxt = block[m.end() : m.end() + 3].lstrip(opening + " ")
        if nxt[:1].islower():
            continue
        if punct == "." and not closers:
            w = _WORD_BEFORE.search(block[max(0, m.start() - WORD_WINDOW) : m.start()])
            word = (w.group(1) if w else "") + "."
            if _is_abbreviation(word, lang.abbreviations, quotes):
                # "t.a.v. De Vries" stays one sentence; "in de VS. De" cannot be told apart.
                continue
            at_list_number = m.start() < WORD_WINDOW and w and w.group(1).isdigit()
            if at_list_number and _LIST_ITEM.match(block[: m.start() + 1] + " "):
                continue
        cuts.append(start + cut)
    return cuts


def _last_char(text: str, lo: int, hi: int) -> str:
    """The last character of ``text[lo:hi]`` that is not whitespace ("" if none)."""
    k = hi - 1
    while k >= lo and text[k].isspace():
        k -= 1
    return text[k] if k >= lo else ""


def _blocks(text: str, start: int, quote_marks: str) -> list[tuple[int, int]]:
    """Spans of text between hard breaks (blank lines, or line breaks after a full line)."""
    spans = []
    pos = start
    block_start = start
    ends = (".", "!", "?", "…", ":", ")", *quote_marks)
    for line in text[start:].splitlines(keepends=True):
        line_end = pos + len(line)
        content = line.strip()
        prev = _last_char(text, block_start, pos)
        if not content:
            if prev:
                spans.append((block_start, pos))
            block_start = line_end
        elif pos > block_start and (
            prev in ends
            or len(text[text.rfind("\n", 0, pos - 1) + 1 : pos].strip()) < SHORT_LINE
            or _LIST_ITEM.match(line)
        ):
            spans.append((block_start, pos))
            block_start = pos
        pos = line_end
    if text[block_start:].strip():
        spans.append((block_start, len(text)))
    return spans


def split_sentences(text: str, language: str, start: int = 0) -> list[Sentence]:
    """The sentences of ``text[start:]``, trimmed, with offsets into ``text``."""
    lang = data_for(language)
    out: list[Sentence] = []
    for b0, b1 in _blocks(text, start, lang.quote_marks):
        bounds = [b0, *_split_block(text, b0, b1, lang), b1]
        for s0, s1 in zip(bounds, bounds[1:], strict=False):
            for c0, c1 in _capped(text, s0, s1):
                piece = text[c0:c1]
                lead = len(piece) - len(piece.lstrip())
                trail = len(piece.rstrip())
                if trail > lead:
                    out.append(Sentence(c0 + lead, c0 + trail, piece[lead:trail], len(out)))
    return out


def _capped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most ``MAX_SENTENCE`` characters, cut at spaces."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces
