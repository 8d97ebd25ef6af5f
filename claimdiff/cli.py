"""The ``claimdiff`` command: a thin typer layer over the Python API.

Exit codes (as ruff): 0 clean, 1 findings when ``--fail-on`` asks for it,
2 usage or input errors. Messages go to stderr; reports to stdout or ``--output``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimdiff import __version__
from claimdiff.errors import ClaimdiffError, UsageError

app = typer.Typer(
    name="claimdiff",
    help="Compare news reports of one event claim by claim: where outlets agree and "
    "differ on figures and on who said what.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(StrEnum):
    markdown = "markdown"
    json = "json"


FINDING_KINDS = ("figure", "attribution")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimdiff {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Compare news reports of one event claim by claim."""


def fail(message: str) -> None:
    """One line on stderr and exit code 2."""
    typer.echo(f"claimdiff: error: {message}", err=True)
    raise typer.Exit(2)


def write_output(text: str, output: Path | None, inputs: list[Path]) -> None:
    """Print, or write atomically (temp file, then rename); never onto an input."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = output.resolve()
    if any(target == p.resolve() for p in inputs if p.exists()) or any(
        p.is_dir() and target.parent == p.resolve() and target.suffix in (".txt", ".md")
        for p in inputs
    ):
        raise UsageError(f"--output {output} is one of the reports; choose another file")
    if output.is_dir():
        raise UsageError(f"--output {output} is a folder; give a file name")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _parse_fail_on(value: str | None) -> set[str]:
    if not value:
        return set()
    kinds = {v.strip() for v in value.split(",") if v.strip()}
    bad = kinds - set(FINDING_KINDS)
    if bad:
        raise UsageError(
            f"--fail-on {','.join(sorted(bad))}: unknown; use {', '.join(FINDING_KINDS)}"
        )
    return kinds


FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write the report to this file (atomically).")
]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help="Language of every report (nl, en); detected if not given."),
]
MaxBytesOpt = Annotated[
    int, typer.Option("--max-bytes", help="Refuse reports larger than this.", min=1)
]


@app.command()
def compare(
    reports: Annotated[
        list[Path], typer.Argument(help="Two or more reports (.txt, .md), or folders of them.")
    ],
    format: FormatOpt = Format.markdown,
    output: OutputOpt = None,
    lang: LangOpt = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            help="Sentence encoder: use-m3 (default) or a sentence-transformers model path.",
        ),
    ] = None,
    tolerance: Annotated[
        float,
        typer.Option(
            "--tolerance",
            help="Relative tolerance for approximate figures (about, zo'n).",
            min=0.0,
            max=1.0,
        ),
    ] = 0.1,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Do not read or write the embedding cache.")
    ] = False,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on", help="Exit 1 when differences of these kinds exist: figure,attribution."
        ),
    ] = None,
    max_bytes: MaxBytesOpt = 5_000_000,
) -> None:
    """Compare reports of one event; print the Markdown (or JSON) report."""
    from claimdiff.pipeline import compare as run_compare
    from claimdiff.render import render

    try:
        kinds = _parse_fail_on(fail_on)
        report = run_compare(
            reports,
            lang=lang,
            model=model,
            cache=not no_cache,
            tolerance=tolerance,
            max_bytes=max_bytes,
        )
        for w in report.warnings:
            typer.echo(f"claimdiff: warning: {w}", err=True)
        write_output(render(report, format.value), output, reports)
    except ClaimdiffError as e:
        fail(str(e))
    found = {d.kind for g in report.groups for d in g.differences}
    if kinds & found:
        raise typer.Exit(1)


@app.command()
def extract(
    report: Annotated[Path, typer.Argument(help="One report (.txt or .md).")],
    format: FormatOpt = Format.markdown,
    output: OutputOpt = None,
    lang: LangOpt = None,
    max_bytes: MaxBytesOpt = 5_000_000,
) -> None:
    """List the claims of one report: figures and who said them."""
    from claimdiff.pipeline import extract as run_extract
    from claimdiff.render.escape import md_inline

    try:
        result = run_extract(report, lang=lang, max_bytes=max_bytes)
        if format is Format.json:
            from claimdiff.render.json import to_json

            text = to_json(result)
        else:
            doc = result.documents[0]
            lines = [f"# {md_inline(doc.id)} ({doc.language}): {len(result.claims)} claims", ""]
            for c in result.claims:
                figs = "; ".join(
                    f"{md_inline(f.text)} = {f.value:g} {f.qualifier}"
                    if f.value is not None
                    else f"{md_inline(f.text)} ({f.kind})"
                    for f in c.figures
                )
                who = ", ".join(md_inline(a.canonical_source) for a in c.attributions) or "—"
                lines.append(f"- line {c.line}: {md_inline(c.text)}")
                lines.append(f"  - figures: {figs or '—'}; source: {who}")
            text = "\n".join(lines) + "\n"
        write_output(text, output, [report])
    except ClaimdiffError as e:
        fail(str(e))


@app.command()
def schema(output: OutputOpt = None) -> None:
    """Print the JSON Schema of the JSON report."""
    from claimdiff.render.json import schema as report_schema

    try:
        write_output(report_schema(), output, [])
    except ClaimdiffError as e:
        fail(str(e))


def main() -> None:
    """Entry point of the console script."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("claimdiff: interrupted", err=True)
        sys.exit(130)
