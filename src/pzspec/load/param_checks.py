"""Parameter values that fit where they are used (part of ``pzspec validate``).

A parameter's own value is checked against its type when the file loads (models/rules.py).
This module checks what needs more than one file: that every place which names a parameter
gets the type it needs (a date where a date belongs), that an overlay's ``set:`` value fits
the type of the parameter it replaces, and that a window is never shorter than the minimum
it must hold. ``validate``, ``check --rules`` and ``diff`` all run it, so they agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from pzspec.conditions import Cond, param_refs, walk
from pzspec.conditions.values import DATES, MONTHS, value_problem
from pzspec.models.rules import (
    ExperienceRule,
    Overlay,
    Parameter,
    PracticeRule,
    Route,
    RuleSet,
    TransitionRule,
)

Path_ = tuple[str | int, ...]
Use = tuple[Path_, str, frozenset[str]]
Report = Callable[..., None]
SHARES = frozenset({"share"})
COUNTS = frozenset({"count"})


def condition_uses(conds: Iterable[Cond], base: Path_) -> Iterator[Use]:
    """Every parameter the conditions name, with the types the condition type declares."""
    for cond, path in walk(conds, base):
        for ref in param_refs(cond):
            yield (*path, ref.key), ref.id, ref.want


def route_uses(routes: list[Route], base: Path_) -> Iterator[Use]:
    for i, route in enumerate(routes):
        yield from condition_uses(route.conditions, (*base, i, "conditions"))


def experience_uses(rule: ExperienceRule, base: Path_) -> Iterator[Use]:
    yield (*base, "min_months"), rule.min_months, MONTHS
    yield (*base, "window_months"), rule.window_months, MONTHS
    yield (*base, "patient_share"), rule.patient_share, SHARES
    yield (*base, "fte_share"), rule.fte_share, SHARES


def transition_uses(rule: TransitionRule, base: Path_) -> Iterator[Use]:
    yield (*base, "open_until"), rule.open_until, DATES
    yield from route_uses(rule.routes, (*base, "routes"))


def practice_uses(rule: PracticeRule, base: Path_) -> Iterator[Use]:
    yield (*base, "window_months"), rule.window_months, MONTHS
    if rule.min_kinds:
        yield (*base, "min_kinds"), rule.min_kinds, COUNTS


def rules_uses(rules: RuleSet) -> Iterator[Use]:
    for i, reg in enumerate(rules.registrations):
        yield from condition_uses(reg.conditions, ("registrations", i, "conditions"))
    for i, ex in enumerate(rules.exclusions):
        yield from condition_uses(ex.conditions, ("exclusions", i, "conditions"))
    d = rules.defaults
    yield from experience_uses(d.experience, ("defaults", "experience"))
    yield from transition_uses(d.transition, ("defaults", "transition"))
    yield from practice_uses(d.practice, ("defaults", "practice"))
    for pid, pr in rules.profiles.items():
        base: Path_ = ("profiles", pid)
        yield from route_uses(pr.education.routes, (*base, "education", "routes"))
        if pr.experience:
            yield from experience_uses(pr.experience, (*base, "experience"))
        if pr.transition:
            yield from transition_uses(pr.transition, (*base, "transition"))
        if pr.practice:
            yield from practice_uses(pr.practice, (*base, "practice"))


def overlay_uses(ov: Overlay) -> Iterator[Use]:
    if ov.transition and ov.transition.routes:
        yield from route_uses(ov.transition.routes.add, ("transition", "routes", "add"))
    for pid, change in ov.profiles.items():
        base: Path_ = ("profiles", pid)
        if change.routes:
            yield from route_uses(change.routes.add, (*base, "routes", "add"))
        if change.transition and change.transition.routes:
            yield from route_uses(
                change.transition.routes.add, (*base, "transition", "routes", "add")
            )
        if change.practice_min_kinds:
            yield (*base, "practice_min_kinds"), change.practice_min_kinds, COUNTS
        if change.experience:
            yield from experience_uses(change.experience, (*base, "experience"))


def check_uses(uses: Iterator[Use], params: dict[str, Parameter], report: Report) -> None:
    """Report every use of a known parameter whose type does not fit the place."""
    for path, ref, want in uses:
        param = params.get(ref)
        if param is not None and param.kind not in want:
            report(
                path,
                "val.param_use",
                "hint.param_use",
                ref=ref,
                kind=param.kind,
                want=" / ".join(sorted(want)),
            )


def check_set_values(ov: Overlay, params: dict[str, Parameter], report: Report) -> None:
    """Every ``set:`` value fits the type of the parameter it replaces."""
    for pid, new in ov.set.items():
        param = params.get(pid)
        if param is None:
            continue
        problem = value_problem(param.kind, new.value)
        if problem:
            shown = str(new.value).lower() if isinstance(new.value, bool) else str(new.value)
            report(("set", pid, "value"), "err.param_value", problem, id=pid, value=shown[:40])


def check_windows(rules: RuleSet, params: dict[str, Parameter], report: Report) -> None:
    """No experience window is shorter than the minimum it must contain."""
    rules_at: list[tuple[Path_, ExperienceRule]] = [
        (("defaults", "experience"), rules.defaults.experience)
    ]
    rules_at += [
        (("profiles", pid, "experience"), pr.experience)
        for pid, pr in rules.profiles.items()
        if pr.experience
    ]
    for path, rule in rules_at:
        low, window = params.get(rule.min_months), params.get(rule.window_months)
        if low is None or window is None:
            continue
        numbers = isinstance(low.value, int) and isinstance(window.value, int)
        if numbers and window.value < low.value:  # type: ignore[operator]
            report(
                (*path, "window_months"),
                "val.window_below_min",
                "hint.window_below_min",
                window=window.id,
                window_value=window.value,
                min=low.id,
                min_value=low.value,
            )
