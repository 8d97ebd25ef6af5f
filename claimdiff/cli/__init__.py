"""The ``claimdiff`` command: a thin typer layer over the Python API (``claimdiff.api``).

``app`` holds the typer app and its error handling; ``compare`` and ``check``
register the commands; ``options`` maps flags onto ``Settings``; ``output``
writes reports safely.
"""

from claimdiff.cli import check, compare  # noqa: F401  (register the commands)
from claimdiff.cli.app import app, main

__all__ = ["app", "main"]
