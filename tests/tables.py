"""Test cases kept as data (tests/data/*.jsonl): reading them, and their known failures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"


def read_cases(name: str) -> list[dict[str, Any]]:
    """One case per line of ``tests/data/<name>``."""
    lines = (DATA / name).read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def as_params(cases: list[dict[str, Any]]) -> list[Any]:
    """Cases as pytest parameters; a ``known_failure`` runs as a strict xfail with its reason,
    so a fix shows up as an unexpected pass and the mark must go."""
    return [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c["known_failure"]))
        if c.get("known_failure")
        else c
        for c in cases
    ]
