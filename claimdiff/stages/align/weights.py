"""The weights of the alignment pair score, with the encoder they were fitted for.

The shipped file is ``claimdiff/data/align_weights.json``; ``--weights FILE``
overrides any of its keys. Every weight must be a finite number in its range
(evidence for a pair is ≥ 0, a clash ≤ 0, thresholds are probabilities), so
a typo cannot silently change every alignment.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimdiff.errors import InputError
from claimdiff.files import parse_json, read_json_file

if TYPE_CHECKING:
    from claimdiff.stages.align.encoders import Encoder


@dataclass(frozen=True)
class Weights:
    """Logistic weights of the pair score; ``threshold`` is on the probability.

    ``encoder`` names the sentence encoder the weights were fitted for: the
    cosine of another encoder has another scale.
    """

    bias: float
    cosine: float
    words: float
    names: float
    sources: float
    anchor: float
    same_kind: float
    kind_clash: float
    day_clash: float
    cross_language: float
    report: float
    report_names: float
    report_floor: float
    report_names_floor: float
    threshold: float
    floor: float
    margin: float
    link: float
    encoder: str = "use-m3"

    @staticmethod
    def from_dict(d: dict[str, Any], encoder: str = "use-m3") -> Weights:
        numbers = [f.name for f in fields(Weights) if f.name != "encoder"]
        unknown = set(d) - set(numbers)
        if unknown:
            raise ValueError(f"unknown weights {sorted(unknown)}; known: {', '.join(numbers)}")
        missing = set(numbers) - set(d)
        if missing:
            raise ValueError(f"missing weights {sorted(missing)}")
        return Weights(**{k: _number(k, d[k]) for k in numbers}, encoder=encoder)


#: Allowed ranges: (low, high), both inclusive.
_PROBABILITY = (0.0, 1.0)
_RANGES: dict[str, tuple[float, float]] = {
    "kind_clash": (-math.inf, 0.0),
    "day_clash": (-math.inf, 0.0),
    "bias": (-math.inf, math.inf),
    "report_floor": (-1.0, 1.0),
    "report_names_floor": _PROBABILITY,
    "threshold": _PROBABILITY,
    "floor": _PROBABILITY,
    "margin": _PROBABILITY,
    "link": _PROBABILITY,
}


def _number(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} is {value!r}; give a number")
    v = float(value)
    low, high = _RANGES.get(name, (0.0, math.inf))
    if not math.isfinite(v) or not low <= v <= high:
        raise ValueError(
            f"{name} = {value!r} is out of range; give a finite number in [{low}, {high}]"
        )
    return v


def load_weights(path: str | Path) -> Weights:
    """Weights from a JSON file in the format of ``claimdiff/data/align_weights.json``.

    Keys left out keep their default value; ``"encoder"`` (top level) names the
    encoder they were fitted for (default: that of the shipped weights).
    """
    data = read_json_file(path, "--weights")
    try:
        if not isinstance(data, dict):
            raise ValueError("expected a JSON object of weights")
        given = data.get("weights", data)
        if not isinstance(given, dict):
            raise ValueError("'weights' must be an object of names and numbers")
        given = {k: v for k, v in given.items() if k not in ("about", "encoder")}
        base = default_weights()
        merged = {**{f.name: getattr(base, f.name) for f in fields(Weights)}, **given}
        encoder = data.get("encoder", merged.pop("encoder"))
        merged.pop("encoder", None)
        if not isinstance(encoder, str):
            raise ValueError("'encoder' must be the name of an encoder")
        return Weights.from_dict(merged, encoder=encoder)
    except ValueError as e:
        raise InputError(f"--weights {path}: {e}") from None


@cache
def default_weights() -> Weights:
    """The shipped weights (fitted for use-m3)."""
    raw = resources.files("claimdiff").joinpath("data/align_weights.json").read_text("utf-8")
    data = parse_json(raw, "claimdiff/data/align_weights.json")
    return Weights.from_dict(data["weights"], encoder=data.get("encoder", "use-m3"))


def weights_warning(weights: Weights, encoder: Encoder) -> str | None:
    """A warning when the weights were fitted for another encoder than the one in use."""
    if weights.encoder == encoder.name:
        return None
    return (
        f"the alignment weights were fitted for the encoder {weights.encoder!r}, not for "
        f"{encoder.name!r}; its cosines have another scale, so alignments may be off: "
        "pass --weights fitted for this encoder (see benchmarks/fit_weights.py)"
    )
