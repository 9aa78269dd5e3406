"""``pzspec validate``: everything that can be wrong in rule data, with file, line and column.

Schema problems stop at loading (loader.py); this module checks what a schema cannot see:
unique ids, references between files, validity windows, and overlays that fit their version.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from pzspec import param_checks
from pzspec.catalog import Library, SourceFile
from pzspec.errors import Problem
from pzspec.i18n import Lang, tr
from pzspec.loader import closest
from pzspec.models.rules import (
    CONDITION_FIELDS,
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
    Overlay,
    Parameter,
    Profile,
    Route,
    RouteChanges,
    RuleSet,
    When,
)
from pzspec.overlays import apply_overlay

Path_ = tuple[str | int, ...]


class _Findings:
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
        line, col = src.doc.where(path, key=_is_mapping(src.doc.data, path))
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


def _reporter(f: _Findings, src: SourceFile) -> param_checks.Report:
    def report(path: Path_, key: str, hint: str, **kw: Any) -> None:
        f.add(src, path, key, tr(f.lang, hint), **kw)

    return report


def _is_mapping(data: Any, path: Path_) -> bool:
    """True when ``path`` names a mapping: point at its key rather than its first line."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return False
    return isinstance(data, dict)


def _conditions(conds: list[Condition], path: Path_) -> Iterator[tuple[Condition, Path_]]:
    for i, c in enumerate(conds):
        here = (*path, i)
        yield c, here
        if isinstance(c, AllOf | AnyOf):
            yield from _conditions(c.conditions, (*here, "conditions"))
        elif isinstance(c, When):
            yield from _conditions([c.if_], (*here, "if"))
            yield from _conditions([c.then], (*here, "then"))


def _param_refs(cond: Condition) -> list[tuple[str, str]]:
    if isinstance(cond, MinCond | BelowCond) and cond.param:
        return [("param", cond.param)]
    if isinstance(cond, BeforeCond):
        return [("param", cond.param)]
    if isinstance(cond, ExperienceMonths):
        return [("min", cond.min)] + ([("window", cond.window)] if cond.window else [])
    if isinstance(cond, EducationInProgress):
        return [("by", cond.by)]
    return []


class _Catalogue:
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


def _check_routes(
    f: _Findings,
    src: SourceFile,
    routes: list[Route],
    base: Path_,
    cat: _Catalogue,
    *,
    transition: bool = False,
) -> None:
    f.unique(src, base, [r.id for r in routes])
    for i, route in enumerate(routes):
        here = (*base, i)
        _check_conds(f, src, route.conditions, (*here, "conditions"), cat, transition=transition)
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


def _check_conds(
    f: _Findings,
    src: SourceFile,
    conds: list[Condition],
    base: Path_,
    cat: _Catalogue,
    *,
    transition: bool = False,
) -> None:
    """Parameters and fields of conditions; ``education-in-progress`` only in transition
    routes (elsewhere it would ask the education requirement about itself)."""
    for cond, path in _conditions(conds, base):
        if isinstance(cond, EducationInProgress) and not transition:
            f.add(
                src, (*path, "type"), "val.in_progress_place", tr(f.lang, "hint.in_progress_place")
            )
        for key, ref in _param_refs(cond):
            if ref not in cat.params:
                f.unknown(src, (*path, key), "what.parameter", ref, cat.params)
        _check_field(f, src, cond, path)


def _check_field(f: _Findings, src: SourceFile, cond: Condition, path: Path_) -> None:
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


def _check_param_ids(
    f: _Findings,
    src: SourceFile,
    path: Path_,
    ids: Iterable[tuple[str, str | None]],
    cat: _Catalogue,
) -> None:
    for key, ref in ids:
        if ref is not None and ref not in cat.params:
            f.unknown(src, (*path, key), "what.parameter", ref, cat.params)


def _experience_refs(rule: ExperienceRule) -> list[tuple[str, str | None]]:
    """The parameter references of an experience rule, by key."""
    keys = ("min_months", "window_months", "patient_share", "fte_share")
    return [(key, getattr(rule, key)) for key in keys]


def _check_source(f: _Findings, src: SourceFile, index: int, param: Parameter) -> None:
    if not param.source.strip():
        f.add(
            src,
            ("parameters", index, "source"),
            "val.no_source",
            tr(f.lang, "hint.no_source"),
            id=param.id,
        )


def _check_rules(f: _Findings, src: SourceFile, rules: RuleSet, profile_ids: set[str]) -> None:
    cat = _Catalogue(rules, profile_ids)
    for name in (
        "parameters",
        "courses",
        "course_kinds",
        "activity_kinds",
        "professions",
        "registrations",
        "domains",
        "announced_profiles",
    ):
        f.unique(src, (name,), [x.id for x in getattr(rules, name)])
    for i, ann in enumerate(rules.announced_profiles):
        if ann.id in profile_ids or ann.id in rules.profiles:
            f.add(
                src,
                ("announced_profiles", i, "id"),
                "val.announced_described",
                tr(f.lang, "hint.announced_described"),
                level="warning",
                id=ann.id,
                other="profiles",
            )
    for i, p in enumerate(rules.parameters):
        _check_source(f, src, i, p)
    for i, prof in enumerate(rules.professions):
        if prof.profile not in profile_ids:
            f.unknown(src, ("professions", i, "profile"), "what.profile", prof.profile, profile_ids)
        if prof.registration not in cat.registrations:
            f.unknown(
                src,
                ("professions", i, "registration"),
                "val.what_registration",
                prof.registration,
                cat.registrations,
            )
    for i, reg in enumerate(rules.registrations):
        _check_conds(f, src, reg.conditions, ("registrations", i, "conditions"), cat)
    for i, ex in enumerate(rules.exclusions):
        for j, cid in enumerate(ex.courses):
            if cid not in cat.courses:
                f.unknown(src, ("exclusions", i, "courses", j), "what.course", cid, cat.courses)
        for j, kind in enumerate(ex.kinds):
            if kind not in cat.kinds:
                f.unknown(src, ("exclusions", i, "kinds", j), "what.course_kind", kind, cat.kinds)
        _check_conds(f, src, ex.conditions, ("exclusions", i, "conditions"), cat)
    for i, course in enumerate(rules.courses):
        if course.kind not in cat.kinds:
            f.unknown(src, ("courses", i, "kind"), "what.course_kind", course.kind, cat.kinds)
    d = rules.defaults
    _check_param_ids(f, src, ("defaults", "experience"), _experience_refs(d.experience), cat)
    _check_param_ids(
        f, src, ("defaults", "transition"), [("open_until", d.transition.open_until)], cat
    )
    _check_param_ids(
        f,
        src,
        ("defaults", "practice"),
        [("window_months", d.practice.window_months), ("min_kinds", d.practice.min_kinds)],
        cat,
    )
    where: Path_ = ("defaults", "transition", "routes")
    _check_routes(f, src, d.transition.routes, where, cat, transition=True)
    for pid, pr in rules.profiles.items():
        if pid not in profile_ids:
            f.unknown(src, ("profiles", pid), "what.profile", pid, profile_ids)
        _check_routes(f, src, pr.education.routes, ("profiles", pid, "education", "routes"), cat)
        if pr.transition:
            where = ("profiles", pid, "transition", "routes")
            _check_routes(f, src, pr.transition.routes, where, cat, transition=True)
    for pid in profile_ids - set(rules.profiles):
        f.add(
            src,
            ("profiles",),
            "val.profile_without_rules",
            tr(f.lang, "hint.profile_without_rules"),
            profile=pid,
        )
    params = {p.id: p for p in rules.parameters}
    report = _reporter(f, src)
    param_checks.check_uses(param_checks.rules_uses(rules), params, report)
    param_checks.check_windows(rules, params, report)


def _check_profile(f: _Findings, src: SourceFile, profile: Profile, cat: _Catalogue) -> None:
    for i, prof in enumerate(profile.professions):
        if prof not in cat.professions:
            f.unknown(src, ("professions", i), "what.profession", prof, cat.professions)
    ids = [c.id for d in profile.domains for c in d.competencies] + [
        a.id for a in profile.activities
    ]
    seen: set[str] = set()
    for di, domain in enumerate(profile.domains):
        if domain.id not in cat.domains:
            f.unknown(src, ("domains", di, "id"), "what.domain", domain.id, cat.domains)
        for ci, comp in enumerate(domain.competencies):
            if comp.id in seen:
                f.add(
                    src,
                    ("domains", di, "competencies", ci, "id"),
                    "val.duplicate_id",
                    tr(f.lang, "hint.duplicate_id"),
                    value=comp.id,
                )
            seen.add(comp.id)
    missing = [d for d in cat.domains if d not in {x.id for x in profile.domains}]
    if missing:
        f.add(
            src,
            ("domains",),
            "val.missing_domains",
            tr(f.lang, "hint.missing_domains"),
            domains=", ".join(missing),
        )
    for ai, act in enumerate(profile.activities):
        if act.id in seen:
            f.add(
                src,
                ("activities", ai, "id"),
                "val.duplicate_id",
                tr(f.lang, "hint.duplicate_id"),
                value=act.id,
            )
        seen.add(act.id)
        for ki, kind in enumerate(act.kinds):
            if kind not in cat.activity_kinds:
                f.unknown(
                    src,
                    ("activities", ai, "kinds", ki),
                    "what.activity_kind",
                    kind,
                    cat.activity_kinds,
                )
    del ids


def _check_levels(f: _Findings, src: SourceFile, profile: Profile, rules: RuleSet) -> None:
    """Training levels: unique ids; each route level names a level and an education route."""
    f.unique(src, ("levels",), [lv.id for lv in profile.levels])
    levels = [lv.id for lv in profile.levels]
    pr = rules.profiles.get(profile.id)
    routes = [r.id for r in pr.education.routes] if pr else []
    for i, rl in enumerate(profile.route_levels):
        if rl.level not in levels:
            f.unknown(src, ("route_levels", i, "level"), "what.level", rl.level, levels)
        if rl.route not in routes:
            f.unknown(src, ("route_levels", i, "route"), "what.route", rl.route, routes)


def _check_overlay(
    f: _Findings,
    src: SourceFile,
    ov: Overlay,
    versions: dict[str, SourceFile],
    profile_ids: set[str],
) -> None:
    base_src = versions.get(ov.extends)
    if base_src is None:
        f.unknown(src, ("extends",), "what.version", ov.extends, versions)
        return
    base = base_src.model
    assert isinstance(base, RuleSet)
    cat = _Catalogue(base, profile_ids)
    if ov.valid_from < base.valid_from or (base.valid_until and ov.valid_from > base.valid_until):
        f.add(
            src,
            ("valid_from",),
            "val.overlay_outside",
            tr(f.lang, "hint.overlay_outside"),
            start=ov.valid_from.isoformat(),
            version=ov.extends,
        )
    if ov.valid_until and ov.valid_until < ov.valid_from:
        f.add(src, ("valid_until",), "val.until_before_from", tr(f.lang, "hint.until_before_from"))
    for i, p in enumerate(ov.parameters):
        if p.id in cat.params:
            f.add(
                src,
                ("parameters", i, "id"),
                "val.param_exists",
                tr(f.lang, "hint.param_exists"),
                id=p.id,
            )
        _check_source(f, src, i, p)
    cat.params |= {p.id for p in ov.parameters}
    for pid, new in ov.set.items():
        if pid not in cat.params:
            f.unknown(src, ("set", pid), "what.parameter", pid, cat.params)
        elif not new.source.strip():
            f.add(
                src, ("set", pid, "source"), "val.no_source", tr(f.lang, "hint.no_source"), id=pid
            )
    if ov.courses:
        for i, cid in enumerate(ov.courses.withdraw):
            if cid not in cat.courses:
                f.unknown(src, ("courses", "withdraw", i), "what.course", cid, cat.courses)
        for i, added in enumerate(ov.courses.add):
            if added.id in cat.courses:
                f.add(
                    src,
                    ("courses", "add", i, "id"),
                    "val.duplicate_id",
                    tr(f.lang, "hint.duplicate_id"),
                    value=added.id,
                )
            if added.kind not in cat.kinds:
                f.unknown(
                    src, ("courses", "add", i, "kind"), "what.course_kind", added.kind, cat.kinds
                )
        cat.courses = (cat.courses - set(ov.courses.withdraw)) | {c.id for c in ov.courses.add}
    for pid, change in ov.profiles.items():
        if pid not in base.profiles:
            f.unknown(src, ("profiles", pid), "what.profile", pid, base.profiles)
            continue
        if change.routes:
            existing = {r.id for r in base.profiles[pid].education.routes}
            for i, rid in enumerate(change.routes.withdraw):
                if rid not in existing:
                    f.unknown(
                        src,
                        ("profiles", pid, "routes", "withdraw", i),
                        "val.what_route",
                        rid,
                        existing,
                    )
            for i, route in enumerate(change.routes.add):
                if route.id in existing - set(change.routes.withdraw):
                    f.add(
                        src,
                        ("profiles", pid, "routes", "add", i, "id"),
                        "val.duplicate_id",
                        tr(f.lang, "hint.duplicate_id"),
                        value=route.id,
                    )
            _check_routes(f, src, change.routes.add, ("profiles", pid, "routes", "add"), cat)
        if change.practice_min_kinds and change.practice_min_kinds not in cat.params:
            f.unknown(
                src,
                ("profiles", pid, "practice_min_kinds"),
                "what.parameter",
                change.practice_min_kinds,
                cat.params,
            )
        if change.experience:
            path = ("profiles", pid, "experience")
            _check_param_ids(f, src, path, _experience_refs(change.experience), cat)
        if change.transition and change.transition.routes:
            rule = base.profiles[pid].transition or base.defaults.transition
            where: Path_ = ("profiles", pid, "transition", "routes")
            _check_route_changes(f, src, change.transition.routes, rule.routes, where, cat)
    if ov.transition and ov.transition.routes:
        routes = base.defaults.transition.routes
        _check_route_changes(f, src, ov.transition.routes, routes, ("transition", "routes"), cat)
    _check_overlay_values(f, src, ov, base)


def _check_route_changes(
    f: _Findings,
    src: SourceFile,
    change: RouteChanges,
    existing_routes: list[Route],
    base: Path_,
    cat: _Catalogue,
) -> None:
    existing = {r.id for r in existing_routes}
    for i, rid in enumerate(change.withdraw):
        if rid not in existing:
            f.unknown(src, (*base, "withdraw", i), "val.what_route", rid, existing)
    kept = existing - set(change.withdraw)
    for i, route in enumerate(change.add):
        if route.id in kept:
            path = (*base, "add", i, "id")
            f.add(src, path, "val.duplicate_id", tr(f.lang, "hint.duplicate_id"), value=route.id)
    _check_routes(f, src, change.add, (*base, "add"), cat, transition=True)


def _check_overlay_values(f: _Findings, src: SourceFile, ov: Overlay, base: RuleSet) -> None:
    """Values and uses of parameters, with the overlay's own parameters added."""
    params = {p.id: p for p in base.parameters} | {p.id: p for p in ov.parameters}
    report = _reporter(f, src)
    before = len(f.items)
    param_checks.check_set_values(ov, params, report)
    param_checks.check_uses(param_checks.overlay_uses(ov), params, report)
    if len(f.items) > before or not set(ov.set) <= set(params):
        return  # the overlay cannot be applied as it is; the problems above say why
    applied = apply_overlay(base, ov, {}, 1)

    def at_overlay(path: Path_, key: str, hint: str, **kw: Any) -> None:
        """Point at what the overlay changed; a window the base already had is not its fault."""
        ids = (kw["window"], kw["min"])
        where: list[Path_] = [("set", k, "value") for k in ids if k in ov.set]
        where += [("parameters", i, "value") for i, p in enumerate(ov.parameters) if p.id in ids]
        change = ov.profiles.get(str(path[1])) if path[0] == "profiles" else None
        if where or (change is not None and change.experience is not None):
            report(where[0] if where else path, key, hint, **kw)

    param_checks.check_windows(applied, {p.id: p for p in applied.parameters}, at_overlay)


def _check_windows(f: _Findings, versions: list[SourceFile]) -> None:
    for src in versions:
        m = src.model
        assert isinstance(m, RuleSet)
        if m.valid_until and m.valid_until < m.valid_from:
            f.add(
                src, ("valid_until",), "val.until_before_from", tr(f.lang, "hint.until_before_from")
            )
    for prev, nxt in itertools.pairwise(versions):
        a, b = prev.model, nxt.model
        assert isinstance(a, RuleSet) and isinstance(b, RuleSet)
        if a.valid_until is None or a.valid_until >= b.valid_from:
            f.add(
                nxt,
                ("valid_from",),
                "val.overlap",
                tr(f.lang, "hint.overlap", version=a.version),
                version=b.version,
                other=a.version,
            )
        elif a.valid_until + dt.timedelta(days=1) < b.valid_from:
            f.add(
                nxt,
                ("valid_from",),
                "val.gap",
                tr(f.lang, "hint.gap"),
                other=a.version,
                start=(a.valid_until + dt.timedelta(days=1)).isoformat(),
                end=(b.valid_from - dt.timedelta(days=1)).isoformat(),
            )


def findings(lib: Library, lang: Lang, today: dt.date | None = None) -> list[Problem]:
    """Every error and warning in the library."""
    f = _Findings(lang)
    today = today or dt.date.today()
    profiles = lib.of_kind("profile")
    profile_ids = {s.model.id for s in profiles}  # type: ignore[union-attr]
    versions = lib.versions()
    by_id: dict[str, SourceFile] = {}
    for src in profiles:
        pid = src.model.id  # type: ignore[union-attr]
        if pid in by_id:
            f.add(
                src,
                ("id",),
                "val.duplicate_file_id",
                tr(f.lang, "hint.duplicate_id"),
                value=pid,
                other=by_id[pid].display,
            )
        by_id[pid] = src
    by_version: dict[str, SourceFile] = {}
    for src in versions + lib.of_kind("overlay"):
        sid = src.set_id
        if sid in by_version:
            f.add(
                src,
                ("id",) if src.kind == "overlay" else ("version",),
                "val.duplicate_file_id",
                tr(f.lang, "hint.duplicate_id"),
                value=sid,
                other=by_version[sid].display,
            )
        by_version[sid] = src
    for src in versions:
        assert isinstance(src.model, RuleSet)
        _check_rules(f, src, src.model, profile_ids)
        m = src.model
        if m.valid_until and m.valid_until < today:
            f.add(
                src,
                ("valid_until",),
                "val.expired",
                tr(f.lang, "hint.expired"),
                level="warning",
                date=m.valid_until.isoformat(),
            )
    if versions:
        latest = versions[-1].model
        assert isinstance(latest, RuleSet)
        cat = _Catalogue(latest, profile_ids)
        for src in profiles:
            assert isinstance(src.model, Profile)
            _check_profile(f, src, src.model, cat)
            _check_levels(f, src, src.model, latest)
    versions_by_name = {s.set_id: s for s in versions}
    for src in lib.of_kind("overlay"):
        assert isinstance(src.model, Overlay)
        _check_overlay(f, src, src.model, versions_by_name, profile_ids)
        if src.model.valid_until and src.model.valid_until < today:
            f.add(
                src,
                ("valid_until",),
                "val.expired",
                tr(f.lang, "hint.expired"),
                level="warning",
                date=src.model.valid_until.isoformat(),
            )
    _check_windows(f, versions)
    if not versions:
        f.items.append(
            Problem("pzspec", None, None, tr(lang, "val.no_versions"), tr(lang, "hint.no_versions"))
        )
    return f.items


def errors_in(lib: Library, lang: Lang) -> list[Problem]:
    return [p for p in findings(lib, lang) if p.level == "error"]
