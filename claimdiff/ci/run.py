"""A whole ``claimdiff check`` run: which drafts against which sources, with which baseline.

The CLI parses flags into a :class:`CheckRequest`; this module resolves the
drafts and sources (the configuration's globs are relative to its file),
reads the baseline, checks every draft with one encoder, and marks the
findings the baseline accepts.
"""

from __future__ import annotations

import glob
from dataclasses import dataclass, field
from pathlib import Path

from claimdiff.errors import InputError, UsageError
from claimdiff.models import CheckReport, Settings


@dataclass
class CheckRequest:
    """What a check run was asked to do."""

    settings: Settings
    origin: dict[str, str]  # where each setting came from (``claimdiff.ci.config.effective``)
    drafts: list[Path] = field(default_factory=list)  # given on the command line
    against: list[Path] = field(default_factory=list)
    baseline: Path | None = None  # --baseline
    no_baseline: bool = False  # --no-baseline: ignore the configured one


@dataclass
class CheckOutcome:
    """The reports of a run, and notices for the user (a missing configured baseline)."""

    reports: list[CheckReport]
    notices: list[str]
    drafts: list[Path]
    sources: list[Path]
    baseline: Path | None


def expand_patterns(patterns: list[str], base: Path) -> list[Path]:
    """Globs from the configuration, relative to the folder of the configuration file.

    A pattern without wildcards may name a folder (``sources = ["sources/"]``),
    which stands for its reports; a wildcard pattern gives its files only.
    """
    out: list[Path] = []
    for pattern in patterns:
        full = pattern if Path(pattern).is_absolute() else str(base / pattern)
        if not glob.has_magic(full):
            out.append(Path(full))
            continue
        out.extend(Path(p) for p in sorted(glob.glob(full, recursive=True)) if Path(p).is_file())
    return [relative_to_cwd(p) for p in out]


def relative_to_cwd(path: Path) -> Path:
    """Relative to the working directory when under it: GitHub annotations and SARIF
    need paths relative to the repository, where the job runs."""
    try:
        return path.absolute().relative_to(Path.cwd())
    except ValueError:
        return path


def expand_inputs(items: list[Path], follow_symlinks: bool = False) -> list[Path]:
    """Files as given; a folder stands for its reports; a wildcard pattern that is not
    itself a file is expanded (the action passes ``drafts/*.md`` unexpanded)."""
    from claimdiff.stages.load import expand_paths

    out: list[Path] = []
    for p in items:
        if not p.exists() and glob.has_magic(str(p)):
            found = [Path(m) for m in sorted(glob.glob(str(p), recursive=True))]
            if not found:
                raise UsageError(f"{p}: matches no file")
            out.extend(m for m in found if m.is_file())
        else:
            out.append(p)
    return expand_paths(out, follow_symlinks=follow_symlinks)


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or a.samefile(b)
    except (OSError, ValueError, RuntimeError):
        return False


def resolve(request: CheckRequest) -> tuple[list[Path], list[Path], Path | None, bool]:
    """(drafts, sources, baseline path, whether the baseline must exist)."""
    from claimdiff.ci.config import config_folder

    s = request.settings
    drafts = expand_inputs(
        request.drafts or expand_patterns(s.drafts, config_folder(request.origin, "drafts")),
        s.follow_symlinks,
    )
    sources = expand_inputs(
        request.against or expand_patterns(s.sources, config_folder(request.origin, "sources")),
        s.follow_symlinks,
    )
    if not drafts:
        raise UsageError("no draft to check: give DRAFT, or `drafts` in claimdiff.toml")
    if not sources:
        raise UsageError("no sources: give --against SOURCE..., or `sources` in claimdiff.toml")
    if request.no_baseline:
        return drafts, sources, None, False
    if request.baseline is not None:
        return drafts, sources, request.baseline, True
    return drafts, sources, Path(s.baseline) if s.baseline else None, False


def run_checks(request: CheckRequest, writing_baseline: bool = False) -> CheckOutcome:
    """Check every draft against its sources; mark the findings the baseline accepts.

    With ``writing_baseline`` a baseline that does not exist yet is not an error
    (it is about to be written).
    """
    from claimdiff.api import check, encoder_for, weights_for
    from claimdiff.ci.baseline import apply_baseline, read_baseline

    drafts, sources, baseline, must_exist = resolve(request)
    accepted: set[str] = set()
    notices: list[str] = []
    if baseline is not None and not (writing_baseline and not baseline.exists()):
        accepted, notice = read_baseline(baseline, must_exist=must_exist)
        if notice:
            notices.append(notice)
    s = request.settings
    encoder = encoder_for(s)
    weights = weights_for(s)
    reports = []
    for draft in drafts:
        # a draft that lies among its sources (a folder) is not its own source
        own = [p for p in sources if not same_file(p, draft)]
        if not own:
            raise InputError(f"{draft}: no source besides the draft itself")
        reports.append(
            apply_baseline(check(draft, own, s, encoder=encoder, weights=weights), accepted)
        )
    return CheckOutcome(reports, notices, drafts, sources, baseline)
