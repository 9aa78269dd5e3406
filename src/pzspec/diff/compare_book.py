"""Comparing the rule book itself: parameters, professions, registrations, named lists,
the course catalogue, exclusions and the rules per requirement."""

from __future__ import annotations

from typing import Any

from pzspec.diff.base import Comparer
from pzspec.diff.compare_routes import routes
from pzspec.diff.conditions import conditions
from pzspec.diff.values import amount, direction, same, sign, value_sign
from pzspec.load.catalog import RuleBook
from pzspec.messages import Message, msg
from pzspec.models.rules import ExperienceRule, Parameter, PracticeRule, TransitionRule


def run(c: Comparer) -> None:
    """Every part of the two books (the profiles files are compared apart)."""
    ra, rb = c.a.rules, c.b.rules
    if c.meta:
        for name in ("title", "publisher", "source"):
            c.text(name, getattr(ra, name), getattr(rb, name), name)
        for name in ("valid_from", "valid_until"):
            x, y = getattr(ra, name), getattr(rb, name)
            if x != y:
                c.add(name, "editorial", x, y, msg("diff.validity", field=name))
    parameters(c)
    professions(c)
    registrations(c)
    named(c, "domains", ra.domains, rb.domains, "diff.what.domain", breaking=False)
    named(c, "course_kinds", ra.course_kinds, rb.course_kinds, "diff.what.course_kind")
    named(c, "activity_kinds", ra.activity_kinds, rb.activity_kinds, "diff.what.activity_kind")
    announced(c)
    courses(c)
    exclusions(c)
    da, db = ra.defaults, rb.defaults
    experience(c, "defaults.experience", da.experience, db.experience)
    transition(c, "defaults.transition", da.transition, db.transition)
    practice(c, "defaults.practice", da.practice, db.practice)
    profile_rules(c)


# --- parameters --------------------------------------------------------------------------
def parameters(c: Comparer) -> None:
    pa = {p.id: p for p in c.a.rules.parameters}
    pb = {p.id: p for p in c.b.rules.parameters}
    for pid, p in pa.items():
        if pid not in pb:
            text = msg("diff.param.removed", what=p.description)
            c.add(f"parameters.{pid}", "removed", p.value, None, text, breaking=False)
    for pid, p in pb.items():
        if pid not in pa:
            text = msg("diff.param.added", what=p.description)
            c.add(f"parameters.{pid}", "added", None, p.value, text, breaking=False)
        else:
            parameter(c, pa[pid], p)


def parameter(c: Comparer, old: Parameter, new: Parameter) -> None:
    path = f"parameters.{new.id}"
    if same(old.value, new.value):
        for name in ("basis", "unit", "source", "description"):
            c.text(f"{path}.{name}", getattr(old, name), getattr(new, name), name)
        return
    uses = c.param_uses.get(new.id, set())
    values: dict[str, Any] = {
        "what": new.description,
        "old": amount(old.value, old.unit),
        "new": amount(new.value, new.unit),
    }
    if old.basis != new.basis:
        basis = msg("diff.param.basis", old=old.basis, new=new.basis)
        text = Message("diff.param.value_basis", {**values, "basis": basis})
    else:
        text = Message("diff.param.value", values)
    tight = direction(value_sign(old.value, new.value), uses)
    c.directed(path, tight, old.value, new.value, text, unused=not uses)


def slot(c: Comparer, path: str, id_a: str, id_b: str, up: int, what: str) -> None:
    """A rule slot (e.g. experience ``min_months``) that names another parameter: compare
    the values; ``up`` is +1 when a higher value is stricter."""
    if id_a == id_b:
        return
    va, vb = c.value(c.a, id_a), c.value(c.b, id_b)
    change = sign(va, vb)
    text = msg("diff.slot", what=what, old_id=id_a, new_id=id_b, old=va, new=vb)
    c.directed(path, None if change is None else change * up, va, vb, text)


# --- professions, registrations, named lists ---------------------------------------------
def professions(c: Comparer) -> None:
    a = {p.id: p for p in c.a.rules.professions}
    b = {p.id: p for p in c.b.rules.professions}
    for pid in c.by_id(
        "professions", a, b, "diff.what.profession", lambda p: p.label, breaking_removed=True
    ):
        x, y = a[pid], b[pid]
        for name in ("profile", "registration"):
            old, new = getattr(x, name), getattr(y, name)
            if old != new:
                text = msg("diff.profession.changed", name=y.label, field=name, old=old, new=new)
                c.directed(f"professions.{pid}.{name}", None, old, new, text)
        c.texts(f"professions.{pid}", x, y, ("label", "source"))


def registrations(c: Comparer) -> None:
    a = {r.id: r for r in c.a.rules.registrations}
    b = {r.id: r for r in c.b.rules.registrations}
    for rid in c.by_id("registrations", a, b, "diff.what.registration", lambda r: r.label):
        x, y = a[rid], b[rid]
        conditions(c, f"registrations.{rid}.conditions", x.conditions, y.conditions, 1, 1)
        c.texts(f"registrations.{rid}", x, y, ("label", "missing", "source"))


# fields of a named item that change what a report advises, not what it decides
_ADVISORY = frozenset({"work"})


def named(
    c: Comparer, path: str, a: list[Any], b: list[Any], what: str, *, breaking: bool = True
) -> None:
    ia, ib = {x.id: x for x in a}, {x.id: x for x in b}
    for key in c.by_id(path, ia, ib, what, lambda x: x.label, breaking_removed=breaking):
        x, y = ia[key], ib[key]
        c.texts(f"{path}.{key}", x, y, ("label", "description"))
        for name in [f for f in type(y).model_fields if f not in ("id", "label", "description")]:
            old, new = getattr(x, name), getattr(y, name)
            if not same(old, new):
                text = msg("diff.course.field", name=key, field=name, old=old, new=new)
                # an advisory flag changes the advice in a report, never a verdict
                tight = 0 if name in _ADVISORY else None
                c.directed(f"{path}.{key}.{name}", tight, old, new, text)


def announced(c: Comparer) -> None:
    """Announced profiles have nothing to test against: adding or removing one is news,
    never a tightening."""
    ia = {x.id: x for x in c.a.rules.announced_profiles}
    ib = {x.id: x for x in c.b.rules.announced_profiles}
    path, what = "announced_profiles", "diff.what.announced_profile"
    for key in c.by_id(path, ia, ib, what, lambda x: x.title):
        c.texts(f"{path}.{key}", ia[key], ib[key], ("title", "description", "source"))


# --- the course catalogue and exclusions -------------------------------------------------
def courses(c: Comparer) -> None:
    a, b = c.a.courses, c.b.courses
    for cid, course in a.items():
        if cid not in b:
            text = _with_routes("diff.course.removed", course.name, c.a, cid)
            c.add(f"courses.{cid}", "tightened", course.name, None, text, breaking=True)
    for cid, course in b.items():
        if cid not in a:
            text = _with_routes("diff.course.added", course.name, c.b, cid)
            c.add(f"courses.{cid}", "loosened", None, course.name, text, breaking=False)
    for cid, y in b.items():
        x = a.get(cid)
        if x is None:
            continue
        for name in ("days", "nlqf", "epas", "institutions", "providers", "kind"):
            old, new = getattr(x, name), getattr(y, name)
            if same(old, new):
                continue
            uses = c.field_uses.get(name, set())
            text = msg("diff.course.field", name=y.name, field=name, old=old, new=new)
            tight = direction(value_sign(old, new), uses)
            c.directed(f"courses.{cid}.{name}", tight, old, new, text)
        c.texts(f"courses.{cid}", x, y, ("name", "description", "source"))


def _with_routes(code: str, name: str, book: RuleBook, cid: str) -> Message:
    """``code`` for course ``name``, with the education routes that count it, if any."""
    found = [
        f"{pid}/{r.id}"
        for pid, pr in book.rules.profiles.items()
        for r in pr.education.routes
        if r.entry and cid in r.entry.courses
    ]
    if not found:
        return msg(code, name=name)
    routes = msg("diff.course.routes", routes=found)
    return msg(_WITH_ROUTES[code], name=name, routes=routes)


_WITH_ROUTES = {
    "diff.course.added": "diff.course.added_routes",
    "diff.course.removed": "diff.course.removed_routes",
}


def exclusions(c: Comparer) -> None:
    a = {e.id: e for e in c.a.rules.exclusions}
    b = {e.id: e for e in c.b.rules.exclusions}
    for eid, e in a.items():
        if eid not in b:
            text = msg("diff.exclusion.removed", reason=e.reason)
            c.add(f"exclusions.{eid}", "loosened", e.reason, None, text, None, _effect(-1))
    for eid, e in b.items():
        if eid not in a:
            text = msg("diff.exclusion.added", reason=e.reason)
            c.add(f"exclusions.{eid}", "tightened", None, e.reason, text, None, _effect(1))
    for eid, y in b.items():
        x = a.get(eid)
        if x is None:
            continue
        path = f"exclusions.{eid}"
        for name in ("courses", "kinds"):
            skip = c.catalogue if name == "courses" else set()
            old = [v for v in getattr(x, name) if v not in skip]
            new = [v for v in getattr(y, name) if v not in skip]
            more = [v for v in new if v not in old]
            fewer = [v for v in old if v not in new]
            if more:
                c.directed(f"{path}.{name}", 1, old, new, msg("diff.exclusion.more", items=more))
            if fewer:
                text = msg("diff.exclusion.fewer", items=fewer)
                c.directed(f"{path}.{name}", -1, old, new, text)
        conditions(c, f"{path}.conditions", x.conditions, y.conditions, -1, 1)
        c.texts(path, x, y, ("reason", "source"))


def _effect(tight: int) -> Message:
    return msg("diff.effect.tightened" if tight > 0 else "diff.effect.loosened")


# --- rules per requirement ---------------------------------------------------------------
def experience(c: Comparer, path: str, a: ExperienceRule, b: ExperienceRule) -> None:
    for name, up in (("min_months", 1), ("window_months", -1)):
        slot(c, f"{path}.{name}", getattr(a, name), getattr(b, name), up, name)
    for name in ("patient_share", "fte_share"):
        slot(c, f"{path}.{name}", getattr(a, name), getattr(b, name), 1, name)
    c.text(f"{path}.source", a.source, b.source, "source")


def transition(c: Comparer, path: str, a: TransitionRule, b: TransitionRule) -> None:
    slot(c, f"{path}.open_until", a.open_until, b.open_until, -1, "open_until")
    routes(c, f"{path}.routes", a.routes, b.routes)
    c.text(f"{path}.source", a.source, b.source, "source")


def practice(c: Comparer, path: str, a: PracticeRule, b: PracticeRule) -> None:
    if a.min_kinds is None and b.min_kinds is not None:
        value = c.value(c.b, b.min_kinds)
        text = msg("diff.practice.condition", value=value)
        c.add(f"{path}.min_kinds", "tightened", None, value, text)
    elif a.min_kinds is not None and b.min_kinds is None:
        value = c.value(c.a, a.min_kinds)
        c.add(f"{path}.min_kinds", "loosened", value, None, msg("diff.practice.info"))
    elif a.min_kinds is not None and b.min_kinds is not None:
        slot(c, f"{path}.min_kinds", a.min_kinds, b.min_kinds, 1, "min_kinds")
    if b.min_kinds is not None:
        slot(c, f"{path}.window_months", a.window_months, b.window_months, -1, "window_months")
    c.text(f"{path}.source", a.source, b.source, "source")


def profile_rules(c: Comparer) -> None:
    pa, pb = c.a.rules.profiles, c.b.rules.profiles
    for pid in pb:
        if pid not in pa:
            continue
        x, y = pa[pid], pb[pid]
        path = f"profiles.{pid}"
        routes(c, f"{path}.education.routes", x.education.routes, y.education.routes)
        ux, uy = x.education.undetermined, y.education.undetermined
        c.text(f"{path}.education.undetermined", ux, uy, "undetermined")
        c.text(f"{path}.education.source", x.education.source, y.education.source, "source")
        if x.experience or y.experience:
            experience(c, f"{path}.experience", c.a.experience(pid), c.b.experience(pid))
        if x.transition or y.transition:
            transition(c, f"{path}.transition", c.a.transition(pid), c.b.transition(pid))
        if x.practice or y.practice:
            practice(c, f"{path}.practice", c.a.practice(pid), c.b.practice(pid))
