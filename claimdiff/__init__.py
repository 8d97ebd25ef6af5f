"""claimdiff: compare news reports of one event, claim by claim.

>>> import claimdiff
>>> report = claimdiff.compare(["a.txt", "b.txt"])  # doctest: +SKIP
>>> [g.verdict for g in report.groups]  # doctest: +SKIP
['differ', 'agree', 'unique']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "compare", "extract"]

if TYPE_CHECKING:
    from claimdiff.pipeline import compare, extract


def __getattr__(name: str) -> Any:
    # lazy: importing claimdiff must stay cheap for `claimdiff --help`
    if name in ("compare", "extract"):
        from claimdiff import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
