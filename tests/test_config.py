"""Settings: defaults < claimdiff.toml / [tool.claimdiff] < command-line flags; ``claimdiff config``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimdiff.ci.config import effective
from claimdiff.cli.app import app
from tests.conftest import UKRAINE
from tests.test_check import shared_encoder  # noqa: F401  (fixture: one encoder for all runs)

runner = CliRunner()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fact-check repository: the bundled event as a draft and a source folder."""
    (tmp_path / ".git").mkdir()  # the search for a configuration stops here
    (tmp_path / "drafts").mkdir()
    (tmp_path / "sources").mkdir()
    shutil.copy(UKRAINE / "wire_en.txt", tmp_path / "drafts" / "wire.md")
    shutil.copy(UKRAINE / "seed_nl.txt", tmp_path / "sources" / "seed_nl.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def config_lines(*args: str) -> dict[str, tuple[str, str]]:
    """``claimdiff config`` as {setting: (value, origin)}."""
    r = runner.invoke(app, ["config", *args])
    assert r.exit_code == 0, r.output
    out = {}
    for line in r.stdout.splitlines():
        name, _, rest = line.partition("=")
        value, _, origin = rest.rpartition("#")
        out[name.strip()] = (value.strip(), origin.strip())
    return out


def check(*args: str) -> Any:
    return runner.invoke(app, ["check", *args])


def test_config_prints_every_setting_with_its_origin(repo: Path) -> None:
    toml = write(repo / "claimdiff.toml", 'tolerance = 0.2\nfail-on = ["figure"]\n')
    lines = config_lines()
    assert lines["tolerance"] == ("0.2", str(toml))
    assert lines["fail-on"] == ('["figure"]', str(toml))
    assert lines["model"] == ('"use-m3"', "default")
    assert lines["lang"] == ("(not set)", "default")
    # every field of Settings, and nothing else
    from claimdiff.models import Settings

    assert set(lines) == {name.replace("_", "-") for name in Settings.model_fields}
    assert {"weights", "follow-symlinks", "baseline"} <= set(lines)


def test_pyproject_tool_table_is_read_and_claimdiff_toml_wins(repo: Path) -> None:
    py = write(
        repo / "pyproject.toml", '[project]\nname = "x"\n[tool.claimdiff]\ntolerance = 0.3\n'
    )
    assert config_lines()["tolerance"] == ("0.3", str(py))
    toml = write(repo / "claimdiff.toml", "tolerance = 0.25\n")
    assert config_lines()["tolerance"] == ("0.25", str(toml))
    # a pyproject.toml without [tool.claimdiff] is no configuration
    (repo / "claimdiff.toml").unlink()
    write(repo / "pyproject.toml", '[project]\nname = "x"\n')
    assert config_lines()["tolerance"] == ("0.1", "default")


def test_command_line_overrides_configuration(repo: Path) -> None:
    write(repo / "claimdiff.toml", "tolerance = 0.2\n")
    settings, origin = effective(repo, {"tolerance": 0.05, "model": None})
    assert (settings.tolerance, origin["tolerance"]) == (0.05, "command line")
    assert origin["model"] == "default"  # a flag not given does not override


def test_precedence_decides_the_exit_code(repo: Path) -> None:
    args = ["drafts/wire.md", "--against", "sources/"]
    # default fail-on (figure, attribution): the wrong speaker of the quote fails
    assert check(*args).exit_code == 1
    # the configuration asks only for unsupported claims (there are none): passes
    write(repo / "claimdiff.toml", 'fail-on = ["unsupported"]\n')
    assert check(*args).exit_code == 0
    # the command line asks for attribution conflicts again: fails
    assert check(*args, "--fail-on", "attribution").exit_code == 1


@pytest.mark.parametrize(
    ("toml", "says"),
    [
        ("colour = true\n", "unknown setting 'colour'"),
        ('tolerance = "high"\n', "tolerance has the wrong type (str); expected a number"),
        ("max-bytes = true\n", "max-bytes has the wrong type (bool)"),
        ('fail-on = "figure"\n', "fail-on has the wrong type (str); expected a list of strings"),
        ("drafts = [1]\n", "drafts has the wrong type (list of int); expected a list of strings"),
        ('fail-on = ["figures"]\n', "fail-on ['figures']: unknown"),
        ("tolerance = 5\n", "tolerance 5: give a number from 0 to 1"),
        ("tolerance = \n", "cannot read the configuration"),
        ('lang = "klingon"\n', "lang: no language data for 'klingon'"),
    ],
)
def test_bad_configuration_exits_2_with_one_line(repo: Path, toml: str, says: str) -> None:
    path = write(repo / "claimdiff.toml", toml)
    for args in (["config"], ["check"]):
        r = runner.invoke(app, args)
        assert r.exit_code == 2, r.output
        lines = r.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"claimdiff: error: {path}: "), r.stderr
        assert says in lines[0]


def test_check_without_arguments_uses_drafts_and_sources_from_config(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(repo / "drafts" / "notes.txt", "Not a draft: the glob names .md files only.\n")
    write(repo / "claimdiff.toml", 'drafts = ["drafts/*.md"]\nsources = ["sources/"]\n')
    r = check("--format", "json")
    assert r.exit_code == 1, r.output
    (c,) = json.loads(r.stdout)["checks"]
    # paths relative to the repository, as GitHub's annotations need them
    assert c["draft"]["path"] == "drafts/wire.md"
    assert [s["path"] for s in c["sources"]] == ["sources/seed_nl.txt"]
    assert c["findings"][0]["source"]["path"] == "sources/seed_nl.txt"
    # the globs are relative to the configuration file, not to the working directory
    monkeypatch.chdir(repo / "drafts")
    r2 = check("--format", "json")
    assert r2.exit_code == 1, r2.output
    (c2,) = json.loads(r2.stdout)["checks"]
    assert c2["draft"]["path"] == "wire.md"
    assert [f["key"] for f in c2["findings"]] == [f["key"] for f in c["findings"]]


def test_no_drafts_and_no_configuration_exits_2(repo: Path) -> None:
    r = check()
    assert r.exit_code == 2
    assert r.stderr.startswith("claimdiff: error: no draft to check")


def test_baseline_from_config_is_relative_to_the_config_file(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        repo / "claimdiff.toml",
        'drafts = ["drafts/*.md"]\nsources = ["sources/"]\nbaseline = "claimdiff-baseline.json"\n',
    )
    # the configured baseline does not exist yet: writing it is how one starts
    r = check("--write-baseline", "claimdiff-baseline.json")
    assert r.exit_code == 0, r.output
    assert (repo / "claimdiff-baseline.json").is_file()
    assert check().exit_code == 0  # every finding is accepted now
    monkeypatch.chdir(repo / "drafts")
    r = check("--format", "json")
    assert r.exit_code == 0, r.output
    assert all(f["baselined"] for c in json.loads(r.stdout)["checks"] for f in c["findings"])
    # a configured baseline that is missing is an empty baseline, with a notice
    (repo / "claimdiff-baseline.json").unlink()
    r = check()
    assert r.exit_code == 1, r.output
    assert "claimdiff-baseline.json does not exist yet: no finding is accepted" in r.stderr
    # named on the command line, a missing baseline is an error
    r = check("--baseline", "no-such-baseline.json")
    assert r.exit_code == 2 and "no-such-baseline.json: no such file" in r.stderr
