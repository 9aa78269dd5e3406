"""Everything in diff that depends on the type of a condition: how a rule book uses each
parameter and field (``uses_of``), and comparing two lists of conditions or two conditions.

The direction of a change follows from how the condition uses a value: a ``min`` threshold
raised is stricter, a ``below`` limit raised more lenient, a ``before`` date moved earlier
stricter, ...; in exclusions and in the ``if`` of a ``when`` the other way round (``pol``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pzspec.conditions import describe, uses
from pzspec.diff.values import same, set_sign, sign
from pzspec.load.catalog import RuleBook
from pzspec.messages import msg
from pzspec.models.rules import (
    AllOf,
    AnyOf,
    BeforeCond,
    BelowCond,
    Condition,
    EducationInProgress,
    EqualsCond,
    ExperienceMonths,
    IncludesCond,
    InCond,
    MinCond,
    When,
)

if TYPE_CHECKING:
    from pzspec.diff.base import Comparer

Uses = dict[str, set[int]]


# --- how a book uses parameters and fields -----------------------------------------------
def cond_uses(c: Condition, pol: int, params: Uses, fields: Uses) -> None:
    """Record how condition ``c`` (with polarity ``pol``) uses parameters and fields, as
    its condition type declares (``pzspec.conditions``: ``uses``; combinators recurse, and
    the ``if`` of a ``when`` counts the other way round)."""
    for use in uses(c):
        (params if use.kind == "param" else fields)[use.id].add(use.direction * pol)


def uses_of(book: RuleBook) -> tuple[Uses, Uses]:
    """How the book uses each parameter and each education field.

    For a parameter, +1 means a higher (later) value is stricter and -1 that it is more
    lenient; for a field (of a catalogue course), +1 means a higher value or a longer list
    makes a course count less; 0 means direction unknown (``equals``, ``in``). Conditions
    in exclusions and in the ``if`` of a ``when`` count the other way round.
    """
    params: Uses = defaultdict(set)
    fields: Uses = defaultdict(set)
    rules = book.rules
    for reg in rules.registrations:
        for c in reg.conditions:
            cond_uses(c, 1, params, fields)
    for ex in rules.exclusions:
        for c in ex.conditions:
            cond_uses(c, -1, params, fields)
    _slot_uses(book, params, fields)
    return params, fields


def _slot_uses(book: RuleBook, params: Uses, fields: Uses) -> None:
    """The routes and the rule slots (experience, transition, practice) of every profile."""
    rules = book.rules
    routes = list(rules.defaults.transition.routes)
    experiences = [rules.defaults.experience]
    transitions = [rules.defaults.transition]
    practices = [rules.defaults.practice]
    for pid, pr in rules.profiles.items():
        routes += pr.education.routes
        if pr.transition:
            routes += pr.transition.routes
            transitions.append(pr.transition)
        experiences.append(book.experience(pid))
        practices.append(book.practice(pid))
    for route in routes:
        for c in route.conditions:
            cond_uses(c, 1, params, fields)
    for e in experiences:
        params[e.min_months].add(1)
        params[e.window_months].add(-1)
        params[e.patient_share].add(1)
        params[e.fte_share].add(1)
    for t in transitions:
        params[t.open_until].add(-1)
    for p in practices:
        if p.min_kinds:
            params[p.min_kinds].add(1)
            params[p.window_months].add(-1)


# --- matching two lists of conditions ----------------------------------------------------
def _key(c: Condition) -> tuple[str, ...]:
    if isinstance(c, When):
        return ("when", *_key(c.if_))
    f = getattr(c, "field", None)
    return (c.type, f) if isinstance(f, str) else (c.type,)


def _segment(c: Condition) -> str:
    f = getattr(c, "field", None)
    return f"{c.type}:{f}" if isinstance(f, str) else c.type


def _segments(conds: list[Condition]) -> list[str]:
    seen: Counter[str] = Counter()
    out = []
    for c in conds:
        s = _segment(c)
        seen[s] += 1
        out.append(s if seen[s] == 1 else f"{s}#{seen[s]}")
    return out


def _match(a: list[Condition], b: list[Condition]) -> tuple[list[tuple[int, int]], list[int]]:
    """Pairs (i, j) of conditions of ``a`` and ``b`` with the same key, and the ``a`` ones
    without a partner."""
    taken: set[int] = set()
    pairs: list[tuple[int, int]] = []
    removed: list[int] = []
    for i, c in enumerate(a):
        j = next((j for j, d in enumerate(b) if j not in taken and _key(d) == _key(c)), None)
        if j is None:
            removed.append(i)
        else:
            taken.add(j)
            pairs.append((i, j))
    return pairs, removed


def conditions(
    cmp: Comparer, path: str, a: list[Condition], b: list[Condition], pol: int, conj: int
) -> None:
    """Compare two lists of conditions. ``pol`` is -1 where a condition that holds makes
    things worse (exclusions, the ``if`` of a ``when``); ``conj`` is +1 when all must
    hold (adding one is stricter) and -1 when any may (adding one is more lenient)."""
    seg_a, seg_b = _segments(a), _segments(b)
    pairs, removed = _match(a, b)
    for i in removed:
        desc = describe(a[i], cmp.a)
        key = "diff.cond.removed" if conj > 0 else "diff.cond.alt_removed"
        cmp.directed(f"{path}.{seg_a[i]}", -conj * pol, desc, None, msg(key, cond=desc))
    for i, j in pairs:
        condition(cmp, f"{path}.{seg_b[j]}", a[i], b[j], pol)
    taken = {j for _, j in pairs}
    for j, d in enumerate(b):
        if j in taken:
            continue
        desc = describe(d, cmp.b)
        key = "diff.cond.added" if conj > 0 else "diff.cond.alt_added"
        cmp.directed(f"{path}.{seg_b[j]}", conj * pol, None, desc, msg(key, cond=desc))


# --- comparing two conditions of the same type -------------------------------------------
class _Pair:
    """Two matched conditions at ``path`` and the comparer that records their changes."""

    def __init__(self, cmp: Comparer, path: str, a: Any, b: Any, pol: int) -> None:
        self.cmp, self.path, self.a, self.b, self.pol = cmp, path, a, b, pol

    def changed(self, tight: int | None, old: Any, new: Any) -> None:
        text = msg(
            "diff.cond.changed",
            old=describe(self.a, self.cmp.a),
            new=describe(self.b, self.cmp.b),
        )
        self.cmp.directed(self.path, tight, old, new, text)

    def moved(self, va: Any, vb: Any, up: int) -> None:
        """A value from ``va`` to ``vb``; ``up`` +1 when a higher value is stricter."""
        change = sign(va, vb)
        if change != 0:
            self.changed(None if change is None else change * up * self.pol, va, vb)

    def params(self, pid_a: str | None, pid_b: str | None, up: int) -> None:
        va, vb = self.cmp.value(self.cmp.a, pid_a), self.cmp.value(self.cmp.b, pid_b)
        self.moved(va, vb, up)


def _threshold(p: _Pair) -> None:
    a, b = p.a, p.b
    if a.param != b.param or not same(a.value, b.value):
        va, vb = p.cmp.value(p.cmp.a, a.param, a.value), p.cmp.value(p.cmp.b, b.param, b.value)
        p.moved(va, vb, 1 if isinstance(b, MinCond) else -1)
    if isinstance(a, MinCond) and isinstance(b, MinCond) and a.fallback != b.fallback:
        p.changed((1 if b.fallback is None else -1) * p.pol, a.fallback, b.fallback)


def _before(p: _Pair) -> None:
    if p.a.param != p.b.param:
        p.params(p.a.param, p.b.param, -1)


def _values(up: int) -> Callable[[_Pair], None]:
    def compare(p: _Pair) -> None:
        change = set_sign(p.a.values, p.b.values)
        if change != 0:
            p.changed(None if change is None else change * up * p.pol, p.a.values, p.b.values)

    return compare


def _equals(p: _Pair) -> None:
    if not same(p.a.value, p.b.value):
        p.changed(None, p.a.value, p.b.value)


def _experience(p: _Pair) -> None:
    a, b = p.a, p.b
    if a.min != b.min:
        p.params(a.min, b.min, 1)
    if a.window != b.window:
        if a.window is None or b.window is None:
            p.changed((1 if b.window else -1) * p.pol, a.window, b.window)
        else:
            p.params(a.window, b.window, -1)


def _education(p: _Pair) -> None:
    if p.a.by != p.b.by:
        p.params(p.a.by, p.b.by, -1)


def _all_of(p: _Pair) -> None:
    conditions(p.cmp, f"{p.path}.conditions", p.a.conditions, p.b.conditions, p.pol, 1)


def _any_of(p: _Pair) -> None:
    conditions(p.cmp, f"{p.path}.conditions", p.a.conditions, p.b.conditions, p.pol, -1)


def _when(p: _Pair) -> None:
    conditions(p.cmp, f"{p.path}.if", [p.a.if_], [p.b.if_], -p.pol, 1)
    conditions(p.cmp, f"{p.path}.then", [p.a.then], [p.b.then], p.pol, 1)


_BY_TYPE: tuple[tuple[Any, Callable[[_Pair], None]], ...] = (
    (MinCond | BelowCond, _threshold),
    (BeforeCond, _before),
    (IncludesCond, _values(1)),
    (InCond, _values(-1)),
    (EqualsCond, _equals),
    (ExperienceMonths, _experience),
    (EducationInProgress, _education),
    (AllOf, _all_of),
    (AnyOf, _any_of),
    (When, _when),
)
"""For each condition type (both sides of that type), how to compare the two."""


def condition(cmp: Comparer, path: str, a: Condition, b: Condition, pol: int) -> None:
    if a == b:
        return
    for name in ("on_fail", "on_missing"):
        x, y = getattr(a, name), getattr(b, name)
        if x != y:
            text = msg(f"diff.cond.{name}", old=msg(f"status.{x}"), new=msg(f"status.{y}"))
            cmp.directed(f"{path}.{name}", (1 if y == "unmet" else -1) * pol, x, y, text)
    if a.label != b.label:
        cmp.text(f"{path}.label", a.label, b.label, "label")
    pair = _Pair(cmp, path, a, b, pol)
    for kinds, compare in _BY_TYPE:
        if isinstance(a, kinds) and isinstance(b, kinds):
            compare(pair)
            return
    # a condition type without a comparison here (one added since): a change beyond the
    # label and outcomes (compared above) is still reported, and as its direction is not
    # known it counts as a tightening
    common = {"label", "on_fail", "on_missing"}
    if a.model_dump(exclude=common) != b.model_dump(exclude=common):
        pair.changed(None, describe(a, cmp.a), describe(b, cmp.b))
