"""The ``claimdiff`` command: a thin typer layer over the Python API.

Exit codes (as ruff): 0 clean, 1 findings when ``--fail-on`` asks for it,
2 usage or input errors, 130 interrupted. Messages go to stderr; reports to
stdout or ``--output``. Every error, ours or the command-line parser's, is one
line on stderr that starts with ``claimdiff: error:``; no traceback.
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from claimdiff import __version__
from claimdiff.errors import ClaimdiffError, UsageError

if TYPE_CHECKING:
    from claimdiff.models import Report


def one_line(message: str) -> str:
    """``message`` on one line: line breaks and control characters made visible.

    >>> one_line("a\\nb\\x1b[31m c")
    'a\\\\nb\\\\x1b[31m c'
    """
    return "".join(
        c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii")
        for c in message
    )


# click's exceptions, or typer's own copy of click (typer >= 0.2x vendors it).
_exc: Any = sys.modules[typer.BadParameter.__module__]


class _Group(TyperGroup):
    """Turns the parser's usage errors into the one-line ``claimdiff: error:`` form."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _exc.NoArgsIsHelpError as e:  # `claimdiff` alone: the help
            e.show()
            sys.exit(e.exit_code)
        except _exc.UsageError as e:
            where = f" (see '{e.ctx.command_path} --help')" if e.ctx else ""
            typer.echo(f"claimdiff: error: {one_line(e.format_message())}{where}", err=True)
            sys.exit(2)
        except _exc.ClickException as e:
            typer.echo(f"claimdiff: error: {one_line(e.format_message())}", err=True)
            sys.exit(2 if e.exit_code == 1 else e.exit_code)
        except (getattr(_exc, "Abort", KeyboardInterrupt), KeyboardInterrupt):
            typer.echo("claimdiff: interrupted", err=True)
            sys.exit(130)
        if rv == 130:  # typer turns Ctrl-C inside a command into a silent exit 130
            typer.echo("claimdiff: interrupted", err=True)
        sys.exit(rv if isinstance(rv, int) else 0)


app = typer.Typer(
    cls=_Group,
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
    diff = "diff"


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
    typer.echo(f"claimdiff: error: {one_line(message)}", err=True)
    raise typer.Exit(2)


def warn(message: str) -> None:
    """One warning line on stderr."""
    typer.echo(f"claimdiff: warning: {one_line(message)}", err=True)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except (OSError, ValueError):
        return False


def check_output(output: Path | None, inputs: Sequence[Path]) -> None:
    """Refuse an ``--output`` that would overwrite a report, or that cannot be written.

    Called before the work starts, so a bad ``--output`` costs nothing.
    """
    if output is None:
        return
    target = output.resolve()
    if any(_same_file(output, p) for p in inputs if p.exists() and not p.is_dir()) or any(
        p.is_dir() and target.parent == p.resolve() and target.suffix.lower() in (".txt", ".md")
        for p in inputs
    ):
        raise UsageError(f"--output {output} is one of the reports; choose another file")
    if output.is_dir():
        raise UsageError(f"--output {output} is a folder; give a file name")
    if not target.parent.is_dir():
        raise UsageError(f"--output {output}: the folder {output.parent} does not exist")


def write_output(text: str, output: Path | None, inputs: Sequence[Path]) -> None:
    """Print, or write atomically (temp file, then rename); never onto an input.

    An interrupted or failed write leaves the old ``output`` (if any) as it
    was and no temp file behind.
    """
    if output is None:
        try:
            sys.stdout.write(text)
        except UnicodeEncodeError:  # a stdout that is not UTF-8 (PYTHONIOENCODING=ascii)
            buffer = getattr(sys.stdout, "buffer", None)
            sys.stdout.flush()
            if buffer is not None:
                buffer.write(text.encode("utf-8"))
            else:
                enc = sys.stdout.encoding or "ascii"
                sys.stdout.write(text.encode(enc, "backslashreplace").decode(enc))
        sys.stdout.flush()
        return
    check_output(output, inputs)
    target = output.resolve()
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as e:
        raise UsageError(f"--output {output}: cannot write there ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        try:  # mkstemp makes the file private (0600); give it the usual mode
            mode = target.stat().st_mode & 0o777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise UsageError(f"--output {output}: cannot write it ({e.strerror or e})") from None
        raise


def _check_lang(lang: str | None) -> str | None:
    from claimdiff.load import normalise_lang

    return normalise_lang(lang) if lang else None


def report_warnings(report: Report) -> list[str]:
    """What the user should know about the input: the report's warnings, then each document's.

    Adds the document warnings (encoding guesses, repaired mojibake) and a
    note for each report without claims to ``report.warnings``, so that the
    Markdown and JSON carry them too.
    """
    from claimdiff.lang import available

    extra = [w for d in report.documents for w in d.warnings]
    supported = available()
    for d in report.documents:
        if d.language not in supported:
            extra.append(
                f"{d.path}: language {d.language!r} has no data in claimdiff; "
                "read with English conventions"
            )
        if d.n_claims == 0:
            extra.append(f"{d.path}: no claims found (no sentence with a figure or a named source)")
    for w in extra:
        if w not in report.warnings:
            report.warnings.append(w)
    return report.warnings


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
DEFAULT_MAX = 5_000_000
MaxBytesOpt = Annotated[
    int, typer.Option("--max-bytes", help="Refuse reports larger than this.", min=1)
]


ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model", help="Sentence encoder: use-m3 (default) or a sentence-transformers model path."
    ),
]
ToleranceOpt = Annotated[
    float | None,
    typer.Option(
        "--tolerance",
        help="Relative tolerance for approximate figures (about, zo'n); default 0.1.",
        min=0.0,
        max=1.0,
    ),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Do not read or write the embedding cache.")
]
WeightsOpt = Annotated[
    Path | None,
    typer.Option(
        "--weights", help="Alignment weights (JSON, as claimdiff/data/align_weights.json)."
    ),
]


def settings_for(start: Path, **overrides: Any) -> Any:
    """Effective settings: claimdiff.toml / [tool.claimdiff] near ``start``, then the flags."""
    from claimdiff.config import effective

    settings, _ = effective(start, overrides)
    if not math.isfinite(settings.tolerance) or not 0 <= settings.tolerance <= 1:
        raise UsageError(f"tolerance {settings.tolerance}: give a number from 0 to 1")
    return settings


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
    max_bytes: MaxBytesOpt = 5_000_000,
) -> None:
    """Compare reports of one event; print the Markdown (JSON, diff) report."""
    from claimdiff.pipeline import compare as run_compare
    from claimdiff.render import render

    try:
        kinds = _parse_fail_on(fail_on)
        lang = _check_lang(lang)
        check_output(output, reports)
        cfg = settings_for(
            reports[0] if reports else Path.cwd(), model=model, tolerance=tolerance, lang=lang
        )
        with progress("comparing reports"):
            report = run_compare(
                reports,
                lang=cfg.lang,
                model=cfg.model,
                cache=not no_cache and cfg.cache,
                tolerance=cfg.tolerance,
                max_bytes=max_bytes if max_bytes != DEFAULT_MAX else cfg.max_bytes,
                weights=_weights(weights),
            )
        if format is Format.diff and len(report.documents) != 2:
            raise UsageError("--format diff compares exactly two reports")
        for w in report_warnings(report):
            warn(w)
        write_output(render(report, format.value), output, reports)
    except ClaimdiffError as e:
        fail(str(e))
    found = {d.kind for g in report.groups for d in g.differences}
    if kinds & found:
        raise typer.Exit(1)


def _weights(path: Path | None) -> Any:
    if path is None:
        return None
    from claimdiff.align import load_weights

    return load_weights(path)


def progress(label: str) -> Any:
    """A spinner on stderr while the work runs, only when stderr is a terminal."""
    import contextlib

    if not sys.stderr.isatty():
        return contextlib.nullcontext()
    from rich.console import Console

    return Console(stderr=True).status(f"claimdiff: {label}…")


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
        if report.is_dir():
            raise UsageError(
                f"{report}: is a folder; extract reads one report (compare reads folders)"
            )
        lang = _check_lang(lang)
        check_output(output, [report])
        result = run_extract(report, lang=lang, max_bytes=max_bytes)
        for w in report_warnings(result):
            warn(w)
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


from claimdiff import cli_check  # noqa: E402,F401  (registers check, config, eval)


def main() -> None:
    """Entry point of the console script."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("claimdiff: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:  # `claimdiff compare ... | head`: the reader has gone
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
