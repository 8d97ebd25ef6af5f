"""Golden files: the Markdown and diff reports of the bundled event, byte for byte.

A change to the report's layout or to a verdict shows up here as a diff a
reviewer reads. To accept a deliberate change: ``CLAIMDIFF_UPDATE_GOLDEN=1 pytest``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimdiff.api import compare
from claimdiff.stages.render import render
from tests.conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("markdown", "compare-ukraine-talks.md"), ("diff", "compare-ukraine-talks.diff")],
)
def test_report_matches_golden(
    fmt: str, name: str, encoder, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)  # relative paths in the report, as a user types them
    report = compare(
        ["fixtures/ukraine-talks/seed_nl.txt", "fixtures/ukraine-talks/wire_en.txt"],
        encoder=encoder,
    )
    text = render(report, fmt)
    golden = GOLDEN / name
    if os.environ.get("CLAIMDIFF_UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_two_runs_give_the_same_report(encoder, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)
    files = ["fixtures/ukraine-talks/seed_nl.txt", "fixtures/ukraine-talks/wire_en.txt"]
    first = render(compare(files, encoder=encoder), "json")
    assert render(compare(files, encoder=encoder), "json") == first
