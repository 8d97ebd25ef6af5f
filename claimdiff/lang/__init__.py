"""Language knowledge as data: one TOML file per language in this folder.

Adding a language is adding ``<code>.toml`` with the keys documented in
``en.toml``; no algorithm names a word of any language.

>>> get("nl").decimal
','
>>> get("en").qualifier_before["more than"]
'more_than'
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
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
    raw: dict[str, Any] = field(repr=False, default_factory=dict)

    @property
    def number_words(self) -> dict[str, float]:
        """Every single word that is (part of) a number: units, teens, tens, scales."""
        out: dict[str, float] = {}
        for table in (self.units, self.teens, self.tens, self.hundred, self.thousand, self.scales):
            out.update(table)
        return out


def available() -> list[str]:
    """The language codes that have a data file.

    >>> available()
    ['en', 'nl']
    """
    folder = resources.files(__package__)
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


def _lower_keys(d: dict[str, Any]) -> dict[str, Any]:
    return {k.lower(): v for k, v in d.items()}


def _qualifiers(code: str, table: dict[str, str]) -> dict[str, Qualifier]:
    allowed = get_args(Qualifier)
    for phrase, q in table.items():
        if q not in allowed:
            raise InputError(
                f"claimdiff/lang/{code}.toml: qualifier {q!r} of {phrase!r} is not one of {allowed}"
            )
    return cast(dict[str, Qualifier], table)


@cache
def get(code: str) -> Lang:
    """The language tables for ``code``; unknown codes raise a friendly error."""
    if code not in available():
        raise InputError(
            f"no language data for {code!r}; available: {', '.join(available())} "
            f"(add claimdiff/lang/{code}.toml to support it)"
        )
    raw = tomllib.loads(resources.files(__package__).joinpath(f"{code}.toml").read_text("utf-8"))
    n, q, u, s = raw["numbers"], raw["qualifiers"], raw["units"], raw["speech"]
    d, m, a = raw["dates"], raw["measure_words"], raw["age"]
    return Lang(
        code=raw["code"],
        name=raw["name"],
        decimal=raw["decimal"],
        group=raw["group"],
        abbreviations=frozenset(x.lower() for x in raw["segment"]["abbreviations"]),
        units=n["units"],
        weak_one=frozenset(n["weak_one"]),
        teens=n["teens"],
        tens=n["tens"],
        hundred=n["hundred"],
        thousand=n["thousand"],
        scales=_lower_keys(n["scales"]),
        joiners=tuple(n["joiners"]),
        compound=n["compound"],
        fractions=n["fractions"],
        phrases=n["phrases"],
        vague={k: (float(v[0]), float(v[1])) for k, v in n["vague"].items()},
        ordinals=n["ordinals"],
        ordinal_suffixes=tuple(n["ordinal_suffixes"]),
        qualifier_before=_qualifiers(code, q["before"]),
        qualifier_after=_qualifiers(code, q["after"]),
        change_verbs=frozenset(q["change_verbs"]),
        to_words=frozenset(q["to_words"]),
        range_from=frozenset(q["ranges"]["from"]),
        range_between=tuple(q["ranges"]["between"]),
        range_between_and=tuple(q["ranges"]["between_and"]),
        range_joiners=tuple(q["ranges"]["joiners"]),
        percent=tuple(u["percent"]),
        percentage_points=tuple(u["percentage_points"]),
        currency_before=_lower_keys(u["currency_before"]),
        currency_after=_lower_keys(u["currency_after"]),
        money_suffix=u["money_suffix"],
        measure_units=_lower_keys(u["measure"]),
        age_suffixes=tuple(a.get("suffixes", [])),
        age_after=tuple(a.get("after", [])),
        age_before=tuple(a.get("before", [])),
        months=_lower_keys(d["months"]),
        month_needs_capital=frozenset(d["month_needs_capital"]),
        weekdays=_lower_keys(d["weekdays"]),
        relative_days=_lower_keys(d["relative"]),
        year_before=frozenset(d["year_before"]),
        time_after=tuple(d["time_after"]),
        clock_after=tuple(d["clock_after"]),
        measure_stop=frozenset(m["stop"]),
        measure_skip=frozenset(m["skip"]),
        count_nouns=tuple(m["count_nouns"]),
        count_nouns_self=frozenset(m["count_nouns_self"]),
        speech_verbs=frozenset(s["verbs"]),
        particles=frozenset(s["particles"]),
        denial_verbs=frozenset(s["denial"]),
        according_to=tuple(s["according_to"]),
        according_to_postposed=frozenset(s["according_to_postposed"]),
        complementizers=frozenset(s["complementizers"]),
        not_sources=frozenset(s["not_sources"]),
        clause_openers=frozenset(s["clause_openers"]),
        auxiliaries=frozenset(s["auxiliaries"]),
        adjective_suffixes=tuple(s["adjective_suffixes"]),
        passive_auxiliaries=frozenset(s["passive_auxiliaries"]),
        name_links=frozenset(s["name_links"]),
        cue_blockers=frozenset(s["cue_blockers"]),
        org_links=frozenset(s["org_links"]),
        possessives=tuple(s["possessives"]),
        pronouns=s["pronouns"],
        role_leads=frozenset(s["role_leads"]),
        roles=tuple(s["roles"]),
        organisations=tuple(s["organisations"]),
        clause_splitters=tuple(raw["claims"]["splitters"]),
        not_after=frozenset(raw["figures"]["not_after"]),
        one_not_before=frozenset(raw["figures"]["one_not_before"]),
        header_keys=raw["header"]["keys"],
        raw=raw,
    )


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
