"""Applying an overlay to a rule version: the publisher's decisions, and who made them.

``origins`` records, for each thing an overlay supplied (``param:ID``, ``course:ID``,
``route:PROFILE:ID``, ``education:PROFILE``, ``transition:PROFILE`` ...), the index of the
overlay in the book's rule sets, so every requirement can name the file that decided it.
"""

from __future__ import annotations

from pzspec.models.rules import (
    Course,
    Exclusion,
    Overlay,
    Parameter,
    ProfileRules,
    Route,
    RouteChanges,
    RuleSet,
    TransitionRule,
)


def apply_overlay(rules: RuleSet, ov: Overlay, origins: dict[str, int], index: int) -> RuleSet:
    """``rules`` with the decisions of ``ov``; ``origins`` records what ``ov`` supplied."""
    mark = _Marker(origins, index)
    params = _parameters(rules, ov, mark)
    courses, withdrawn = _courses(rules, ov, mark)
    profiles = {
        pid: _profile(pid, pr, ov, rules, withdrawn, mark) for pid, pr in rules.profiles.items()
    }
    exclusions = _exclusions(rules.exclusions, withdrawn)
    defaults = rules.defaults
    if ov.transition and ov.transition.routes:
        changed = _changed_routes(defaults.transition, ov.transition.routes)
        defaults = defaults.model_copy(update={"transition": changed})
        for pid in profiles:
            mark.transition(pid, ov.transition.routes)
    for pid, change in ov.profiles.items():
        if change.transition and change.transition.routes and pid in profiles:
            pr = profiles[pid]
            own = _changed_routes(pr.transition or defaults.transition, change.transition.routes)
            profiles[pid] = pr.model_copy(update={"transition": own})
            mark.transition(pid, change.transition.routes)
    return rules.model_copy(
        update={
            "parameters": params,
            "courses": courses,
            "profiles": profiles,
            "exclusions": exclusions,
            "defaults": defaults,
        }
    )


class _Marker:
    """Records in ``origins`` that the overlay at ``index`` supplied a thing."""

    __slots__ = ("index", "origins")

    def __init__(self, origins: dict[str, int], index: int) -> None:
        self.origins, self.index = origins, index

    def __call__(self, key: str) -> None:
        self.origins[key] = self.index

    def transition(self, pid: str, change: RouteChanges) -> None:
        self(f"transition:{pid}")
        for r in change.add:
            self(f"route:{pid}:{r.id}")


def _parameters(rules: RuleSet, ov: Overlay, mark: _Marker) -> list[Parameter]:
    params = {p.id: p for p in rules.parameters}
    for p in ov.parameters:
        params[p.id] = p
        mark(f"param:{p.id}")
    for pid, new in ov.set.items():
        old = params[pid]
        params[pid] = old.model_copy(
            update={
                "value": new.value,
                "basis": new.basis,
                "source": new.source,
                "description": new.description or old.description,
            }
        )
        mark(f"param:{pid}")
    return list(params.values())


def _courses(rules: RuleSet, ov: Overlay, mark: _Marker) -> tuple[list[Course], set[str]]:
    """The courses after the overlay, and the ids it withdrew."""
    if not ov.courses:
        return list(rules.courses), set()
    withdrawn = set(ov.courses.withdraw)
    courses = [c for c in rules.courses if c.id not in withdrawn] + list(ov.courses.add)
    for c in ov.courses.add:
        mark(f"course:{c.id}")
    # a course withdrawn and added again is replaced: the routes that name it keep it
    return courses, withdrawn - {c.id for c in ov.courses.add}


def _profile(
    pid: str,
    pr: ProfileRules,
    ov: Overlay,
    rules: RuleSet,
    withdrawn: set[str],
    mark: _Marker,
) -> ProfileRules:
    routes = _without_courses(pid, pr.education.routes, withdrawn, mark)
    education = pr.education.model_copy(update={"routes": routes})
    change = ov.profiles.get(pid)
    if change is None:
        return pr.model_copy(update={"education": education})
    update: dict[str, object] = {}
    if change.routes:
        gone = set(change.routes.withdraw)
        routes = [r for r in routes if r.id not in gone] + list(change.routes.add)
        for r in change.routes.add:
            mark(f"route:{pid}:{r.id}")
        if gone:
            mark(f"education:{pid}")
        education = education.model_copy(update={"routes": routes})
    if change.undetermined is not None:
        education = education.model_copy(update={"undetermined": change.undetermined})
        mark(f"education:{pid}")
    if change.practice_min_kinds is not None:
        base = pr.practice or rules.defaults.practice
        update["practice"] = base.model_copy(update={"min_kinds": change.practice_min_kinds})
        mark(f"practice:{pid}")
    if change.experience is not None:
        update["experience"] = change.experience
        mark(f"experience:{pid}")
    return pr.model_copy(update={"education": education, **update})


def _without_courses(
    pid: str, routes: list[Route], withdrawn: set[str], mark: _Marker
) -> list[Route]:
    """The routes with withdrawn courses taken out of their entry."""
    out = []
    for route in routes:
        if route.entry and withdrawn & set(route.entry.courses):
            kept = [c for c in route.entry.courses if c not in withdrawn]
            entry = route.entry.model_copy(update={"courses": kept})
            route = route.model_copy(update={"entry": entry})  # noqa: PLW2901
            mark(f"route:{pid}:{route.id}")
        out.append(route)
    return out


def _exclusions(exclusions: list[Exclusion], withdrawn: set[str]) -> list[Exclusion]:
    out = []
    for e in exclusions:
        kept = [c for c in e.courses if c not in withdrawn]
        if e.courses and not kept and not e.kinds:
            continue  # it named only withdrawn courses: left empty it would exclude everything
        out.append(e.model_copy(update={"courses": kept}))
    return out


def _changed_routes(rule: TransitionRule, change: RouteChanges) -> TransitionRule:
    gone = set(change.withdraw)
    routes = [r for r in rule.routes if r.id not in gone] + list(change.add)
    return rule.model_copy(update={"routes": routes})
