"""What each claim brings to alignment: its statement, figures masked, and its keys.

The text the encoder reads (``content_text``: the claim without who said it,
figures masked) and the keys the pair signals of ``claimdiff.stages.align.grouping`` compare:
names, sources, figure kinds and values, weekdays, character trigrams.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from functools import lru_cache

from claimdiff.lang import Lang
from claimdiff.models import Claim
from claimdiff.stages.extract.claims import SUBSTANTIVE

MASK = "0"


def masked_text(claim: Claim) -> str:
    """The claim's text with its figures replaced by ``0`` (dates and names stay).

    >>> from claimdiff.models import Figure
    >>> c = Claim(id="a:1", doc="a", start=0, end=22, text="352 civilians died.", line=1,
    ...           column=1, sentence=0, figures=[Figure(start=0, end=3, text="352", value=352)])
    >>> masked_text(c)
    '0 civilians died.'
    """
    return _masked_span(claim, claim.start, claim.end)


def _masked_span(claim: Claim, lo: int, hi: int) -> str:
    """The claim's text from ``lo`` to ``hi`` (offsets in the report), its figures there masked."""
    out = []
    pos = lo
    for f in sorted(claim.figures, key=lambda f: f.start):
        if f.kind not in SUBSTANTIVE or f.start < pos or f.end > hi:
            continue
        out.append(claim.text[pos - claim.start : f.start - claim.start])
        out.append(MASK)
        pos = f.end
    out.append(claim.text[pos - claim.start : hi - claim.start])
    return "".join(out)


def content_spans(claim: Claim, lang: Lang) -> list[tuple[int, int]]:
    """The parts of a claim that say what was said, not who said it.

    A direct quote: its words ("“…”, aldus burgemeester Anna de Vries, die
    donderdag…" aligns on the quote alone). Otherwise the claim without its
    sources and cue words ("Volgens het KNMI", ", the ministry said").
    """
    from claimdiff.stages.segment.quotes import find_quotes

    if not claim.attributions:
        return [(claim.start, claim.end)]
    quotes = find_quotes(claim.text, 0, len(claim.text), lang)
    if quotes and any(a.kind == "quote" for a in claim.attributions):
        return [(claim.start + q.inner_start, claim.start + q.inner_end) for q in quotes]
    cuts = []
    for a in claim.attributions:
        lo = min(a.start, a.cue_start if a.cue_start is not None else a.start)
        hi = max(a.end, a.cue_end if a.cue_end is not None else a.end)
        if claim.start <= lo and hi <= claim.end:
            cuts.append((lo, hi))
    keep = []
    pos = claim.start
    for lo, hi in sorted(cuts):
        if lo > pos:
            keep.append((pos, lo))
        pos = max(pos, hi)
    keep.append((pos, claim.end))
    return keep


def content_text(claim: Claim, lang: Lang) -> str:
    """What the claim says, figures masked (see ``content_spans``).

    "“Dit hebben we nog nooit meegemaakt”, aldus burgemeester Anna de Vries, die
    donderdag…" and "“…”, zei brandweercommandant Peter Janssen vrijdag…" then
    align on the quote itself.
    """
    pieces = [_masked_span(claim, lo, hi).strip(" ,;:") for lo, hi in content_spans(claim, lang)]
    out = " ".join(p for p in pieces if p.strip(" ,;:." + lang.quote_marks))
    return out or masked_text(claim)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_keys(claim: Claim, lang: Lang) -> set[str]:
    """Capitalised words inside the claim (not its first word), folded: names of people and places."""
    words = claim.text.replace("’", "'").split()
    keys = set()
    for i, w in enumerate(words):
        w = w.strip(".,;:!?()[]" + lang.quote_marks)
        if len(w) > 2 and lang.is_name_word(w) and (i > 0 or w.isupper()):
            keys.add(_fold(w.split("'")[0]))
    return keys


def source_keys(claim: Claim) -> set[str]:
    """The last word of each canonical source, folded ("Grandi", "knmi")."""
    return {_fold(a.canonical_source.split()[-1]) for a in claim.attributions if a.canonical_source}


def figure_keys(claim: Claim) -> tuple[set[str], set[str]]:
    """(kinds, anchors): "money:EUR", "measure:mm"; and those with a rounded value."""
    kinds, anchors = set(), set()
    for f in claim.figures:
        if f.kind not in SUBSTANTIVE or f.value is None:
            continue
        k = f"{f.kind}:{f.unit or f.currency or ''}"
        kinds.add(k)
        v = f.value
        anchors.add(f"{k}={float(f'{v:.2g}') if v else 0}")
    return kinds, anchors


def day_keys(claim: Claim, lang: Lang) -> set[str]:
    """The weekdays the claim's statement names ("wd1" for Tuesday), resolved dates included."""
    keys: set[str] = set()
    if not any(f.kind == "date" for f in claim.figures):
        return keys
    spans = content_spans(claim, lang)
    for f in claim.figures:
        if not any(lo <= f.start and f.end <= hi for lo, hi in spans):
            continue
        if f.kind == "date" and f.weekday is not None:
            keys.add(f"wd{f.weekday}")
        elif f.kind == "date" and f.iso and len(f.iso) == 10:
            keys.add(f"wd{date.fromisoformat(f.iso).weekday()}")
    return keys


def gram_keys(text: str) -> list[str]:
    """The character trigrams of each word, the word padded with spaces.

    Trigrams match inflections ("convicted" / "conviction") and names and cognates
    across languages ("evacuatie" / "evacuation", "Kiev" / "Kyiv") where whole
    words do not.

    >>> gram_keys("Kyiv, 12")
    [' ky', 'kyi', 'yiv', 'iv ', ' 12', '12 ']
    """
    from rapidfuzz import utils

    return [g for w in utils.default_process(text).split() for g in word_grams(w)]


@lru_cache(maxsize=65536)
def word_grams(word: str) -> tuple[str, ...]:
    padded = f" {word} "
    return tuple(padded[i : i + 3] for i in range(len(padded) - 2))
