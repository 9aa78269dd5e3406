"""Applying an overlay to a rule version: the publisher's decisions, and who made them.

``origins`` records, for each thing an overlay supplied (``param:ID``, ``course:ID``,
``route:PROFILE:ID``, ``education:PROFILE``, ``transition:PROFILE`` ...), the index of the
overlay in the book's rule sets, so every requirement can name the file that decided it.
"""

from __future__ import annotations

from pzspec.models.rules import Overlay, RouteChanges, RuleSet, TransitionRule


def apply_overlay(rules: RuleSet, ov: Overlay, origins: dict[str, int], index: int) -> RuleSet:
    """``rules`` with the decisions of ``ov``; ``origins`` records what ``ov`` supplied."""
    params = {p.id: p for p in rules.parameters}
    for p in ov.parameters:
        params[p.id] = p
        origins[f"param:{p.id}"] = index
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
        origins[f"param:{pid}"] = index
    courses = list(rules.courses)
    withdrawn: set[str] = set()
    if ov.courses:
        withdrawn = set(ov.courses.withdraw)
        courses = [c for c in courses if c.id not in withdrawn] + list(ov.courses.add)
        for c in ov.courses.add:
            origins[f"course:{c.id}"] = index
    profiles = dict(rules.profiles)
    for pid, pr in list(profiles.items()):
        routes = []
        for route in pr.education.routes:
            if route.entry and withdrawn & set(route.entry.courses):
                kept = [c for c in route.entry.courses if c not in withdrawn]
                entry = route.entry.model_copy(update={"courses": kept})
                route = route.model_copy(update={"entry": entry})  # noqa: PLW2901
                origins[f"route:{pid}:{route.id}"] = index
            routes.append(route)
        change = ov.profiles.get(pid)
        education = pr.education.model_copy(update={"routes": routes})
        update: dict[str, object] = {}
        if change is not None:
            if change.routes:
                gone = set(change.routes.withdraw)
                routes = [r for r in routes if r.id not in gone] + list(change.routes.add)
                for r in change.routes.add:
                    origins[f"route:{pid}:{r.id}"] = index
                if gone:
                    origins[f"education:{pid}"] = index
                education = education.model_copy(update={"routes": routes})
            if change.undetermined is not None:
                education = education.model_copy(update={"undetermined": change.undetermined})
                origins[f"education:{pid}"] = index
            if change.practice_min_kinds is not None:
                base = pr.practice or rules.defaults.practice
                update["practice"] = base.model_copy(
                    update={"min_kinds": change.practice_min_kinds}
                )
                origins[f"practice:{pid}"] = index
            if change.experience is not None:
                update["experience"] = change.experience
                origins[f"experience:{pid}"] = index
        profiles[pid] = pr.model_copy(update={"education": education, **update})
    exclusions = []
    for e in rules.exclusions:
        kept = [c for c in e.courses if c not in withdrawn]
        if e.courses and not kept and not e.kinds:
            continue  # it named only withdrawn courses: left empty it would exclude everything
        exclusions.append(e.model_copy(update={"courses": kept}))
    defaults = rules.defaults
    if ov.transition and ov.transition.routes:
        changed = _changed_routes(defaults.transition, ov.transition.routes)
        defaults = defaults.model_copy(update={"transition": changed})
        for pid in profiles:
            _mark_transition(origins, pid, ov.transition.routes, index)
    for pid, change in ov.profiles.items():
        if change.transition and change.transition.routes and pid in profiles:
            pr = profiles[pid]
            own = _changed_routes(pr.transition or defaults.transition, change.transition.routes)
            profiles[pid] = pr.model_copy(update={"transition": own})
            _mark_transition(origins, pid, change.transition.routes, index)
    return rules.model_copy(
        update={
            "parameters": list(params.values()),
            "courses": courses,
            "profiles": profiles,
            "exclusions": exclusions,
            "defaults": defaults,
        }
    )


def _changed_routes(rule: TransitionRule, change: RouteChanges) -> TransitionRule:
    gone = set(change.withdraw)
    routes = [r for r in rule.routes if r.id not in gone] + list(change.add)
    return rule.model_copy(update={"routes": routes})


def _mark_transition(origins: dict[str, int], pid: str, change: RouteChanges, index: int) -> None:
    origins[f"transition:{pid}"] = index
    for r in change.add:
        origins[f"route:{pid}:{r.id}"] = index
