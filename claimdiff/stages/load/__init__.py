"""Stage 1, load: read reports from disk, split off their header, name them.

- ``paths``: which files are reports (folders expanded; links out of a folder,
  FIFOs and devices refused), each read with a size bound;
- ``decode``: bytes to text (UTF-8, byte-order marks, legacy encodings,
  mojibake), and what the offsets refer to;
- ``header``: YAML front matter or a ``date 2022-02 'headline'`` first line;
- ``documents``: the ``Document`` of each report, its language settled.
"""

from claimdiff.lang import normalise as normalise_lang
from claimdiff.stages.load.decode import Decoded, decode_report
from claimdiff.stages.load.documents import document_from_text, document_warnings, load_documents
from claimdiff.stages.load.header import Header, parse_header
from claimdiff.stages.load.paths import (
    DEFAULT_MAX_BYTES,
    REPORT_SUFFIXES,
    expand_paths,
    read_report,
    unique_ids,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "REPORT_SUFFIXES",
    "Decoded",
    "Header",
    "decode_report",
    "document_from_text",
    "document_warnings",
    "expand_paths",
    "load_documents",
    "normalise_lang",
    "parse_header",
    "read_report",
    "unique_ids",
]
