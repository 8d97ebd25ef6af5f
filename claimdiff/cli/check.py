"""The CI commands: ``check`` (drafts against their sources), ``config`` and ``eval``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimdiff.cli.app import app, fail, notice, progress, warn
from claimdiff.cli.compare import side_files
from claimdiff.cli.options import (
    CheckFormat,
    FollowOpt,
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

if TYPE_CHECKING:
    from claimdiff.models import CheckReport


@app.command()
def check(
    drafts: Annotated[
        list[Path] | None,
        typer.Argument(help="Draft(s) to check; default: `drafts` from the configuration."),
    ] = None,
    against: Annotated[
        list[Path] | None,
        typer.Option(
            "--against",
            "-a",
            help="A source report or folder; repeat for more (-a a.txt -a b.txt); "
            "default: `sources` from the configuration.",
        ),
    ] = None,
    format: Annotated[
        CheckFormat,
        typer.Option("--format", "-f", help="markdown, json, github (annotations) or sarif."),
    ] = CheckFormat.markdown,
    output: OutputOpt = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 on findings of these kinds (figure,attribution,unsupported); "
            "default figure,attribution.",
        ),
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Accepted findings that do not fail the run.")
    ] = None,
    no_baseline: Annotated[
        bool, typer.Option("--no-baseline", help="Ignore the baseline named in the configuration.")
    ] = False,
    write_baseline: Annotated[
        Path | None,
        typer.Option("--write-baseline", help="Write every current finding to this baseline file."),
    ] = None,
    lang: LangOpt = None,
    model: ModelOpt = None,
    tolerance: ToleranceOpt = None,
    no_cache: NoCacheOpt = False,
    weights: WeightsOpt = None,
    max_bytes: MaxBytesOpt = None,
    follow_symlinks: FollowOpt = False,
) -> None:
    """Check drafts against their sources: figures and quotes the sources contradict.

    Exit codes: 0 no finding of a --fail-on kind (or all of them in the baseline, or
    --write-baseline given: the findings written are accepted), 1 such findings, 2 errors.
    """
    from claimdiff.ci.baseline import baseline_text
    from claimdiff.ci.config import effective
    from claimdiff.ci.run import CheckRequest, run_checks
    from claimdiff.models import FindingKind, kinds_of

    try:
        if baseline is not None and no_baseline:
            raise UsageError("--baseline and --no-baseline contradict each other; give one")
        flags = overrides(
            lang=lang,
            model=model,
            tolerance=tolerance,
            no_cache=no_cache,
            weights=weights,
            max_bytes=max_bytes,
            follow_symlinks=follow_symlinks,
            fail_on=parse_kinds(fail_on, kinds_of(FindingKind)),
        )
        settings, origin = effective(drafts[0] if drafts else Path.cwd(), flags)
        request = CheckRequest(
            settings, origin, list(drafts or []), list(against or []), baseline, no_baseline
        )
        from claimdiff.ci.run import resolve

        draft_files, source_files, base_path, _ = resolve(request)
        inputs = [*draft_files, *source_files, *(against or []), *side_files(origin, settings)]
        if base_path is not None:
            inputs.append(base_path)
        check_output(output, inputs, others=[("--write-baseline", write_baseline)])
        check_output(write_baseline, [p for p in inputs if p != base_path], "--write-baseline")
        with progress("checking drafts"):
            outcome = run_checks(request, writing_baseline=write_baseline is not None)
        for n in outcome.notices:
            notice(n)
        for r in outcome.reports:
            for w in r.warnings:
                warn(w)
        kinds: set[str] = set(settings.fail_on)
        write_output(_render(outcome.reports, format, kinds), output, inputs)
        if write_baseline is not None:
            write_output(
                baseline_text(outcome.reports),
                write_baseline,
                [p for p in inputs if p != base_path],
                "--write-baseline",
            )
            count = sum(len(r.findings) for r in outcome.reports)
            notice(
                f"{write_baseline}: {count} finding(s) accepted; use it with "
                f"--baseline {write_baseline} or `baseline` in claimdiff.toml"
            )
    except ClaimdiffError as e:
        fail(str(e))
    failing = [
        f for r in outcome.reports for f in r.findings if f.kind in kinds and not f.baselined
    ]
    if failing and write_baseline is None:
        raise typer.Exit(1)


def _render(reports: list[CheckReport], fmt: CheckFormat, kinds: set[str]) -> str:
    from claimdiff.models import CheckRun
    from claimdiff.stages.render import findings as R

    if fmt is CheckFormat.github:
        return "".join(R.to_github(r, kinds) for r in reports)
    if fmt is CheckFormat.sarif:
        return R.to_sarif_many(reports, kinds)
    if fmt is CheckFormat.json:
        return (
            json.dumps(
                CheckRun(checks=reports).model_dump(mode="json"), ensure_ascii=False, indent=2
            )
            + "\n"
        )
    return "\n".join(R.to_markdown(r, kinds) for r in reports)


@app.command()
def config(
    path: Annotated[
        Path | None, typer.Argument(help="Where to look from (default: the working directory).")
    ] = None,
) -> None:
    """Print the effective settings and where each came from."""
    from claimdiff.ci.config import describe, effective

    try:
        settings, origin = effective(path or Path.cwd(), {})
        write_output(describe(settings, origin), None, [])
    except ClaimdiffError as e:
        fail(str(e))


@app.command(name="eval")
def evaluate(
    events: Annotated[
        list[Path], typer.Argument(help="Event folders with reports and a gold.json.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    model: ModelOpt = None,
    tolerance: ToleranceOpt = None,
    weights: WeightsOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Score claimdiff's output against annotated events (docs/gold-format.md)."""
    from claimdiff.ci.config import effective
    from claimdiff.ci.evaluate import evaluate as run_eval
    from claimdiff.ci.evaluate import line

    try:
        for e in events:
            if not e.is_dir():
                raise UsageError(f"{e}: not a folder; give event folders holding a gold.json")
        flags = overrides(model=model, tolerance=tolerance, no_cache=no_cache, weights=weights)
        settings, _ = effective(Path.cwd(), flags)
        with progress("scoring events"):
            rows, total = run_eval(events, settings)
    except ClaimdiffError as e:
        fail(str(e))
    if as_json:
        data = {"events": [{"event": n, **m} for n, m in rows], "total": total}
        write_output(json.dumps(data, indent=2) + "\n", None, [])
        return
    text = "".join(f"{n:32s} {line(m)}\n" for n, m in rows)
    write_output(text + f"TOTAL over {len(rows)} events: {line(total)}\n", None, [])
