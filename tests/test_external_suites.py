"""Other projects' number-reader suites (Recognizers-Text, quantulum3), read by claimdiff.

One test per in-scope case and score (ids: suite-language-index, and the score
for quantulum3). The data, the judging rules and the scope are described in
``tests/external_suites.py`` and ``tests/data/external/README.md``.

A case claimdiff reads wrong today is a strict xfail whose reason (what
claimdiff reads) comes from ``tests/data/external/known_failures.jsonl``; a fix
shows up as an unexpected pass, and the file is regenerated with

    python benchmarks/number_suites.py --write-known-failures
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from tests import external_suites as ext

CASES = ext.load_all()
IN_SCOPE = ext.in_scope(CASES)
KNOWN = ext.load_known_failures()


def _params() -> list[Any]:
    out = []
    for case in IN_SCOPE:
        scores = ext.SCORES[case.suite]
        for score in scores:
            pid = case.id if len(scores) == 1 else f"{case.id}-{score}"
            reason = KNOWN.get((case.suite, case.lang, case.input, score))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(case, score, id=pid, marks=marks))
    return out


@pytest.mark.parametrize(("case", "score"), _params())
def test_external_case(case: ext.Case, score: str) -> None:
    ok, why = ext.run_case(case, score)
    assert ok, why


@pytest.mark.parametrize(("suite", "lang"), list(ext.EXPECTED_CASES), ids="-".join)
def test_loader_finds_every_case(suite: str, lang: str) -> None:
    """A lost, truncated or swapped file cannot pass silently."""
    cases = ext.load_suite(suite, lang)
    assert len(cases) == ext.EXPECTED_CASES[(suite, lang)]
    assert [c.index for c in cases] == list(range(len(cases)))
    if suite != "rt-percent":
        assert any(c.expected for c in cases)


def test_disagreements_are_few_and_real() -> None:
    """At most 10 % of any suite and language is out of scope, each with a reason,
    each naming a case that exists."""
    rows = ext.disagreement_rows()
    by_key = {(c.suite, c.lang, c.index): c for c in CASES}
    for row in rows:
        case = by_key.get((row["suite"], row["lang"], row["index"]))
        assert case is not None and case.input == row["input"], row
        assert len(row["reason"]) >= 30, row
    keys = [(r["suite"], r["lang"], r["input"]) for r in rows]
    assert len(keys) == len(set(keys)), "a disagreement is listed twice"
    per = Counter((r["suite"], r["lang"]) for r in rows)
    for (suite, lang), n in per.items():
        total = ext.EXPECTED_CASES[(suite, lang)]
        assert n <= ext.MAX_DISAGREEMENT_SHARE * total, (suite, lang, n, total)


def test_known_failures_name_in_scope_cases() -> None:
    """A stale line (a case gone, or now out of scope) must be removed."""
    live = {(c.suite, c.lang, c.input, s) for c in IN_SCOPE for s in ext.SCORES[c.suite]}
    stale = [k for k in KNOWN if k not in live]
    assert not stale, stale


def test_case_inputs_are_unique_per_suite() -> None:
    """Known failures and disagreements are keyed by suite, language and input."""
    keys = Counter((c.suite, c.lang, c.input) for c in CASES)
    assert max(keys.values()) == 1, [k for k, n in keys.items() if n > 1]
