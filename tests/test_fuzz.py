"""Property tests over the whole pipeline: hostile text never crashes claimdiff.

Random Unicode, punctuation soup, quote marks, and numbers written the Dutch
and the English way, mixed with words from the language data (speech verbs,
qualifiers, units, months), go through load → segment → extract → align →
compare → render. The properties:

- nothing raises but the documented ``InputError`` (and only for empty text);
- every span is honest: ``text == document.text[start:end]`` for claims,
  figures and attributions, and attribution cues lie inside the document;
- the JSON report is valid JSON (no NaN or Infinity) and valid against the
  report's JSON Schema; the Markdown has no raw ``<`` and no broken table row.

The default run is quick (``CLAIMDIFF_FUZZ_EXAMPLES``, default 150 per
property). A long session: ``CLAIMDIFF_FUZZ_EXAMPLES=20000 pytest
tests/test_fuzz.py``; every crasher it finds goes into
``tests/regressions/fuzz_crashers.jsonl``, which ``test_crasher_stays_fixed``
(at the end) replays with the same checks.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdiff import lang as langdata
from claimdiff.api import compare, extract
from claimdiff.errors import InputError
from claimdiff.models import Document, Report
from claimdiff.stages.load import decode_report, document_from_text
from claimdiff.stages.render import render
from claimdiff.stages.render.escape import md_inline
from claimdiff.stages.render.json import schema

EXAMPLES = int(os.environ.get("CLAIMDIFF_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


class HashEncoder:
    """A TEST DOUBLE, for speed only: not a sentence encoder.

    Deterministic bag of character trigrams hashed into 64 dimensions, L2
    normalised (an all-zero row becomes the first unit vector, so every row is
    a unit vector as the ``Encoder`` protocol promises). It lets the fuzz tests
    run the align and compare stages thousands of times in seconds; the real
    encoder (use-m3) is exercised by the CLI tests in test_bad_input.py.
    """

    name = "test-hash"
    dim = 64

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            s = f"  {t.lower()}  "
            for j in range(len(s) - 2):
                digest = hashlib.blake2b(
                    s[j : j + 3].encode("utf-8", "surrogatepass"), digest_size=4
                ).digest()
                out[i, int.from_bytes(digest, "little") % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1)
        out[norms == 0, 0] = 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


# --- strategies -------------------------------------------------------------


def _words(code: str) -> list[str]:
    """Words and phrases from a language's data file: the text the rules look for."""
    raw = langdata.get(code).raw
    found: set[str] = set()

    def walk(x: object) -> None:
        if isinstance(x, str):
            if 0 < len(x) < 30:
                found.add(x)
        elif isinstance(x, dict):
            for k, v in x.items():
                walk(k)
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(raw)
    return sorted(found)


VOCAB = sorted(set(_words("nl")) | set(_words("en")))
NAMES = ["Grandi", "Zelensky", "Filippo Grandi", "de politie", "the ministry", "NOS", "Rutte"]
PUNCT = list(".,;:!?…-–—()[]{}/\\|*_#'\"‘’“”„«»‹›%€$£") + ["...", "?!", " - ", "\n", "\n\n", "\t"]
QUOTES = list("'\"‘’“”„«»‹›") + ["''", '""']


@st.composite
def numbers(draw: st.DrawFn) -> str:
    """A number as Dutch or English reports write it, or an awkward one."""
    n = draw(st.integers(min_value=0, max_value=10**15))
    style = draw(st.sampled_from(["plain", "nl", "en", "dec-nl", "dec-en", "long", "weird"]))
    if style == "nl":
        s = f"{n:,}".replace(",", ".")
    elif style == "en":
        s = f"{n:,}"
    elif style == "dec-nl":
        s = f"{n % 100000},{draw(st.integers(0, 99)):02d}"
    elif style == "dec-en":
        s = f"{n % 100000}.{draw(st.integers(0, 999))}"
    elif style == "long":
        s = "1" + "0" * draw(st.integers(min_value=15, max_value=400))
    elif style == "weird":
        s = draw(
            st.sampled_from(
                [
                    "1.2.3",
                    "1,,2",
                    "0,5%",
                    ".5",
                    "5.",
                    "1e9",
                    "½",
                    "¼",
                    "1/2",
                    "10^6",
                    "٣",
                    "٫",
                    "١٢٣",
                ]
            )
        )
    else:
        s = str(n)
    before = draw(st.sampled_from(["", "€ ", "$", "£", "ruim ", "zo'n ", "more than ", "circa "]))
    after = draw(
        st.sampled_from(["", "%", " procent", " percent", " miljoen", " billion", " km", " mensen"])
    )
    return before + s + after


GLUED = st.builds(lambda n, w: n + w, numbers(), st.sampled_from(VOCAB))  # "52m", "3e", "46.2C"
FRAGMENT = st.one_of(
    st.sampled_from(VOCAB),
    GLUED,
    st.sampled_from(NAMES),
    st.sampled_from(PUNCT),
    st.sampled_from(QUOTES),
    numbers(),
    st.text(max_size=12),
    st.just(" "),
    st.just(" "),
    st.just(" "),
)
TEXT = st.lists(FRAGMENT, max_size=60).map("".join)
HEADERS = st.sampled_from(
    [
        "",
        "---\ntitle: x\n---\n",
        "---\ndate: 2022-02-30\n---\n",
        "---\nlanguage: [[[\n---\n",
        " date 2022-02 ‘kop’’\n\n",
        "---\n",
    ]
) | st.builds(
    lambda k, v: f"---\n{k}: {v}\n---\n",
    st.sampled_from(["date", "datum", "language", "lang", "title", "outlet", "url"]),
    st.one_of(st.text(max_size=12).filter(lambda v: "\n" not in v and "\r" not in v), numbers()),
)
REPORT = st.builds(lambda h, t: h + t, HEADERS, TEXT)
LANGS = st.sampled_from([None, "nl", "en"])


# --- checks (shared with the regression replay) ---------------------------


def check_spans(report: Report) -> None:
    docs = {d.id: d for d in report.documents}
    for c in report.claims:
        text = docs[c.doc].text
        assert 0 <= c.start <= c.end <= len(text), c
        assert text[c.start : c.end] == c.text, c
        line = text.count("\n", 0, c.start) + 1
        assert c.line == line, c
        for f in c.figures:
            assert 0 <= f.start <= f.end <= len(text), f
            assert text[f.start : f.end] == f.text, f
            for v in (f.value, f.low, f.high):
                assert v is None or not math.isnan(v), f
        for a in c.attributions:
            assert 0 <= a.start <= a.end <= len(text), a
            assert text[a.start : a.end] == a.text, a
            if a.cue_start is not None and a.cue_end is not None:
                assert 0 <= a.cue_start <= a.cue_end <= len(text), a


@cache
def _validator() -> jsonschema.protocols.Validator:
    """The report schema's validator, checked once (``jsonschema.validate`` re-checks each time)."""
    spec = json.loads(schema())
    cls = jsonschema.validators.validator_for(spec)
    cls.check_schema(spec)
    return cls(spec)


def _no_constants(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


def check_json(report: Report) -> None:
    data = json.loads(render(report, "json"), parse_constant=_no_constants)
    _validator().validate(data)


def _cells(row: str) -> int:
    return len(re.findall(r"(?<!\\)\|", row.replace("\\\\", "")))


def check_markdown(report: Report) -> None:
    md = render(report, "markdown")
    assert "<" not in md, "raw < in the Markdown"
    widths = None
    for line in md.splitlines():
        if line.startswith("|"):
            n = _cells(line)
            if line.startswith("|---") or widths is None:
                widths = widths or n
            assert n == widths or line.startswith("| report") or line.startswith("| group"), line
        else:
            widths = None


def check_extract(text: str, lang: str | None) -> None:
    try:
        doc = document_from_text(text, "fuzz", lang=lang)
    except InputError:
        assert not text.strip()
        return
    report = extract(doc)
    check_spans(report)
    check_json(report)


def check_compare(texts: Sequence[str], lang: str | None) -> None:
    docs: list[Document] = []
    for i, t in enumerate(texts):
        try:
            docs.append(document_from_text(t, f"r{i}", lang=lang))
        except InputError:
            assert not t.strip()
    if len(docs) < 2:
        with pytest.raises(InputError):
            compare(docs, encoder=HashEncoder())
        return
    report = compare(docs, encoder=HashEncoder(), lang=lang)
    check_spans(report)
    check_json(report)
    check_markdown(report)


def check_decode(raw: bytes) -> None:
    try:
        decoded = decode_report(raw, "fuzz.txt")
    except InputError:
        return
    assert "\r" not in decoded.text
    assert decoded.text.strip()
    check_extract(decoded.text, None)


# --- properties ---------------------------------------------------------------


@FUZZ
@given(REPORT, LANGS)
def test_extract_never_crashes(text: str, lang: str | None) -> None:
    check_extract(text, lang)


@FUZZ
@given(st.lists(REPORT, min_size=2, max_size=3), LANGS)
def test_compare_never_crashes(texts: list[str], lang: str | None) -> None:
    check_compare(texts, lang)


@FUZZ
@given(
    st.one_of(
        st.binary(max_size=300),
        TEXT.map(lambda t: t.encode("utf-8")),
        TEXT.map(lambda t: t.encode("cp1252", "ignore")),
        TEXT.map(lambda t: t.encode("utf-16")),
        TEXT.map(lambda t: t.encode("utf-8").decode("cp1252", "ignore").encode("utf-8")),
    )
)
def test_decode_never_crashes(raw: bytes) -> None:
    check_decode(raw)


@FUZZ
@given(st.text())
def test_md_inline_is_inert(text: str) -> None:
    out = md_inline(text)
    assert "<" not in out and "\n" not in out and "\r" not in out
    assert not re.search(r"(?<!\\)[\[\]`|*_~$]", out.replace("\\\\", "")), out
    assert "://" not in out


# --- regressions: every crasher found so far ---------------------------------------

REGRESSIONS: list[dict[str, Any]] = [
    json.loads(line)
    for line in (Path(__file__).parent / "regressions" / "fuzz_crashers.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]


@pytest.mark.parametrize("case", REGRESSIONS, ids=[c["id"] for c in REGRESSIONS])
def test_crasher_stays_fixed(case: dict[str, Any]) -> None:
    """One line of fuzz_crashers.jsonl: ``check`` is ``extract`` (one text), ``compare``
    (texts, with the test-double encoder) or ``decode`` (raw bytes, hex); ``what`` says
    how it crashed and ``fix`` where it was fixed."""
    if case["check"] == "extract":
        check_extract(case["texts"][0], case["lang"])
    elif case["check"] == "compare":
        check_compare(case["texts"], case["lang"])
    else:
        check_decode(bytes.fromhex(case["bytes_hex"]))
