"""Stage 1, load: read reports from disk, split off their header, name them.

Which text the offsets refer to
-------------------------------
Offsets everywhere in claimdiff (``start``/``end`` of claims, figures and
attributions) are ``str`` indices into ``Document.text``. That text is the
file's bytes decoded as follows, and ``Document.encoding`` and
``Document.text_source`` record what was done for each report:

1. UTF-8 (the usual case): decoded strictly; a leading byte-order mark
   (``EF BB BF``) is dropped, so offsets count from the first real character.
   UTF-16 and UTF-32 files with a byte-order mark, and UTF-16 without one, are
   decoded too.
2. Anything else is guessed with charset-normalizer, Western single-byte
   encodings first (cp1252, latin-1, ISO 8859-15: Dutch and English saved by
   old Windows tools), and decoded with a warning naming the encoding.
3. Line ends are normalised as ``Path.read_text`` does (universal newlines):
   ``\r\n`` and a lone ``\r`` become ``\n``. So for a UTF-8 file without a
   byte-order mark, ``Document.text == path.read_text(encoding="utf-8")``.
4. Mojibake (UTF-8 read as cp1252 somewhere upstream: ``BelgiÃ«``) is repaired
   with ftfy, encoding fixes only, with a warning; offsets then refer to the
   repaired text.

Refused with an :class:`InputError` (the CLI prints one line and exits 2):
a missing or unreadable path, a file larger than ``max_bytes`` (checked with
``stat`` before reading), an empty or whitespace-only file, and binary files
(PDF, Word, images, archives, or bytes that no text encoding explains).

A folder stands for the ``.txt`` and ``.md`` files directly in it, sorted, with
hidden files (``.name``) and Office lock files (``~$name``) left out.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
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
        return Header(body_start=m.end(), date=m.group(1), title=m.group(2).strip(_QUOTES + " "))
    return Header()


#: Western single-byte encodings tried first for a file that is not UTF-8.
WESTERN = ("cp1252", "latin_1", "iso8859_15")

#: How common binary formats start, and what to call them.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (a .docx, .odt or .epub document?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word or Excel document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that do not occur in text (tab, line ends, form feed and
# vertical tab, which Word writes for a line break, do).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@dataclass
class Decoded:
    """A report's text as claimdiff reads it, and how it got there."""

    text: str
    encoding: str = "utf-8"
    text_source: str = "file decoded as UTF-8, newlines normalised to \\n as by Path.read_text"
    warnings: list[str] = field(default_factory=list)


def _binary_kind(raw: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return kind
    return None


def _utf16_without_bom(raw: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte of the start is zero (ASCII text in UTF-16)."""
    sample = raw[:4096]
    if len(sample) < 4 or len(raw) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _guess_legacy(raw: bytes) -> str | None:
    """The encoding charset-normalizer finds most plausible, Western ones first."""
    import charset_normalizer

    for isolation in (list(WESTERN), None):
        best = charset_normalizer.from_bytes(raw, cp_isolation=isolation).best()
        if best is None:
            continue
        name = codecs.lookup(best.encoding).name
        if name == "iso8859-1":
            # latin-1 reads bytes 0x80-0x9f as control characters; cp1252 has the
            # curly quotes, dashes and euro sign there that such files really hold.
            try:
                raw.decode("cp1252")
                name = "cp1252"
            except UnicodeDecodeError:
                pass
        return name
    return None


def _repair_mojibake(text: str) -> tuple[str, tuple[str, str] | None]:
    """``text`` with mojibake repaired by ftfy (encoding fixes only), and one example."""
    if text.isascii():
        return text, None
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    fixed = ftfy.fix_text(text, config)
    if fixed == text:
        return text, None
    example = next(
        ((a, b) for a, b in zip(text.split(), fixed.split(), strict=False) if a != b),
        (text[:20], fixed[:20]),
    )
    return fixed, example


def decode_report(raw: bytes, name: str = "report") -> Decoded:
    """Decode a report's bytes (see the module docstring), or refuse them.

    >>> decode_report("Oekraïne\\r\\n".encode("cp1252")).text
    'Oekraïne\\n'
    >>> decode_report("Oekraïne".encode("cp1252")).encoding
    'cp1252'
    """
    kind = _binary_kind(raw)
    if kind:
        raise InputError(f"{name}: is {kind}, not a text report; save it as plain text (.txt)")
    notes: list[str] = []
    warnings: list[str] = []
    text: str | None = None
    encoding = "utf-8"
    bom = next(((b, enc) for b, enc in _BOMS if raw.startswith(b)), None)
    if bom:
        body = raw[len(bom[0]) :]
        try:
            text = body.decode(bom[1])
        except UnicodeDecodeError:
            if bom[1] != "utf-8":
                raise InputError(
                    f"{name}: starts like {bom[1].upper()} but is not; save it as UTF-8"
                ) from None
        else:
            encoding = "utf-8-sig" if bom[1] == "utf-8" else bom[1]
            notes.append(f"decoded as {bom[1].upper()}, byte-order mark removed")
        raw = body
    if text is None and b"\x00" in raw[:8192]:
        utf16 = _utf16_without_bom(raw)
        if utf16 is None:
            raise InputError(f"{name}: looks like a binary file, not a text report")
        try:
            text = raw.decode(utf16)
        except UnicodeDecodeError:
            raise InputError(f"{name}: looks like a binary file, not a text report") from None
        encoding = utf16
        notes.append(f"decoded as {utf16.upper()} (no byte-order mark)")
    if text is None:
        try:
            text = raw.decode("utf-8")
            notes.append("decoded as UTF-8")
        except UnicodeDecodeError:
            guess = _guess_legacy(raw)
            if guess is None:
                raise InputError(
                    f"{name}: is not UTF-8 and its encoding cannot be told; "
                    "save it as UTF-8 and try again"
                ) from None
            try:
                text = raw.decode(guess)
            except (UnicodeDecodeError, LookupError):
                raise InputError(
                    f"{name}: is not UTF-8 and not {guess} either; save it as UTF-8 and try again"
                ) from None
            encoding = guess
            notes.append(f"decoded as {guess} (guessed by charset-normalizer)")
            warnings.append(
                f"{name}: is not UTF-8; read it as {guess} (guessed); "
                "check its accented letters, or save it as UTF-8"
            )
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise InputError(f"{name}: looks like a binary file, not a text report")
    if not text.strip():
        raise InputError(f"{name}: is empty; give a report with some text")
    # Path.read_text (universal newlines) turns \r\n and a lone \r into \n; so do we.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    notes.append("newlines normalised to \\n as by Path.read_text")
    text, example = _repair_mojibake(text)
    if example:
        notes.append("mojibake repaired with ftfy")
        warnings.append(
            f"{name}: repaired mojibake with ftfy (e.g. {example[0]!r} -> {example[1]!r}); "
            "offsets refer to the repaired text"
        )
    return Decoded(
        text=text, encoding=encoding, text_source="file " + ", ".join(notes), warnings=warnings
    )


def _stat(path: Path) -> os.stat_result:
    try:
        return path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(f"{path}: is a broken link (its target does not exist)") from None
        raise InputError(f"{path}: no such file; check the path") from None
    except PermissionError:
        raise InputError(f"{path}: cannot read it (permission denied)") from None
    except (OSError, ValueError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise InputError(f"{path}: cannot read it ({reason})") from None


def read_report(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """The decoded text of one report, or an InputError that says what to do.

    The size is checked with ``stat`` first, and at most ``max_bytes + 1`` bytes
    are ever read (a pipe or a growing file has no size to check).
    """
    st = _stat(path)
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a folder, not a report")
    if st.st_size > max_bytes:
        raise InputError(
            f"{path}: {st.st_size:,} bytes is more than the limit of {max_bytes:,}; "
            "news reports are small: pass --max-bytes to raise the limit"
        )
    try:
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)
    except PermissionError:
        raise InputError(f"{path}: cannot read it (permission denied)") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read it ({e.strerror or e})") from None
    if len(raw) > max_bytes:
        raise InputError(
            f"{path}: more than the limit of {max_bytes:,} bytes; "
            "news reports are small: pass --max-bytes to raise the limit"
        )
    if not raw:
        raise InputError(f"{path}: is empty; give a report with some text")
    return decode_report(raw, str(path))


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of one report (``Document.text``), or an InputError that says what to do."""
    return read_report(path, max_bytes).text


def _is_report_file(p: Path) -> bool:
    return (
        p.suffix.lower() in REPORT_SUFFIXES and not p.name.startswith((".", "~$")) and p.is_file()
    )


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; a folder stands for its ``.txt`` and ``.md`` reports, sorted.

    Hidden files and Office lock files in a folder are skipped. A file named
    twice (also through a link or another spelling of its path) is refused: it
    would be compared with itself.
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            try:
                found = sorted(q for q in p.iterdir() if _is_report_file(q))
            except OSError as e:
                raise InputError(f"{p}: cannot list the folder ({e.strerror or e})") from None
            if not found:
                raise InputError(f"{p}: is a folder with no reports (.txt or .md) in it")
            out.extend(found)
        else:
            out.append(p)
    seen: dict[object, Path] = {}
    for p in out:
        try:
            st = p.stat()
            key: object = (st.st_dev, st.st_ino)
        except (OSError, ValueError):
            key = p.resolve()
        if key in seen:
            raise InputError(f"{p}: is given twice; name each report once")
        seen[key] = p
    return out


def normalise_lang(code: str) -> str:
    """A language option as claimdiff's code (``NL``, ``nl-BE``, ``nl_NL`` → ``nl``).

    >>> normalise_lang("nl-BE")
    'nl'
    >>> normalise_lang("de")
    Traceback (most recent call last):
    ...
    claimdiff.errors.InputError: no language data for 'de'; available: en (English), nl (Nederlands)
    """
    primary = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    available = langdata.available()
    if primary in available:
        return primary
    names = {langdata.get(c).name.lower(): c for c in available}
    if primary in names:
        return names[primary]
    listed = ", ".join(f"{c} ({langdata.get(c).name})" for c in available)
    raise InputError(f"no language data for {code!r}; available: {listed}")


def _header_language(value: str | None) -> str | None:
    """The language code a header gives (``nl``, ``en-GB``, ``English``), or None."""
    if not value:
        return None
    primary = re.split(r"[-_\s]", value.strip().lower(), maxsplit=1)[0]
    for code in langdata.available():
        if primary == langdata.get(code).name.lower():
            return code
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


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
    """Read every report and settle its metadata and language.

    ``lang`` (the ``--lang`` option) must be a language claimdiff has data for.
    """
    from claimdiff.language import detect

    if lang:
        lang = normalise_lang(lang)
    files = expand_paths(paths)
    docs = []
    for path, doc_id in zip(files, unique_ids(files), strict=True):
        decoded = read_report(path, max_bytes)
        text = decoded.text
        header = parse_header(text)
        header_lang = _header_language(header.language)
        if lang:
            language, source = lang, "option"
        elif header_lang:
            language, source = header_lang, "header"
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
                encoding=decoded.encoding,
                text_source=decoded.text_source,
                warnings=decoded.warnings,
                text=text,
            )
        )
    return docs


def document_from_text(text: str, doc_id: str = "text", lang: str | None = None) -> Document:
    """A Document made from a string (for the Python API and tests).

    Offsets refer to ``text`` exactly as given: nothing is decoded or normalised.
    """
    from claimdiff.language import detect

    if not text.strip():
        raise InputError(f"{doc_id}: is empty; give a report with some text")
    header = parse_header(text)
    header_lang = _header_language(header.language)
    language = lang or header_lang or detect(text[header.body_start :])
    return Document(
        id=doc_id,
        path=doc_id,
        language=language,
        language_from="option" if lang else "header" if header_lang else "detected",
        outlet=header.outlet,
        date=header.date,
        title=header.title,
        url=header.url,
        body_start=header.body_start,
        encoding="str",
        text_source="the string given to document_from_text, unchanged",
        text=text,
    )
