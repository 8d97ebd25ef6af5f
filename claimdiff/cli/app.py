"""The ``claimdiff`` typer app: its error handling, messages and progress spinner.

Exit codes (as ruff): 0 clean, 1 findings when ``--fail-on`` asks for it,
2 usage or input errors, 130 interrupted. Messages go to stderr; reports to
stdout or ``--output``. Every error, ours or the command-line parser's, is one
line on stderr that starts with ``claimdiff: error:``; no traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from claimdiff import __version__


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


def notice(message: str) -> None:
    """One notice line on stderr (not a problem; something to know)."""
    typer.echo(f"claimdiff: {one_line(message)}", err=True)


def progress(label: str) -> Any:
    """A spinner on stderr while the work runs, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return contextlib.nullcontext()
    from rich.console import Console

    return Console(stderr=True).status(f"claimdiff: {label}…")


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
