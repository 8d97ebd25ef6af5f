"""Reading the small files claimdiff is given besides reports: weights, baselines, configuration, gold.

Only regular files are read, and only up to a bound: a FIFO would block
forever and ``/dev/zero`` would fill the memory. Every problem is an
:class:`~claimdiff.errors.InputError` naming the file and what to do.

>>> read_json_file("/dev/null", "--weights")
Traceback (most recent call last):
...
claimdiff.errors.InputError: --weights /dev/null: is not a regular file (a device, FIFO or socket); give a file
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from claimdiff.errors import InputError

#: Settings, weights, baselines and gold files are small; this bounds what is read.
MAX_SIDE_FILE = 50_000_000


def regular_file_stat(path: Path, what: str) -> os.stat_result:
    """``stat`` of ``path`` (links followed) when it is a regular file; else an InputError."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(f"{what} {path}: no such file") from None
    except RuntimeError:  # a symlink loop (Path.resolve / stat on some versions)
        raise InputError(f"{what} {path}: is a symlink loop") from None
    except OSError as e:
        if e.errno == 40:  # ELOOP
            raise InputError(f"{what} {path}: is a symlink loop") from None
        raise InputError(f"{what} {path}: cannot read it ({e.strerror or e})") from None
    except ValueError as e:
        raise InputError(f"{what} {path}: cannot read it ({e})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{what} {path}: is a folder; give a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(
            f"{what} {path}: is not a regular file (a device, FIFO or socket); give a file"
        )
    return st


def read_bytes(path: Path, what: str, limit: int = MAX_SIDE_FILE) -> bytes:
    """The bytes of a regular file, at most ``limit``; FIFOs and devices are refused unread."""
    st = regular_file_stat(path, what)
    if st.st_size > limit:
        raise InputError(f"{what} {path}: {st.st_size:,} bytes is more than {limit:,}")
    try:
        # O_NONBLOCK: should the file have been swapped for a FIFO since the stat, open does not block
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise InputError(f"{what} {path}: is not a regular file; give a file")
            raw = fh.read(limit + 1)
    except PermissionError:
        raise InputError(f"{what} {path}: cannot read it (permission denied)") from None
    except OSError as e:
        raise InputError(f"{what} {path}: cannot read it ({e.strerror or e})") from None
    if len(raw) > limit:
        raise InputError(f"{what} {path}: more than {limit:,} bytes")
    return raw


def read_text_file(path: Path, what: str, limit: int = MAX_SIDE_FILE) -> str:
    """A UTF-8 text file (see ``read_bytes``)."""
    raw = read_bytes(path, what, limit)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{what} {path}: is not UTF-8 text") from None


def parse_json(text: str, what: str) -> Any:
    """JSON, with every way it can fail (also nesting too deep to read) as an InputError."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"{what}: not valid JSON ({e.msg} at line {e.lineno})") from None
    except RecursionError:
        raise InputError(f"{what}: JSON nested too deeply to read") from None


def read_json_file(path: str | Path, what: str) -> Any:
    """A JSON file (see ``read_bytes``), with a friendly error for every failure."""
    p = Path(path)
    return parse_json(read_text_file(p, what), f"{what} {p}")
