"""Stage 1, load: read reports from disk, split off their header, name them.

Offsets everywhere in claimdiff refer to ``Document.text``, which is the file
exactly as ``Path.read_text(encoding="utf-8")`` returns it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimdiff import lang as langdata
from claimdiff.errors import InputError
from claimdiff.models import Document

REPORT_SUFFIXES = (".txt", ".md")
DEFAULT_MAX_BYTES = 5_000_000

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
# The seed's first line: ` date 2022-02 'headline'`
_DATE_LINE = re.compile(
    r"\A\ufeff?[ \t]*date[ \t]+(\d{4}(?:-\d{1,2}){0,2})[ \t]+(.*?)[ \t]*(?:\r?\n|\Z)"
)
_QUOTES = "'\"‘’“”„«»"


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


def parse_header(text: str) -> Header:
    """Read YAML front matter or a ``date 2022-02 'headline'`` first line.

    >>> h = parse_header("---\\noutlet: Omroep Maasland\\ndate: 2024-07-18\\n---\\nNa dagen...")
    >>> (h.outlet, h.date, text_after := h.body_start)
    ('Omroep Maasland', '2024-07-18', 56)
    >>> parse_header(" date 2022-02 ‘Ik geloof niet’’\\n\\nNa dagen").title
    'Ik geloof niet'
    """
    m = _FRONT_MATTER.match(text)
    if m:
        import yaml  # lazy: only reports with front matter need it

        try:
            data = yaml.safe_load(m.group(1))
        except yaml.YAMLError:
            data = None
        header = Header(body_start=m.end())
        if isinstance(data, dict):
            keys = _header_keys()
            for key, value in data.items():
                fieldname = keys.get(str(key).lower())
                if fieldname and value is not None and getattr(header, fieldname) is None:
                    setattr(header, fieldname, str(value).strip())
        return header
    m = _DATE_LINE.match(text)
    if m:
        return Header(body_start=m.end(), date=m.group(1), title=m.group(2).strip(_QUOTES + " "))
    return Header()


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of one report, or an InputError that says what to do."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None
    if path.is_dir():
        raise InputError(f"{path}: is a folder with no reports (.txt or .md) in it")
    if size > max_bytes:
        raise InputError(
            f"{path}: {size:,} bytes is more than the limit of {max_bytes:,}; "
            "news reports are small: pass --max-bytes to raise the limit"
        )
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: looks like a binary file, not a text report")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{path}: is not UTF-8 (byte {e.start}); save it as UTF-8 and try again"
        ) from None
    if not text.strip():
        raise InputError(f"{path}: is empty; give a report with some text")
    # read_text(encoding="utf-8") turns \r\n into \n (universal newlines); so do we.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; a folder stands for its ``.txt`` and ``.md`` reports, sorted.

    A file named twice is refused: it would be compared with itself.
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(
                q for q in p.iterdir() if q.suffix.lower() in REPORT_SUFFIXES and q.is_file()
            )
            if not found:
                raise InputError(f"{p}: is a folder with no reports (.txt or .md) in it")
            out.extend(found)
        else:
            out.append(p)
    seen: dict[Path, Path] = {}
    for p in out:
        key = p.resolve()
        if key in seen:
            raise InputError(f"{p}: is given twice; name each report once")
        seen[key] = p
    return out


def unique_ids(paths: Sequence[Path]) -> list[str]:
    """Document ids: the file stem, made unique with the parent folder or a number.

    >>> unique_ids([Path("a/nos.txt"), Path("b/nos.txt"), Path("c/rtl.md")])
    ['a-nos', 'b-nos', 'rtl']
    """
    stems = [p.stem for p in paths]
    ids = []
    for p, stem in zip(paths, stems, strict=True):
        ids.append(stem if stems.count(stem) == 1 else f"{p.parent.name}-{stem}")
    seen: dict[str, int] = {}
    for i, d in enumerate(ids):
        if d in seen:
            seen[d] += 1
            ids[i] = f"{d}-{seen[d]}"
        else:
            seen[d] = 1
    return ids


def load_documents(
    paths: Iterable[str | Path],
    lang: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Document]:
    """Read every report and settle its metadata and language."""
    from claimdiff.language import detect

    files = expand_paths(paths)
    docs = []
    for path, doc_id in zip(files, unique_ids(files), strict=True):
        text = read_text(path, max_bytes)
        header = parse_header(text)
        if lang:
            language, source = lang, "option"
        elif header.language:
            language, source = header.language.lower()[:2], "header"
        else:
            language, source = detect(text[header.body_start :]), "detected"
        docs.append(
            Document(
                id=doc_id,
                path=str(path),
                language=language,
                language_from=source,  # type: ignore[arg-type]
                outlet=header.outlet,
                date=header.date,
                title=header.title,
                url=header.url,
                body_start=header.body_start,
                text=text,
            )
        )
    return docs


def document_from_text(text: str, doc_id: str = "text", lang: str | None = None) -> Document:
    """A Document made from a string (for the Python API and tests)."""
    from claimdiff.language import detect

    if not text.strip():
        raise InputError(f"{doc_id}: is empty; give a report with some text")
    header = parse_header(text)
    language = lang or (header.language or "")[:2] or detect(text[header.body_start :])
    return Document(
        id=doc_id,
        path=doc_id,
        language=language,
        language_from="option" if lang else "header" if header.language else "detected",
        outlet=header.outlet,
        date=header.date,
        title=header.title,
        url=header.url,
        body_start=header.body_start,
        text=text,
    )
