"""Language knowledge is data: a new language is a file, checked against one schema on load."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from claimdiff import lang as langdata
from claimdiff.errors import InputError

LANG_DIR = Path(langdata.__file__).parent

#: A toy language: English words swapped for made-up ones, a decimal comma, its own quote marks.
TOY_REPLACEMENTS = {
    'code = "en"': 'code = "tx"',
    'name = "English"': 'name = "Toylang"',
    'decimal = "."': 'decimal = ","',
    'group = ","': 'group = "."',
    'verbs = [\n  "said", ': 'verbs = [\n  "blorped", "said", ',
    '"according to", ': '"as blorped by", "according to", ',
    '"more than" = "more_than"': '"zorp" = "more_than", "more than" = "more_than"',
    '"five" = 5': '"fimf" = 5',
}


def toy_language(folder: Path) -> Path:
    text = (LANG_DIR / "en.toml").read_text(encoding="utf-8")
    for old, new in TOY_REPLACEMENTS.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    text = re.sub(r"(?m)^pairs = .*$", 'pairs = [["‹", "›"], ["“", "”"]]', text)
    path = folder / "tx.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_toy_language_file_reads_a_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimdiff

    toy_language(tmp_path)
    monkeypatch.setenv(langdata.LANG_PATH_ENV, str(tmp_path))
    assert "tx" in langdata.available()
    doc = claimdiff.read_text(
        "Zorp 1.500,5 tonnes of grain were lost, the harbour master blorped. "
        "‹We lost fimf ships›, blorped Mayor Anna Bell.",
        id="toy",
        lang="tx",
    )
    claims = claimdiff.extract(doc).claims
    first, second = claims
    ((fig,),) = [first.figures]
    assert (fig.value, fig.qualifier, fig.unit) == (1500.5, "more_than", "t")
    assert [(a.canonical_source, a.cue) for a in first.attributions] == [
        ("harbour master", "blorped")
    ]
    assert [f.value for f in second.figures] == [5]
    ((quote,),) = [second.attributions]
    assert (quote.canonical_source, quote.kind, quote.role) == ("Anna Bell", "quote", "Mayor")


@pytest.mark.parametrize("code", langdata.available())
def test_every_shipped_file_has_every_key_of_the_schema(code: str) -> None:
    raw = tomllib.loads((LANG_DIR / f"{code}.toml").read_text(encoding="utf-8"))
    table = langdata.parse(raw, f"{code}.toml")
    assert table.code == code
    assert table.quote_pairs and table.name_capitalisation in ("proper_nouns", "all_nouns")
    assert table.date_order in ("day_month", "month_day")


@pytest.mark.parametrize(
    ("edit", "says"),
    [
        (lambda raw: raw["speech"].pop("verbs"), "[speech] verbs is missing"),
        (lambda raw: raw.pop("decimal"), "decimal is missing"),
        (
            lambda raw: raw["numbers"].update(units=["one"]),
            "[numbers] units must be a table of phrases and numbers",
        ),
        (
            lambda raw: raw["qualifiers"]["before"].update(about="roughly"),
            "[qualifiers] before must be a table of phrases and qualifiers",
        ),
        (
            lambda raw: raw["quotes"].update(pairs=[["«"]]),
            "[quotes] pairs must be a list of [opening, closing] pairs",
        ),
        (
            lambda raw: raw["names"].update(capitalisation="some"),
            '[names] capitalisation must be "proper_nouns" or "all_nouns"',
        ),
    ],
)
def test_a_broken_language_file_names_the_file_and_the_key(edit, says) -> None:  # type: ignore[no-untyped-def]
    raw = tomllib.loads((LANG_DIR / "en.toml").read_text(encoding="utf-8"))
    edit(raw)
    with pytest.raises(InputError) as e:
        langdata.parse(raw, "xx.toml")
    assert str(e.value).startswith("xx.toml: ") and says in str(e.value)


def test_a_file_whose_code_is_not_its_name_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = toy_language(tmp_path)
    path.rename(tmp_path / "ty.toml")
    monkeypatch.setenv(langdata.LANG_PATH_ENV, str(tmp_path))
    with pytest.raises(InputError, match="code = 'tx', but the file is named ty.toml"):
        langdata.get("ty")


def test_names_follow_the_capitalisation_rule_of_the_language() -> None:
    en = langdata.get("en")
    assert en.is_name_word("Grandi") and en.is_name_word("UNHCR")
    assert not en.is_name_word("police") and not en.is_name_word("A")
    german_like = langdata.parse(
        {
            **tomllib.loads((LANG_DIR / "en.toml").read_text(encoding="utf-8")),
            "names": {
                "capitalisation": "all_nouns",
                "not_names": ["Polizei"],
                "noun_suffixes": ["ung"],
            },
        },
        "de-like",
    )
    assert german_like.is_name_word("Müller")
    assert not german_like.is_name_word("Polizei") and not german_like.is_name_word("Regierung")
