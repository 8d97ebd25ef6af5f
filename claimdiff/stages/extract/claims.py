"""Stage 3, extract: turn a report's sentences into check-worthy claims.

A sentence is a claim when it states a figure (other than a bare date or
time) or carries an attribution. A sentence that states two facts, each with
a figure of its own, joined by a connector of the language (", en", " and ",
", including", ";"), becomes two claims; the sentence's attributions go with
both ("Four people were killed and two others are still missing, the
authorities said").
"""

from __future__ import annotations

from claimdiff.lang import data_for
from claimdiff.models import Attribution, Claim, Document, Figure
from claimdiff.stages.extract.attributions import find_attributions
from claimdiff.stages.extract.figures import find_figures
from claimdiff.stages.segment.quotes import find_quotes
from claimdiff.stages.segment.sentences import Sentence, split_sentences

#: Figure kinds that make a sentence worth checking and that count for splitting.
SUBSTANTIVE = frozenset({"count", "money", "percent", "percentage_points", "measure", "age"})


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _split_points(
    s: Sentence, figures: list[Figure], language: str, text: str
) -> list[tuple[int, int]]:
    """(end of the first part, start of the next) for each place the sentence splits."""
    lang = data_for(language)
    quotes = find_quotes(text, s.start, s.end, lang)
    cuts: list[tuple[int, int]] = []
    low = s.text.lower()
    for connector in lang.clause_splitters:
        pos = low.find(connector)
        while pos >= 0:
            a, b = s.start + pos, s.start + pos + len(connector)
            inside = any(f.start < b and a < f.end for f in figures) or any(
                q.start < a < q.end for q in quotes
            )
            if not inside:
                cuts.append((a, b))
            pos = low.find(connector, pos + 1)
    cuts.sort()
    chosen: list[tuple[int, int]] = []
    last = s.start
    for a, b in cuts:
        if chosen and a < chosen[-1][1]:
            continue
        left = [f for f in figures if last <= f.start < a and f.kind in SUBSTANTIVE]
        right = [f for f in figures if b <= f.start < s.end and f.kind in SUBSTANTIVE]
        if left and right:
            chosen.append((a, b))
            last = b
    return chosen


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip(" ,;"))
    return start + lead, start + len(piece.rstrip(" ,;"))


def claims_of(doc: Document) -> list[Claim]:
    """The claims of one document, in reading order, with offsets into ``doc.text``."""
    text = doc.text
    sentences = split_sentences(text, doc.language, doc.body_start)
    attributions = find_attributions(text, sentences, doc.language)
    claims: list[Claim] = []
    for s, attrs in zip(sentences, attributions, strict=True):
        figures = find_figures(s.text, doc.language, base=s.start, doc_date=doc.date)
        if not attrs and not any(f.kind in SUBSTANTIVE for f in figures):
            continue
        bounds = [s.start]
        for a, b in _split_points(s, figures, doc.language, text):
            bounds.extend([a, b])
        bounds.append(s.end)
        for c0, c1 in zip(bounds[::2], bounds[1::2], strict=True):
            c0, c1 = _trimmed(text, c0, c1)
            line, col = _line_col(text, c0)
            claims.append(
                Claim(
                    id=f"{doc.id}:{len(claims) + 1}",
                    doc=doc.id,
                    start=c0,
                    end=c1,
                    text=text[c0:c1],
                    line=line,
                    column=col,
                    sentence=s.index,
                    figures=[f for f in figures if c0 <= f.start < c1],
                    attributions=[_copy(a) for a in attrs],
                )
            )
    return claims


def _copy(a: Attribution) -> Attribution:
    return a.model_copy()


def extract_documents(docs: list[Document]) -> tuple[list[Document], list[Claim]]:
    """Every document's claims, and the documents with their claim counts (new objects)."""
    out_docs, claims = [], []
    for d in docs:
        found = claims_of(d)
        claims.extend(found)
        out_docs.append(d.model_copy(update={"n_claims": len(found)}))
    return out_docs, claims
