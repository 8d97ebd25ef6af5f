"""The code's shape: the pipeline's stages import only the stages before them, and no module
imports itself round a cycle (function-level imports included)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "claimdiff"
STAGES = ("load", "segment", "extract", "align", "compare", "render")
#: What every stage may use besides the stages before it.
BASE = ("claimdiff.models", "claimdiff.lang", "claimdiff.errors", "claimdiff.files")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, known: set[str]) -> set[str]:
    """The claimdiff modules ``path`` imports, anywhere in the file."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("claimdiff"))
        elif (
            isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("claimdiff")
        ):
            for a in node.names:  # `from claimdiff.stages.load import paths` imports a module
                sub = f"{node.module}.{a.name}"
                out.add(sub if sub in known else node.module)
    return out


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {m: imports(p, known) - {m} for m, p in mods.items()}


def stage_of(module: str) -> int | None:
    parts = module.split(".")
    if len(parts) >= 3 and parts[1] == "stages" and parts[2] in STAGES:
        return STAGES.index(parts[2])
    return None


def stage_violations(g: dict[str, set[str]]) -> list[str]:
    """Imports by a stage of a later stage, or of anything above the stages (api, ci, cli)."""
    bad = []
    for module, deps in g.items():
        own = stage_of(module)
        if own is None:
            continue
        for dep in deps:
            theirs = stage_of(dep)
            earlier = theirs is not None and theirs <= own
            if not (earlier or dep == "claimdiff" or dep.startswith(BASE)):
                bad.append(f"{module} imports {dep}")
    return bad


def _inside_one_package(cycle: list[str]) -> bool:
    """A package importing its own submodules, and they the package: not a cycle of code."""
    root = min(cycle, key=len)
    return all(x == root or x.startswith(root + ".") for x in cycle)


def find_cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Import cycles, found depth first (each reported once per back edge)."""
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the path, 2 done

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for d in sorted(g.get(m, ())):
            if d not in g:
                continue
            if state.get(d) == 1:
                cycle = path[path.index(d) :] + [d]
                if not _inside_one_package(cycle):
                    cycles.append(cycle)
            elif state.get(d) is None:
                visit(d, [*path, d])
        state[m] = 2

    for m in sorted(g):
        if state.get(m) is None:
            visit(m, [m])
    return cycles


def test_every_stage_imports_only_earlier_stages_and_the_models() -> None:
    assert stage_violations(graph()) == []


def test_the_models_import_no_stage() -> None:
    g = graph()
    bad = [
        (m, d)
        for m in g
        if m.startswith("claimdiff.models")
        for d in g[m]
        if "stages" in d or "api" in d
    ]
    assert not bad, bad


def test_no_import_cycles() -> None:
    assert find_cycles(graph()) == []


def test_the_layout_shows_the_pipeline() -> None:
    for stage in STAGES:
        assert (PACKAGE / "stages" / stage / "__init__.py").is_file(), stage
    for top in ("api.py", "models", "lang", "ci", "cli"):
        assert (PACKAGE / top).exists(), top


def test_the_checks_find_what_they_look_for() -> None:
    """Both checks fail on a graph that breaks them (so the tests above can fail)."""
    g = {
        "claimdiff.api": {"claimdiff.ci.check"},
        "claimdiff.ci.check": {"claimdiff.api"},
        "claimdiff.stages.load.paths": {"claimdiff.stages.align.grouping"},
        "claimdiff.stages.align": {"claimdiff.stages.align.grouping"},
        "claimdiff.stages.align.grouping": {"claimdiff.stages.align"},
    }
    assert find_cycles(g) == [["claimdiff.api", "claimdiff.ci.check", "claimdiff.api"]]
    assert stage_violations(g) == [
        "claimdiff.stages.load.paths imports claimdiff.stages.align.grouping"
    ]
