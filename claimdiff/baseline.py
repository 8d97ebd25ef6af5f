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

from claimdiff.check import CheckReport
from claimdiff.errors import InputError

FORMAT = 1


def read_baseline(path: Path) -> set[str]:
    """The accepted keys in a baseline file; a friendly error for a file that is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(
            f"baseline {path}: no such file; create it with --write-baseline {path}"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(
            f"baseline {path}: not a claimdiff baseline ({type(e).__name__})"
        ) from None
    if not isinstance(data, dict) or data.get("claimdiff_baseline") != FORMAT:
        raise InputError(
            f"baseline {path}: not a claimdiff baseline (write one with --write-baseline)"
        )
    return {
        str(item["key"])
        for item in data.get("accepted", [])
        if isinstance(item, dict) and "key" in item
    }


def apply_baseline(report: CheckReport, keys: set[str]) -> CheckReport:
    """Mark the findings the baseline accepts."""
    for f in report.findings:
        f.baselined = f.key in keys
    return report


def baseline_text(report: CheckReport) -> str:
    """A baseline accepting every finding of ``report``, stable in order."""
    accepted = [
        {
            "key": f.key,
            "kind": f.kind,
            "draft": f.draft.text,
            "source": f.source.text if f.source and f.kind != "unsupported" else None,
        }
        for f in sorted(report.findings, key=lambda f: (f.key, f.kind))
    ]
    return (
        json.dumps(
            {"claimdiff_baseline": FORMAT, "accepted": accepted}, ensure_ascii=False, indent=2
        )
        + "\n"
    )
