"""A report's header: YAML front matter, or a first line such as ``date 2022-02 'headline'``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdiff import lang as langdata

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


# The seed's first line: ` date 2022-02 'headline'`
_DATE_LINE = re.compile(
    r"\A\ufeff?[ \t]*date[ \t]+(\d{4}(?:-\d{1,2}){0,2})[ \t]+(.*?)[ \t]*(?:\r?\n|\Z)"
)


@dataclass
class Header:
    """Metadata read from the top of a report, and where the prose starts."""

    body_start: int = 0
    outlet: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    language: str | None = None


def _header_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for code in langdata.available():
        keys.update(langdata.get(code).header_keys)
    return keys


def _is_scalar(value: object) -> bool:
    import datetime

    return isinstance(value, str | int | float | datetime.date) and not isinstance(value, bool)


def parse_header(text: str) -> Header:
    """Read YAML front matter or a ``date 2022-02 'headline'`` first line.

    >>> h = parse_header("---\\noutlet: Omroep Maasland\\ndate: 2024-07-18\\n---\\nNa dagen...")
    >>> (h.outlet, h.date, text_after := h.body_start)
    ('Omroep Maasland', '2024-07-18', 49)
    >>> parse_header(" date 2022-02 ‘Ik geloof niet’’\\n\\nNa dagen").title
    'Ik geloof niet'
    """
    m = _FRONT_MATTER.match(text)
    if m:
        import yaml  # lazy: only reports with front matter need it

        try:
            data = yaml.safe_load(m.group(1))
        except (yaml.YAMLError, ValueError, RecursionError):
            # ValueError: an impossible date (``date: 2022-02-30``);
            # RecursionError: deeply nested flow collections. Either way no header.
            data = None
        header = Header(body_start=m.end())
        if isinstance(data, dict):
            keys = _header_keys()
            for key, value in data.items():
                fieldname = keys.get(key.lower()) if isinstance(key, str) else None
                # Scalars only: a list or mapping (or an alias bomb) is not a header value.
                if fieldname and _is_scalar(value) and getattr(header, fieldname) is None:
                    setattr(header, fieldname, str(value).strip())
        return header
    m = _DATE_LINE.match(text)
    if m:
        return Header(
            body_start=m.end(),
            date=m.group(1),
            title=m.group(2).strip(langdata.all_quote_marks() + " "),
        )
    return Header()


def _header_language(value: str | None) -> str | None:
    """The language code a header gives (``nl``, ``en-GB``, ``English``), or None."""
    if not value:
        return None
    primary = re.split(r"[-_\s]", value.strip().lower(), maxsplit=1)[0]
    for code in langdata.available():
        if primary == langdata.get(code).name.lower():
            return code
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None
