"""The building blocks of ``pzspec validate``: where a problem is, what a file may name.

``Findings`` collects problems with file, line and column; ``Catalogue`` holds the ids a
rule file may refer to; the ``check_*`` functions look at routes and conditions, wherever they
stand (a rule version, an overlay).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pzspec.errors import Problem
from pzspec.load import param_checks
from pzspec.load.catalog import SourceFile
from pzspec.load.loader import closest
from pzspec.models.rules import (
    CONDITION_FIELDS,
    FIELD_PARAM_TYPES,
    FIELD_TYPES_OF,
    AllOf,
    AnyOf,
    BeforeCond,
    BelowCond,
    Condition,
    EducationInProgress,
    EqualsCond,
    ExperienceMonths,
    ExperienceRule,
    MinCond,
    Parameter,
    Route,
    RuleSet,
    When,
    value_problem,
)
from pzspec.render.i18n import Lang, tr

Path_ = tuple[str | int, ...]


class Findings:
    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.items: list[Problem] = []

    def add(
        self,
        src: SourceFile,
        path: Path_,
        key: str,
        hint: str = "",
        level: str = "error",
        **kw: Any,
    ) -> None:
        line, col = src.doc.where(path, key=is_mapping(src.doc.data, path))
        self.items.append(
            Problem(
                src.display if src.display.startswith("pzspec:") else str(src.path),
                line,
                col,
                tr(self.lang, key, **kw),
                hint,
                level,
            )
        )

    def unknown(
        self, src: SourceFile, path: Path_, what: str, value: str, choices: Iterable[str]
    ) -> None:
        options = sorted(set(choices))
        suggestion = closest(value, options)
        hint = (
            tr(self.lang, "hint.did_you_mean", suggestion=suggestion)
            if suggestion
            else tr(self.lang, "hint.choices", choices=", ".join(options) or "-")
        )
        self.add(src, path, "err.unknown_id", hint, what=tr(self.lang, what), value=value)

    def unique(self, src: SourceFile, base: Path_, ids: list[str]) -> None:
        seen: set[str] = set()
        for i, value in enumerate(ids):
            if value in seen:
                self.add(
                    src,
                    (*base, i, "id"),
                    "val.duplicate_id",
                    tr(self.lang, "hint.duplicate_id"),
                    value=value,
                )
            seen.add(value)


def reporter(f: Findings, src: SourceFile) -> param_checks.Report:
    def report(path: Path_, key: str, hint: str, **kw: Any) -> None:
        f.add(src, path, key, tr(f.lang, hint), **kw)

    return report


def is_mapping(data: Any, path: Path_) -> bool:
    """True when ``path`` names a mapping: point at its key rather than its first line."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return False
    return isinstance(data, dict)


def walk_conditions(conds: list[Condition], path: Path_) -> Iterator[tuple[Condition, Path_]]:
    for i, c in enumerate(conds):
        here = (*path, i)
        yield c, here
        if isinstance(c, AllOf | AnyOf):
            yield from walk_conditions(c.conditions, (*here, "conditions"))
        elif isinstance(c, When):
            yield from walk_conditions([c.if_], (*here, "if"))
            yield from walk_conditions([c.then], (*here, "then"))


def param_refs(cond: Condition) -> list[tuple[str, str]]:
    if isinstance(cond, MinCond | BelowCond) and cond.param:
        return [("param", cond.param)]
    if isinstance(cond, BeforeCond):
        return [("param", cond.param)]
    if isinstance(cond, ExperienceMonths):
        return [("min", cond.min)] + ([("window", cond.window)] if cond.window else [])
    if isinstance(cond, EducationInProgress):
        return [("by", cond.by)]
    return []


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
    conds: list[Condition],
    base: Path_,
    cat: Catalogue,
    *,
    transition: bool = False,
) -> None:
    """Parameters and fields of conditions; ``education-in-progress`` only in transition
    routes (elsewhere it would ask the education requirement about itself)."""
    for cond, path in walk_conditions(conds, base):
        if isinstance(cond, EducationInProgress) and not transition:
            f.add(
                src, (*path, "type"), "val.in_progress_place", tr(f.lang, "hint.in_progress_place")
            )
        for key, ref in param_refs(cond):
            if ref not in cat.params:
                f.unknown(src, (*path, key), "what.parameter", ref, cat.params)
        check_field(f, src, cond, path)


def check_field(f: Findings, src: SourceFile, cond: Condition, path: Path_) -> None:
    """The field a condition looks at exists and has values the condition can compare."""
    want = FIELD_TYPES_OF.get(cond.type)
    name = getattr(cond, "field", None)
    if want is None or not isinstance(name, str):
        return
    kind = CONDITION_FIELDS.get(name)
    if kind is None:
        f.unknown(src, (*path, "field"), "what.field", name, CONDITION_FIELDS)
        return
    if kind not in want:
        f.add(
            src,
            (*path, "field"),
            "val.field_type",
            tr(f.lang, "hint.field_type", type=cond.type, want=" / ".join(sorted(want))),
            field=name,
            kind=kind,
            type=cond.type,
        )
        return
    inline = FIELD_PARAM_TYPES.get(name)
    if isinstance(cond, MinCond | BelowCond) and cond.value is not None and inline:
        problem = value_problem(inline, cond.value)
        if problem:
            shown = str(cond.value).lower() if isinstance(cond.value, bool) else str(cond.value)
            f.add(
                src,
                (*path, "value"),
                "val.inline_value",
                tr(f.lang, problem),
                field=name,
                value=shown,
            )
    if isinstance(cond, EqualsCond):
        value = cond.value
        fits = {"bool": isinstance(value, bool), "text": isinstance(value, str)}.get(
            kind, isinstance(value, int) and not isinstance(value, bool)
        )
        if not fits:
            f.add(
                src,
                (*path, "value"),
                "val.equals_value",
                tr(f.lang, "hint.equals_value", kind=kind),
                field=name,
                kind=kind,
            )


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
            tr(f.lang, "hint.no_source"),
            id=param.id,
        )
