"""The CI commands: ``check`` (a draft against its sources), ``config`` and ``eval``.

Registered on the ``claimdiff`` app by ``claimdiff.cli``.
"""

from __future__ import annotations

import glob
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from claimdiff.cli import (
    LangOpt,
    ModelOpt,
    NoCacheOpt,
    OutputOpt,
    ToleranceOpt,
    WeightsOpt,
    _check_lang,
    _weights,
    app,
    check_output,
    fail,
    progress,
    warn,
    write_output,
)
from claimdiff.errors import ClaimdiffError, UsageError

CHECK_KINDS = ("figure", "attribution", "unsupported")


class CheckFormat(StrEnum):
    markdown = "markdown"
    json = "json"
    github = "github"
    sarif = "sarif"


def _kinds(value: str | list[str]) -> set[str]:
    items = value.split(",") if isinstance(value, str) else value
    kinds = {v.strip() for v in items if v.strip()}
    bad = kinds - set(CHECK_KINDS)
    if bad:
        raise UsageError(
            f"--fail-on {','.join(sorted(bad))}: unknown; use {', '.join(CHECK_KINDS)}"
        )
    return kinds


def _expand(patterns: list[str], base: Path) -> list[Path]:
    """Globs from the configuration, relative to the folder of the configuration file.

    A pattern without wildcards may name a folder (``sources = ["sources/"]``),
    which stands for its reports; a wildcard pattern gives its files only.
    """
    out: list[Path] = []
    for pattern in patterns:
        full = pattern if Path(pattern).is_absolute() else str(base / pattern)
        if not glob.has_magic(full):
            out.append(Path(full))
            continue
        out.extend(Path(p) for p in sorted(glob.glob(full, recursive=True)) if Path(p).is_file())
    return [_relative(p) for p in out]


def _relative(path: Path) -> Path:
    """Relative to the working directory when under it: GitHub annotations and SARIF
    need paths relative to the repository, where the job runs."""
    try:
        return path.absolute().relative_to(Path.cwd())
    except ValueError:
        return path


def _paths(items: list[Path]) -> list[Path]:
    """Files as given; a folder stands for its reports; a wildcard pattern that is not
    itself a file is expanded (the action passes ``drafts/*.md`` unexpanded)."""
    from claimdiff.load import expand_paths

    out: list[Path] = []
    for p in items:
        if not p.exists() and glob.has_magic(str(p)):
            found = [Path(m) for m in sorted(glob.glob(str(p), recursive=True))]
            if not found:
                raise UsageError(f"{p}: matches no file")
            out.extend(m for m in found if m.is_file())
        else:
            out.append(p)
    return expand_paths(out)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or a.samefile(b)
    except (OSError, ValueError):
        return False


def _config_base(origin: dict[str, str], key: str) -> Path:
    where = origin.get(key, "default")
    return Path(where).parent if where not in ("default", "command line") else Path.cwd()


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
            help="Exit 1 on findings of these kinds (figure,attribution,unsupported); default figure,attribution.",
        ),
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Accepted findings that do not fail the run.")
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option("--write-baseline", help="Write every current finding to this baseline file."),
    ] = None,
    lang: LangOpt = None,
    model: ModelOpt = None,
    tolerance: ToleranceOpt = None,
    no_cache: NoCacheOpt = False,
    weights: WeightsOpt = None,
    max_bytes: Annotated[
        int | None,
        typer.Option(
            "--max-bytes", help="Refuse reports larger than this (default 5,000,000).", min=1
        ),
    ] = None,
) -> None:
    """Check drafts against their sources: figures and quotes the sources contradict.

    Exit codes: 0 no finding of a --fail-on kind (or all of them in the baseline, or
    --write-baseline given: the findings written are accepted), 1 such findings, 2 errors.
    """
    from claimdiff.baseline import apply_baseline, baseline_text, read_baseline
    from claimdiff.check import check as run_check
    from claimdiff.cli import settings_for
    from claimdiff.config import effective

    try:
        start = drafts[0] if drafts else Path.cwd()
        cfg = settings_for(
            start,
            model=model,
            tolerance=tolerance,
            lang=_check_lang(lang),
            fail_on=sorted(_kinds(fail_on)) if fail_on is not None else None,
            baseline=str(baseline) if baseline else None,
            max_bytes=max_bytes,
        )
        _, origin = effective(start, {})
        draft_files = _paths(drafts or _expand(cfg.drafts, _config_base(origin, "drafts")))
        source_files = _paths(against or _expand(cfg.sources, _config_base(origin, "sources")))
        if not draft_files:
            raise UsageError("no draft to check: give DRAFT, or `drafts` in claimdiff.toml")
        if not source_files:
            raise UsageError("no sources: give --against SOURCE..., or `sources` in claimdiff.toml")
        check_output(output, [*draft_files, *source_files])
        if write_baseline is not None:
            check_output(write_baseline, [*draft_files, *source_files])
        kinds = set(cfg.fail_on)
        accepted: set[str] = set()
        if cfg.baseline:
            # a baseline from the configuration is relative to the configuration file
            base_path = _config_base(origin, "baseline") / cfg.baseline
            if baseline is not None:
                base_path = baseline
            if write_baseline is None or base_path.exists():
                accepted = read_baseline(base_path)
        reports = []
        with progress("checking drafts"):
            from claimdiff.encoders import get_encoder

            encoder = get_encoder(cfg.model, cache=not no_cache and cfg.cache)
            for draft in draft_files:
                # a draft that lies among its sources (a folder) is not its own source
                own_sources = [s for s in source_files if not _same_file(s, draft)]
                if not own_sources:
                    raise UsageError(f"{draft}: no source besides the draft itself")
                r = run_check(
                    draft,
                    own_sources,
                    lang=cfg.lang,
                    tolerance=cfg.tolerance,
                    max_bytes=cfg.max_bytes,
                    encoder=encoder,
                    weights=_weights(weights),
                )
                reports.append(apply_baseline(r, accepted))
        for r in reports:
            for w in r.warnings:
                warn(w)
        write_output(_render(reports, format, kinds), output, [*draft_files, *source_files])
        if write_baseline is not None:
            from claimdiff.check import CheckReport

            merged = CheckReport(
                draft=reports[0].draft,
                sources=reports[0].sources,
                claims=0,
                findings=[f for r in reports for f in r.findings],
            )
            write_output(baseline_text(merged), write_baseline, [*draft_files, *source_files])
            typer.echo(
                f"claimdiff: {write_baseline}: {len(merged.findings)} finding(s) accepted; "
                f"use it with --baseline {write_baseline} or `baseline` in claimdiff.toml",
                err=True,
            )
    except ClaimdiffError as e:
        fail(str(e))
    failing = [f for r in reports for f in r.findings if f.kind in kinds and not f.baselined]
    if failing and write_baseline is None:
        raise typer.Exit(1)


def _render(reports: list[Any], fmt: CheckFormat, kinds: set[str]) -> str:
    from claimdiff.render import findings as R

    if fmt is CheckFormat.github:
        return "".join(R.to_github(r, kinds) for r in reports)
    if fmt is CheckFormat.sarif:
        return R.to_sarif_many(reports, kinds)
    if fmt is CheckFormat.json:
        data = {"schema_version": "1.0", "checks": [r.model_dump(mode="json") for r in reports]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return "\n".join(R.to_markdown(r, kinds) for r in reports)


@app.command()
def config(
    path: Annotated[
        Path | None, typer.Argument(help="Where to look from (default: the working directory).")
    ] = None,
) -> None:
    """Print the effective settings and where each came from."""
    from claimdiff.config import describe, effective

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
    from claimdiff.evaluate import evaluate as run_eval
    from claimdiff.evaluate import line

    try:
        for e in events:
            if not e.is_dir():
                raise UsageError(f"{e}: not a folder; give event folders holding a gold.json")
        with progress("scoring events"):
            rows, total = run_eval(
                events,
                model=model,
                tolerance=tolerance,
                cache=not no_cache,
                weights=_weights(weights),
            )
    except ClaimdiffError as e:
        fail(str(e))
    if as_json:
        data = {"events": [{"event": n, **m} for n, m in rows], "total": total}
        write_output(json.dumps(data, indent=2) + "\n", None, [])
        return
    text = "".join(f"{n:32s} {line(m)}\n" for n, m in rows)
    write_output(text + f"TOTAL over {len(rows)} events: {line(total)}\n", None, [])
