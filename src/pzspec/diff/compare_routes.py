"""Comparing education and transition routes: added, dropped, and what changed in one."""

from __future__ import annotations

from pzspec.diff.base import Comparer
from pzspec.diff.conditions import conditions
from pzspec.diff.values import dumped, set_sign
from pzspec.messages import msg
from pzspec.models.rules import Route


def routes(c: Comparer, path: str, a: list[Route], b: list[Route]) -> None:
    ia, ib = {r.id: r for r in a}, {r.id: r for r in b}
    for rid, r in ia.items():
        if rid not in ib:
            text = msg("diff.route.removed", label=r.label)
            c.directed(f"{path}.{rid}", 1, r.label, None, text)
    for rid, r in ib.items():
        if rid not in ia:
            c.directed(f"{path}.{rid}", -1, None, r.label, msg("diff.route.added", label=r.label))
    for rid, y in ib.items():
        if rid in ia:
            route(c, f"{path}.{rid}", ia[rid], y)


def route(c: Comparer, path: str, a: Route, b: Route) -> None:
    if a.outcome != b.outcome:
        text = msg(
            "diff.route.outcome",
            label=b.label,
            old=msg(f"status.{a.outcome}"),
            new=msg(f"status.{b.outcome}"),
        )
        tight = 1 if b.outcome == "review" else -1
        c.directed(f"{path}.outcome", tight, a.outcome, b.outcome, text)
    if a.professions != b.professions:
        _professions(c, path, a, b)
    if (a.entry is None) != (b.entry is None):
        text = msg("diff.route.entry_changed", label=b.label)
        c.directed(f"{path}.entry", None, a.entry, b.entry, text)
    elif a.entry is not None and b.entry is not None:
        _entry(c, path, a, b)
    conditions(c, f"{path}.conditions", a.conditions, b.conditions, 1, 1)
    if a.forms != b.forms:
        c.text(f"{path}.forms", ", ".join(a.forms), ", ".join(b.forms), "forms")
    if (a.provisional is None) != (b.provisional is None):
        text = msg("diff.route.provisional", label=b.label)
        c.add(
            f"{path}.provisional", "editorial", dumped(a.provisional), dumped(b.provisional), text
        )
    c.texts(path, a, b, ("label", "missing", "source"))


def _professions(c: Comparer, path: str, a: Route, b: Route) -> None:
    if b.professions is None:
        tight: int | None = -1
    elif a.professions is None:
        tight = 1
    else:
        change = set_sign(a.professions, b.professions)
        tight = None if change is None else -change
    text = msg(
        "diff.route.professions",
        label=b.label,
        old=a.professions if a.professions is not None else "*",
        new=b.professions if b.professions is not None else "*",
    )
    c.directed(f"{path}.professions", tight, a.professions, b.professions, text)


def _entry(c: Comparer, path: str, a: Route, b: Route) -> None:
    assert a.entry is not None and b.entry is not None
    for name in ("courses", "kinds"):
        skip = c.catalogue if name == "courses" else set()
        old = [v for v in getattr(a.entry, name) if v not in skip]
        new = [v for v in getattr(b.entry, name) if v not in skip]
        gone = [v for v in old if v not in new]
        more = [v for v in new if v not in old]
        where = f"{path}.entry.{name}"
        if gone:
            text = msg("diff.route.entry_removed", label=b.label, items=gone)
            c.directed(where, 1, old, new, text)
        if more:
            c.directed(
                where, -1, old, new, msg("diff.route.entry_added", label=b.label, items=more)
            )
