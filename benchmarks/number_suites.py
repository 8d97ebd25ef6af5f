"""Other projects' number-reader suites: claimdiff against well-kept libraries, case by case.

    python benchmarks/number_suites.py [--write-known-failures] [--failures] [--repeat 3]

Runs every case of the suites in ``tests/data/external/`` (Recognizers-Text
NumberModel, PercentModel and NumberRangeModel in Dutch, English, German and
French; quantulum3's English quantities) through claimdiff's figure reader and
through each library below that is installed and applies, judges every reading
with the same verdict (``tests/external_suites.py``: ``judge``), and prints a
Markdown table of accuracy on the in-scope cases, then the time per case of
each reader (over the cases it applies to, best of ``--repeat`` runs). ``--write-known-failures`` rewrites
``tests/data/external/known_failures.jsonl`` from claimdiff's current reader;
``--failures`` prints claimdiff's failures.

The libraries are not dependencies of claimdiff; install them to compare
(``pip install text2num babel quantulum3 recognizers-text-suite "emoji<2"``:
recognizers-text 1.0.2a2 imports ``emoji.UNICODE_EMOJI``, gone in emoji 2).
A missing one prints "not installed". How each is read:

* text2num (``alpha2digit(text, lang)``, nl/en/de/fr): number words become
  digits; the digit strings of its output are then read with the language's
  decimal comma or point. Numbers only (kind count): scored on rt-number and
  quantulum3 by value.
* babel (``babel.numbers.parse_decimal`` with the locale nl_NL, en_US, de_DE,
  fr_FR): every digit string of the input (with the locale's group and
  decimal marks), parsed; words are not read. Scored like text2num.
* quantulum3 (``quantulum3.parser.parse``, English only, run without its
  classifier: ``classifier.USE_CLF = False``, as quantulum3's own
  ``test_no_classifier`` runs this file; the shipped classifier pickle does
  not load with current scikit-learn). Its units are mapped through
  ``QUANTULUM_UNITS``, a range (value ± uncertainty) becomes low/high.
  Scored on the English Recognizers-Text suites and on quantulum3.
* Recognizers-Text's Python port (``recognizers_number.recognize_number`` /
  ``recognize_percentage``; the PyPI release registers English and French
  models and has no NumberRangeModel). Scored on rt-number and rt-percent in
  en/fr, and on quantulum3 by value.

"n/a": the library has no reader for that suite or language. claimdiff has
no German or French tables yet: for de and fr it reads with its English
tables (``claimdiff.lang`` falls back to English), so those rows measure
that fallback.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import external_suites as ext  # noqa: E402


@dataclass
class Reading:
    """A figure as another library reads it, with the fields ``judge`` looks at."""

    text: str
    value: float | None
    kind: str = "count"
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    currency: str | None = None


LOCALES = {"nl": "nl_NL", "en": "en_US", "de": "de_DE", "fr": "fr_FR"}
RT_CULTURES = {"en": "en-us", "fr": "fr-fr"}  # the models the PyPI port registers

Reader = Callable[[str, str, str], list[Any] | None]  # None: does not apply


# ------------------------------------------------------------------ readers


def claimdiff_reader() -> Reader:
    return lambda text, lang, suite: ext.read_figures(text, lang)


_DIGITS = re.compile(r"-?\d+(?:(?:[.,\u00a0\u202f]|(?<=\d) (?=\d{3}\b))\d+)*")


def _digit_values(text: str, lang: str) -> list[Reading]:
    """Digit strings read with the language's decimal mark: the plain reading of text2num's output."""
    out = []
    for m in _DIGITS.finditer(text):
        s = re.sub(r"[\u00a0\u202f ]", "", m.group())
        s = s.replace(",", "") if lang == "en" else s.replace(".", "").replace(",", ".")
        try:
            out.append(Reading(m.group(), float(s)))
        except ValueError:
            continue
    return out


def text2num_reader() -> Reader | str:
    try:
        from text_to_num import alpha2digit
    except ImportError:
        return "not installed"

    def read(text: str, lang: str, suite: str) -> list[Any] | None:
        if suite not in ("rt-number", "quantulum3"):
            return None
        return _digit_values(alpha2digit(text, lang), lang)

    return read


def babel_reader() -> Reader | str:
    try:
        from babel.numbers import NumberFormatError, parse_decimal
    except ImportError:
        return "not installed"

    def read(text: str, lang: str, suite: str) -> list[Any] | None:
        if suite not in ("rt-number", "quantulum3"):
            return None
        out = []
        for m in _DIGITS.finditer(text):
            try:
                out.append(Reading(m.group(), float(parse_decimal(m.group(), LOCALES[lang]))))
            except (NumberFormatError, ValueError):
                continue
        return out

    return read


def quantulum_reader() -> Reader | str:
    try:
        from quantulum3 import classifier, parser
    except ImportError:
        return "not installed"
    classifier.USE_CLF = False

    def read(text: str, lang: str, suite: str) -> list[Any] | None:
        if lang != "en":
            return None
        out = []
        for q in parser.parse(text, lang="en_US"):
            name = q.unit.name
            spec = ext.QUANTULUM_UNITS.get(name, {"kind": "measure", "unit": [name]})
            k = spec.get("factor", 1)
            r = Reading(
                q.surface,
                q.value * k,
                kind="count" if spec["kind"] == "plain" else spec["kind"],
                unit=spec.get("unit", [None])[0],
                currency=spec.get("currency", [None])[0],
            )
            if q.uncertainty:
                r.low, r.high = (q.value - q.uncertainty) * k, (q.value + q.uncertainty) * k
                r.qualifier = "approx"
            out.append(r)
        return out

    return read


def recognizers_reader() -> Reader | str:
    try:
        import recognizers_number as rn
    except ImportError:
        return "not installed"
    except Exception as e:  # an old dependency missing: say so, do not fail
        return f"does not import ({type(e).__name__})"

    def read(text: str, lang: str, suite: str) -> list[Any] | None:
        culture = RT_CULTURES.get(lang)
        if culture is None or suite == "rt-range":
            return None
        if suite == "quantulum3" and lang != "en":
            return None
        out = []
        if suite != "rt-percent":
            for r in rn.recognize_number(text, culture):
                out.append(Reading(r.text, ext.rt_number(r.resolution["value"], lang)))
        if suite in ("rt-percent", "quantulum3"):
            for r in rn.recognize_percentage(text, culture):
                v = r.resolution.get("value")
                if v and v != "null":
                    out.append(Reading(r.text, ext.rt_number(v, lang), kind="percent"))
        return out

    return read


READERS: dict[str, Callable[[], Reader | str]] = {
    "claimdiff": claimdiff_reader,
    "text2num": text2num_reader,
    "babel": babel_reader,
    "quantulum3": quantulum_reader,
    "recognizers-text (py)": recognizers_reader,
}


# ------------------------------------------------------------------ measuring


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    dist = {
        "claimdiff": "claimdiff",
        "text2num": "text2num",
        "babel": "babel",
        "quantulum3": "quantulum3",
        "recognizers-text (py)": "recognizers-text-number",
    }[name]
    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


UNIT_READERS = {"claimdiff", "quantulum3"}  # the readers that give units: scored on value+unit


def _read(read: Reader, case: ext.Case) -> list[Any] | None:
    try:
        return read(case.input, case.lang, case.suite)
    except Exception:  # a library crashing on a case reads nothing there
        return []


def measure(
    read: Reader, cases: list[ext.Case], units: bool, repeat: int
) -> tuple[dict, float, int]:
    """{(suite, lang, score): [passed, judged]}, seconds spent reading the cases it
    applies to (best of ``repeat`` runs), and how many those are."""
    table: dict[tuple[str, str, str], list[int]] = {}
    applies = []
    for case in cases:
        figs = _read(read, case)
        if figs is None:
            continue
        applies.append(case)
        for score in ext.SCORES[case.suite]:
            if score == "value+unit" and not units:
                continue
            ok, _ = ext.judge(case, figs, score)
            cell = table.setdefault((case.suite, case.lang, score), [0, 0])
            cell[0] += ok
            cell[1] += 1
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for case in applies:
            _read(read, case)
        best = min(best, time.perf_counter() - t0)
    return table, best, len(applies)


def _cell(cell: list[int] | None) -> str:
    if not cell:
        return "n/a"
    ok, n = cell
    return f"{ok}/{n} ({100 * ok / n:.1f} %)"


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--write-known-failures", action="store_true")
    ap.add_argument("--failures", action="store_true", help="print claimdiff's failures")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs; the best counts")
    a = ap.parse_args()
    if a.write_known_failures:
        count = ext.write_known_failures()
        print(f"wrote {count} known failures to {ext.KNOWN_FAILURES_FILE}")

    all_cases = ext.load_all()
    cases = ext.in_scope(all_cases)
    readers: dict[str, Reader | str] = {name: make() for name, make in READERS.items()}
    results: dict[str, tuple[dict, float, int] | str] = {}
    for name, read in readers.items():
        if isinstance(read, str):
            results[name] = read
            continue
        with contextlib.suppress(Exception):  # warm-up: loading tables, units, regexes
            read("warm-up: 3 people", "en", "quantulum3")
        results[name] = measure(read, cases, name in UNIT_READERS, a.repeat)

    names = list(READERS)
    head = ["suite", "lang", "score", "cases", "in scope"]
    head += [f"{x} {_version(x)}" if not isinstance(results[x], str) else x for x in names]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    total = {k: 0 for k in ext.EXPECTED_CASES}
    scope = {k: 0 for k in ext.EXPECTED_CASES}
    for c in all_cases:
        total[(c.suite, c.lang)] += 1
    for c in cases:
        scope[(c.suite, c.lang)] += 1
    for suite, lang in ext.EXPECTED_CASES:
        for score in ext.SCORES[suite]:
            row = [suite, lang, score, str(total[(suite, lang)]), str(scope[(suite, lang)])]
            for name in names:
                r = results[name]
                row.append(r if isinstance(r, str) else _cell(r[0].get((suite, lang, score))))
            print("| " + " | ".join(row) + " |")
    print()
    print("| reader | cases read | ms per case |")
    print("|---|---|---|")
    for name in names:
        r = results[name]
        if isinstance(r, str):
            print(f"| {name} | {r} | |")
        else:
            _, secs, k = r
            print(f"| {name} | {k} | {1000 * secs / max(k, 1):.3f} |")

    if a.failures:
        print()
        for fail in ext.known_failure_rows():
            where = f"{fail['suite']}-{fail['lang']}-{fail['index']} {fail.get('score', '')}"
            print(f"{where}: {fail['reason']}")


if __name__ == "__main__":
    main()
