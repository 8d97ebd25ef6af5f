"""Writing what a command produces: stdout, or ``--output`` written safely.

- Never over an input: a report, the baseline, the weights, the configuration
  file; never into a sources folder as a report (the next run would read it).
- A regular file is written atomically (a temp file beside it, then a rename),
  so an interrupted run leaves the old file and no temp file.
- A device, FIFO or other special file (``/dev/null``, ``/dev/stdout``) is
  written in place, never replaced.
- The target is checked before the work starts, so a bad ``--output`` costs nothing.
"""

from __future__ import annotations

import os
import secrets
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

from claimdiff.errors import UsageError

REPORT_SUFFIXES = (".txt", ".md")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except (OSError, ValueError, RuntimeError):
        return False


def _resolve(path: Path, flag: str) -> Path:
    try:
        return path.resolve()
    except RuntimeError:
        raise UsageError(f"{flag} {path}: is a symlink loop; give another file") from None
    except OSError as e:
        raise UsageError(f"{flag} {path}: {e.strerror or e}") from None


def check_output(
    output: Path | None,
    inputs: Sequence[Path],
    flag: str = "--output",
    others: Sequence[tuple[str, Path | None]] = (),
) -> None:
    """Refuse an ``output`` that would overwrite an input or another output, or cannot be written.

    ``inputs`` are every file and folder the command reads; ``others`` the other
    outputs of the same command, as (flag, path).
    """
    if output is None:
        return
    target = _resolve(output, flag)
    for p in inputs:
        if p.is_dir():
            inside = target.parent == _resolve(p, flag) and target.suffix.lower() in REPORT_SUFFIXES
            if inside:
                raise UsageError(
                    f"{flag} {output} is inside the reports folder {p} and would be read as a "
                    "report next time; write it elsewhere"
                )
        elif _same_file(output, p):
            raise UsageError(f"{flag} {output} is one of the inputs ({p}); choose another file")
    for other_flag, other in others:
        if other is not None and (
            _same_file(output, other) or target == _resolve(other, other_flag)
        ):
            raise UsageError(f"{flag} and {other_flag} are the same file {output}; give two files")
    try:
        st = target.stat()
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise UsageError(f"{flag} {output}: {e.strerror or e}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise UsageError(f"{flag} {output} is a folder; give a file name")
    if st is not None and stat.S_ISSOCK(st.st_mode):
        raise UsageError(f"{flag} {output} is a socket; give a file")
    if st is not None and not stat.S_ISREG(st.st_mode):
        if not os.access(target, os.W_OK):
            raise UsageError(f"{flag} {output}: cannot write it (permission denied)")
        return  # a device or FIFO: written in place
    if not target.parent.is_dir():
        raise UsageError(f"{flag} {output}: the folder {output.parent} does not exist")
    if not os.access(target.parent, os.W_OK | os.X_OK) or (
        st is not None and not os.access(target, os.W_OK)
    ):
        raise UsageError(f"{flag} {output}: cannot write there (permission denied)")


def _encoded(text: str) -> bytes:
    """UTF-8; a file name that was not UTF-8 (surrogate escapes) is written with backslashes."""
    return text.encode("utf-8", "backslashreplace")


def write_stdout(text: str) -> None:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        enc = sys.stdout.encoding or "utf-8"
        sys.stdout.write(text.encode(enc, "backslashreplace").decode(enc))
    else:
        sys.stdout.flush()
        buffer.write(_encoded(text))
        buffer.flush()
    sys.stdout.flush()


def write_output(
    text: str,
    output: Path | None,
    inputs: Sequence[Path],
    flag: str = "--output",
    others: Sequence[tuple[str, Path | None]] = (),
) -> None:
    """Print ``text``, or write it to ``output`` (see the module docstring)."""
    if output is None:
        write_stdout(text)
        return
    check_output(output, inputs, flag, others)
    target = output.resolve()
    data = _encoded(text)
    if target.exists() and not target.is_file():
        _write_in_place(target, data, output, flag)
        return
    tmp = target.parent / f".claimdiff-{secrets.token_hex(6)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as e:
        raise UsageError(f"{flag} {output}: cannot write there ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:  # the temp file is private (0600); give it the usual mode
            mode = target.stat().st_mode & 0o777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as e:
        tmp.unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise UsageError(f"{flag} {output}: cannot write it ({e.strerror or e})") from None
        raise


def _write_in_place(target: Path, data: bytes, output: Path, flag: str) -> None:
    try:
        with open(target, "wb", buffering=0) as fh:
            view = memoryview(data)
            while view:
                n = fh.write(view)
                view = view[n or len(view) :]
    except OSError as e:
        raise UsageError(f"{flag} {output}: cannot write it ({e.strerror or e})") from None
