"""Stage 3a, extract figures: every number a report states, read as its reader would.

A figure is a number with what bounds it (qualifier, range, the precision its
digits imply), what it is (count, money, percent, measure, age, date…), its
unit or currency, and what it counts (``measure``). Language knowledge comes
from ``claimdiff/lang/<code>.toml``; this module names no word of any language.

>>> [(f.text, f.value, f.qualifier) for f in find_figures("Meer dan 500.000 mensen zijn gevlucht.", "nl")]
[('Meer dan 500.000', 500000.0, 'more_than')]
>>> f = find_figures("Revenue fell 6.4% to 1.18 billion euros.", "en")
>>> [(x.text, x.value, x.kind, x.currency) for x in f]
[('6.4%', 6.4, 'percent', None), ('1.18 billion euros', 1180000000.0, 'money', 'EUR')]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from claimdiff.lang import Lang, data_for
from claimdiff.models import Figure, FigureKind, Qualifier
from claimdiff.stages.extract.numerals import evaluate, parse_digits, parse_word
from claimdiff.stages.segment.tokens import Tok, longest_after, longest_before, match_at, tokenize


@dataclass
class Core:
    """A number read from tokens ``i`` to ``j`` (exclusive)."""

    i: int
    j: int
    value: float
    step: float = 1.0
    low: float | None = None
    high: float | None = None
    vague: bool = False
    digits: bool = False
    scaled: bool = False
    extra: dict[str, object] = field(default_factory=dict)


def _step_of(value: float) -> float:
    if value <= 0 or value != int(value):
        return 1.0
    s = str(int(value))
    zeros = len(s) - len(s.rstrip("0"))
    return 10.0**zeros if zeros >= 2 else 1.0


def _scale_after(toks: list[Tok], j: int, lang: Lang) -> tuple[int, float]:
    """Scale words after a number ("miljoen", "million"), multiplied; and where they end."""
    factor = 1.0
    while j < len(toks) and toks[j].low in lang.scales and toks[j].start > toks[j - 1].end:
        factor *= lang.scales[toks[j].low]
        j += 1
        if j < len(toks) and toks[j].text == "." and toks[j - 1].low + "." in lang.scales:
            j += 1
    return j, factor


def _read_core(toks: list[Tok], i: int, lang: Lang) -> Core | None:
    """A number starting at ``toks[i]``: vague words, phrases, digits or number words."""
    t = toks[i]
    for phrase, (lo, hi) in sorted(lang.vague.items(), key=lambda kv: -len(kv[0])):
        j = match_at(toks, i, phrase)
        if j > 0:
            value = 5 * 10 ** math.floor(math.log10(lo))
            return Core(i, j, float(value), low=lo, high=hi, vague=True)
    for phrase, value in sorted(lang.phrases.items(), key=lambda kv: -len(kv[0])):
        j = match_at(toks, i, phrase)
        if j > 0:
            k, factor = _scale_after(toks, j, lang)
            if value < 1 and factor == 1.0:
                continue  # "een half" alone is not a figure
            v = value * factor
            if not math.isfinite(v):
                return None  # more scale words than a float holds: no figure
            return Core(i, k, v, step=_step_of(v), scaled=factor > 1)
    if t.is_digits:
        if ":" in t.text:
            return None
        d = parse_digits(t.text, lang)
        j, factor = _scale_after(toks, i + 1, lang)
        if not math.isfinite(d.value * factor):
            return None  # a 400-digit number is no figure a reader reads
        return Core(i, j, d.value * factor, step=d.step * factor, digits=True, scaled=factor > 1)
    if not t.is_word:
        return None
    parts: list[tuple[float, str]] = []
    j = i
    while j < len(toks):
        w = toks[j].low
        if parts and j > i and w in lang.joiners and j + 1 < len(toks):
            nxt = toks[j + 1].low
            if parse_word(nxt, lang) is not None or nxt in lang.hundred:
                j += 1
                continue
            break
        if w in lang.hundred:
            parts.append((lang.hundred[w], "hundred"))
        elif w in lang.scales:
            parts.append((lang.scales[w], "scale"))
        elif w in lang.weak_one and not parts:
            nxt = toks[j + 1].low if j + 1 < len(toks) else ""
            if nxt not in lang.scales and nxt not in lang.hundred:
                break
            parts.append((1.0, "unit"))
        else:
            wv = parse_word(w, lang)
            if wv is None:
                break
            kind = "fraction" if w in lang.fractions else "unit"
            parts.append((wv, kind))
        j += 1
    if not parts or (all(k == "scale" for _, k in parts) and toks[i].low not in lang.thousand):
        return None  # "miljoen" alone is no figure; "duizend brandweerlieden" is
    hyphened = (i > 0 and toks[i - 1].text == "-" and toks[i - 1].end == toks[i].start) or (
        j < len(toks) and toks[j].text == "-" and toks[j].start == toks[j - 1].end
    )
    if all(k == "fraction" for _, k in parts) and hyphened:
        return None  # "third-quarter results", "half-time"
    value = evaluate(parts)
    if not math.isfinite(value):
        return None
    return Core(i, j, value, step=_step_of(value), scaled=any(k == "scale" for _, k in parts))


def _known_glued(word: str, lang: Lang) -> bool:
    """Letters that may stick to digits: units, scales, ordinal and time marks (46.2C, €52m, 3e)."""
    return (
        word in lang.measure_units
        or word in lang.money_suffix
        or word in lang.ordinal_suffixes
        or word in lang.scales
        or any(word == t.split(".")[0] for t in lang.time_after)
    )


def _is_name_number(text: str, toks: list[Tok], i: int, lang: Lang) -> bool:
    """True for numbers inside names or references.

    G7, Covid-19, 5G, 9/11, Boeing 737, artikel 12, 020-5551234.
    """
    t = toks[i]
    if not t.is_digits:
        return False
    before = text[max(0, t.start - 2) : t.start]
    if before[-1:].isalpha() or (before[-1:] == "-" and before[:1].isalpha()):
        return True
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.start == t.end:
        if nxt.is_word and not _known_glued(nxt.low, lang):
            return True  # 5G, 737MAX
        if nxt.text == "/" and i + 2 < len(toks) and toks[i + 2].is_digits:
            return True  # 9/11, 24/7
    if i > 0 and toks[i - 1].low.rstrip(".") in {w.rstrip(".") for w in lang.not_after}:
        return True
    if len(t.text) > 1 and t.text[0] == "0" and t.text[1].isdigit():
        return True  # phone numbers, codes: 020, 0800
    if (
        i > 0
        and toks[i - 1].end < t.start
        and toks[i - 1].is_word
        and toks[i - 1].text[0].isupper()
    ):
        w = toks[i - 1].low
        known = (
            toks[i - 1].text.isupper()  # an acronym: "VVD 24 zetels"
            or w in lang.measure_stop
            or w in lang.currency_before
            or w in lang.range_between
            or w in lang.age_before
            or w in lang.months
            or w in lang.weekdays
            or any(w == q.split()[-1] for q in lang.qualifier_before)
            or parse_word(w, lang) is not None
            or w in lang.scales
        )
        unit_after = nxt is not None and (
            _known_glued(nxt.low, lang)
            or longest_after(toks, i + 1, (*lang.percent, *lang.currency_after)) is not None
        )
        if not known and not unit_after:
            return True  # "Boeing 737", "Formula 1", "Challenger 2"
    return False


def _skip_code(toks: list[Tok], i: int) -> int:
    """Index after a phone number or code that starts at ``toks[i]`` (020-5551234, 0800 555 0199)."""
    j = i + 1
    while (
        j < len(toks)
        and (toks[j].is_digits or toks[j].text in "-/")
        and (toks[j].start - toks[j - 1].end <= 1)
    ):
        j += 1
    return j


def _currency_before(toks: list[Tok], i: int, lang: Lang) -> tuple[int, str] | None:
    best = longest_before(toks, i, lang.currency_before)
    if best is None:
        return None
    j, phrase = best
    if toks[j].is_word and toks[j].end < toks[i].start and phrase.isalpha() and len(phrase) > 3:
        return None  # "euro 5" is rare; "euro" before a number is mostly a noun
    return j, lang.currency_before[phrase]


@dataclass
class Reading:
    """A figure being assembled, in token indices."""

    core: Core
    start_i: int
    end_i: int
    qualifier: Qualifier = "exact"
    kind: FigureKind = "count"
    unit: str | None = None
    currency: str | None = None
    iso: str | None = None
    weekday: int | None = None
    range_hi: Core | None = None


def _read_suffix(text: str, toks: list[Tok], r: Reading, lang: Lang) -> None:
    """Units, currencies, percent and age marks after the number."""
    j = r.end_i
    last = toks[j - 1]
    glued = j < len(toks) and toks[j].start == last.end
    if j < len(toks) and glued and toks[j].is_word and r.core.digits:
        w = toks[j].low
        if r.currency and w in lang.money_suffix:
            r.core.value *= lang.money_suffix[w]
            r.core.step *= lang.money_suffix[w]
            r.core.scaled = True
            r.end_i = j = j + 1
        elif w in lang.ordinal_suffixes:
            r.kind = "ordinal"
            r.end_i = j + 1
            return
    for suffix in lang.age_suffixes:
        if text[last.end : last.end + len(suffix)].lower() == suffix and r.core.digits:
            r.kind = "age"
            end = last.end + len(suffix)
            while j < len(toks) and toks[j].end <= end:
                j += 1
            r.end_i = j
            return
    age = longest_after(toks, j, lang.age_after)
    if age:
        r.kind, r.end_i = "age", age[0]
        return
    pp = longest_after(toks, j, lang.percentage_points)
    pc = longest_after(toks, j, lang.percent)
    if pp and (not pc or pp[0] >= pc[0]):
        r.kind, r.end_i = "percentage_points", pp[0]
        return
    if pc:
        r.kind, r.end_i = "percent", pc[0]
        return
    cur = longest_after(toks, j, lang.currency_after)
    if cur:
        r.kind, r.currency, r.end_i = "money", lang.currency_after[cur[1]], cur[0]
        return
    if r.currency:
        r.kind = "money"
        return
    unit = longest_after(toks, j, lang.measure_units)
    if unit:
        u = lang.measure_units[unit[1]]
        glued_unit = toks[j].start == last.end
        # a lone letter unit ("m", "c") counts only glued to digits or before a mark
        if len(unit[1]) > 1 or glued_unit or unit[1] in ("°",):
            if u in ("h", "min", "s") and r.core.digits and r.core.step < 1 and lang.time_after:
                pass
            r.kind, r.unit, r.end_i = "measure", u, unit[0]


def _after_change_verb(toks: list[Tok], j: int, lang: Lang, window: int = 4) -> bool:
    """True when one of the few words before ``toks[j]`` is a change verb ("daalde in juli tot")."""
    return any(toks[k].low in lang.change_verbs for k in range(max(0, j - window), j))


def _read_compound_unit(toks: list[Tok], r: Reading, lang: Lang) -> None:
    """A unit glued with a hyphen: "a two-day summit", "a 500-tonne ship"."""
    j = r.end_i
    if r.kind != "count" or j + 1 >= len(toks) or toks[j].text != "-":
        return
    if toks[j].start != toks[j - 1].end or toks[j + 1].start != toks[j].end:
        return
    unit = lang.measure_units.get(toks[j + 1].low)
    if unit and len(toks[j + 1].low) > 2:
        r.kind, r.unit, r.end_i = "measure", unit, j + 2


def _apposition_age(toks: list[Tok], r: Reading) -> bool:
    """A bare whole number between commas or brackets right after a name: an age."""
    i, j = r.start_i, r.end_i
    if not r.core.digits or j != i + 1 or not (0 < r.core.value < 120) or i < 2 or j >= len(toks):
        return False
    before, after, name = toks[i - 1].text, toks[j].text, toks[i - 2]
    pair = (before, after) in ((",", ","), ("(", ")"))
    return pair and name.is_word and name.text[:1].isupper()


def _read_qualifier(toks: list[Tok], r: Reading, lang: Lang) -> None:
    """Qualifier words before the figure (or its currency) and after it."""
    best = longest_before(toks, r.start_i, lang.qualifier_before)
    if best:
        j, phrase = best
        q = lang.qualifier_before[phrase]
        if phrase in lang.to_words and _after_change_verb(toks, j, lang):
            q = "exact"  # "daalde tot 48 miljoen": tot means "to"
        else:
            r.start_i = j
        r.qualifier = q
    after = longest_after(toks, r.end_i, lang.qualifier_after)
    if after and r.qualifier == "exact":
        r.qualifier = lang.qualifier_after[after[1]]
        r.end_i = after[0]


def _read_range(text: str, toks: list[Tok], r: Reading, lang: Lang) -> None:
    """ "tussen 40 en 50", "40 à 50", "45 million to 50 million", "40-50".

    Not a range: a change ("van 34 naar 27", "from 10 to 20"), two figures of
    different units ("fell 6.4% to 1.18 billion euros"), or a falling pair.
    """
    j = r.end_i
    if j >= len(toks):
        return
    btw = longest_before(toks, r.start_i, lang.range_between)
    between = btw is not None
    hit = longest_after(toks, j, lang.range_between_and if between else lang.range_joiners)
    if not hit or hit[0] >= len(toks):
        return
    k = hit[0]
    cur = _currency_before(toks, k + 1, lang)
    if cur:
        k += 1
    if k >= len(toks):
        return  # "0-€": a currency sign ends the text, no second number
    hi = _read_core(toks, k, lang)
    if hi is None or hi.vague or _is_name_number(text, toks, k, lang):
        return
    lo = r.core
    if hit[1] in ("-", "–") and not (lo.digits and hi.digits):
        return
    if (
        not between
        and r.start_i > 0
        and toks[r.start_i - 1].low in lang.range_from
        and _after_change_verb(toks, r.start_i - 1, lang)
    ):
        return  # "steeg van 10 tot 20", "rose from 12 to 19": a change, not a range
    probe = Reading(hi, k, hi.j, currency=cur[1] if cur else None)
    if cur:
        probe.kind = "money"
    _read_suffix(text, toks, probe, lang)
    if r.kind != "count" and probe.kind != "count":
        if (r.kind, r.unit, r.currency) != (probe.kind, probe.unit, probe.currency):
            return
    elif r.kind != "count" and (probe.kind, probe.unit, probe.currency) != ("count", None, None):
        return
    scale = 1.0
    if hi.scaled and not lo.scaled:
        _, factor = _scale_after(toks, hi.i + 1, lang)
        scale = factor
    if hi.value <= lo.value * scale:
        return
    lo.value *= scale
    lo.step *= scale
    r.range_hi = hi
    r.end_i = hi.j
    if btw is not None:
        r.start_i = btw[0]


def _date_reading(toks: list[Tok], i: int, lang: Lang, doc_date: str | None) -> Reading | None:
    """Day-month(-year), month-day(-year), weekdays and relative days."""
    t = toks[i]

    def month_at(k: int) -> tuple[int, int] | None:
        if k < len(toks) and toks[k].is_word:
            w = toks[k].low
            if w in lang.months:
                end = k + 1
                if end < len(toks) and toks[end].text == "." and toks[end].start == toks[k].end:
                    end += 1
                return lang.months[w], end
            if w + "." in lang.months and k + 1 < len(toks) and toks[k + 1].text == ".":
                return lang.months[w + "."], k + 2
        return None

    def year_at(k: int) -> tuple[int, int] | None:
        if k < len(toks) and toks[k].is_digits and re.fullmatch(r"(1[89]|20)\d\d", toks[k].text):
            return int(toks[k].text), k + 1
        return None

    year_of_doc = int(doc_date[:4]) if doc_date and doc_date[:4].isdecimal() else None
    if t.is_digits and t.text.isdigit() and 1 <= int(t.text) <= 31:
        m = month_at(i + 1)
        if m:
            y = year_at(m[1])
            end = y[1] if y else m[1]
            year = y[0] if y else year_of_doc
            iso = f"{year:04d}-{m[0]:02d}-{int(t.text):02d}" if year else None
            core = Core(i, end, float("nan"))
            return Reading(core, i, end, kind="date", iso=iso)
    m = month_at(i)
    if m and m[1] < len(toks):
        d = toks[m[1]]
        if d.is_digits and d.text.isdigit() and 1 <= int(d.text) <= 31:
            end = m[1] + 1
            k = end + 1 if end < len(toks) and toks[end].text == "," else end
            y = year_at(k)
            end = y[1] if y else end
            year = y[0] if y else year_of_doc
            iso = f"{year:04d}-{m[0]:02d}-{int(d.text):02d}" if year else None
            return Reading(Core(i, end, float("nan")), i, end, kind="date", iso=iso)
    capital_only = t.low in lang.month_needs_capital
    if (
        t.is_word
        and t.low in lang.months
        and (len(t.low) > 3 or capital_only)
        and (not capital_only or (t.text[0].isupper() and i > 0))
    ):
        y = year_at(i + 1)
        end = y[1] if y else i + 1
        iso = f"{y[0]:04d}-{lang.months[t.low]:02d}" if y else None
        return Reading(Core(i, end, float("nan")), i, end, kind="date", iso=iso)
    if t.is_word:
        rel = longest_after(toks, i, lang.relative_days)
        if rel or t.low in lang.weekdays:
            end = rel[0] if rel else i + 1
            iso = None
            if doc_date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc_date):
                base = date.fromisoformat(doc_date)
                if rel:
                    iso = (base + timedelta(days=lang.relative_days[rel[1]])).isoformat()
                else:
                    back = (base.weekday() - lang.weekdays[t.low]) % 7
                    iso = (base - timedelta(days=back)).isoformat()
            wd = None if rel else lang.weekdays[t.low]
            return Reading(Core(i, end, float("nan")), i, end, kind="date", iso=iso, weekday=wd)
    return None


def _time_reading(toks: list[Tok], i: int, lang: Lang) -> Reading | None:
    """ "14.30 uur", "2.15pm", "10:30"."""
    t = toks[i]
    m = re.fullmatch(r"(\d{1,2})(?:[.:](\d{2}))?", t.text)
    if not m or int(m.group(1)) > 24 or int(m.group(2) or 0) > 59:
        return None
    hit = longest_after(toks, i + 1, (*lang.time_after, *lang.clock_after))
    if hit is None and ":" not in t.text:
        return None
    if m.group(2) is None and (hit is None or hit[1] not in lang.clock_after):
        return None  # "10 p.m." is a time; "10 uur" is a duration
    end = hit[0] if hit else i + 1
    hour = int(m.group(1))
    if hit and hit[1] in lang.clock_after[1::2] and hour < 12:
        hour += 12  # the afternoon marks
    minute = m.group(2) or "00"
    return Reading(Core(i, end, float("nan")), i, end, kind="time", iso=f"{hour:02d}:{minute}")


def _measure(toks: list[Tok], r: Reading, lang: Lang) -> str | None:
    """What the figure counts: the words after it, else the noun after "aantal"/"number of".

    Hyphenated words stay whole ("water-bombing aircraft"); other numbers and
    "of"/"van" with an article are skipped ("Veertien van de achttien districten").
    """
    words: list[str] = []
    j = r.end_i
    skipped = 0
    while j < len(toks) and len(words) < 3:
        t = toks[j]
        glued_hyphen = (
            t.text == "-"
            and words
            and j + 1 < len(toks)
            and toks[j + 1].start == t.end
            and t.start == toks[j - 1].end
        )
        if glued_hyphen:
            words[-1] += "-" + toks[j + 1].low
            j += 2
            continue
        is_number = t.is_digits or parse_word(t.low, lang) is not None
        if (
            t.is_word
            and not is_number
            and t.low not in lang.measure_stop
            and (t.low not in lang.speech_verbs)
        ):
            if r.unit and not skipped:
                return None  # "70 km/h drove": after a unit comes a verb, not a noun
            words.append(t.low)
        elif (
            not words
            and skipped < 4
            and (t.low in lang.range_from or t.low in lang.measure_skip or is_number)
        ):
            skipped += 1  # "22,8 procent van de stemmen", "14 of Portugal's 18 districts"
        else:
            break
        j += 1
    if words:
        return " ".join(words)
    for k in range(r.start_i - 1, -1, -1):
        if toks[k].low in lang.count_nouns_self:
            return toks[k].low  # "het dodental ... opgelopen tot vijf"
        if toks[k].low in lang.count_nouns:
            noun: list[str] = []
            for m in range(k + 1, min(k + 4, r.start_i)):
                if not toks[m].is_word or toks[m].low in lang.measure_stop:
                    if noun:
                        break
                    continue
                noun.append(toks[m].low)
                if len(noun) == 2:
                    break
            return " ".join(noun) or None
    return None


def _is_year(toks: list[Tok], r: Reading, lang: Lang, has_measure: bool) -> bool:
    t = toks[r.core.i]
    if not (t.is_digits and re.fullmatch(r"(1[5-9]|20)\d\d", t.text)):
        return False
    if r.kind != "count" or r.currency or r.qualifier != "exact" or r.range_hi is not None:
        return False
    prev = toks[r.core.i - 1].low if r.core.i > 0 else ""
    return prev in lang.year_before or prev in lang.months or not has_measure


def _to_figure(text: str, toks: list[Tok], r: Reading, lang: Lang, base: int) -> Figure:
    s, e = toks[r.start_i].start, toks[r.end_i - 1].end
    c = r.core
    if r.kind in ("date", "time"):
        return Figure(
            start=base + s,
            end=base + e,
            text=text[s:e],
            value=None,
            qualifier="exact",
            kind=r.kind,
            iso=r.iso,
            weekday=r.weekday,
        )
    measure = _measure(toks, r, lang)
    kind = r.kind
    if kind == "count" and _is_year(toks, r, lang, measure is not None):
        kind = "year"
        measure = None
    value, low, high, q = c.value, c.low, c.high, r.qualifier
    if r.range_hi is not None:
        low, high = c.value, r.range_hi.value
        value, q = (low + high) / 2, "approx"
    elif c.vague:
        q = "approx"
    elif c.step > 1 or c.step < 1:
        low, high = value - c.step / 2, value + c.step / 2
    if q in ("more_than", "at_least"):
        low, high = value, None
    elif q in ("at_most", "less_than"):
        low, high = None, value
    value = float(round(value, 9))
    return Figure(
        start=base + s,
        end=base + e,
        text=text[s:e],
        value=value,
        qualifier=q,
        low=None if low is None else round(low, 9),
        high=None if high is None else round(high, 9),
        kind=kind,
        unit=r.unit,
        currency=r.currency,
        measure=measure,
    )


def find_figures(
    text: str, language: str, base: int = 0, doc_date: str | None = None
) -> list[Figure]:
    """Every figure in ``text``; offsets are ``base +`` positions in ``text``.

    >>> [(f.text, f.value, f.qualifier, f.kind) for f in find_figures("Ruim 2.300 inwoners en een 81-jarige vrouw.", "nl")]
    [('Ruim 2.300', 2300.0, 'more_than', 'count'), ('81-jarige', 81.0, 'exact', 'age')]
    >>> [(f.text, f.low, f.high) for f in find_figures("between 40 and 50 Dutch nationals", "en")]
    [('between 40 and 50', 40.0, 50.0)]
    """
    lang = data_for(language)
    toks = tokenize(text)
    out: list[Figure] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        r = _date_reading(toks, i, lang, doc_date) or (
            _time_reading(toks, i, lang) if t.is_digits else None
        )
        if r is None:
            if _is_name_number(text, toks, i, lang):
                i = (
                    _skip_code(toks, i)
                    if t.text[0] == "0" or "/" in text[t.end : t.end + 1]
                    else i + 1
                )
                continue
            core = _read_core(toks, i, lang)
            if core is None:
                if t.is_word and t.low in lang.ordinals:
                    nxt = toks[i + 1] if i + 1 < len(toks) else None
                    named = t.text[0].isupper() and nxt is not None and nxt.text[:1].isupper()
                    if not named:
                        c = Core(i, i + 1, float(lang.ordinals[t.low]))
                        r = Reading(c, i, i + 1, kind="ordinal")
                        out.append(_to_figure(text, toks, r, lang, base))
                i += 1
                continue
            if (
                core.digits
                and i == 0
                and core.j < len(toks)
                and toks[core.j].text in ".)"
                and core.value == int(core.value)
                and core.j + 1 < len(toks)
                and not toks[core.j + 1].is_digits
            ):
                i = core.j + 1  # list numbering: "1. ..."
                continue
            if (
                not core.digits
                and core.value == 1
                and core.j < len(toks)
                and toks[core.j].low in lang.one_not_before
            ):
                i = core.j  # "one of the world's largest": not a count
                continue
            r = Reading(core, i, core.j)
            if (
                core.digits
                and i > 0
                and toks[i - 1].text in "-−"
                and toks[i - 1].end == t.start
                and (i == 1 or not toks[i - 2].is_digits)
            ):
                core.value, r.start_i = -core.value, i - 1  # "-8 °C"
            cur = _currency_before(toks, i, lang)
            if cur:
                r.start_i, r.currency = cur[0], cur[1]
                r.kind = "money"
            _read_suffix(text, toks, r, lang)
            _read_compound_unit(toks, r, lang)
            aged = longest_before(toks, r.start_i, lang.age_before)
            if aged and r.kind == "count":
                r.kind, r.start_i = "age", aged[0]
            elif r.kind == "count" and _apposition_age(toks, r):
                r.kind = "age"  # "Mark Vinar, 43, is presumed dead", "Truus Meijer (71)"
            if r.kind not in ("age", "ordinal"):
                _read_range(text, toks, r, lang)
                if r.range_hi is not None and r.unit is None and r.currency is None:
                    _read_suffix(text, toks, r, lang)
                _read_qualifier(toks, r, lang)
        out.append(_to_figure(text, toks, r, lang, base))
        i = max(r.end_i, i + 1)
    return out
