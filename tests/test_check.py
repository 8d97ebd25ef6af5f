"""``claimdiff check``: exit codes, the machine formats (golden files), escaping, baselines.

The golden files in ``tests/golden/`` are the exact output for the bundled
fixtures, run from the repository root with relative paths. After an intended
change of a format, regenerate them and review the diff:

    CLAIMDIFF_UPDATE_GOLDEN=1 python -m pytest tests/test_check.py
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimdiff import __version__
from claimdiff.cli.app import app
from claimdiff.models import SCHEMA_VERSION, CheckReport, DocumentInfo, Finding, Location
from claimdiff.stages.render.findings import to_github
from tests.conftest import ROOT, UKRAINE

runner = CliRunner()
GOLDEN = Path(__file__).resolve().parent / "golden"
DRAFT = "fixtures/ukraine-talks/wire_en.txt"
SOURCE = "fixtures/ukraine-talks/seed_nl.txt"


@pytest.fixture(autouse=True)
def shared_encoder(encoder: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ``claimdiff check`` in-process uses the session's encoder: the same model,
    loaded once (the CLI would load its weights on every run)."""
    monkeypatch.setattr(
        "claimdiff.stages.align.encoders.get_encoder", lambda model=None, cache=True: encoder
    )


def run(*args: str) -> Any:
    return runner.invoke(app, list(args))


def assert_golden(name: str, text: str) -> None:
    """Compare with ``tests/golden/NAME``; CLAIMDIFF_UPDATE_GOLDEN=1 rewrites the file.

    The version is left out, so that a release does not change the golden files.
    """
    text = text.replace(f'"version": "{__version__}"', '"version": "<version>"')
    path = GOLDEN / name
    if os.environ.get("CLAIMDIFF_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.is_file(), f"{path} is missing: run with CLAIMDIFF_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the golden file"


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the repository root, so that the paths in the output are relative and stable."""
    monkeypatch.chdir(ROOT)


@pytest.fixture
def event(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled event in a folder of its own (``.git`` stops the config search)."""
    (tmp_path / ".git").mkdir()
    # the wire as a draft, with one more sentence that no source states
    draft = (UKRAINE / "wire_en.txt").read_text(encoding="utf-8")
    draft += (
        "\nTalks will resume in Geneva next week with 12 delegates on each side, officials said.\n"
    )
    (tmp_path / "draft.txt").write_text(draft, encoding="utf-8")
    shutil.copy(UKRAINE / "seed_nl.txt", tmp_path / "source.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def findings(stdout: str) -> list[dict[str, Any]]:
    return [f for c in json.loads(stdout)["checks"] for f in c["findings"]]


# -- exit codes ---------------------------------------------------------------


def test_findings_of_a_fail_on_kind_exit_1(event: Path) -> None:
    r = run("check", "draft.txt", "--against", "source.txt", "--format", "json")
    assert r.exit_code == 1, r.output
    kinds = {f["kind"] for f in findings(r.stdout)}
    assert "attribution" in kinds  # the quote pinned on Podolyak instead of Zelensky
    # unsupported is reported, but does not fail by default
    r = run("check", "draft.txt", "-a", "source.txt", "--fail-on", "unsupported")
    assert r.exit_code == 1


def test_no_finding_of_the_fail_on_kinds_exits_0(event: Path) -> None:
    # without the sentence that states 406 deaths, the draft has no figure conflict
    draft = event / "draft.txt"
    text = draft.read_text(encoding="utf-8")
    draft.write_text(
        text.replace("The UN human rights office said at least 406 civilians had been killed.", ""),
        encoding="utf-8",
    )
    r = run("check", "draft.txt", "-a", "source.txt", "--fail-on", "figure", "--format", "json")
    assert r.exit_code == 0, r.output
    assert findings(r.stdout)  # the findings are still printed
    assert not [f for f in findings(r.stdout) if f["kind"] == "figure"]


def test_a_draft_its_source_confirms_is_clean(event: Path) -> None:
    shutil.copy(event / "draft.txt", event / "copy.txt")
    r = run("check", "draft.txt", "-a", "copy.txt", "--fail-on", "figure,attribution,unsupported")
    assert r.exit_code == 0, r.output
    assert "Nothing to report." in r.stdout


def test_a_draft_inside_its_sources_folder_is_not_its_own_source(event: Path) -> None:
    r = run("check", "draft.txt", "--against", ".", "--format", "json")
    assert r.exit_code == 1, r.output
    sources = [s["path"] for c in json.loads(r.stdout)["checks"] for s in c["sources"]]
    assert sources == ["source.txt"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["draft.txt"], "no sources: give --against"),
        (["draft.txt", "-a", "source.txt", "--fail-on", "figure,typo"], "--fail-on typo: unknown"),
        (["draft.txt", "-a", "source.txt", "--format", "xml"], "xml"),
        (["missing.txt", "-a", "source.txt"], "missing.txt"),
        (["draft.txt", "-a", "source.txt", "--baseline", "none.json"], "none.json: no such file"),
        (["drafts/*.md", "-a", "source.txt"], "drafts/*.md: matches no file"),
    ],
)
def test_usage_and_input_errors_exit_2_with_one_line(
    event: Path, args: list[str], says: str
) -> None:
    r = run("check", *args)
    assert r.exit_code == 2, r.output
    assert r.stdout == ""
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimdiff: error: "), r.stderr
    assert says in lines[0]


# -- formats ------------------------------------------------------------------


def test_github_format_golden(at_root: None) -> None:
    r = run("check", DRAFT, "--against", SOURCE, "--format", "github")
    assert r.exit_code == 1
    assert_golden("check.github.txt", r.stdout)
    first = r.stdout.splitlines()[0]
    assert first.startswith(f"::error file={DRAFT},line=9,")
    assert ",col=117," in first and "title=claimdiff%3A attribution conflict::" in first
    second = r.stdout.splitlines()[1]
    assert second.startswith(f"::error file={DRAFT},line=13,") and "figure conflict::" in second
    # a kind that does not fail the run is a warning, not an error
    r = run("check", DRAFT, "--against", SOURCE, "--format", "github", "--fail-on", "figure")
    assert r.stdout.splitlines()[0].startswith(f"::warning file={DRAFT},line=9,")


def test_json_format_golden(at_root: None) -> None:
    r = run("check", DRAFT, "--against", SOURCE, "--format", "json")
    assert_golden("check.json", r.stdout)
    data = json.loads(r.stdout)
    assert data["schema_version"] == SCHEMA_VERSION == "2.0"
    (check,) = data["checks"]
    assert check["draft"]["path"] == DRAFT and [s["path"] for s in check["sources"]] == [SOURCE]
    f = check["findings"][0]
    assert (f["kind"], f["draft"]["line"], f["draft"]["column"]) == ("attribution", 9, 117)
    assert (f["source"]["path"], f["source"]["line"]) == (SOURCE, 3)
    # the draft's location points at the claim's text in the file
    lines = (ROOT / DRAFT).read_text(encoding="utf-8").splitlines()
    start = f["draft"]["column"] - 1
    assert lines[8][start : f["draft"]["end_column"] - 1] == f["draft"]["text"]


def validate_sarif(doc: dict[str, Any]) -> None:
    """The parts of SARIF 2.1.0 that GitHub code scanning needs."""
    assert doc["version"] == "2.1.0"
    assert "sarif-2.1.0" in doc["$schema"]
    (sarif_run,) = doc["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "claimdiff"
    rule_ids = [rule["id"] for rule in driver["rules"]]
    for res in sarif_run["results"]:
        assert res["ruleId"] in rule_ids
        assert rule_ids[res["ruleIndex"]] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note", "none")
        assert isinstance(res["message"]["text"], str) and res["message"]["text"]
        (loc,) = res["locations"]
        phys = loc["physicalLocation"]
        assert isinstance(phys["artifactLocation"]["uri"], str)
        region = phys["region"]
        assert isinstance(region["startLine"], int) and region["startLine"] >= 1
        assert isinstance(region["startColumn"], int) and region["startColumn"] >= 1
        assert region["endLine"] >= region["startLine"]


def test_sarif_format_golden(at_root: None) -> None:
    r = run("check", DRAFT, "--against", SOURCE, "--format", "sarif")
    assert r.exit_code == 1
    assert_golden("check.sarif.json", r.stdout)
    doc = json.loads(r.stdout)
    validate_sarif(doc)
    results = doc["runs"][0]["results"]
    assert [(x["ruleId"], x["level"]) for x in results] == [
        ("claimdiff/attribution", "error"),  # the quote pinned on Podolyak
        ("claimdiff/figure", "error"),  # at least 406 against 352
        ("claimdiff/attribution", "error"),  # UN human rights office against Grandi
    ]
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (9, 117)
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == DRAFT


def test_markdown_format_names_draft_and_source_lines(at_root: None) -> None:
    r = run("check", DRAFT, "--against", SOURCE)
    assert r.exit_code == 1
    assert r.stdout.startswith("# claimdiff check: `wire\\_en.txt`")
    # 352 against "at least 406" (figure and source), and the quote pinned on Podolyak
    assert "9 claims checked against 1 source: 1 figure conflict, 2 attribution conflicts" in (
        r.stdout
    )
    assert "`wire\\_en.txt:9:117`" in r.stdout and "`seed\\_nl.txt:3`" in r.stdout
    assert "`wire\\_en.txt:13:" in r.stdout and "`seed\\_nl.txt:9`" in r.stdout


def _finding(message: str, path: str) -> CheckReport:
    loc = Location(path=path, line=3, column=5, end_line=4, end_column=2, claim="d:1", text="x")
    doc = DocumentInfo(id="d", path=path, language="en")
    f = Finding(kind="figure", rule="no_overlap", message=message, draft=loc, key="k")
    return CheckReport(draft=doc, sources=[], claims=1, findings=[f])


def test_github_escapes_message_and_properties() -> None:
    report = _finding("50% more\r\nthan: 1,000", "drafts/a:b,c.md")
    out = to_github(report, {"figure"})
    assert out == (
        "::error file=drafts/a%3Ab%2Cc.md,line=3,endLine=4,col=5,"
        "title=claimdiff%3A figure conflict::50%25 more%0D%0Athan: 1,000\n"
    )
    # one workflow command per finding: nothing in the message can start another line
    assert out.count("\n") == 1
    assert to_github(report, set()).startswith("::warning ")
    report.findings[0].baselined = True
    assert to_github(report, {"figure"}).startswith("::notice ")


# -- baselines ----------------------------------------------------------------


@pytest.fixture
def baselined(event: Path) -> Iterator[Path]:
    r = run("check", "draft.txt", "-a", "source.txt", "--write-baseline", "baseline.json")
    assert r.exit_code == 0, r.output  # the findings written are accepted
    assert (
        "baseline.json: 4 finding(s) accepted" in r.stderr
    )  # 2 attribution, 1 figure, 1 unsupported
    yield event / "baseline.json"


def check_with_baseline() -> Any:
    return run(
        "check", "draft.txt", "-a", "source.txt", "--baseline", "baseline.json", "-f", "json"
    )


def test_baseline_round_trip(baselined: Path) -> None:
    written = json.loads(baselined.read_text(encoding="utf-8"))
    assert written["claimdiff_baseline"] == 1
    r = check_with_baseline()
    assert r.exit_code == 0, r.output
    found = findings(r.stdout)
    assert found and all(f["baselined"] for f in found)
    assert sorted(a["key"] for a in written["accepted"]) == sorted(f["key"] for f in found)
    # markdown: accepted findings are counted, not listed
    md = run("check", "draft.txt", "-a", "source.txt", "--baseline", "baseline.json")
    assert md.exit_code == 0 and "accepted in the baseline" in md.stdout


def test_baseline_survives_edits_elsewhere(baselined: Path) -> None:
    draft = baselined.parent / "draft.txt"
    before = findings(check_with_baseline().stdout)
    text = draft.read_text(encoding="utf-8")
    head, sep, body = text.partition("---\n")[2].partition("---\n")
    edited = f"---\n{head}{sep}This is a developing story and will be updated.\n\n{body}"
    draft.write_text(edited, encoding="utf-8")
    r = check_with_baseline()
    assert r.exit_code == 0, r.output
    after = findings(r.stdout)
    assert all(f["baselined"] for f in after)
    attribution = [f for f in after if f["kind"] == "attribution"]
    assert attribution and attribution[0]["draft"]["line"] == before[0]["draft"]["line"] + 2


def test_rewording_the_claim_makes_the_finding_new(baselined: Path) -> None:
    draft = baselined.parent / "draft.txt"
    text = draft.read_text(encoding="utf-8")
    reworded = text.replace("told reporters", "told journalists")
    assert reworded != text
    draft.write_text(reworded, encoding="utf-8")
    r = check_with_baseline()
    assert r.exit_code == 1, r.output
    new = [f for f in findings(r.stdout) if not f["baselined"]]
    assert [f["kind"] for f in new] == ["attribution"]
    assert "told journalists" in new[0]["draft"]["text"]
