"""``claimdiff compare``, ``extract`` and ``schema``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimdiff.cli.app import app, fail, progress, warn
from claimdiff.cli.options import (
    ExtractFormat,
    FollowOpt,
    Format,
    LangOpt,
    MaxBytesOpt,
    ModelOpt,
    NoCacheOpt,
    OutputOpt,
    ToleranceOpt,
    WeightsOpt,
    overrides,
    parse_kinds,
)
from claimdiff.cli.output import check_output, write_output
from claimdiff.errors import ClaimdiffError, UsageError


def side_files(origin: dict[str, str], settings: object) -> list[Path]:
    """The files a run reads besides its reports: the configuration, the weights, the baseline."""
    out = {Path(where) for where in origin.values() if where not in ("default", "command line")}
    for name in ("weights", "baseline"):
        value = getattr(settings, name, None)
        if value:
            out.add(Path(value))
    return sorted(out)


@app.command()
def compare(
    reports: Annotated[
        list[Path], typer.Argument(help="Two or more reports (.txt, .md), or folders of them.")
    ],
    format: Annotated[
        Format, typer.Option("--format", "-f", help="markdown, json, or diff (two reports).")
    ] = Format.markdown,
    output: OutputOpt = None,
    lang: LangOpt = None,
    model: ModelOpt = None,
    tolerance: ToleranceOpt = None,
    no_cache: NoCacheOpt = False,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on", help="Exit 1 when differences of these kinds exist: figure,attribution."
        ),
    ] = None,
    weights: WeightsOpt = None,
    max_bytes: MaxBytesOpt = None,
    follow_symlinks: FollowOpt = False,
) -> None:
    """Compare reports of one event; print the Markdown (JSON, diff) report."""
    from claimdiff.api import compare as run_compare
    from claimdiff.ci.config import effective
    from claimdiff.models import ConflictKind, kinds_of
    from claimdiff.stages.render import render

    try:
        kinds = set(parse_kinds(fail_on, kinds_of(ConflictKind)) or [])
        flags = overrides(
            lang=lang,
            model=model,
            tolerance=tolerance,
            no_cache=no_cache,
            weights=weights,
            max_bytes=max_bytes,
            follow_symlinks=follow_symlinks,
        )
        settings, origin = effective(reports[0] if reports else Path.cwd(), flags)
        inputs = [*reports, *side_files(origin, settings)]
        check_output(output, inputs)
        with progress("comparing reports"):
            report = run_compare(reports, settings)
        if format is Format.diff and len(report.documents) != 2:
            raise UsageError("--format diff compares exactly two reports")
        for w in report.warnings:
            warn(w)
        write_output(render(report, format.value), output, inputs)
    except ClaimdiffError as e:
        fail(str(e))
    found = {d.kind for g in report.groups for d in g.differences}
    if kinds & found:
        raise typer.Exit(1)


@app.command()
def extract(
    report: Annotated[Path, typer.Argument(help="One report (.txt or .md).")],
    format: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="markdown or json.")
    ] = ExtractFormat.markdown,
    output: OutputOpt = None,
    lang: LangOpt = None,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """List the claims of one report: figures and who said them."""
    from claimdiff.api import extract as run_extract
    from claimdiff.ci.config import effective

    try:
        if report.is_dir():
            raise UsageError(
                f"{report}: is a folder; extract reads one report (compare reads folders)"
            )
        settings, origin = effective(report, overrides(lang=lang, max_bytes=max_bytes))
        inputs = [report, *side_files(origin, settings)]
        check_output(output, inputs)
        result = run_extract(report, settings)
        for w in result.warnings:
            warn(w)
        if format is ExtractFormat.json:
            from claimdiff.stages.render.json import to_json

            text = to_json(result)
        else:
            from claimdiff.stages.render.claims import to_claims_markdown

            text = to_claims_markdown(result)
        write_output(text, output, inputs)
    except ClaimdiffError as e:
        fail(str(e))


@app.command()
def schema(output: OutputOpt = None) -> None:
    """Print the JSON Schema of the JSON report."""
    from claimdiff.stages.render.json import schema as report_schema

    try:
        write_output(report_schema(), output, [])
    except ClaimdiffError as e:
        fail(str(e))
