"""Which language a report is in, detected offline with py3langid."""

from __future__ import annotations

from functools import cache

from claimdiff import lang as langdata


@cache
def _identifier():  # noqa: ANN202
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in.

    Prefers a language claimdiff has data for when the text is short or mixed.

    >>> detect("Meer dan 500.000 mensen zijn Oekraïne ontvlucht, aldus Grandi.")
    'nl'
    >>> detect("More than half a million people have fled Ukraine, Grandi said.")
    'en'
    """
    sample = text[:5000]
    if not sample.strip():
        return langdata.FALLBACK
    ranked = _identifier().rank(sample)
    top, _ = ranked[0]
    if top in langdata.available():
        return str(top)
    supported = {code: p for code, p in ranked if code in langdata.available()}
    best = max(supported, key=lambda c: supported[c]) if supported else None
    # Afrikaans, Frisian or Luxembourgish guesses on short Dutch or English text.
    if best and supported[best] > 0.2:
        return best
    return str(top)
