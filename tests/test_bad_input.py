"""Messy and hostile input through the real CLI: refused cleanly, or read and reported.

``CASES`` is the table: each case lays out files in a temporary folder (the
test runs from inside it), runs ``claimdiff`` with ``args`` through typer's
CliRunner, and expects an exit code and a fragment of stderr (and, for cases
that produce a report, of stdout). Refusals (exit 2) must be exactly one line
on stderr starting ``claimdiff: error:``, write nothing to stdout and leave no
file behind.

File contents in the table: ``str`` is written as UTF-8, ``bytes`` as they
are, ``{"sparse": n}`` is an n-byte sparse file, ``{"link": target}`` a
symbolic link, ``{"dir": {...}}`` a folder with those files in it.
Commands that reach ``compare`` use the real encoder (use-m3, the session's
from conftest.py, no cache on disk).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimdiff.cli import output as cli
from claimdiff.cli.app import app
from claimdiff.stages.align import encoders

NL = (
    "Meer dan 500.000 mensen zijn Oekraïne ontvlucht, aldus VN-commissaris Grandi.\n\n"
    "Bij de aanval vielen zeker 12 doden, meldt de politie.\n"
)
EN = (
    "More than half a million people have fled Ukraine, UN refugee chief Grandi said.\n\n"
    "The attack killed at least 14 people, police said.\n"
)
EN_DIFF = EN.replace("at least 14", "9")
NO_CLAIMS = "Het regende vandaag in Utrecht. Iedereen bleef binnen en las een boek.\n"
GERMAN = (
    "Die Polizei sagte, dass mindestens 500 Menschen verletzt wurden. "
    "Mehr als 1200 Personen flohen am Montag aus der Stadt, berichtete der Sender.\n"
)
LONG = "de " * 16_000 + "en 300 mensen vluchtten " + "verder " * 1_000  # 50k chars, no stop
TABLE = (
    "Slachtoffers per stad:\n\n| stad | doden | gewonden |\n|---|---|---|\n"
    "| Kiev | 12 | 40 |\n| Charkiv | 7 | 19 |\n\nstad\tdoden\nOdessa\t3\n"
)
LIST = "Wat we weten:\n\n- 12 doden\n- 40 gewonden\n* ruim 300 mensen geëvacueerd\n1. de politie zegt dat 5 verdachten vastzitten\n"
QUOTES = (
    "“Er zijn 40 doden,” zei de burgemeester. „Het zijn er 45', aldus de brandweer. "
    '"Unbalanced quote with 12 victims, police said. ‘Nested “quotes” 7 times’ he said.\n'
)
NO_PUNCT = "meer dan 500 mensen gevlucht volgens de politie 12 doden 40 gewonden geen punt hier\n"

FOLDER_HIDDEN = {"dir": {".hidden.txt": NL, "~$lock.txt": b"\x00\x01", "notes.pdf": b"%PDF-1.4"}}

# fmt: off
CASES: list[dict[str, Any]] = [
    # --- refused: the file itself -------------------------------------------------
    {"id": "empty-file", "files": {"a.txt": ""}, "args": ["extract", "a.txt"], "code": 2, "err": "is empty"},
    {"id": "whitespace-only", "files": {"a.txt": " \n\t\r\n  \n"}, "args": ["extract", "a.txt"], "code": 2, "err": "is empty"},
    {"id": "bom-only", "files": {"a.txt": b"\xef\xbb\xbf\r\n"}, "args": ["extract", "a.txt"], "code": 2, "err": "is empty"},
    {"id": "utf16-whitespace", "files": {"a.txt": "  \n ".encode("utf-16")}, "args": ["extract", "a.txt"], "code": 2, "err": "is empty"},
    {"id": "binary-nul", "files": {"a.txt": b"\x00\x01\x02\x03binary\x00\xff" * 50}, "args": ["extract", "a.txt"], "code": 2, "err": "binary file"},
    {"id": "control-bytes", "files": {"a.txt": bytes(range(1, 32)) * 20}, "args": ["extract", "a.txt"], "code": 2, "err": "binary file"},
    {"id": "pdf", "files": {"a.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"}, "args": ["extract", "a.txt"], "code": 2, "err": "PDF document"},
    {"id": "docx", "files": {"a.docx": b"PK\x03\x04\x14\x00\x06\x00word/document.xml"}, "args": ["extract", "a.docx"], "code": 2, "err": "a .docx file is not a report"},
    {"id": "docx-renamed-txt", "files": {"a.txt": b"PK\x03\x04\x14\x00\x06\x00word/document.xml"}, "args": ["extract", "a.txt"], "code": 2, "err": "zip archive"},
    {"id": "html-file", "files": {"a.html": "<html><body><p>" + NL + "</p></body></html>"}, "args": ["extract", "a.html"], "code": 2, "err": "a .html file is not a report; claimdiff reads plain text"},
    {"id": "png", "files": {"a.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, "args": ["extract", "a.md"], "code": 2, "err": "PNG image"},
    {"id": "rtf", "files": {"a.txt": b"{\\rtf1\\ansi Meer dan 500 mensen}"}, "args": ["extract", "a.txt"], "code": 2, "err": "RTF document"},
    {"id": "bad-utf16", "files": {"a.txt": b"\xff\xfe\x00\xd8"}, "args": ["extract", "a.txt"], "code": 2, "err": "UTF-16-LE but is not"},
    {"id": "too-big-27mb", "files": {"big.txt": {"sparse": 27_000_000}}, "args": ["extract", "big.txt"], "code": 2, "err": "more than the limit of 5,000,000"},
    {"id": "too-big-27mb-compare", "files": {"big.txt": {"sparse": 27_000_000}, "en.txt": EN}, "args": ["compare", "big.txt", "en.txt"], "code": 2, "err": "more than the limit"},
    {"id": "over-max-bytes", "files": {"a.txt": NL}, "args": ["extract", "a.txt", "--max-bytes", "10"], "code": 2, "err": "more than the limit of 10"},
    # --- refused: the paths ---------------------------------------------------------
    {"id": "missing-file", "files": {}, "args": ["extract", "nope.txt"], "code": 2, "err": "nope.txt: no such file"},
    {"id": "missing-in-compare", "files": {"nl.txt": NL}, "args": ["compare", "nl.txt", "nope.txt"], "code": 2, "err": "no such file"},
    {"id": "broken-symlink", "files": {"a.txt": {"link": "gone.txt"}}, "args": ["extract", "a.txt"], "code": 2, "err": "broken link"},
    {"id": "not-a-directory", "files": {"nl.txt": NL}, "args": ["extract", "nl.txt/x.txt"], "code": 2, "err": "cannot read it"},
    {"id": "folder-to-extract", "files": {"d": {"dir": {"nl.txt": NL}}}, "args": ["extract", "d"], "code": 2, "err": "is a folder"},
    {"id": "dir-named-txt", "files": {"x.txt": {"dir": {}}, "nl.txt": NL}, "args": ["compare", "x.txt", "nl.txt"], "code": 2, "err": "folder with no reports"},
    {"id": "empty-folder", "files": {"d": {"dir": {}}, "nl.txt": NL}, "args": ["compare", "d", "nl.txt"], "code": 2, "err": "folder with no reports"},
    {"id": "folder-only-hidden-and-pdf", "files": {"d": FOLDER_HIDDEN, "nl.txt": NL}, "args": ["compare", "d", "nl.txt"], "code": 2, "err": "folder with no reports"},
    {"id": "same-file-twice", "files": {"nl.txt": NL}, "args": ["compare", "nl.txt", "nl.txt"], "code": 2, "err": "is given twice"},
    {"id": "same-file-two-spellings", "files": {"nl.txt": NL}, "args": ["compare", "nl.txt", "./nl.txt"], "code": 2, "err": "is given twice"},
    {"id": "same-file-via-link", "files": {"nl.txt": NL, "l.txt": {"link": "nl.txt"}}, "args": ["compare", "nl.txt", "l.txt"], "code": 2, "err": "is given twice"},
    {"id": "file-and-its-folder", "files": {"d": {"dir": {"nl.txt": NL, "en.txt": EN}}}, "args": ["compare", "d", "d/nl.txt"], "code": 2, "err": "is given twice"},
    {"id": "one-report", "files": {"nl.txt": NL}, "args": ["compare", "nl.txt"], "code": 2, "err": "at least two reports"},
    {"id": "folder-of-one", "files": {"d": {"dir": {"nl.txt": NL}}}, "args": ["compare", "d"], "code": 2, "err": "at least two reports"},
    {"id": "name-with-newline", "files": {}, "args": ["extract", "evil\n\x1b[31mname.txt"], "code": 2, "err": "evil\\n\\x1b[31mname.txt: no such file"},
    # --- refused: the options -----------------------------------------------------
    {"id": "output-is-input", "files": {"nl.txt": NL, "en.txt": EN}, "args": ["compare", "nl.txt", "en.txt", "-o", "en.txt"], "code": 2, "err": "is one of the inputs"},
    {"id": "output-is-input-via-link", "files": {"nl.txt": NL, "en.txt": EN, "out.md": {"link": "en.txt"}}, "args": ["compare", "nl.txt", "en.txt", "-o", "out.md"], "code": 2, "err": "is one of the inputs"},
    {"id": "output-into-input-folder", "files": {"d": {"dir": {"nl.txt": NL, "en.txt": EN}}}, "args": ["compare", "d", "-o", "d/report.md"], "code": 2, "err": "inside the reports folder d"},
    {"id": "output-extract-onto-input", "files": {"nl.txt": NL}, "args": ["extract", "nl.txt", "--output", "nl.txt"], "code": 2, "err": "is one of the inputs"},
    {"id": "output-missing-folder", "files": {"nl.txt": NL, "en.txt": EN}, "args": ["compare", "nl.txt", "en.txt", "-o", "nope/r.md"], "code": 2, "err": "the folder nope does not exist"},
    {"id": "output-is-folder", "files": {"nl.txt": NL, "en.txt": EN, "out": {"dir": {}}}, "args": ["compare", "nl.txt", "en.txt", "-o", "out"], "code": 2, "err": "is a folder"},
    {"id": "unknown-format", "files": {"nl.txt": NL, "en.txt": EN}, "args": ["compare", "nl.txt", "en.txt", "--format", "xml"], "code": 2, "err": "--format"},
    {"id": "tolerance-too-big", "files": {"nl.txt": NL, "en.txt": EN}, "args": ["compare", "nl.txt", "en.txt", "--tolerance", "2"], "code": 2, "err": "--tolerance"},
    {"id": "tolerance-negative", "files": {"nl.txt": NL, "en.txt": EN}, "args": ["compare", "nl.txt", "en.txt", "--tolerance", "-0.5"], "code": 2, "err": "--tolerance"},
    {"id": "tolerance-nan", "files": {"nl.txt": NL, "en.txt": EN}, "args": ["compare", "nl.txt", "en.txt", "--tolerance", "nan"], "code": 2, "err": "--tolerance"},
    {"id": "tolerance-not-a-number", "files": {"nl.txt": NL, "en.txt": EN}, "args": ["compare", "nl.txt", "en.txt", "--tolerance", "veel"], "code": 2, "err": "--tolerance"},
    {"id": "unknown-lang", "files": {"nl.txt": NL, "en.txt": EN}, "args": ["compare", "nl.txt", "en.txt", "--lang", "de"], "code": 2, "err": "available: en (English), nl (Nederlands)"},
    {"id": "unknown-lang-extract", "files": {"nl.txt": NL}, "args": ["extract", "nl.txt", "--lang", "klingon"], "code": 2, "err": "no language data for 'klingon'"},
    {"id": "fail-on-unknown", "files": {"nl.txt": NL, "en.txt": EN}, "args": ["compare", "nl.txt", "en.txt", "--fail-on", "figure,typo"], "code": 2, "err": "--fail-on typo: unknown"},
    {"id": "max-bytes-zero", "files": {"nl.txt": NL}, "args": ["extract", "nl.txt", "--max-bytes", "0"], "code": 2, "err": "--max-bytes"},
    {"id": "no-reports-given", "files": {}, "args": ["compare"], "code": 2, "err": "Missing argument"},
    {"id": "unknown-option", "files": {"nl.txt": NL}, "args": ["extract", "nl.txt", "--colour"], "code": 2, "err": "No such option"},
    {"id": "unknown-command", "files": {}, "args": ["diff", "a", "b"], "code": 2, "err": "No such command"},
    # --- handled: read, with a warning where something was guessed ---------------------
    {"id": "cp1252", "files": {"a.txt": NL.replace("\n", "\r\n").encode("cp1252")}, "args": ["extract", "a.txt"], "code": 0, "err": "read it as cp1252", "out": "Oekraïne"},
    {"id": "latin-1", "files": {"a.txt": "Het café meldt 12 doden in Oekraïne, aldus de politie.\n".encode("latin-1")}, "args": ["extract", "a.txt"], "code": 0, "err": "not UTF-8", "out": "café"},
    {"id": "utf8-bom", "files": {"a.txt": b"\xef\xbb\xbf" + NL.encode()}, "args": ["extract", "a.txt"], "code": 0, "err": "", "out": "- line 1: Meer dan"},
    {"id": "crlf", "files": {"a.txt": NL.replace("\n", "\r\n")}, "args": ["extract", "a.txt"], "code": 0, "err": "", "out": "- line 3: Bij de aanval"},
    {"id": "old-mac-cr", "files": {"a.txt": NL.replace("\n", "\r")}, "args": ["extract", "a.txt"], "code": 0, "err": "", "out": "- line 3: Bij de aanval"},
    {"id": "utf16-bom", "files": {"a.txt": NL.encode("utf-16")}, "args": ["extract", "a.txt"], "code": 0, "err": "", "out": "Oekraïne"},
    {"id": "utf16-no-bom", "files": {"a.txt": NL.encode("utf-16-le")}, "args": ["extract", "a.txt"], "code": 0, "err": "", "out": "Oekraïne"},
    {"id": "mojibake", "files": {"a.txt": NL.encode("utf-8").decode("cp1252").encode("utf-8")}, "args": ["extract", "a.txt"], "code": 0, "err": "repaired mojibake", "out": "Oekraïne"},
    {"id": "no-claims-extract", "files": {"a.txt": NO_CLAIMS}, "args": ["extract", "a.txt"], "code": 0, "err": "no claims found", "out": "0 claims"},
    {"id": "german", "files": {"de.txt": GERMAN}, "args": ["extract", "de.txt"], "code": 0, "err": "language 'de' has no data", "out": "500 = 500"},
    {"id": "long-sentence", "files": {"a.txt": LONG}, "args": ["extract", "a.txt"], "code": 0, "err": "", "out": "300"},
    {"id": "no-punctuation", "files": {"a.txt": NO_PUNCT}, "args": ["extract", "a.txt"], "code": 0, "err": "", "out": "500"},
    {"id": "table-pasted", "files": {"a.txt": TABLE}, "args": ["extract", "a.txt"], "code": 0, "err": "", "out": "claims"},
    {"id": "list-pasted", "files": {"a.txt": LIST}, "args": ["extract", "a.txt"], "code": 0, "err": "", "out": "300"},
    {"id": "unbalanced-quotes", "files": {"a.txt": QUOTES}, "args": ["extract", "a.txt", "--format", "json"], "code": 0, "err": "", "out": '"claims"'},
    {"id": "bad-yaml-date", "files": {"a.txt": "---\ndate: 2022-02-30\n---\n" + NL}, "args": ["extract", "a.txt"], "code": 0, "err": "", "out": "500.000"},
    {"id": "yaml-nesting-bomb", "files": {"a.txt": "---\noutlet: " + "[" * 5000 + "\n---\n" + NL}, "args": ["extract", "a.txt"], "code": 0, "err": "", "out": "500.000"},
    {"id": "header-language-name", "files": {"a.txt": "---\nlanguage: English\n---\n" + EN}, "args": ["extract", "a.txt"], "code": 0, "err": "", "out": "(en)"},
    {"id": "lang-uppercase-region", "files": {"a.txt": NL}, "args": ["extract", "a.txt", "--lang", "NL-be"], "code": 0, "err": "", "out": "(nl)"},
    {"id": "folder-skips-hidden", "files": {"d": {"dir": {**FOLDER_HIDDEN["dir"], "nl.txt": NL, "en.txt": EN}}}, "args": ["compare", "d", "--no-cache"], "code": 0, "err": "", "out": "| nl |"},
    {"id": "no-claims-compare", "files": {"a.txt": NO_CLAIMS, "en.txt": EN}, "args": ["compare", "a.txt", "en.txt", "--no-cache"], "code": 0, "err": "no claims found", "out": "> warning: a.txt: no claims found"},
    {"id": "german-compare", "files": {"de.txt": GERMAN, "en.txt": EN}, "args": ["compare", "de.txt", "en.txt", "--no-cache", "--format", "json"], "code": 0, "err": "language 'de' has no data", "out": '"language": "de"'},
    {"id": "fail-on-figure", "files": {"nl.txt": NL, "en.txt": EN_DIFF}, "args": ["compare", "nl.txt", "en.txt", "--no-cache", "--fail-on", "figure"], "code": 1, "err": "", "out": "differ"},
]
# fmt: on


def _make(folder: Path, files: dict[str, Any]) -> None:
    for name, content in files.items():
        path = folder / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8", newline="")
        elif isinstance(content, bytes):
            path.write_bytes(content)
        elif "sparse" in content:
            with open(path, "wb") as fh:
                fh.truncate(content["sparse"])
        elif "link" in content:
            path.symlink_to(content["link"])
        elif "dir" in content:
            path.mkdir()
            _make(path, content["dir"])


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoder: encoders.Encoder) -> Path:
    """A temp folder to run in, and the real encoder (conftest's, loaded once per session)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLAIMDIFF_CACHE", str(tmp_path / ".cache"))
    monkeypatch.setattr(encoders, "get_encoder", lambda model=None, cache=True: encoder)
    return tmp_path


def _listing(folder: Path) -> dict[str, int]:
    return {
        str(p.relative_to(folder)): p.lstat().st_size
        for p in folder.rglob("*")
        if ".cache" not in p.parts
    }


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != ".cache")


def run(args: list[str]) -> Any:
    return CliRunner().invoke(app, args)


def test_the_table_is_big_enough() -> None:
    assert len(CASES) >= 30
    assert len({c["id"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any], workdir: Path) -> None:
    _make(workdir, case["files"])
    before = _listing(workdir)
    result = run(case["args"])
    assert result.exit_code == case["code"], (result.stdout, result.stderr, result.exception)
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    assert case["err"] in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    for line in result.stderr.splitlines():
        assert line.startswith(("claimdiff: error:", "claimdiff: warning:")), line
    if case["code"] == 2:
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert result.stderr.startswith("claimdiff: error: ")
        assert result.stdout == ""
        assert _listing(workdir) == before, "a refused run must not write anything"
    else:
        assert case["out"] in result.stdout, result.stdout[:2000]


def test_big_file_refused_fast_without_reading(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _make(workdir, {"big.txt": {"sparse": 27_000_000}, "en.txt": EN})
    from claimdiff.stages.load import paths

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the big file was opened")

    monkeypatch.setattr(paths, "_open_report", no_open)
    t0 = time.perf_counter()
    result = run(["compare", "big.txt", "en.txt"])
    elapsed = time.perf_counter() - t0
    assert result.exit_code == 2 and "27,000,000 bytes" in result.stderr
    assert elapsed < 0.5, elapsed


def test_permission_denied(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, who can read anything: simulate a file we may not read."""
    _make(workdir, {"secret.txt": NL})
    from claimdiff.stages.load import paths

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", "secret.txt")

    monkeypatch.setattr(paths, "_open_report", denied)
    result = run(["extract", "secret.txt"])
    assert result.exit_code == 2
    assert result.stderr == "claimdiff: error: secret.txt: cannot read it (permission denied)\n"


def test_document_records_encoding_and_offsets(workdir: Path) -> None:
    """Offsets refer to Document.text, the decoded text: also for cp1252 and mojibake."""
    from claimdiff.stages.extract import claims_of as extract_claims
    from claimdiff.stages.load import load_documents

    _make(
        workdir,
        {
            "cp.txt": NL.replace("\n", "\r\n").encode("cp1252"),
            "moj.txt": NL.encode("utf-8").decode("cp1252").encode("utf-8"),
            "bom.txt": b"\xef\xbb\xbf" + NL.replace("\n", "\r\n").encode(),
            "plain.txt": NL.replace("\n", "\r\n"),
        },
    )
    docs = {d.id: d for d in load_documents(["cp.txt", "moj.txt", "bom.txt", "plain.txt"])}
    assert docs["cp"].encoding == "cp1252" and "cp1252" in docs["cp"].text_source
    assert "mojibake repaired" in docs["moj"].text_source and docs["moj"].warnings
    assert docs["bom"].encoding == "utf-8-sig" and not docs["bom"].warnings
    assert docs["plain"].text == Path("plain.txt").read_text(encoding="utf-8")
    for d in docs.values():
        assert d.text == NL, d.id
        claims = extract_claims(d)
        assert claims
        for c in claims:
            assert d.text[c.start : c.end] == c.text
            for f in c.figures:
                assert d.text[f.start : f.end] == f.text


def test_compare_json_is_valid_and_carries_warnings(workdir: Path) -> None:
    import jsonschema

    from claimdiff.stages.render.json import schema

    _make(workdir, {"cp.txt": NL.encode("cp1252"), "en.txt": EN})
    result = run(["compare", "cp.txt", "en.txt", "--format", "json", "--no-cache"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, json.loads(schema()))
    cp = data["documents"][0]
    assert cp["encoding"] == "cp1252" and cp["warnings"]
    assert any("cp1252" in w for w in data["warnings"])


# --- no injection -------------------------------------------------------------

HOSTILE_NL = (
    "Meer dan 500 mensen <script>alert(1)</script> vluchtten naar "
    "[klik](javascript:alert(1)) en ![img](http://e.vil/p.png), aldus de | politie | `rm -rf /`.\n\n"
    "Er vielen 12 doden <!-- verborgen --> bij http://evil.example/x en www.evil.nl, "
    "meldt a@evil.nl aan @iedereen $5 en $6 ~~weg~~ **vet** <img src=x onerror=alert(1)>.\n"
)
HOSTILE_EN = (
    "More than 500 people <b>fled</b> to [x](javascript:alert(1)), police said | `code` |.\n\n"
    "At least 12 people died <iframe src=//e.vil>, officials said at https://evil.example.\n"
)
EVIL_NAME = "a`b|c<img src=x onerror=alert(1)>.txt"


def _hostile_report(workdir: Path, fmt: str = "markdown") -> str:
    _make(workdir, {"nl.txt": HOSTILE_NL, EVIL_NAME: HOSTILE_EN})
    result = run(["compare", "nl.txt", EVIL_NAME, "--no-cache", "--format", fmt])
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


def test_markdown_has_no_live_markup(workdir: Path) -> None:
    md = _hostile_report(workdir)
    assert "500" in md and "12" in md, md  # the hostile sentences are in the report
    assert "<" not in md
    assert not re.search(r"(?<!\\)\]\(", md.replace("\\\\", "")), "a link or image"
    assert "://" not in md
    # every table row has as many cells as its header
    width = None
    for line in md.splitlines():
        if line.startswith("|"):
            n = len(re.findall(r"(?<!\\)\|", line.replace("\\\\", "")))
            width = width or n
            assert n == width, line
        else:
            width = None


def test_markdown_renders_inert_on_github(workdir: Path) -> None:
    """GitHub's own renderer (cmark-gfm with its extensions) makes no tag, link or image of it."""
    cmarkgfm = pytest.importorskip("cmarkgfm")
    from cmarkgfm.cmark import Options

    md = _hostile_report(workdir)
    html = cmarkgfm.github_flavored_markdown_to_html(md, options=Options.CMARK_OPT_UNSAFE)
    for tag in ("<script", "<a ", "<img", "<iframe", "<b>", "<!--", "<del", "<em", "<strong>vet"):
        assert tag not in html, (tag, html)
    for table in re.findall(r"<table>.*?</table>", html, re.S):
        rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
        counts = {len(re.findall(r"<t[hd][ >]", r)) for r in rows}
        assert len(counts) == 1, table


def test_extract_markdown_is_inert(workdir: Path) -> None:
    _make(workdir, {"nl.txt": HOSTILE_NL})
    result = run(["extract", "nl.txt"])
    assert result.exit_code == 0
    assert "<" not in result.stdout and "://" not in result.stdout
    assert not re.search(r"(?<!\\)\]\(", result.stdout.replace("\\\\", ""))


def test_json_of_hostile_input_is_valid(workdir: Path) -> None:
    data = json.loads(_hostile_report(workdir, "json"))
    assert any("<script>" in c["text"] for c in data["claims"])  # kept as data, verbatim


# --- nothing lost: atomic output ------------------------------------------------


def test_output_written_atomically_with_usual_mode(workdir: Path) -> None:
    _make(workdir, {"nl.txt": NL})
    result = run(["extract", "nl.txt", "-o", "out.md"])
    assert result.exit_code == 0 and result.stdout == ""
    assert Path("out.md").read_text(encoding="utf-8").startswith("# nl (nl)")
    assert Path("out.md").stat().st_mode & 0o777 != 0o600
    assert _names(workdir) == ["nl.txt", "out.md"]


@pytest.mark.parametrize("where", ["fsync", "replace"])
def test_interrupted_write_leaves_old_output_and_no_temp(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    Path("out.md").write_text("old report\n")

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli.os, where, interrupt)
    with pytest.raises(KeyboardInterrupt):
        cli.write_output("new report\n" * 1000, Path("out.md"), [])
    assert Path("out.md").read_text() == "old report\n"
    assert [p.name for p in workdir.iterdir()] == ["out.md"]


def test_interrupted_run_writes_nothing(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _make(workdir, {"nl.txt": NL})
    import claimdiff.stages.render.json as json_render

    def interrupt(*args: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(json_render, "to_json", interrupt)
    result = run(["extract", "nl.txt", "--format", "json", "-o", "out.json"])
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    assert _names(workdir) == ["nl.txt"]


def test_write_error_is_one_line(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _make(workdir, {"nl.txt": NL})

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli.os, "fsync", full)
    result = run(["extract", "nl.txt", "-o", "out.md"])
    assert result.exit_code == 2
    assert result.stderr == (
        "claimdiff: error: --output out.md: cannot write it (No space left on device)\n"
    )
    assert _names(workdir) == ["nl.txt"]


# --- many reports -----------------------------------------------------------------


@pytest.mark.slow
def test_hundred_reports(workdir: Path) -> None:
    """100 small synthetic reports at once, through the real encoder."""
    folder = workdir / "reports"
    folder.mkdir()
    for i in range(100):
        lang_nl = i % 2 == 0
        text = (
            f"Bij de brand in hal {i} vielen {i + 3} gewonden, meldt de brandweer.\n\n"
            f"Volgens burgemeester De Vries kostte de schade {i + 1} miljoen euro.\n"
            if lang_nl
            else f"The fire in hall {i} injured {i + 3} people, the fire brigade said.\n\n"
            f"Mayor Smith said the damage cost {i + 1} million euros.\n"
        )
        (folder / f"r{i:03d}.txt").write_text(text, encoding="utf-8")
    t0 = time.perf_counter()
    result = run(["compare", "reports", "--no-cache", "--format", "json"])
    elapsed = time.perf_counter() - t0
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["documents"]) == 100
    assert len(data["claims"]) >= 200
    assert elapsed < 60, elapsed


@pytest.mark.parametrize(
    "module", ["claimdiff.stages.load.paths", "claimdiff.stages.render.escape", "claimdiff.cli.app"]
)
def test_docstring_examples(module: str) -> None:
    """The examples in the docstrings of the input and escaping code hold."""
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
