"""Decoding a report's bytes: which text the offsets refer to.

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
   ``
`` and a lone ``
`` become ``
``. So for a UTF-8 file without a
   byte-order mark, ``Document.text == path.read_text(encoding="utf-8")``.
4. Mojibake (UTF-8 read as cp1252 somewhere upstream: ``BelgiÃ«``) is repaired
   with ftfy, encoding fixes only, with a warning; offsets then refer to the
   repaired text.

Refused with an :class:`InputError`: empty or whitespace-only text, and binary
files (PDF, Word, images, archives, or bytes that no text encoding explains).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from claimdiff.errors import InputError

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
    if text is None and b"\x00" in raw:
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
    if "\x00" in text or len(_CONTROL.findall(text)) > 0.05 * len(text):
        # the whole text, not only its start: a PDF stream or a binary tail after prose
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
