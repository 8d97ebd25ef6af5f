"""Settings from ``claimdiff.toml`` or ``[tool.claimdiff]`` in ``pyproject.toml``.

The nearest file wins, looking from the given folder (the drafts' folder, or
the working directory) up to the repository root; command-line flags
override it; ``claimdiff config`` prints the effective settings and where each
came from. The keys are the fields of :class:`claimdiff.models.Settings`,
spelled with ``-`` or ``_``:

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
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from claimdiff.errors import InputError
from claimdiff.files import read_text_file
from claimdiff.models import FindingKind, Settings, kinds_of

#: Settings whose value is a path: relative to the configuration file that sets them.
PATH_SETTINGS = ("weights", "baseline")
#: Configuration files are small; a bigger one is not one.
MAX_CONFIG = 1_000_000


def _find(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest claimdiff.toml, or pyproject.toml with [tool.claimdiff], from ``start`` up."""
    try:
        folder = start.resolve()
    except (OSError, RuntimeError):
        folder = start.absolute()
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


def _load(path: Path, tool_table: bool) -> Any:
    """The claimdiff table of a configuration file (``None``: a pyproject.toml without one)."""
    text = read_text_file(path, "configuration", MAX_CONFIG)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise InputError(f"{path}: cannot read the configuration ({e})") from None
    except RecursionError:
        raise InputError(f"{path}: cannot read the configuration (nested too deeply)") from None
    tool = data.get("tool")
    if tool is not None and not isinstance(tool, dict):
        raise InputError(
            f"{path}: 'tool' must be a table ([tool.claimdiff]), not {type(tool).__name__}"
        )
    if tool_table:
        return None if tool is None else tool.get("claimdiff")
    return tool.get("claimdiff", data) if tool is not None else data


def _shape(name: str) -> tuple[type | tuple[type, ...], str]:
    """The TOML type a setting takes, and how to say it."""
    annotation = str(Settings.model_fields[name].annotation)
    if annotation.startswith("list"):
        return list, "a list of strings"
    if "bool" in annotation:
        return bool, "true or false"
    if "float" in annotation:
        return (int, float), "a number"
    if "int" in annotation:
        return int, "an integer"
    return str, "a string"


def _type_problem(name: str, value: Any) -> str | None:
    """ "has the wrong type (str); expected a number", or None when the type is right."""
    expected, said = _shape(name)
    got = type(value).__name__
    # bool is an int to isinstance: `max-bytes = true` is not a size
    wrong = not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool)
    if not wrong and isinstance(value, list):
        odd = [type(v).__name__ for v in value if not isinstance(v, str)]
        wrong, got = bool(odd), f"list of {odd[0]}" if odd else got
    return f"has the wrong type ({got}); expected {said}" if wrong else None


def _validate(path: Path, raw: Any) -> dict[str, Any]:
    """The settings a configuration table gives, checked one by one against ``Settings``."""
    if not isinstance(raw, dict):
        raise InputError(f"{path}: the claimdiff settings must be a table of keys and values")
    out: dict[str, Any] = {}
    known = set(Settings.model_fields)
    for key, value in raw.items():
        name = key.replace("-", "_")
        if name not in known:
            listed = ", ".join(sorted(k.replace("_", "-") for k in known))
            raise InputError(f"{path}: unknown setting {key!r}; known: {listed}")
        if name in out:
            raise InputError(f"{path}: {key!r} is set twice (with - and with _); keep one")
        problem = _type_problem(name, value)
        if problem:
            raise InputError(f"{path}: {key} {problem}")
        if name == "fail_on":
            allowed = kinds_of(FindingKind)
            bad = sorted(set(value) - set(allowed))
            if bad:
                raise InputError(f"{path}: fail-on {bad}: unknown; use {', '.join(allowed)}")
        try:
            checked = Settings.model_validate({name: value})
        except ValidationError as e:
            msg = e.errors()[0]["msg"]
            if name == "tolerance":
                msg = "give a number from 0 to 1"
            raise InputError(
                f"{path}: {key} {json.dumps(value, default=str)[:80]}: {msg}"
            ) from None
        got = getattr(checked, name)
        if name in PATH_SETTINGS and got is not None and not Path(got).is_absolute():
            got = str(path.parent / got)
        if name == "lang" and got is not None:
            from claimdiff.lang import normalise as normalise_lang

            try:
                got = normalise_lang(got)
            except InputError as e:
                raise InputError(f"{path}: lang: {e}") from None
        out[name] = got
    return out


def effective(start: Path, overrides: dict[str, Any]) -> tuple[Settings, dict[str, str]]:
    """The settings to run with, and for each the place it came from.

    ``overrides`` (the command-line flags; ``None`` means not given) win over the
    configuration file, which wins over the defaults.
    """
    values: dict[str, Any] = {}
    origin = {name: "default" for name in Settings.model_fields}
    found = _find(start)
    if found is not None:
        path, raw = found
        for name, value in _validate(path, {} if raw is None else raw).items():
            values[name] = value
            origin[name] = str(path)
    for name, value in overrides.items():
        if value is not None:
            values[name] = value
            origin[name] = "command line"
    try:
        return Settings.model_validate(values), origin
    except ValidationError as e:
        err = e.errors()[0]
        name = ".".join(str(x) for x in err["loc"])
        flag = name.replace("_", "-")
        raise InputError(f"--{flag} {err.get('input')!r}: {err['msg']}") from None


def config_folder(origin: dict[str, str], key: str) -> Path:
    """The folder a setting's relative paths are relative to: its configuration file's, or the
    working directory for a default or a flag."""
    where = origin.get(key, "default")
    return Path(where).parent if where not in ("default", "command line") else Path.cwd()


def describe(settings: Settings, origin: dict[str, str]) -> str:
    """``claimdiff config``: one line per setting, with where it came from."""
    lines = []
    for name in Settings.model_fields:
        value = getattr(settings, name)
        # as one would write it in claimdiff.toml; a setting without a value is not set
        shown = "(not set)" if value is None else json.dumps(value, ensure_ascii=False)
        lines.append(f"{name.replace('_', '-'):<15} = {shown:<40} # {origin[name]}")
    return "\n".join(lines) + "\n"
