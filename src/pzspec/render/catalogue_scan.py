"""Which message codes the source uses: read from the syntax trees of src/pzspec and the
report templates, for the catalogue check (``python -m pzspec.render.catalogue check``).

A code is used when a string literal has the shape of a code under a prefix the catalogue
knows (``"err.not_found"``, wherever it stands: an argument, a dict value, a branch of an
``if``), or is the code argument of ``tr``/``t``/``msg``/``Message`` (``"yes"``). A code
built at run time (``f"status.{s}"``, ``"req." + rid``) must have its prefix in ``DYNAMIC``,
which says every value the variable part can take (mostly from the ``Literal`` types).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any, get_args

SRC = Path(__file__).resolve().parent.parent
CODE = re.compile(r"[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+")
WORD = re.compile(r"[a-z][a-z0-9_-]*")
CALLS = frozenset({"tr", "t", "msg", "Message", "_tr"})
"""Functions whose first text argument (after the language) is a code."""
CATALOGUE_MODULES = re.compile(r"render/(i18n|messages_[a-z0-9_]+)\.py$")
TEMPLATE_CODE = re.compile(r"""'([a-z0-9_.-]+)'(\s*~)?""")
FILE_NAME = re.compile(r".*\.(?:j2|ya?ml|py|html|md|json|css|txt)")
LOADER_KINDS = ("course_or_kind", "activity_period", "ends_before_start")
REQUIREMENTS = ("profession", "registration", "education", "experience", "transition", "practice")
WILDCARD: tuple[str, ...] = ("*",)
"""The variable part comes from rule data and the caller checks ``i18n.known`` first."""
EXTRA_USED = ("err.unknown_id.het",)
"""Chosen inside ``i18n.tr`` (the het-word rule)."""


def _literal(path: str, name: str) -> tuple[str, ...]:
    import importlib

    return tuple(str(v) for v in get_args(getattr(importlib.import_module(path), name)))


@cache
def dynamic() -> dict[str, tuple[str, ...]]:
    """Prefix of a code built at run time -> every value its variable part can take."""
    status = _literal("pzspec.models.result", "Status")
    verdict = _literal("pzspec.models.result", "Verdict")
    return {
        "status.": status,
        "verdict.": verdict,
        "summary.": verdict,
        "basis.": _literal("pzspec.models.rules", "Basis"),
        "form.": _literal("pzspec.models.rules", "TransitionForm"),
        "param.want.": _literal("pzspec.models.rules", "ParamType"),
        "fieldtype.": _literal("pzspec.conditions.fields", "FieldType"),
        "doc.kind.": _literal("pzspec.load.catalog", "Kind"),
        "doc.cell.": _literal("pzspec.render.documents", "CellState"),
        "diff.kind.": _literal("pzspec.diff.core", "Kind"),
        "diff.cond.": ("on_fail", "on_missing"),
        "req.": REQUIREMENTS,
        "req.education.": ("met", "review", "unmet", "undetermined"),
        "req.transition.": ("met", "review", "open"),
        "test.what.": ("verdict", "provisional"),
        "test.cov.": (
            "education_routes",
            "transition_routes",
            "transition_forms",
            "condition_types",
            "parameters",
        ),
        "profile.status.": ("described", "announced"),
        "show.course.": ("days", "nlqf", "epas", "institutions", "providers"),
        "err.": (*LOADER_KINDS, "param_value", "param_type"),  # load/loader.py: f"err.{kind}"
        "hint.": LOADER_KINDS,
        "count.": WILDCARD,  # the nouns: the counted(n, "noun") calls (Usage.nouns)
        "doc.unit.": WILDCARD,
        "field.": WILDCARD,
        "help.": WILDCARD,  # cli/framework_i18n.py: help.<command>.<parameter>, if known
        "cli.metavar.": WILDCARD,  # cli/framework_i18n.py: cli.metavar.<parameter>, if known
    }


# --- the syntax trees -------------------------------------------------------------------------
def modules() -> Iterator[Path]:
    for path in sorted(SRC.rglob("*.py")):
        if "locale" not in path.parts:
            yield path


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _alternatives(node: ast.expr) -> Iterator[ast.expr]:
    """``a if c else b`` and ``a or b`` stand for each of their branches."""
    if isinstance(node, ast.IfExp):
        yield from _alternatives(node.body)
        yield from _alternatives(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _alternatives(value)
    else:
        yield node


def _prefix(node: ast.AST) -> tuple[str, str] | None:
    """``f"status.{x}"`` or ``"status." + x`` -> ``("status.", "")``;
    ``f"count.{n}s"`` -> ``("count.", "s")``."""
    if isinstance(node, ast.JoinedStr) and node.values:
        head, tail = node.values[0], node.values[-1]
        if isinstance(head, ast.Constant) and isinstance(head.value, str):
            end = tail.value if isinstance(tail, ast.Constant) and tail is not head else ""
            return head.value, str(end)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left = node.left
        if isinstance(left, ast.Constant) and isinstance(left.value, str):
            return left.value, ""
    return None


def _code_args(call: ast.Call) -> Iterator[ast.expr]:
    """The argument of a ``tr``-like call that holds the code (after a language)."""
    args = call.args
    if _name(call.func) in ("tr", "_tr") and len(args) > 1:
        args = args[1:]
    if args:
        yield from _alternatives(args[0])


class Usage:
    """The codes and code prefixes one pass over the source finds."""

    def __init__(self, prefixes: frozenset[str]) -> None:
        self.prefixes = prefixes  # first segments of the catalogue's codes: err, hint, ...
        self.codes: dict[str, str] = {}  # code -> where (file:line)
        self.built: dict[tuple[str, str], str] = {}  # (prefix, suffix) -> where
        self.nouns: set[str] = set()
        # (code, keywords given, where) of each call with a literal code; None: **kwargs
        self.calls: list[tuple[str, frozenset[str] | None, str]] = []

    def looks_like_code(self, text: str) -> bool:
        if not CODE.fullmatch(text) or FILE_NAME.fullmatch(text):
            return False
        return text.split(".", 1)[0] in self.prefixes

    def scan(self, path: Path) -> None:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        skip = _catalogue_dicts(tree) if CATALOGUE_MODULES.search(path.as_posix()) else set()
        where = path.relative_to(SRC.parent).as_posix()
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if self.looks_like_code(node.value):
                    self.codes.setdefault(node.value, f"{where}:{node.lineno}")
            elif isinstance(node, ast.Call):
                self._call(node, f"{where}:{node.lineno}")
            if (found := _prefix(node)) and self.looks_like_code(found[0] + "x"):
                self.built.setdefault(found, f"{where}:{getattr(node, 'lineno', 0)}")

    def _call(self, call: ast.Call, where: str) -> None:
        name = _name(call.func)
        if name == "counted":
            self.nouns |= {
                a.value
                for a in call.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            }
        if name not in CALLS:
            return
        for arg in _code_args(call):
            text = arg.value if isinstance(arg, ast.Constant) else None
            if isinstance(text, str) and (WORD.fullmatch(text) or CODE.fullmatch(text)):
                self.codes.setdefault(text, where)
                given = [k.arg for k in call.keywords]
                keys = None if None in given else frozenset(str(k) for k in given)
                self.calls.append((text, keys, where))

    def scan_templates(self, folder: Path) -> None:
        for template in sorted(folder.rglob("*.j2")):
            text = template.read_text(encoding="utf-8")
            for m in TEMPLATE_CODE.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                where = f"templates/{template.name}:{line}"
                if m[2] and self.looks_like_code(m[1] + "x"):  # t('status.' ~ x)
                    self.built.setdefault((m[1], ""), where)
                elif self.looks_like_code(m[1]):
                    self.codes.setdefault(m[1], where)


def _catalogue_dicts(tree: ast.Module) -> set[int]:
    """The nodes of ``MESSAGES = {...}`` (its keys define codes, they do not use them)."""
    out: set[int] = set()
    for node in tree.body:
        target: ast.expr
        if isinstance(node, ast.AnnAssign) and node.value:
            target, value = node.target, node.value
        elif isinstance(node, ast.Assign) and node.targets:
            target, value = node.targets[0], node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id == "MESSAGES":
            out |= {id(n) for n in ast.walk(value)}
    return out


def _templates() -> Path:
    from pzspec.load.catalog import templates_dir

    return templates_dir()


def usage(catalogue: Iterable[str]) -> Usage:
    found = Usage(frozenset(code.split(".", 1)[0] for code in catalogue if "." in code))
    for path in modules():
        found.scan(path)
    found.scan_templates(_templates())
    return found


# --- what the check reports ---------------------------------------------------------------------
def expand(
    prefix: str, suffix: str, values: tuple[str, ...], catalogue: Mapping[str, Any]
) -> set[str]:
    """The codes ``prefix + value + suffix`` can be; a wildcard is every code under the prefix."""
    if values == WILDCARD:
        return {c for c in catalogue if c.startswith(prefix) and c.endswith(suffix)}
    return {f"{prefix}{v}{suffix}" for v in values}


def undeclared(catalogue: Mapping[str, Any]) -> list[str]:
    """Codes built at run time whose prefix ``DYNAMIC`` does not describe."""
    found = usage(catalogue)
    table = dynamic()
    return sorted(
        f"{where}: '{p}...' is built at run time; add it to catalogue_scan.dynamic()"
        for (p, _), where in found.built.items()
        if p not in table
    )


def used_codes(catalogue: Mapping[str, Any]) -> dict[str, str]:
    """Every code the source can ask for -> where (file:line, or the prefix it comes from)."""
    found = usage(catalogue)
    table = dynamic()
    out = dict(found.codes)
    for (prefix, suffix), where in found.built.items():
        if prefix == "count.":
            values: tuple[str, ...] = tuple(sorted(found.nouns))
        else:
            values = table.get(prefix, ())
        for code in expand(prefix, suffix, values, catalogue):
            out.setdefault(code, f"{where} ({prefix}...)")
    for code in EXTRA_USED:
        out.setdefault(code, "render/i18n.py (tr)")
    return out


def missing_codes(catalogue: Mapping[str, Any]) -> list[str]:
    """Codes the source uses that the catalogue lacks, with where they are used."""
    used = used_codes(catalogue)
    return [f"{code} ({used[code]})" for code in sorted(used) if code not in catalogue]


def unfilled(catalogue: Mapping[str, tuple[str, str]]) -> list[str]:
    """Calls with a literal code and keyword arguments that leave a placeholder empty
    (``str.format`` would raise ``KeyError``). A call without arguments prints the text as
    it stands, and a call with ``**kwargs`` cannot be read here: both are left alone."""
    from pzspec.render.catalogue import placeholders

    out = []
    for code, given, where in usage(catalogue).calls:
        if code not in catalogue or not given:
            continue
        lacking = placeholders(catalogue[code][0]) - given
        if lacking:
            out.append(f"{where}: {code} needs {sorted(lacking)}")
    return out


def unused_codes(catalogue: Mapping[str, Any]) -> list[str]:
    used = used_codes(catalogue)
    return sorted(code for code in catalogue if code not in used)
