"""Language knowledge as data: one TOML file per language in this folder.

Adding a language is adding ``<code>.toml`` with the keys documented in
``en.toml``; no algorithm names a word of any language.

>>> get("nl").decimal
','
>>> get("en").qualifier_before["more than"]
'more_than'
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, cast, get_args

from claimdiff.errors import InputError
from claimdiff.models import Qualifier

FALLBACK = "en"


@dataclass(frozen=True, eq=False)
class Lang:
    """The tables of one language, flattened for the algorithms that read them."""

    code: str
    name: str
    decimal: str
    group: str
    abbreviations: frozenset[str]
    units: dict[str, float]
    weak_one: frozenset[str]
    teens: dict[str, float]
    tens: dict[str, float]
    hundred: dict[str, float]
    thousand: dict[str, float]
    scales: dict[str, float]
    joiners: tuple[str, ...]
    compound: bool
    fractions: dict[str, float]
    phrases: dict[str, float]
    vague: dict[str, tuple[float, float]]
    ordinals: dict[str, int]
    ordinal_suffixes: tuple[str, ...]
    qualifier_before: dict[str, Qualifier]
    qualifier_after: dict[str, Qualifier]
    change_verbs: frozenset[str]
    to_words: frozenset[str]
    range_from: frozenset[str]
    range_between: tuple[str, ...]
    range_between_and: tuple[str, ...]
    range_joiners: tuple[str, ...]
    percent: tuple[str, ...]
    percentage_points: tuple[str, ...]
    currency_before: dict[str, str]
    currency_after: dict[str, str]
    money_suffix: dict[str, float]
    measure_units: dict[str, str]
    age_suffixes: tuple[str, ...]
    age_after: tuple[str, ...]
    age_before: tuple[str, ...]
    months: dict[str, int]
    month_needs_capital: frozenset[str]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    year_before: frozenset[str]
    time_after: tuple[str, ...]
    clock_after: tuple[str, ...]
    measure_stop: frozenset[str]
    measure_skip: frozenset[str]
    count_nouns: tuple[str, ...]
    count_nouns_self: frozenset[str]
    speech_verbs: frozenset[str]
    particles: frozenset[str]
    denial_verbs: frozenset[str]
    according_to: tuple[str, ...]
    according_to_postposed: frozenset[str]
    complementizers: frozenset[str]
    not_sources: frozenset[str]
    clause_openers: frozenset[str]
    auxiliaries: frozenset[str]
    adjective_suffixes: tuple[str, ...]
    passive_auxiliaries: frozenset[str]
    name_links: frozenset[str]
    cue_blockers: frozenset[str]
    org_links: frozenset[str]
    possessives: tuple[str, ...]
    pronouns: dict[str, str]
    role_leads: frozenset[str]
    roles: tuple[str, ...]
    organisations: tuple[str, ...]
    clause_splitters: tuple[str, ...]
    not_after: frozenset[str]
    one_not_before: frozenset[str]
    header_keys: dict[str, str]
    name_capitalisation: str
    not_names: frozenset[str]
    noun_suffixes: tuple[str, ...]
    quote_pairs: tuple[tuple[str, str], ...]
    quote_dashes: tuple[str, ...]
    date_order: str
    raw: dict[str, Any] = field(repr=False, default_factory=dict)

    @property
    def quote_marks(self) -> str:
        """Every quote mark of the language, opening and closing."""
        return "".join(dict.fromkeys(m for pair in self.quote_pairs for m in pair))

    def is_name_word(self, word: str) -> bool:
        """Whether a word, as written, can be (part of) a name of a person, place or body.

        A capitalised word is a name unless the language capitalises every noun
        (German) and the word is a known common noun or has a noun ending; an
        acronym of two or more capitals is a name.

        >>> get("en").is_name_word("Grandi"), get("en").is_name_word("the"), get("en").is_name_word("UNHCR")
        (True, False, True)
        """
        if not word or not word[0].isupper():
            return False
        if word.isupper():
            return len(word) > 1 or not word.isalpha()
        low = word.lower()
        if low in self.not_names:
            return False
        if self.name_capitalisation == "all_nouns":
            return not low.endswith(self.noun_suffixes) if self.noun_suffixes else True
        return True

    @property
    def number_words(self) -> dict[str, float]:
        """Every single word that is (part of) a number: units, teens, tens, scales."""
        out: dict[str, float] = {}
        for table in (self.units, self.teens, self.tens, self.hundred, self.thousand, self.scales):
            out.update(table)
        return out


#: Where the language files are: the package folder, then any folder named in
#: ``$CLAIMDIFF_LANG_PATH`` (``os.pathsep``-separated): a language can be added
#: without touching the installed package.
LANG_PATH_ENV = "CLAIMDIFF_LANG_PATH"


def _folders() -> list[Any]:
    folders: list[Any] = [resources.files(__package__)]
    extra = os.environ.get(LANG_PATH_ENV, "")
    folders += [Path(p) for p in extra.split(os.pathsep) if p]
    return folders


def _files() -> dict[str, Any]:
    """Language code → its file (a later folder overrides an earlier one)."""
    out: dict[str, Any] = {}
    for folder in _folders():
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for p in entries:
            if p.name.endswith(".toml"):
                out[p.name[:-5]] = p
    return out


def available() -> list[str]:
    """The language codes that have a data file.

    >>> [c for c in available() if c in ("en", "nl")]
    ['en', 'nl']
    """
    return sorted(_files())


# The schema of a language file: (Lang field, key path, type, default or REQUIRED).
REQUIRED = object()
_SCHEMA: tuple[tuple[str, str, str, Any], ...] = (
    ("code", "code", "str", REQUIRED),
    ("name", "name", "str", REQUIRED),
    ("decimal", "decimal", "str", REQUIRED),
    ("group", "group", "str", REQUIRED),
    ("abbreviations", "segment.abbreviations", "lowerset", REQUIRED),
    ("units", "numbers.units", "numbers", REQUIRED),
    ("weak_one", "numbers.weak_one", "set", REQUIRED),
    ("teens", "numbers.teens", "numbers", REQUIRED),
    ("tens", "numbers.tens", "numbers", REQUIRED),
    ("hundred", "numbers.hundred", "numbers", REQUIRED),
    ("thousand", "numbers.thousand", "numbers", REQUIRED),
    ("scales", "numbers.scales", "lowernumbers", REQUIRED),
    ("joiners", "numbers.joiners", "list", REQUIRED),
    ("compound", "numbers.compound", "bool", REQUIRED),
    ("fractions", "numbers.fractions", "numbers", REQUIRED),
    ("phrases", "numbers.phrases", "numbers", REQUIRED),
    ("vague", "numbers.vague", "ranges", REQUIRED),
    ("ordinals", "numbers.ordinals", "numbers", REQUIRED),
    ("ordinal_suffixes", "numbers.ordinal_suffixes", "list", REQUIRED),
    ("qualifier_before", "qualifiers.before", "qualifiers", REQUIRED),
    ("qualifier_after", "qualifiers.after", "qualifiers", REQUIRED),
    ("change_verbs", "qualifiers.change_verbs", "set", REQUIRED),
    ("to_words", "qualifiers.to_words", "set", REQUIRED),
    ("range_from", "qualifiers.ranges.from", "set", REQUIRED),
    ("range_between", "qualifiers.ranges.between", "list", REQUIRED),
    ("range_between_and", "qualifiers.ranges.between_and", "list", REQUIRED),
    ("range_joiners", "qualifiers.ranges.joiners", "list", REQUIRED),
    ("percent", "units.percent", "list", REQUIRED),
    ("percentage_points", "units.percentage_points", "list", REQUIRED),
    ("currency_before", "units.currency_before", "lowertext", REQUIRED),
    ("currency_after", "units.currency_after", "lowertext", REQUIRED),
    ("money_suffix", "units.money_suffix", "numbers", REQUIRED),
    ("measure_units", "units.measure", "lowertext", REQUIRED),
    ("age_suffixes", "age.suffixes", "list", []),
    ("age_after", "age.after", "list", []),
    ("age_before", "age.before", "list", []),
    ("months", "dates.months", "lowernumbers", REQUIRED),
    ("month_needs_capital", "dates.month_needs_capital", "set", REQUIRED),
    ("weekdays", "dates.weekdays", "lowernumbers", REQUIRED),
    ("relative_days", "dates.relative", "lowernumbers", REQUIRED),
    ("year_before", "dates.year_before", "set", REQUIRED),
    ("time_after", "dates.time_after", "list", REQUIRED),
    ("clock_after", "dates.clock_after", "list", REQUIRED),
    ("date_order", "dates.order", "order", "day_month"),
    ("measure_stop", "measure_words.stop", "set", REQUIRED),
    ("measure_skip", "measure_words.skip", "set", REQUIRED),
    ("count_nouns", "measure_words.count_nouns", "list", REQUIRED),
    ("count_nouns_self", "measure_words.count_nouns_self", "set", REQUIRED),
    ("speech_verbs", "speech.verbs", "set", REQUIRED),
    ("particles", "speech.particles", "set", REQUIRED),
    ("denial_verbs", "speech.denial", "set", REQUIRED),
    ("according_to", "speech.according_to", "list", REQUIRED),
    ("according_to_postposed", "speech.according_to_postposed", "set", REQUIRED),
    ("complementizers", "speech.complementizers", "set", REQUIRED),
    ("not_sources", "speech.not_sources", "set", REQUIRED),
    ("clause_openers", "speech.clause_openers", "set", REQUIRED),
    ("auxiliaries", "speech.auxiliaries", "set", REQUIRED),
    ("adjective_suffixes", "speech.adjective_suffixes", "list", REQUIRED),
    ("passive_auxiliaries", "speech.passive_auxiliaries", "set", REQUIRED),
    ("name_links", "speech.name_links", "set", REQUIRED),
    ("cue_blockers", "speech.cue_blockers", "set", REQUIRED),
    ("org_links", "speech.org_links", "set", REQUIRED),
    ("possessives", "speech.possessives", "list", REQUIRED),
    ("pronouns", "speech.pronouns", "text", REQUIRED),
    ("role_leads", "speech.role_leads", "set", REQUIRED),
    ("roles", "speech.roles", "list", REQUIRED),
    ("organisations", "speech.organisations", "list", REQUIRED),
    ("clause_splitters", "claims.splitters", "list", REQUIRED),
    ("not_after", "figures.not_after", "set", REQUIRED),
    ("one_not_before", "figures.one_not_before", "set", REQUIRED),
    ("header_keys", "header.keys", "text", REQUIRED),
    ("name_capitalisation", "names.capitalisation", "capitalisation", REQUIRED),
    ("not_names", "names.not_names", "lowerset", []),
    ("noun_suffixes", "names.noun_suffixes", "list", []),
    ("quote_pairs", "quotes.pairs", "pairs", REQUIRED),
    ("quote_dashes", "quotes.dashes", "list", []),
)
_EXPECT = {
    "str": "a string",
    "bool": "true or false",
    "list": "a list of strings",
    "set": "a list of strings",
    "lowerset": "a list of strings",
    "numbers": "a table of phrases and numbers",
    "lowernumbers": "a table of phrases and numbers",
    "text": "a table of phrases and strings",
    "lowertext": "a table of phrases and strings",
    "qualifiers": "a table of phrases and qualifiers",
    "ranges": "a table of phrases and [low, high] pairs",
    "pairs": "a list of [opening, closing] pairs of marks",
    "capitalisation": '"proper_nouns" or "all_nouns"',
    "order": '"day_month" or "month_day"',
}


def _convert(kind: str, v: Any) -> Any:
    """The value of one key, checked and converted; ValueError when it has the wrong shape."""

    def strings(x: Any) -> bool:
        return isinstance(x, list) and all(isinstance(i, str) for i in x)

    def table(x: Any, ok: Any) -> bool:
        return isinstance(x, dict) and all(isinstance(k, str) and ok(val) for k, val in x.items())

    number = lambda x: isinstance(x, int | float) and not isinstance(x, bool)  # noqa: E731
    if kind == "str" and isinstance(v, str):
        return v
    if kind == "bool" and isinstance(v, bool):
        return v
    if kind in ("list", "set", "lowerset") and strings(v):
        items = [x.lower() for x in v] if kind == "lowerset" else v
        return tuple(items) if kind == "list" else frozenset(items)
    if kind in ("numbers", "lowernumbers") and table(v, number):
        return {k.lower(): val for k, val in v.items()} if kind == "lowernumbers" else v
    if kind in ("text", "lowertext") and table(v, lambda x: isinstance(x, str)):
        return {k.lower(): val for k, val in v.items()} if kind == "lowertext" else v
    if kind == "qualifiers" and table(v, lambda x: x in get_args(Qualifier)):
        return cast(dict[str, Qualifier], v)
    if kind == "ranges" and table(
        v, lambda x: isinstance(x, list) and len(x) == 2 and all(map(number, x))
    ):
        return {k: (float(x[0]), float(x[1])) for k, x in v.items()}
    if kind == "pairs" and isinstance(v, list) and all(strings(x) and len(x) == 2 for x in v):
        return tuple((a, b) for a, b in v)
    if kind == "capitalisation" and v in ("proper_nouns", "all_nouns"):
        return v
    if kind == "order" and v in ("day_month", "month_day"):
        return v
    raise ValueError(_EXPECT[kind])


def _lookup(raw: dict[str, Any], path: str) -> Any:
    node: Any = raw
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return REQUIRED
        node = node[part]
    return node


def parse(raw: dict[str, Any], where: str) -> Lang:
    """A language from the parsed TOML of its file, checked against the schema.

    Every problem names the file and the key: a missing key, or a value of the
    wrong shape (``where`` is the file, for the message).
    """
    values: dict[str, Any] = {}
    for attr, path, kind, default in _SCHEMA:
        section, _, key = path.rpartition(".")
        shown = f"[{section}] {key}" if section else key
        value = _lookup(raw, path)
        if value is REQUIRED:
            if default is REQUIRED:
                raise InputError(
                    f"{where}: {shown} is missing; every language file needs it (see claimdiff/lang/en.toml)"
                )
            value = default
        try:
            values[attr] = _convert(kind, value)
        except ValueError as e:
            raise InputError(f"{where}: {shown} must be {e}") from None
    return Lang(**values, raw=raw)


@cache
def get(code: str) -> Lang:
    """The language tables for ``code``; unknown codes raise a friendly error."""
    files = _files()
    if code not in files:
        raise InputError(
            f"no language data for {code!r}; available: {', '.join(available())} "
            f"(add claimdiff/lang/{code}.toml to support it)"
        )
    path = files[code]
    try:
        raw = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise InputError(f"{path}: cannot read the language file ({e})") from None
    lang = parse(raw, str(path))
    if lang.code != code:
        raise InputError(f"{path}: code = {lang.code!r}, but the file is named {code}.toml")
    return lang


def all_quote_marks() -> str:
    """The quote marks of every language claimdiff reads (for text whose language is not known yet)."""
    return "".join(dict.fromkeys(m for code in available() for m in get(code).quote_marks))


def data_for(code: str) -> Lang:
    """The language tables to read a document in ``code`` with (English when unsupported)."""
    return get(code if code in available() else FALLBACK)


def normalise(code: str) -> str:
    """A language option as claimdiff's code (``NL``, ``nl-BE``, ``nl_NL`` → ``nl``).

    >>> normalise("nl-BE")
    'nl'
    >>> normalise("xx")
    Traceback (most recent call last):
    ...
    claimdiff.errors.InputError: no language data for 'xx'; available: en (English), nl (Nederlands)
    """
    primary = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    codes = available()
    if primary in codes:
        return primary
    names = {get(c).name.lower(): c for c in codes}
    if primary in names:
        return names[primary]
    listed = ", ".join(f"{c} ({get(c).name})" for c in codes)
    raise InputError(f"no language data for {code!r}; available: {listed}")
