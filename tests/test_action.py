"""The GitHub Action's step (``action/run.sh``) and the pre-commit hook, run as a user would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

RUN_SH = ROOT / "action" / "run.sh"

DRAFT = """\
---
title: Grote brand in opslagloods Roerdal
date: 2023-05-12
language: nl
---
Bij een grote brand in een opslagloods aan de rand van Roerdal zijn donderdagavond 14 mensen gewond geraakt, meldt de brandweer.

Volgens burgemeester Anna de Vries moesten ruim 200 omwonenden hun huis verlaten vanwege de rook.

De oorzaak van de brand is nog onbekend, zei politiewoordvoerder Tom Bakker.
"""

WIRE = """\
---
outlet: Northern Wire (fictional)
date: 2023-05-12
language: en
---
A large fire at a storage warehouse on the edge of Roerdal injured 12 people on Thursday evening, the fire service said.

More than 200 residents had to leave their homes because of the smoke, mayor Anna de Vries said.
"""

POLICE = """\
---
outlet: Roerdal Police (fictional press release)
date: 2023-05-13
language: en
---
The cause of the warehouse fire in Roerdal is not yet known, police spokesman Tom Bakker said on Friday.

Officers closed the road between Roerdal and Veldhoven for six hours.
"""


@pytest.fixture
def factcheck(tmp_path: Path) -> Path:
    """A fact-check repository: a Dutch draft, two English sources; 14 injured against 12."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "drafts").mkdir()
    (repo / "sources").mkdir()
    (repo / "drafts" / "brand.md").write_text(DRAFT, encoding="utf-8")
    (repo / "sources" / "wire.txt").write_text(WIRE, encoding="utf-8")
    (repo / "sources" / "police.txt").write_text(POLICE, encoding="utf-8")
    return repo


def run_action(
    repo: Path, tmp_path: Path, **env: str
) -> tuple[subprocess.CompletedProcess[str], str]:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")
    environ = {
        **os.environ,
        # the venv's claimdiff, whichever way the tests were started
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "CLAIMDIFF_CACHE": str(tmp_path / "cache"),
        "GITHUB_STEP_SUMMARY": str(summary),
        **env,
    }
    for unset in ("CLAIMDIFF_FAIL_ON", "CLAIMDIFF_BASELINE"):
        if unset not in env:
            environ.pop(unset, None)
    proc = subprocess.run(
        [bash, str(RUN_SH)], cwd=repo, env=environ, capture_output=True, text=True, timeout=120
    )
    return proc, summary.read_text(encoding="utf-8")


def test_action_annotates_the_conflict_and_fails(factcheck: Path, tmp_path: Path) -> None:
    proc, summary = run_action(
        factcheck,
        tmp_path,
        CLAIMDIFF_DRAFTS="drafts/*.md",  # as the action passes it: unexpanded
        CLAIMDIFF_SOURCES="sources/",
        CLAIMDIFF_FAIL_ON="figure,attribution",
    )
    assert proc.returncode == 1, proc.stderr
    errors = [ln for ln in proc.stdout.splitlines() if ln.startswith("::error ")]
    assert len(errors) == 1, proc.stdout
    assert errors[0].startswith("::error file=drafts/brand.md,line=6,endLine=6,col=1,")
    assert "title=claimdiff%3A figure conflict::" in errors[0]
    assert "14" in errors[0] and "12" in errors[0] and "wire.txt:6" in errors[0]
    # the step summary: the Markdown report, appended
    assert summary.startswith("# claimdiff check: `brand.md`")
    assert "1 figure conflict," in summary
    assert "| ❌ | `brand.md:6:1` | figure |" in summary


def test_action_passes_when_no_finding_fails_the_run(factcheck: Path, tmp_path: Path) -> None:
    # every claim of the draft is in a source: nothing unsupported; the figure
    # conflict is still shown, as a warning
    proc, summary = run_action(
        factcheck,
        tmp_path,
        CLAIMDIFF_DRAFTS="drafts/brand.md",
        CLAIMDIFF_SOURCES="sources/",
        CLAIMDIFF_FAIL_ON="unsupported",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "::error " not in proc.stdout
    assert proc.stdout.startswith("::warning file=drafts/brand.md,line=6,")
    assert "0 unsupported" in summary and "| ⚠️ | `brand.md:6:1` | figure |" in summary


def test_action_with_space_separated_sources(factcheck: Path, tmp_path: Path) -> None:
    proc, _ = run_action(
        factcheck,
        tmp_path,
        CLAIMDIFF_DRAFTS="drafts/brand.md",
        CLAIMDIFF_SOURCES="sources/wire.txt sources/police.txt",
        CLAIMDIFF_FAIL_ON="unsupported",
    )
    assert "file=sources/" not in proc.stdout  # no source is checked as a draft
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_action_errors_exit_2_without_summary(factcheck: Path, tmp_path: Path) -> None:
    proc, summary = run_action(
        factcheck, tmp_path, CLAIMDIFF_DRAFTS="drafts/brand.md", CLAIMDIFF_SOURCES=""
    )
    assert proc.returncode == 2
    assert "claimdiff: error: no sources" in proc.stderr
    assert summary == ""


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and hooks
    (hook,) = [h for h in hooks if h["id"] == "claimdiff-check"]
    assert hook["entry"] == "claimdiff check"
    assert hook["language"] == "python"
    assert {"id", "name", "entry", "language"} <= hook.keys()
