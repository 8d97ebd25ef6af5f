"""Other projects' number-reader test suites, read as test tables for claimdiff's figures.

The data lie verbatim under ``tests/data/external/`` (see its README.md for the
repositories, commits and licences):

* Recognizers-Text (Microsoft), ``Specs/Number/<Language>/``: ``NumberModel``
  (suite ``rt-number``), ``PercentModel`` (``rt-percent``) and
  ``NumberRangeModel`` (``rt-range``), in Dutch, English, German and French;
* quantulum3, ``quantulum3/_lang/en_US/tests/quantities.json`` (suite
  ``quantulum3``), English, scored twice: on the value alone (score
  ``value``) and on value and unit (score ``value+unit``).

Each case is judged by :func:`judge` against the figures claimdiff reads from
the case's whole input. Every call of claimdiff's reader goes through
:func:`read_figures`, the one place that imports it.

How the suites' results map onto claimdiff's ``Figure``
--------------------------------------------------------

Compared figures. Only figures whose kind is one of :data:`NUMBER_KINDS`
(count, money, percent, percentage_points, measure, age, year) are compared.
Ordinals, dates and times are left out: Recognizers-Text returns ordinals
from a separate OrdinalModel, and its NumberModel expects nothing for "the
May 4th"; quantulum3 expects nothing for "21st-century" or "at 2 pm".
claimdiff gives dates and times no value at all.

``rt-number``: the case passes when the multiset of the expected values equals
the multiset of the values of the compared figures (relative tolerance 1e-9,
no absolute tolerance: claimdiff's 1e-12 read as 0 is wrong). The expected
values are strings: "1234.5" in English, "1234,5" in Dutch, German and French
(comma decimal; no value holds a thousands separator), and exponents as in
"1,232E+15". A case with no result passes when claimdiff reads no number.

``rt-percent``: the same, over the figures of kind ``percent`` only (other
numbers in the input are not the PercentModel's business). The expected
value loses its "%". A result whose value is "null" (the word "percent" with
no number: "How do I calculate a percentage?") is no figure: such a case
passes when claimdiff reads no percent figure.

``rt-range``: the spec writes an interval; claimdiff writes one figure:

=================  ==========================================================
spec               claimdiff figure that matches it
=================  ==========================================================
``[a,b]`` a < b    ``low == a`` and ``high == b`` (any bracket: ``[20,30)``,
                   ``(20,35]``, ``(10,15)``...). claimdiff keeps no
                   inclusiveness for a two-sided range, and the spec's
                   brackets follow its own convention ("between 20 and 30" is
                   ``[20,30)``), so brackets are not compared
``[a,a]``          ``value == a``, qualifier ``exact`` ("equal to 170")
``(a,)``           ``value == a``, qualifier ``more_than`` ("more than 30")
``[a,)``           ``value == a``, qualifier ``at_least`` ("30 or more")
``(,b)``           ``value == b``, qualifier ``less_than`` ("fewer than 1000")
``(,b]``           ``value == b``, qualifier ``at_most`` ("up to 700")
=================  ==========================================================

A range must be one figure: two figures "more than 100" and "less than 300"
do not match ``(100,300)``. Each expected interval needs its own figure, and
claimdiff must read no other range or bound (a figure with a bound qualifier,
or an ``approx`` figure with both ``low`` and ``high``); plain numbers beside
are allowed, as the NumberRangeModel returns ranges only.

``quantulum3``: an expected quantity is a value, a unit name and, for a
range, an uncertainty (quantulum3 writes "3 to 4 L" as 3.5 ± 0.5). With
score ``value`` the case passes when the multiset of expected values equals
the multiset of the compared figures' values (after the count factor of
:data:`QUANTULUM_UNITS`: "a dozen" is 1 dozen there and 12 in claimdiff); an
expected range (an uncertainty, not written "±" or "+/-") also needs the
figure's ``low``/``high`` to be value ∓ uncertainty. With score
``value+unit`` each figure must also carry the unit that
:data:`QUANTULUM_UNITS` maps quantulum3's unit name to (kind, and unit or
currency). quantulum3's "dimensionless" is a plain number: kind count, year
or age with no unit.

Scope. A few cases are inputs a news reader never meets, or whose expected
reading a news fact-checker would not accept; they are listed, each with its
reason, in ``tests/data/external/disagreements.jsonl`` and not scored. At most
10 % of any suite and language may be listed (``MAX_DISAGREEMENT_SHARE``).
Recognizers-Text's own "NotSupported" and "NotSupportedByDesign" marks (which
of its .NET, Java, JavaScript and Python ports skip a case) say nothing about
claimdiff: every case is kept, marked or not.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimdiff.stages.extract.figures import find_figures  # the one import of the reader

# A figure as claimdiff's ``Figure`` model has it (value, qualifier, low, high, kind, unit,
# currency, text); judged by attribute, so other readers' results can be judged too.
Figure = Any

DATA = Path(__file__).parent / "data" / "external"
RT_DIR = DATA / "recognizers-text"
QUANTULUM_FILE = DATA / "quantulum3" / "quantities.json"
DISAGREEMENTS_FILE = DATA / "disagreements.jsonl"
KNOWN_FAILURES_FILE = DATA / "known_failures.jsonl"

RT_LANGUAGES = {"nl": "Dutch", "en": "English", "de": "German", "fr": "French"}
RT_FILES = {
    "rt-number": "NumberModel.json",
    "rt-percent": "PercentModel.json",
    "rt-range": "NumberRangeModel.json",
}
SUITES = ("rt-number", "rt-percent", "rt-range", "quantulum3")
# How each suite is scored: quantulum3 twice, on the value alone and on value and unit.
SCORES: dict[str, tuple[str, ...]] = {
    "rt-number": ("value",),
    "rt-percent": ("value",),
    "rt-range": ("value",),
    "quantulum3": ("value", "value+unit"),
}

# What the loaders must find: a lost or truncated file cannot pass silently.
EXPECTED_CASES = {
    ("rt-number", "nl"): 162,
    ("rt-number", "en"): 235,
    ("rt-number", "de"): 55,
    ("rt-number", "fr"): 273,
    ("rt-percent", "nl"): 13,
    ("rt-percent", "en"): 20,
    ("rt-percent", "de"): 15,
    ("rt-percent", "fr"): 35,
    ("rt-range", "nl"): 53,
    ("rt-range", "en"): 87,
    ("rt-range", "de"): 6,
    ("rt-range", "fr"): 85,
    ("quantulum3", "en"): 101,
}
MAX_DISAGREEMENT_SHARE = 0.10

NUMBER_KINDS = frozenset(
    {"count", "money", "percent", "percentage_points", "measure", "age", "year"}
)
PLAIN_KINDS = frozenset({"count", "year", "age"})  # quantulum3's "dimensionless"
BOUND_QUALIFIERS = {"[": "at_least", "(": "more_than", "]": "at_most", ")": "less_than"}
REL_TOL = 1e-9

# quantulum3 unit name -> what claimdiff writes for it: kind, and unit or currency
# (a list: any of them). "factor" turns a counted unit into claimdiff's count
# ("a dozen" = 12). Units claimdiff does not know (yet) get the code it would
# most likely use (SI symbols), so that the table need not change when one is added.
QUANTULUM_UNITS: dict[str, dict[str, Any]] = {
    "dimensionless": {"kind": "plain"},
    "percentage": {"kind": "percent"},
    "dollar": {"kind": "money", "currency": ["USD"]},
    "euro": {"kind": "money", "currency": ["EUR"]},
    "pound sterling": {"kind": "money", "currency": ["GBP"]},
    "cent": {"kind": "money", "currency": ["USD_CENT", "EUR_CENT"]},
    "penny": {"kind": "money", "currency": ["GBP_CENT"]},
    "dime": {"kind": "money", "currency": ["USD_CENT"], "factor": 10},
    "dollar per hour": {"kind": "money", "currency": ["USD"], "unit": ["h", "/h"]},
    "dollar per kilogram": {"kind": "money", "currency": ["USD"], "unit": ["kg", "/kg"]},
    "dozen": {"kind": "plain", "factor": 12},
    "baker's dozen": {"kind": "plain", "factor": 13},
    "gross": {"kind": "plain", "factor": 144},
    "metre": {"kind": "measure", "unit": ["m"]},
    "kilometre": {"kind": "measure", "unit": ["km"]},
    "nanometre": {"kind": "measure", "unit": ["nm"]},
    "picometre": {"kind": "measure", "unit": ["pm"]},
    "attometre": {"kind": "measure", "unit": ["am"]},
    "inch": {"kind": "measure", "unit": ["in"]},
    "mile": {"kind": "measure", "unit": ["mi"]},
    "square kilometre": {"kind": "measure", "unit": ["km2"]},
    "square mile": {"kind": "measure", "unit": ["mi2"]},
    "cubic kilometre": {"kind": "measure", "unit": ["km3"]},
    "cubic centimetre": {"kind": "measure", "unit": ["cm3", "ml"]},
    "litre": {"kind": "measure", "unit": ["l"]},
    "centilitre": {"kind": "measure", "unit": ["cl"]},
    "gallon": {"kind": "measure", "unit": ["gal"]},
    "cup": {"kind": "measure", "unit": ["cup"]},
    "tablespoon": {"kind": "measure", "unit": ["tbsp"]},
    "milligram": {"kind": "measure", "unit": ["mg"]},
    "kilogram": {"kind": "measure", "unit": ["kg"]},
    "pound-mass": {"kind": "measure", "unit": ["lb"]},
    "tonne": {"kind": "measure", "unit": ["t"]},
    "ton per day": {"kind": "measure", "unit": ["t/day", "t/d"]},
    "second": {"kind": "measure", "unit": ["s"]},
    "hour": {"kind": "measure", "unit": ["h"]},
    "day": {"kind": "measure", "unit": ["day"]},
    "week": {"kind": "measure", "unit": ["week"]},
    "month": {"kind": "measure", "unit": ["month"]},
    "year": {"kind": "measure", "unit": ["year"]},
    "megayear": {"kind": "measure", "unit": ["Ma", "Myr"]},
    "gigayear": {"kind": "measure", "unit": ["Ga", "Gyr"]},
    "degree Celsius": {"kind": "measure", "unit": ["°C"]},
    "degree fahrenheit": {"kind": "measure", "unit": ["°F"]},
    "kelvin": {"kind": "measure", "unit": ["K"]},
    "kilometre per hour": {"kind": "measure", "unit": ["km/h"]},
    "kilometre per square second": {"kind": "measure", "unit": ["km/s2"]},
    "count per week": {"kind": "measure", "unit": ["/week"]},
    "inverse second": {"kind": "measure", "unit": ["1/s", "Hz"]},
    "gigahertz": {"kind": "measure", "unit": ["GHz"]},
    "watt hour": {"kind": "measure", "unit": ["Wh"]},
    "megawatt hour": {"kind": "measure", "unit": ["MWh"]},
    "watt per minute": {"kind": "measure", "unit": ["W/min"]},
    "electronvolt": {"kind": "measure", "unit": ["eV"]},
    "teraelectronvolt": {"kind": "measure", "unit": ["TeV"]},
    "joule second": {"kind": "measure", "unit": ["J s", "Js"]},
    "joule per square metre per year": {"kind": "measure", "unit": ["J/m2/year"]},
    "candela second": {"kind": "measure", "unit": ["cd s", "cds"]},
    "milligray": {"kind": "measure", "unit": ["mGy"]},
    "inverse femtobarn": {"kind": "measure", "unit": ["fb-1", "1/fb"]},
    "bit": {"kind": "measure", "unit": ["bit"]},
    "byte": {"kind": "measure", "unit": ["B", "byte"]},
    "kibibyte": {"kind": "measure", "unit": ["KiB"]},
    "megabyte": {"kind": "measure", "unit": ["MB"]},
    "exabyte": {"kind": "measure", "unit": ["EB"]},
}


def read_figures(text: str, lang: str) -> list[Figure]:
    """claimdiff's figures in ``text``: the one call of its reader in the harness."""
    return find_figures(text, lang)


@dataclass(frozen=True)
class Case:
    """One case of an external suite: its input and what the suite expects."""

    suite: str
    lang: str
    index: int  # position in the file, 0-based
    input: str
    expected: tuple[Any, ...]
    source: str  # path under tests/data/external

    @property
    def id(self) -> str:
        return f"{self.suite}-{self.lang}-{self.index}"


# ---------------------------------------------------------------- loading


def rt_number(text: str, lang: str) -> float:
    """A Recognizers-Text value: "1234.5" (en), "1234,5" (nl/de/fr), "1,232E+15", "-5%"."""
    s = text.strip().rstrip("%")
    if lang != "en":
        s = s.replace(",", ".")
    return float(s)


_INTERVAL = re.compile(r"^([\[(])\s*(-?[\d.]*)\s*,\s*(-?[\d.]*)\s*([\])])$")


def rt_interval(text: str) -> tuple[float | None, str, float | None, str]:
    """ "(20,35]" -> (20.0, "(", 35.0, "]"); an open end is None. Always "." decimals."""
    m = _INTERVAL.match(text.strip())
    if not m:
        raise ValueError(f"not an interval: {text!r}")
    lo, hi = m.group(2), m.group(3)
    return (float(lo) if lo else None, m.group(1), float(hi) if hi else None, m.group(4))


def load_rt(suite: str, lang: str) -> list[Case]:
    rel = f"recognizers-text/{RT_LANGUAGES[lang]}/{RT_FILES[suite]}"
    rows = json.loads((DATA / rel).read_text("utf-8"))
    out = []
    for i, row in enumerate(rows):
        exp: list[Any] = []
        for res in row["Results"]:
            v = res["Resolution"]["value"]
            if suite == "rt-range":
                exp.append(rt_interval(v))
            elif suite == "rt-percent" and v == "null":
                continue  # "a small percent": no number, no figure
            else:
                exp.append(rt_number(v, lang))
        out.append(Case(suite, lang, i, row["Input"], tuple(exp), rel))
    return out


def load_quantulum() -> list[Case]:
    rel = "quantulum3/quantities.json"
    rows = json.loads((DATA / rel).read_text("utf-8"))
    out = []
    for i, row in enumerate(rows):
        exp = tuple(
            (float(r["value"]), r["unit"], float(r.get("uncertainty") or 0.0), r["surface"])
            for r in row["res"]
        )
        out.append(Case("quantulum3", "en", i, row["req"], exp, rel))
    return out


def load_suite(suite: str, lang: str) -> list[Case]:
    return load_quantulum() if suite == "quantulum3" else load_rt(suite, lang)


def suite_languages() -> list[tuple[str, str]]:
    return list(EXPECTED_CASES)


def load_all() -> list[Case]:
    return [c for suite, lang in suite_languages() for c in load_suite(suite, lang)]


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


def _key(suite: str, lang: str, text: str) -> tuple[str, str, str]:
    return (suite, lang, text)


def load_disagreements() -> dict[tuple[str, str, str], str]:
    """(suite, lang, input) -> the reason the case is out of scope."""
    return {
        _key(d["suite"], d["lang"], d["input"]): d["reason"]
        for d in _read_jsonl(DISAGREEMENTS_FILE)
    }


def disagreement_rows() -> list[dict[str, Any]]:
    return _read_jsonl(DISAGREEMENTS_FILE)


def load_known_failures() -> dict[tuple[str, str, str, str], str]:
    """(suite, lang, input, score) -> what claimdiff reads wrong today."""
    return {
        (d["suite"], d["lang"], d["input"], d.get("score", "value")): d["reason"]
        for d in _read_jsonl(KNOWN_FAILURES_FILE)
    }


def in_scope(cases: Iterable[Case]) -> list[Case]:
    out = load_disagreements()
    return [c for c in cases if _key(c.suite, c.lang, c.input) not in out]


# ---------------------------------------------------------------- judging


def _fmt(x: float | None) -> str:
    if x is None:
        return ""
    return f"{x:.15g}"


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=0.0)


def _same_multiset(expected: Sequence[float], got: Sequence[float]) -> bool:
    if len(expected) != len(got):
        return False
    left = list(got)
    for e in expected:
        for k, g in enumerate(left):
            if _close(e, g):
                del left[k]
                break
        else:
            return False
    return True


def _show(figs: Sequence[Figure]) -> str:
    if not figs:
        return "nothing"
    parts = []
    for f in figs:
        s = f"{_fmt(f.value)}"
        if f.qualifier != "exact":
            s += f" {f.qualifier}"
        if f.low is not None or f.high is not None:
            s += f" [{_fmt(f.low)}..{_fmt(f.high)}]"
        tag = f.kind + (f" {f.unit}" if f.unit else "") + (f" {f.currency}" if f.currency else "")
        parts.append(f"{s} ({tag}, {f.text!r})")
    return ", ".join(parts)


def numbers_of(figures: Iterable[Figure]) -> list[Figure]:
    return [f for f in figures if f.kind in NUMBER_KINDS and f.value is not None]


def _judge_values(case: Case, figs: list[Figure], what: str = "") -> tuple[bool, str]:
    exp = list(case.expected)
    ok = _same_multiset(exp, [f.value for f in figs if f.value is not None])
    shown = ", ".join(_fmt(x) for x in exp) or "nothing"
    return ok, f"reads {what}{_show(figs)} for {case.input!r} (expected {what}{shown})"


def _interval_of(f: Figure) -> tuple[float | None, str, float | None, str] | None:
    """The interval a figure states, as the spec would write it; None for a plain number."""
    v = f.value
    if f.qualifier == "more_than":
        return (v, "(", None, ")")
    if f.qualifier == "at_least":
        return (v, "[", None, ")")
    if f.qualifier == "less_than":
        return (None, "(", v, ")")
    if f.qualifier == "at_most":
        return (None, "(", v, "]")
    if f.qualifier == "approx" and f.low is not None and f.high is not None:
        return (f.low, "[", f.high, "]")
    return None


def _range_matches(exp: tuple[float | None, str, float | None, str], f: Figure) -> bool:
    lo, lb, hi, hb = exp
    if lo is not None and hi is not None:
        if _close(lo, hi):
            return f.qualifier == "exact" and _close(f.value, lo)
        return _close(f.low, lo) and _close(f.high, hi)
    if lo is not None:
        return f.qualifier == BOUND_QUALIFIERS[lb] and _close(f.value, lo)
    return f.qualifier == BOUND_QUALIFIERS[hb] and _close(f.value, hi)


def _fmt_interval(x: tuple[float | None, str, float | None, str]) -> str:
    return f"{x[1]}{_fmt(x[0])},{_fmt(x[2])}{x[3]}"


def _judge_range(case: Case, figs: list[Figure]) -> tuple[bool, str]:
    left = list(figs)
    ok = True
    for exp in case.expected:
        hit = next((f for f in left if _range_matches(exp, f)), None)
        if hit is None:
            ok = False
        else:
            left.remove(hit)
    if any(_interval_of(f) is not None for f in left):
        ok = False  # a range or bound the spec does not see
    shown = ", ".join(_fmt_interval(x) for x in case.expected) or "no range"
    return ok, f"reads {_show(figs)} for {case.input!r} (expected {shown})"


def _unit_ok(spec: dict[str, Any], f: Figure) -> bool:
    kind = spec["kind"]
    if kind == "plain":
        return f.kind in PLAIN_KINDS and f.unit is None and f.currency is None
    if f.kind != kind:
        return False
    if "currency" in spec and f.currency not in spec["currency"]:
        return False
    if "unit" in spec:
        return f.unit in spec["unit"]
    return f.unit is None


def _quantity_matches(exp: tuple[float, str, float, str], f: Figure, with_unit: bool) -> bool:
    value, unit, unc, surface = exp
    spec = QUANTULUM_UNITS.get(unit, {"kind": "measure", "unit": [unit]})
    v = value * spec.get("factor", 1)
    if not _close(f.value, v):
        return False
    if unc and "±" not in surface and "+/-" not in surface:  # a range: 3 to 4 L
        k = spec.get("factor", 1)
        if not (_close(f.low, (value - unc) * k) and _close(f.high, (value + unc) * k)):
            return False
    return not with_unit or _unit_ok(spec, f)


def _judge_quantulum(case: Case, figs: list[Figure], with_unit: bool) -> tuple[bool, str]:
    left = list(figs)
    ok = True
    for exp in case.expected:
        hit = next((f for f in left if _quantity_matches(exp, f, with_unit)), None)
        if hit is None:
            ok = False
        else:
            left.remove(hit)
    ok = ok and not left
    parts = []
    for value, unit, unc, _ in case.expected:
        s = _fmt(value) + (f"±{_fmt(unc)}" if unc else "")
        parts.append(f"{s} {unit}" if with_unit else s)
    shown = ", ".join(parts) or "nothing"
    return ok, f"reads {_show(figs)} for {case.input!r} (expected {shown})"


def judge(case: Case, figures: Sequence[Figure], score: str = "value") -> tuple[bool, str]:
    """Whether claimdiff's ``figures`` for ``case.input`` give what the suite expects, and
    a line saying what claimdiff reads (the reason of a known failure)."""
    if case.suite == "rt-number":
        return _judge_values(case, numbers_of(figures), "")
    if case.suite == "rt-percent":
        pct = [f for f in figures if f.kind == "percent" and f.value is not None]
        ok, why = _judge_values(case, pct, "percent ")
        others = numbers_of(f for f in figures if f.kind != "percent")
        if not ok and others:
            why += f"; other figures: {_show(others)}"
        return ok, why
    if case.suite == "rt-range":
        return _judge_range(case, numbers_of(figures))
    if case.suite == "quantulum3":
        return _judge_quantulum(case, numbers_of(figures), score == "value+unit")
    raise ValueError(f"unknown suite {case.suite!r}")


def run_case(case: Case, score: str = "value") -> tuple[bool, str]:
    return judge(case, read_figures(case.input, case.lang), score)


# ---------------------------------------------------------------- known failures


def known_failure_rows() -> list[dict[str, Any]]:
    """One row per in-scope case and score that claimdiff reads wrong today."""
    rows = []
    for case in in_scope(load_all()):
        figs = read_figures(case.input, case.lang)
        for score in SCORES[case.suite]:
            ok, why = judge(case, figs, score)
            if not ok:
                row = {"suite": case.suite, "lang": case.lang, "index": case.index}
                if len(SCORES[case.suite]) > 1:
                    row["score"] = score
                row.update({"input": case.input, "reason": why})
                rows.append(row)
    return rows


def write_known_failures(path: Path = KNOWN_FAILURES_FILE) -> int:
    rows = known_failure_rows()
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return len(rows)
