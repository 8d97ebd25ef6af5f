"""Which files are reports: paths as given, folders expanded, each file read once and safely.

A folder stands for the ``.txt`` and ``.md`` files directly in it, sorted.
Left out, each with a notice: hidden files (``.name``), Office lock files
(``~$name``), files that are plainly not reports (``README``, ``LICENSE``,
``CHANGELOG``, ``CONTRIBUTING``), and links that point outside the folder
(unless ``follow_symlinks``: a pull request must not be able to quote the
runner's files into a report). A file named directly must be a regular file
with a report extension (or none).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

from claimdiff.errors import InputError
from claimdiff.models.settings import DEFAULT_MAX_BYTES
from claimdiff.stages.load.decode import Decoded, decode_report

REPORT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
#: Files in a folder of reports that are about the folder, not reports.
NOT_REPORTS = re.compile(
    r"(?i)^(readme|license|licence|copying|changelog|changes|contributing|notice|authors|code_of_conduct)\b"
)

__all__ = ["DEFAULT_MAX_BYTES", "REPORT_SUFFIXES", "expand_paths", "read_report", "unique_ids"]


def _stat(path: Path) -> os.stat_result:
    try:
        return path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(f"{path}: is a broken link (its target does not exist)") from None
        raise InputError(f"{path}: no such file; check the path") from None
    except PermissionError:
        raise InputError(f"{path}: cannot read it (permission denied)") from None
    except RuntimeError:
        raise InputError(f"{path}: is a symlink loop") from None
    except (OSError, ValueError) as e:
        if isinstance(e, OSError) and e.errno == 40:  # ELOOP
            raise InputError(f"{path}: is a symlink loop") from None
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise InputError(f"{path}: cannot read it ({reason})") from None


def _too_big(path: Path, size: int | None, max_bytes: int) -> InputError:
    said = f"{size:,} bytes is" if size is not None else "it is"
    return InputError(
        f"{path}: {said} more than the limit of {max_bytes:,}; "
        "news reports are small: pass --max-bytes to raise the limit"
    )


def read_report(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """The decoded text of one report, or an InputError that says what to do.

    Only regular files are read (a FIFO would block, ``/dev/zero`` never ends);
    the size is checked with ``stat`` first, and at most ``max_bytes + 1`` bytes
    are ever read.
    """
    st = _stat(path)
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a folder, not a report")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(
            f"{path}: is not a regular file (a device, FIFO or socket); save the report to a file"
        )
    if st.st_size > max_bytes:
        raise _too_big(path, st.st_size, max_bytes)
    try:
        with _open_report(path) as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise InputError(f"{path}: is not a regular file; save the report to a file")
            raw = fh.read(max_bytes + 1)
    except PermissionError:
        raise InputError(f"{path}: cannot read it (permission denied)") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read it ({e.strerror or e})") from None
    if len(raw) > max_bytes:
        raise _too_big(path, None, max_bytes)
    if not raw:
        raise InputError(f"{path}: is empty; give a report with some text")
    return decode_report(raw, str(path))


def _open_report(path: Path) -> BinaryIO:
    """Open for reading without blocking: a file swapped for a FIFO after the ``stat`` does not hang."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    return os.fdopen(fd, "rb")


def _skip_reason(q: Path, folder: Path, follow_symlinks: bool) -> str | None:
    """Why a file in a folder of reports is not read, or None to read it."""
    if q.name.startswith((".", "~$")):
        return "hidden"
    if q.suffix.lower() not in REPORT_SUFFIXES:
        return "not a report"  # silently: images, JSON and the like are not news
    if NOT_REPORTS.match(q.name):
        return f"{q}: skipped: a {q.stem} file, not a report"
    if q.is_symlink() and not follow_symlinks:
        try:
            target = q.resolve(strict=True)
            inside = target.is_relative_to(folder.resolve())
        except (OSError, RuntimeError):
            return f"{q}: skipped: a broken link or a symlink loop"
        if not inside:
            return (
                f"{q}: skipped: a link to {target}, outside {folder} "
                "(pass --follow-symlinks to read it)"
            )
    try:
        if not q.is_file():
            return f"{q}: skipped: not a regular file"
    except OSError:
        return f"{q}: skipped: cannot be read"
    return None


def _check_named(p: Path) -> None:
    """A file named directly: refused when its extension says it is not a report."""
    suffix = p.suffix.lower()
    if suffix and suffix not in REPORT_SUFFIXES and not p.name.startswith("."):
        raise InputError(
            f"{p}: a {suffix} file is not a report; claimdiff reads plain text "
            f"({', '.join(REPORT_SUFFIXES)}): save the article as .txt or .md"
        )


def expand_paths(
    paths: Iterable[str | Path],
    follow_symlinks: bool = False,
    notices: list[str] | None = None,
) -> list[Path]:
    """Files as given; a folder stands for its reports, sorted (see the module docstring).

    What was skipped, and why, is appended to ``notices``. A file named twice
    (also through a link or another spelling of its path) is refused: it would
    be compared with itself.
    """
    out: list[Path] = []
    for p in map(Path, paths):
        try:
            is_dir = p.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            try:
                entries = sorted(p.iterdir())
            except OSError as e:
                raise InputError(f"{p}: cannot list the folder ({e.strerror or e})") from None
            found = []
            for q in entries:
                why = _skip_reason(q, p, follow_symlinks)
                if why is None:
                    found.append(q)
                elif notices is not None and why not in ("hidden", "not a report"):
                    notices.append(why)
            if not found:
                raise InputError(f"{p}: is a folder with no reports (.txt or .md) in it")
            out.extend(found)
        else:
            _check_named(p)
            out.append(p)
    seen: dict[object, Path] = {}
    for p in out:
        try:
            st = p.stat()
            key: object = (st.st_dev, st.st_ino)
        except (OSError, ValueError, RuntimeError):
            key = str(p)
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
