"""claimdiff: compare news reports of one event, claim by claim.

The public API (see ``claimdiff.api``); any number of calls, in any order:

>>> import claimdiff
>>> report = claimdiff.compare(["a.txt", "b.txt"])  # doctest: +SKIP
>>> [g.verdict for g in report.groups]  # doctest: +SKIP
['differ', 'agree', 'unique']

- ``compare(sources, settings=None, **options) -> Report``
- ``extract(source, settings=None, **options) -> Report``
- ``check(draft, sources, settings=None, **options) -> CheckReport``
- ``read_text(text, id=..., lang=..., path=None) -> Document``
- ``Report``, ``CheckReport``, ``Document``, ``Settings``: the models.

The stages live in ``claimdiff.stages`` (whose names never shadow these
functions), the models in ``claimdiff.models``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"
__all__ = [
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

if TYPE_CHECKING:
    from claimdiff.api import check, compare, extract, read_text
    from claimdiff.models import CheckReport, Document, Report, Settings

_API = ("check", "compare", "extract", "read_text")
_MODELS = ("CheckReport", "Document", "Report", "Settings")


def __getattr__(name: str) -> Any:
    # lazy, so that importing claimdiff stays cheap for `claimdiff --help`
    if name in _API:
        from claimdiff import api

        return getattr(api, name)
    if name in _MODELS:
        from claimdiff import models

        return getattr(models, name)
    raise AttributeError(f"module 'claimdiff' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
