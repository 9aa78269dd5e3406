"""The shape of the code, as ARCHITECTURE.md draws it, checked on the source.

Imports are read from the source with ``ast`` (every import, also those inside functions
and under ``TYPE_CHECKING``), so a check holds whether or not a code path runs.
"""

from __future__ import annotations

import ast
import graphlib
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import ROOT

SRC = ROOT / "src"
PACKAGE = SRC / "pzspec"

# lowest first: a module may import its own layer and those below it, never one above
# models/ is two layers: the inputs a condition reads (base, portfolio) lie below the
# condition types; the rule-data models that hold conditions (rules) and the results that
# hold messages (result) lie above them.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("model-inputs",),
    ("messages",),
    ("errors",),
    ("conditions",),
    ("models",),
    ("load",),
    ("evaluate", "diff"),
    ("render",),
    ("api",),
    ("web",),
    ("cli", "__main__"),
)
RANK = {part: i for i, layer in enumerate(LAYERS) for part in layer}
CORE = ("model-inputs", "models", "load", "evaluate", "diff", "conditions", "messages", "errors")
EDGE_PACKAGES = ("typer", "rich", "jinja2")
EDGE_MODULES = ("pzspec.render", "pzspec.cli", "pzspec.api", "pzspec.web")
MAX_LINES = 400
LONG_ALLOWED: tuple[str, ...] = ()


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in ``path``, once per line; ``from a import b`` gives
    ``a.b`` when that is a module of pzspec, else ``a``."""
    return sorted(set(_imports(path)))


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield node.lineno, full if full in modules() else base


def part_of(module: str) -> str | None:
    """The layer name of a pzspec module (``pzspec.load.yamlio`` -> ``load``)."""
    parts = module.split(".")
    if parts[:2] == ["pzspec", "models"] and parts[2:3] in (["base"], ["portfolio"], []):
        return "model-inputs"
    return parts[1] if parts[0] == "pzspec" and len(parts) > 1 else None


def in_core(module: str) -> bool:
    return part_of(module) in CORE


def where(module: str, line: int) -> str:
    return f"{modules()[module].relative_to(ROOT)}:{line}"


def test_core_imports_no_edge() -> None:
    """models, load, evaluate, diff, conditions, messages and errors import neither typer,
    rich, jinja2 nor render/, cli/, the API or the web app."""
    found = [
        f"{where(mod, line)}: imports {target}"
        for mod, path in modules().items()
        if in_core(mod)
        for line, target in imports(path)
        if target.split(".")[0] in EDGE_PACKAGES
        or any(target == e or target.startswith(e + ".") for e in EDGE_MODULES)
    ]
    assert not found, "\n".join(found)


def _pzspec_edges() -> Iterator[tuple[str, int, str]]:
    for mod, path in modules().items():
        for line, target in imports(path):
            if part_of(target) is not None and part_of(mod) is not None:
                yield mod, line, target


def test_imports_run_one_way() -> None:
    """cli -> api -> render -> evaluate/diff -> load -> models (rules, result) -> conditions
    -> errors -> messages -> model inputs (models/base, models/portfolio): see LAYERS."""
    found = []
    for mod, line, target in _pzspec_edges():
        here, there = RANK.get(part_of(mod) or ""), RANK.get(part_of(target) or "")
        if here is None or there is None:
            found.append(f"{where(mod, line)}: {mod} or {target} is in no layer")
        elif there > here:
            found.append(f"{where(mod, line)}: {part_of(mod)} imports {target} (above it)")
    assert not found, "\n".join(found)


def test_no_cycle_between_packages() -> None:
    graph: dict[str, set[str]] = {}
    for mod, _, target in _pzspec_edges():
        a, b = part_of(mod), part_of(target)
        if a and b and a != b:
            graph.setdefault(a, set()).add(b)
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as err:
        pytest.fail(f"import cycle between packages: {' -> '.join(err.args[1])}")


def test_nothing_imports_the_cli() -> None:
    found = [
        f"{where(mod, line)}: imports {target}"
        for mod, line, target in _pzspec_edges()
        if part_of(target) == "cli" and part_of(mod) not in ("cli", "__main__")
    ]
    assert not found, "\n".join(found)


# Rule data carries its own texts in both languages (LText); picking one of the two is
# reading data, not wording, and render/ is the only caller that passes a language.
TAKES_A_LANGUAGE = {"pzspec.models.base:get"}


def test_no_core_function_takes_a_language() -> None:
    found = []
    for mod, path in modules().items():
        if not in_core(mod):
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                a = node.args
                names = [x.arg for x in (*a.posonlyargs, *a.args, *a.kwonlyargs)]
                names += [x.arg for x in (a.vararg, a.kwarg) if x is not None]
                if "lang" in names and f"{mod}:{getattr(node, 'name', '')}" not in TAKES_A_LANGUAGE:
                    what = getattr(node, "name", "lambda")
                    found.append(f"{where(mod, node.lineno)}: {what}(lang)")
    assert not found, f"{len(found)} core functions take lang:\n" + "\n".join(found)


def _long_allowed(path: Path) -> bool:
    rel = path.relative_to(SRC).as_posix()
    return rel in LONG_ALLOWED or (
        rel.startswith("pzspec/render/") and path.name.startswith("messages_")
    )


def test_no_module_over_400_lines() -> None:
    found = [
        f"{p.relative_to(ROOT)}: {n} lines"
        for p in modules().values()
        if not _long_allowed(p) and (n := len(p.read_text("utf-8").splitlines())) > MAX_LINES
    ]
    assert not found, "\n".join(found)


def test_cli_starts_without_rich_jinja_or_the_web_app() -> None:
    """``pzspec --help`` stays quick: the heavy renderers load when a command needs them."""
    probe = (
        "import sys, pzspec.cli.app\n"
        "heavy = ('rich', 'jinja2', 'fastapi', 'starlette', 'uvicorn', 'pzspec.web')\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy"
        " or m.startswith('pzspec.web'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == ""


def test_the_layers_name_every_package() -> None:
    """A new folder under src/pzspec gets a place in LAYERS (and in ARCHITECTURE.md)."""
    parts = {part_of(m) for m in modules()} - {None}
    assert parts <= set(RANK), sorted(parts - set(RANK))
