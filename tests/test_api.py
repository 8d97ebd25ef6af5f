"""The Python API as a user calls it: ``import claimdiff``, any number of calls, in any order."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT, UKRAINE

WIRE = sorted(UKRAINE.glob("*.txt"))


def test_the_readme_example_runs() -> None:
    """The Python example of README.md, word for word, in a fresh process."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```python\n", 1)[1].split("```", 1)[0]
    code = block.replace('["a.txt", "b.txt"]', repr([str(p) for p in WIRE])).replace(
        '"a.txt"', repr(str(WIRE[0]))
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]


def test_compare_extract_compare_check_in_one_process(encoder) -> None:  # type: ignore[no-untyped-def]
    import claimdiff

    first = claimdiff.compare(WIRE, encoder=encoder)
    claims = claimdiff.extract(WIRE[0]).claims
    second = claimdiff.compare(WIRE, encoder=encoder)
    checked = claimdiff.check(WIRE[1], [WIRE[0]], encoder=encoder)
    assert callable(claimdiff.compare) and callable(claimdiff.extract)  # nothing shadowed them
    assert first == second
    assert [c.id for c in claims] == [c.id for c in first.claims if c.doc == "seed_nl"]
    assert isinstance(checked, claimdiff.CheckReport) and checked.findings
    assert {f.kind for f in checked.findings} >= {"figure", "attribution"}


def test_read_text_and_settings_are_exported() -> None:
    import claimdiff

    doc = claimdiff.read_text("Ruim 2.300 inwoners zijn geëvacueerd.", id="nos", lang="nl")
    assert (doc.id, doc.language, doc.language_from, doc.path) == ("nos", "nl", "option", "nos")
    report = claimdiff.extract(doc, claimdiff.Settings(tolerance=0.2))
    ((fig,),) = [c.figures for c in report.claims]
    assert (fig.value, fig.qualifier) == (2300, "more_than")
    assert report.settings.tolerance == 0.2
    assert sorted(claimdiff.__all__) == sorted(
        [
            "CheckReport",
            "Document",
            "Report",
            "Settings",
            "__version__",
            "check",
            "compare",
            "extract",
            "read_text",
        ]
    )


def test_keyword_options_are_settings_and_are_checked() -> None:
    import claimdiff
    from claimdiff.errors import InputError

    doc = claimdiff.read_text("Meer dan 500.000 mensen zijn gevlucht.", id="a", lang="nl")
    assert claimdiff.extract(doc, tolerance=0.3).settings.tolerance == 0.3
    with pytest.raises(InputError, match="option tolerance"):
        claimdiff.extract(doc, tolerance=3)
    with pytest.raises(InputError, match="option colour"):
        claimdiff.extract(doc, colour="red")


def test_the_json_report_round_trips(encoder, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``Report.model_validate_json`` on ``claimdiff compare --format json`` gives back the
    report the API returns, warnings and document texts included."""
    import claimdiff
    from claimdiff.cli import app
    from claimdiff.models import Report

    monkeypatch.setattr(
        "claimdiff.stages.align.encoders.get_encoder", lambda model=None, cache=True: encoder
    )
    result = CliRunner().invoke(app, ["compare", *map(str, WIRE), "--format", "json"])
    assert result.exit_code == 0, result.output
    from_cli = Report.model_validate_json(result.stdout)
    from_api = claimdiff.compare(WIRE, encoder=encoder)
    assert from_cli.model_dump(exclude={"version"}) == from_api.model_dump(exclude={"version"})
    assert from_cli == from_api
    for d in from_cli.documents:
        assert d.text == (UKRAINE / f"{d.id}.txt").read_text(encoding="utf-8")


def test_warnings_are_the_same_through_the_api_and_the_cli(tmp_path, encoder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import claimdiff
    from claimdiff.cli import app

    (tmp_path / "empty.txt").write_text("Een zin zonder cijfers of bronnen.\n", encoding="utf-8")
    files = [str(tmp_path / "empty.txt"), str(WIRE[1])]
    monkeypatch.setattr(
        "claimdiff.stages.align.encoders.get_encoder", lambda model=None, cache=True: encoder
    )
    api = claimdiff.compare(files, encoder=encoder)
    result = CliRunner().invoke(app, ["compare", *files, "--format", "json"])
    assert any("no claims found" in w for w in api.warnings)
    assert json.loads(result.stdout)["warnings"] == api.warnings
    assert all(f"claimdiff: warning: {w}" in result.stderr for w in api.warnings)


def test_weights_fitted_for_another_encoder_warn(encoder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import claimdiff

    weights = tmp_path / "w.json"
    weights.write_text(json.dumps({"encoder": "st:/models/e5", "weights": {"threshold": 0.3}}))
    report = claimdiff.compare(WIRE, encoder=encoder, weights=str(weights))
    (warning,) = [w for w in report.warnings if "fitted for the encoder" in w]
    assert "'st:/models/e5'" in warning and "'use-m3'" in warning
    assert not [w for w in claimdiff.compare(WIRE, encoder=encoder).warnings if "fitted" in w]


@pytest.mark.parametrize(
    ("weights", "says"),
    [
        ({"threshold": 2}, "threshold = 2 is out of range"),
        ({"cosine": -1}, "cosine = -1 is out of range"),
        ({"kind_clash": 1}, "kind_clash = 1 is out of range"),
        ({"cosine": True}, "cosine is True; give a number"),
        ({"cosine": "high"}, "cosine is 'high'; give a number"),
        ({"colour": 1}, "unknown weights ['colour']"),
    ],
)
def test_nonsensical_weights_are_refused(tmp_path, weights, says) -> None:  # type: ignore[no-untyped-def]
    from claimdiff.errors import InputError
    from claimdiff.stages.align.weights import load_weights

    path = tmp_path / "w.json"
    path.write_text(json.dumps({"weights": weights}))
    with pytest.raises(InputError, match="--weights") as e:
        load_weights(path)
    assert says in str(e.value)
    path.write_text('{"weights": {"cosine": 1e999}}')
    with pytest.raises(InputError, match="out of range"):
        load_weights(path)
