"""Renderers for ``claimdiff check``: markdown, json, github workflow commands, SARIF 2.1.0.

The machine formats (json, github, sarif) are stable and tested with golden files.
"""

from __future__ import annotations

import json
from pathlib import Path

from claimdiff import __version__
from claimdiff.models import CheckReport, Finding, FindingKind, kinds_of
from claimdiff.stages.render.escape import md_inline

FINDING_KINDS = kinds_of(FindingKind)
_TITLES = {
    "figure": "claimdiff: figure conflict",
    "attribution": "claimdiff: attribution conflict",
    "unsupported": "claimdiff: unsupported claim",
}
_HELP = {
    "figure": "A figure in the draft cannot be true together with the aligned figure of a source.",
    "attribution": "The draft attributes the statement to another source than its source does.",
    "unsupported": "No source states this claim.",
}


def _escape_data(s: str) -> str:
    """Workflow-command message: % CR LF escaped (GitHub Actions' format)."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    """Workflow-command property value: also ':' and ','."""
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def to_github(report: CheckReport, fail_on: set[str]) -> str:
    """``::error file=…,line=…,col=…,title=…::message``; ``warning`` for kinds not failing the run,
    ``notice`` for baselined findings."""
    lines = []
    for f in report.findings:
        level = "notice" if f.baselined else "error" if f.kind in fail_on else "warning"
        props = ",".join(
            f"{k}={_escape_property(str(v))}"
            for k, v in (
                ("file", f.draft.path),
                ("line", f.draft.line),
                ("endLine", f.draft.end_line),
                ("col", f.draft.column),
                ("title", _TITLES[f.kind]),
            )
        )
        lines.append(f"::{level} {props}::{_escape_data(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def to_sarif(report: CheckReport, fail_on: set[str]) -> str:
    """SARIF 2.1.0, one result per finding; baselined findings are suppressed."""
    return to_sarif_many([report], fail_on)


def to_sarif_many(reports: list[CheckReport], fail_on: set[str]) -> str:
    """One SARIF run holding the findings of every checked draft."""
    rules = [
        {
            "id": f"claimdiff/{kind}",
            "name": kind,
            "shortDescription": {"text": _TITLES[kind]},
            "fullDescription": {"text": _HELP[kind]},
            "defaultConfiguration": {"level": "error" if kind in fail_on else "warning"},
        }
        for kind in FINDING_KINDS
    ]

    def result(f: Finding) -> dict[str, object]:
        loc = {
            "physicalLocation": {
                "artifactLocation": {"uri": Path(f.draft.path).as_posix()},
                "region": {
                    "startLine": f.draft.line,
                    "startColumn": f.draft.column,
                    "endLine": f.draft.end_line,
                    "endColumn": f.draft.end_column,
                    "snippet": {"text": f.draft.text},
                },
            }
        }
        out: dict[str, object] = {
            "ruleId": f"claimdiff/{f.kind}",
            "ruleIndex": FINDING_KINDS.index(f.kind),
            "level": "error" if f.kind in fail_on else "warning",
            "message": {"text": f.message},
            "locations": [loc],
            "partialFingerprints": {"claimdiff/v1": f.key},
        }
        if f.source is not None:
            out["relatedLocations"] = [
                {
                    "id": 1,
                    "message": {"text": f.source.text},
                    "physicalLocation": {
                        "artifactLocation": {"uri": Path(f.source.path).as_posix()},
                        "region": {"startLine": f.source.line, "startColumn": f.source.column},
                    },
                }
            ]
        if f.baselined:
            out["suppressions"] = [
                {"kind": "external", "justification": "in the claimdiff baseline"}
            ]
        return out

    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimdiff",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/claimdiff/",
                        "rules": rules,
                    }
                },
                "results": [result(f) for r in reports for f in r.findings],
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


def to_json(report: CheckReport) -> str:
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def to_markdown(report: CheckReport, fail_on: set[str]) -> str:
    """For ``$GITHUB_STEP_SUMMARY`` or a pull-request comment."""
    name = Path(report.draft.path).name
    counts = {
        k: sum(1 for f in report.findings if f.kind == k and not f.baselined) for k in FINDING_KINDS
    }
    baselined = sum(f.baselined for f in report.findings)
    lines = [
        f"# claimdiff check: `{md_inline(name)}`",
        "",
        f"{_n(report.claims, 'claim')} checked against {_n(len(report.sources), 'source')}: "
        f"{_n(counts['figure'], 'figure conflict')}, "
        f"{_n(counts['attribution'], 'attribution conflict')}, "
        f"{counts['unsupported']} unsupported"
        + (f"; {baselined} accepted in the baseline." if baselined else "."),
        "",
    ]
    shown = [f for f in report.findings if not f.baselined]
    if not shown:
        lines.append("Nothing to report.")
        return "\n".join(lines) + "\n"
    lines += ["| | where | kind | claim | source |", "|---|---|---|---|---|"]
    for f in shown:
        mark = "❌" if f.kind in fail_on else "⚠️"
        src = (
            f"`{md_inline(Path(f.source.path).name)}:{f.source.line}` {md_inline(f.source.text)}"
            if f.source
            else "—"
        )
        lines.append(
            f"| {mark} | `{md_inline(name)}:{f.draft.line}:{f.draft.column}` | {f.kind} | "
            f"{md_inline(f.draft.text)} | {src} |"
        )
    lines += ["", "Details:", ""]
    for f in shown:
        lines.append(f"- line {f.draft.line}: {md_inline(f.message)}")
    return "\n".join(lines) + "\n"
