"""Documents: reports read from disk or given as strings, with their metadata and language."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from claimdiff.errors import InputError
from claimdiff.lang import normalise
from claimdiff.models import Document
from claimdiff.stages.load.header import _header_language, parse_header
from claimdiff.stages.load.paths import DEFAULT_MAX_BYTES, expand_paths, read_report, unique_ids


def load_documents(
    paths: Iterable[str | Path],
    lang: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    follow_symlinks: bool = False,
    notices: list[str] | None = None,
) -> list[Document]:
    """Read every report and settle its metadata and language.

    ``lang`` (the ``--lang`` option) must be a language claimdiff has data for.
    Files left out of a folder, and why, are appended to ``notices``.
    """
    from claimdiff.lang.detect import detect

    if lang:
        lang = normalise(lang)
    files = expand_paths(paths, follow_symlinks=follow_symlinks, notices=notices)
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


def document_from_text(
    text: str, doc_id: str = "text", lang: str | None = None, path: str | None = None
) -> Document:
    """A Document made from a string (for the Python API and tests).

    Offsets refer to ``text`` exactly as given: nothing is decoded or normalised.
    """
    from claimdiff.lang.detect import detect

    if not text.strip():
        raise InputError(f"{doc_id}: is empty; give a report with some text")
    header = parse_header(text)
    header_lang = _header_language(header.language)
    if lang:
        lang = normalise(lang)
    language = lang or header_lang or detect(text[header.body_start :])
    return Document(
        id=doc_id,
        path=path or doc_id,
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


def document_warnings(docs: list[Document]) -> list[str]:
    """What the user should know about the reports: encoding guesses and repairs, languages
    without data, reports without claims."""
    from claimdiff.lang import available

    out = [w for d in docs for w in d.warnings]
    for d in docs:
        if d.language not in available():
            out.append(
                f"{d.path}: language {d.language!r} has no data in claimdiff; "
                "read with English conventions"
            )
        if d.n_claims == 0:
            out.append(f"{d.path}: no claims found (no sentence with a figure or a named source)")
    return out
