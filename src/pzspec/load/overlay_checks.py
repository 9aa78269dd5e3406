"""``pzspec validate`` for overlays: that an overlay fits the version it extends.

Its references, its new and changed parameters (types, ranges, where they are used), the
routes it withdraws and adds (education and transition), and the rule book it makes.
"""

from __future__ import annotations

from typing import Any

from pzspec.load import param_checks
from pzspec.load.overlays import apply_overlay
from pzspec.load.rule_checks import (
    Catalogue,
    Findings,
    Path_,
    check_param_ids,
    check_routes,
    check_source,
    experience_refs,
    reporter,
)
from pzspec.load.sources import SourceFile
from pzspec.messages import msg
from pzspec.models.rules import (
    CourseChanges,
    Overlay,
    ProfileChanges,
    Route,
    RouteChanges,
    RuleSet,
)


def check_overlay(
    f: Findings,
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
    cat = Catalogue(base, profile_ids)
    _check_dates(f, src, ov, base)
    _check_params(f, src, ov, cat)
    if ov.courses:
        _check_courses(f, src, ov.courses, cat)
    for pid, change in ov.profiles.items():
        if pid not in base.profiles:
            f.unknown(src, ("profiles", pid), "what.profile", pid, base.profiles)
        else:
            _check_profile(f, src, pid, change, base, cat)
    if ov.transition and ov.transition.routes:
        routes = base.defaults.transition.routes
        check_route_changes(f, src, ov.transition.routes, routes, ("transition", "routes"), cat)
    check_overlay_values(f, src, ov, base)


def _check_dates(f: Findings, src: SourceFile, ov: Overlay, base: RuleSet) -> None:
    if ov.valid_from < base.valid_from or (base.valid_until and ov.valid_from > base.valid_until):
        f.add(
            src,
            ("valid_from",),
            "val.overlay_outside",
            msg("hint.overlay_outside"),
            start=ov.valid_from.isoformat(),
            version=ov.extends,
        )
    if ov.valid_until and ov.valid_until < ov.valid_from:
        f.add(src, ("valid_until",), "val.until_before_from", msg("hint.until_before_from"))


def _check_params(f: Findings, src: SourceFile, ov: Overlay, cat: Catalogue) -> None:
    """New parameters are new and cited; ``set:`` names known ones, with a source."""
    for i, p in enumerate(ov.parameters):
        if p.id in cat.params:
            path = ("parameters", i, "id")
            f.add(src, path, "val.param_exists", msg("hint.param_exists"), id=p.id)
        check_source(f, src, i, p)
    cat.params |= {p.id for p in ov.parameters}
    for pid, new in ov.set.items():
        if pid not in cat.params:
            f.unknown(src, ("set", pid), "what.parameter", pid, cat.params)
        elif not new.source.strip():
            f.add(src, ("set", pid, "source"), "val.no_source", msg("hint.no_source"), id=pid)


def _check_courses(f: Findings, src: SourceFile, courses: CourseChanges, cat: Catalogue) -> None:
    for i, cid in enumerate(courses.withdraw):
        if cid not in cat.courses:
            f.unknown(src, ("courses", "withdraw", i), "what.course", cid, cat.courses)
    kept = cat.courses - set(courses.withdraw)  # withdrawn and added again: replaced
    for i, added in enumerate(courses.add):
        if added.id in kept:
            path = ("courses", "add", i, "id")
            hint = msg("hint.replace_course", id=added.id)
            f.add(src, path, "val.duplicate_id", hint, value=added.id)
        if added.kind not in cat.kinds:
            path = ("courses", "add", i, "kind")
            f.unknown(src, path, "what.course_kind", added.kind, cat.kinds)
    cat.courses = (cat.courses - set(courses.withdraw)) | {c.id for c in courses.add}


def _check_profile(
    f: Findings, src: SourceFile, pid: str, change: ProfileChanges, base: RuleSet, cat: Catalogue
) -> None:
    here: Path_ = ("profiles", pid)
    if change.routes:
        routes = base.profiles[pid].education.routes
        check_route_changes(f, src, change.routes, routes, (*here, "routes"), cat, transition=False)
    if change.practice_min_kinds and change.practice_min_kinds not in cat.params:
        path = (*here, "practice_min_kinds")
        f.unknown(src, path, "what.parameter", change.practice_min_kinds, cat.params)
    if change.experience:
        check_param_ids(f, src, (*here, "experience"), experience_refs(change.experience), cat)
    if change.transition and change.transition.routes:
        rule = base.profiles[pid].transition or base.defaults.transition
        where: Path_ = (*here, "transition", "routes")
        check_route_changes(f, src, change.transition.routes, rule.routes, where, cat)


def check_route_changes(
    f: Findings,
    src: SourceFile,
    change: RouteChanges,
    existing_routes: list[Route],
    base: Path_,
    cat: Catalogue,
    *,
    transition: bool = True,
) -> None:
    """Withdrawn routes exist, added ones are new and checked (transition routes by
    default: there ``education-in-progress`` may stand)."""
    existing = {r.id for r in existing_routes}
    for i, rid in enumerate(change.withdraw):
        if rid not in existing:
            f.unknown(src, (*base, "withdraw", i), "val.what_route", rid, existing)
    kept = existing - set(change.withdraw)
    for i, route in enumerate(change.add):
        if route.id in kept:
            path = (*base, "add", i, "id")
            f.add(src, path, "val.duplicate_id", msg("hint.duplicate_id"), value=route.id)
    check_routes(f, src, change.add, (*base, "add"), cat, transition=transition)


def check_overlay_values(f: Findings, src: SourceFile, ov: Overlay, base: RuleSet) -> None:
    """Values and uses of parameters, with the overlay's own parameters added."""
    params = {p.id: p for p in base.parameters} | {p.id: p for p in ov.parameters}
    report = reporter(f, src)
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
