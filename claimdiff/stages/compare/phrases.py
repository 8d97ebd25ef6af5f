"""Cosine similarity of short phrases (sources, measures) with the run's sentence encoder."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from claimdiff.stages.align.encoders import Encoder


class PhraseSimilarity:
    """Cosine similarity of short phrases with the run's encoder; phrases are encoded once.

    Without an encoder every cosine is unknown (``None``).
    """

    def __init__(self, encoder: Encoder | None = None) -> None:
        self.encoder = encoder
        self._vec: dict[str, np.ndarray] = {}

    def prepare(self, phrases: set[str]) -> None:
        """Encode, in one batch, the phrases not seen yet."""
        todo = sorted(p for p in phrases if p and p not in self._vec)
        if self.encoder is not None and todo:
            self._vec.update(zip(todo, self.encoder.encode(todo), strict=True))

    def cos(self, a: str, b: str) -> float | None:
        if a in self._vec and b in self._vec:
            return float(self._vec[a] @ self._vec[b])
        return None
