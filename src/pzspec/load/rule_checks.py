"""The building blocks of ``pzspec validate``: where a problem is, what a file may name.

``Findings`` collects problems with file, line and column; ``Catalogue`` holds the ids a
rule file may refer to; the ``check_*`` functions look at routes and conditions, wherever they
stand (a rule version, an overlay).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pzspec.conditions import FIELDS, Cond, param_refs, walk
from pzspec.conditions.base import kind_of
from pzspec.errors import Problem
from pzspec.load import param_checks
from pzspec.load.loader import unknown_hint
from pzspec.load.sources import SourceFile
from pzspec.messages import Message, msg
from pzspec.models.rules import ExperienceRule, Parameter, Route, RuleSet

Path_ = tuple[str | int, ...]


class Findings:
    """Problems found so far, each with its file, line and column and a coded message."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def put(
        self,
        src: SourceFile,
        path: Path_,
        message: Message,
        hint: Message | None = None,
        level: str = "error",
    ) -> None:
        line, col = src.doc.where(path, key=is_mapping(src.doc.data, path))
        file = src.display if src.display.startswith("pzspec:") else str(src.path)
        self.items.append(Problem(file, line, col, message, hint, level))

    def add(
        self,
        src: SourceFile,
        path: Path_,
        key: str,
        hint: Message | None = None,
        level: str = "error",
        **kw: Any,
    ) -> None:
        self.put(src, path, msg(key, **kw), hint, level)

    def unknown(
        self, src: SourceFile, path: Path_, what: str, value: str, choices: Iterable[str]
    ) -> None:
        hint = unknown_hint(value, sorted(set(choices)))
        self.add(src, path, "err.unknown_id", hint, what=msg(what), value=value)

    def unique(self, src: SourceFile, base: Path_, ids: list[str]) -> None:
        seen: set[str] = set()
        for i, value in enumerate(ids):
            if value in seen:
                self.add(
                    src, (*base, i, "id"), "val.duplicate_id", msg("hint.duplicate_id"), value=value
                )
            seen.add(value)


def reporter(f: Findings, src: SourceFile) -> param_checks.Report:
    def report(path: Path_, key: str, hint: str, **kw: Any) -> None:
        f.add(src, path, key, msg(hint), **kw)

    return report


def is_mapping(data: Any, path: Path_) -> bool:
    """True when ``path`` names a mapping: point at its key rather than its first line."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return False
    return isinstance(data, dict)


class Catalogue:
    """The ids a file may refer to."""

    def __init__(self, rules: RuleSet, profiles: Iterable[str]) -> None:
        self.params = {p.id for p in rules.parameters}
        self.courses = {c.id for c in rules.courses}
        self.kinds = {k.id for k in rules.course_kinds}
        self.activity_kinds = {k.id for k in rules.activity_kinds}
        self.professions = {p.id for p in rules.professions}
        self.registrations = {r.id for r in rules.registrations}
        self.domains = [d.id for d in rules.domains]
        self.profiles = set(profiles) | set(rules.profiles)


def check_routes(
    f: Findings,
    src: SourceFile,
    routes: list[Route],
    base: Path_,
    cat: Catalogue,
    *,
    transition: bool = False,
) -> None:
    f.unique(src, base, [r.id for r in routes])
    for i, route in enumerate(routes):
        here = (*base, i)
        check_conds(f, src, route.conditions, (*here, "conditions"), cat, transition=transition)
        if route.professions:
            for j, prof in enumerate(route.professions):
                if prof not in cat.professions:
                    f.unknown(
                        src, (*here, "professions", j), "what.profession", prof, cat.professions
                    )
        if route.entry:
            for j, course in enumerate(route.entry.courses):
                if course not in cat.courses:
                    f.unknown(
                        src, (*here, "entry", "courses", j), "what.course", course, cat.courses
                    )
            for j, kind in enumerate(route.entry.kinds):
                if kind not in cat.kinds:
                    f.unknown(
                        src, (*here, "entry", "kinds", j), "what.course_kind", kind, cat.kinds
                    )


def check_conds(
    f: Findings,
    src: SourceFile,
    conds: Iterable[Cond],
    base: Path_,
    cat: Catalogue,
    *,
    transition: bool = False,
) -> None:
    """Parameters and fields of conditions, as their types declare them; some types
    (``education-in-progress``) only in transition routes (elsewhere it would ask the
    education requirement about itself)."""
    for cond, path in walk(conds, base):
        if kind_of(cond).transition_only and not transition:
            f.add(src, (*path, "type"), "val.in_progress_place", msg("hint.in_progress_place"))
        for ref in param_refs(cond):
            if ref.id not in cat.params:
                f.unknown(src, (*path, ref.key), "what.parameter", ref.id, cat.params)
        check_field(f, src, cond, path)


def check_field(f: Findings, src: SourceFile, cond: Cond, path: Path_) -> None:
    """The field a condition looks at exists and has values the condition can compare."""
    kind = kind_of(cond)
    name = getattr(cond, "field", None)
    if not kind.compares or not isinstance(name, str):
        return
    field = FIELDS.get(name)
    if field is None:
        f.unknown(src, (*path, "field"), "what.field", name, FIELDS)
        return
    if field.type not in kind.compares:
        kinds = [msg(f"fieldtype.{t}") for t in sorted(kind.compares)]
        want = kinds[0] if len(kinds) == 1 else msg("words.or", first=kinds[:-1], last=kinds[-1])
        f.add(
            src,
            (*path, "field"),
            "val.field_type",
            msg("hint.field_type", type=kind.name, want=want),
            field=name,
            kind=msg(f"fieldtype.{field.type}"),
            type=kind.name,
        )
        return
    for issue in kind.check(cond, field):
        f.put(src, (*path, issue.key), issue.message, issue.hint)


def check_param_ids(
    f: Findings,
    src: SourceFile,
    path: Path_,
    ids: Iterable[tuple[str, str | None]],
    cat: Catalogue,
) -> None:
    for key, ref in ids:
        if ref is not None and ref not in cat.params:
            f.unknown(src, (*path, key), "what.parameter", ref, cat.params)


def experience_refs(rule: ExperienceRule) -> list[tuple[str, str | None]]:
    """The parameter references of an experience rule, by key."""
    keys = ("min_months", "window_months", "patient_share", "fte_share")
    return [(key, getattr(rule, key)) for key in keys]


def check_source(f: Findings, src: SourceFile, index: int, param: Parameter) -> None:
    if not param.source.strip():
        f.add(
            src,
            ("parameters", index, "source"),
            "val.no_source",
            msg("hint.no_source"),
            id=param.id,
        )
