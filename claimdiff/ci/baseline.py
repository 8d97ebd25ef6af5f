"""Baselines: reviewed, accepted differences that should not fail every run.

A baseline file lists findings by ``key``: a hash of the finding's kind and
the words of the draft claim and of the source claim, not of their offsets,
so it survives edits elsewhere in the files. A finding whose key is in the
baseline is marked ``baselined`` and does not count for ``--fail-on``; a new
finding, or one whose claims were reworded, does.

    {"claimdiff_baseline": 1,
     "accepted": [{"key": "3f2a…", "kind": "figure", "draft": "…", "source": "…"}]}
"""

from __future__ import annotations

import json
from pathlib import Path

from claimdiff.errors import InputError
from claimdiff.files import read_json_file
from claimdiff.models import CheckReport

FORMAT = 1


def read_baseline(path: Path, must_exist: bool = True) -> tuple[set[str], str | None]:
    """The accepted keys in a baseline file, and a notice when there was none to read.

    A baseline named on the command line must exist; one named in the
    configuration (``must_exist=False``) may be missing: that is an empty
    baseline, with a notice saying how to write one.
    """
    if not must_exist and not path.exists() and not path.is_symlink():
        return set(), (
            f"baseline {path} does not exist yet: no finding is accepted; "
            f"write it with --write-baseline {path} once the findings are reviewed"
        )
    data = read_json_file(path, "baseline")
    version = data.get("claimdiff_baseline") if isinstance(data, dict) else None
    if type(version) is not int or version != FORMAT:
        raise InputError(
            f"baseline {path}: not a claimdiff baseline of format {FORMAT} "
            "(write one with --write-baseline)"
        )
    accepted = data.get("accepted", [])
    if not isinstance(accepted, list):
        raise InputError(
            f"baseline {path}: 'accepted' must be a list of findings, not {json.dumps(accepted)[:40]}"
        )
    return {
        str(item["key"])
        for item in accepted
        if isinstance(item, dict) and isinstance(item.get("key"), str)
    }, None


def apply_baseline(report: CheckReport, keys: set[str]) -> CheckReport:
    """The report with the findings the baseline accepts marked (a new report)."""
    findings = [f.model_copy(update={"baselined": f.key in keys}) for f in report.findings]
    return report.model_copy(update={"findings": findings})


def baseline_text(reports: list[CheckReport]) -> str:
    """A baseline accepting every finding of ``reports``, stable in order."""
    accepted = [
        {
            "key": f.key,
            "kind": f.kind,
            "draft": f.draft.text,
            "source": f.source.text if f.source and f.kind != "unsupported" else None,
        }
        for f in sorted((f for r in reports for f in r.findings), key=lambda f: (f.key, f.kind))
    ]
    return (
        json.dumps(
            {"claimdiff_baseline": FORMAT, "accepted": accepted}, ensure_ascii=False, indent=2
        )
        + "\n"
    )
