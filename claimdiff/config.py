"""Settings from ``claimdiff.toml`` or ``[tool.claimdiff]`` in ``pyproject.toml``.

The nearest file wins, looking from the given folder (the drafts' folder, or
the working directory) up to the repository root; command-line flags
override it; ``claimdiff config`` prints the effective settings and where each
came from.

    # claimdiff.toml (or [tool.claimdiff] in pyproject.toml)
    model = "use-m3"
    lang = "nl"                      # omit to detect per report
    tolerance = 0.1
    fail-on = ["figure", "attribution"]
    drafts = ["drafts/*.md"]         # what `claimdiff check` checks when no DRAFT is given
    sources = ["sources/**/*.txt"]   # what it checks them against when no --against is given
    baseline = "claimdiff-baseline.json"
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, cast

from claimdiff.errors import InputError

KINDS = ("figure", "attribution", "unsupported")


@dataclass
class Settings:
    model: str = "use-m3"
    lang: str | None = None
    tolerance: float = 0.1
    fail_on: list[str] = field(default_factory=lambda: ["figure", "attribution"])
    cache: bool = True
    max_bytes: int = 5_000_000
    drafts: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    baseline: str | None = None


_TYPES: dict[str, type | tuple[type, ...]] = {
    "model": str,
    "lang": str,
    "tolerance": (int, float),
    "fail_on": list,
    "cache": bool,
    "max_bytes": int,
    "drafts": list,
    "sources": list,
    "baseline": str,
}
_EXPECTED = {
    "model": "a string",
    "lang": "a string",
    "tolerance": "a number",
    "fail_on": "a list of strings",
    "cache": "true or false",
    "max_bytes": "an integer",
    "drafts": "a list of strings",
    "sources": "a list of strings",
    "baseline": "a string",
}


def _find(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest claimdiff.toml, or pyproject.toml with [tool.claimdiff], from ``start`` up."""
    folder = start.resolve()
    if folder.is_file():
        folder = folder.parent
    for d in (folder, *folder.parents):
        own = d / "claimdiff.toml"
        if own.is_file():
            return own, _load(own, tool_table=False)
        py = d / "pyproject.toml"
        if py.is_file():
            table = _load(py, tool_table=True)
            if table is not None:
                return py, table
        if (d / ".git").exists():
            break
    return None


def _load(path: Path, tool_table: bool) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise InputError(f"{path}: cannot read the configuration ({e})") from None
    if tool_table:
        return cast(dict[str, Any], data.get("tool", {}).get("claimdiff"))
    return data.get("tool", {}).get("claimdiff", data) if "tool" in data else data


def _validate(path: Path, raw: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if not isinstance(raw, dict):
        raise InputError(f"{path}: the claimdiff settings must be a table of keys and values")
    known = {f.name for f in fields(Settings)}
    for key, value in raw.items():
        name = key.replace("-", "_")
        if name not in known:
            raise InputError(
                f"{path}: unknown setting {key!r}; known: {', '.join(sorted(k.replace('_', '-') for k in known))}"
            )
        expected = _TYPES[name]
        # bool is an int to isinstance: `max-bytes = true` is not a size.
        wrong = not isinstance(value, expected) or (isinstance(value, bool) and name != "cache")
        got = type(value).__name__
        if not wrong and isinstance(value, list):
            odd = [type(v).__name__ for v in value if not isinstance(v, str)]
            wrong, got = bool(odd), f"list of {odd[0]}" if odd else got
        if wrong:
            raise InputError(
                f"{path}: {key} has the wrong type ({got}); expected {_EXPECTED[name]}"
            )
        checked: Any = value
        if name == "fail_on":
            bad = set(checked) - set(KINDS)
            if bad:
                raise InputError(f"{path}: fail-on {sorted(bad)}: unknown; use {', '.join(KINDS)}")
        if name == "tolerance" and not 0 <= checked <= 1:
            raise InputError(f"{path}: tolerance {checked}: give a number from 0 to 1")
        if name == "lang":
            from claimdiff.load import normalise_lang

            try:
                checked = normalise_lang(checked)
            except InputError as e:
                raise InputError(f"{path}: lang: {e}") from None
        if name == "max_bytes" and checked < 1:
            raise InputError(f"{path}: max-bytes {checked}: give a positive number of bytes")
        out[name] = float(checked) if name == "tolerance" else checked
    return out


def effective(start: Path, overrides: dict[str, Any]) -> tuple[Settings, dict[str, str]]:
    """The settings to run with, and for each the place it came from."""
    settings = Settings()
    origin = {f.name: "default" for f in fields(Settings)}
    found = _find(start)
    if found is not None:
        path, raw = found
        for name, value in _validate(path, {} if raw is None else raw).items():
            setattr(settings, name, value)
            origin[name] = str(path)
    for name, value in overrides.items():
        if value is not None:
            setattr(settings, name, value)
            origin[name] = "command line"
    return settings, origin


def describe(settings: Settings, origin: dict[str, str]) -> str:
    """``claimdiff config``: one line per setting, with where it came from."""
    lines = []
    for f in fields(Settings):
        value = getattr(settings, f.name)
        # as one would write it in claimdiff.toml; a setting without a value is not set
        shown = "(not set)" if value is None else json.dumps(value, ensure_ascii=False)
        lines.append(f"{f.name.replace('_', '-'):<11} = {shown:<40} # {origin[f.name]}")
    return "\n".join(lines) + "\n"
