"""The ``transition`` requirement: the routes of the transition arrangement while it is open."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from pzspec.evaluate.context import RANK, Outcome
from pzspec.evaluate.education import with_outcome
from pzspec.evaluate.said import joined, unique
from pzspec.messages import Message, msg
from pzspec.models.result import Requirement, Said
from pzspec.models.rules import Route

if TYPE_CHECKING:
    from pzspec.evaluate.engine import Evaluation


def _forms(routes: list[Route]) -> Message:
    """The forms the rules offer, per route ("a + b; c")."""
    per_route = [
        joined("join.plus", [msg(f"form.{f}") for f in r.forms]) or r.label for r in routes
    ]
    return msg("fact.transition_forms", forms=joined("join.semicolon", per_route))


def requirement(ev: Evaluation, education: Requirement) -> Requirement:
    rule = ev.book.transition(ev.profile_id or "")
    until = ev.book.params[rule.open_until].value
    assert isinstance(until, dt.date)
    common: dict[str, Any] = {"id": "transition", "open_until": until.isoformat()}
    if education.status == "met":
        return Requirement(
            status="not-applicable",
            source=rule.source,
            explanation=msg("req.transition.not_needed"),
            **common,
        )
    if ev.as_of > until:
        closed = msg("req.transition.closed", date=until)
        return Requirement(
            status="unmet",
            source=rule.source,
            explanation=closed,
            parameters=ev.params([rule.open_until]),
            missing=[closed],
            **common,
        )
    if not rule.routes:
        return Requirement(
            status="not-applicable",
            source=rule.source,
            explanation=msg("req.transition.none"),
            details={"routes": [], "forms": []},
            **common,
        )
    tried = [(r, with_outcome(ev.outcome(r.conditions), r)) for r in rule.routes]
    common["facts"] = [_forms(rule.routes)] + [f for _, o in tried for f in o.facts]
    common["details"] = {
        "routes": [{"id": r.id, "status": o.status, "forms": r.forms} for r, o in tried],
        "forms": list(dict.fromkeys(f for r in rule.routes for f in r.forms)),
    }
    route, out = max(tried, key=lambda t: RANK[t[1].status])
    if out.status in ("met", "review"):
        return _open(ev, route, out, until, [rule.open_until], common)
    return Requirement(
        status="unmet",
        source=rule.source,
        explanation=msg("req.transition.unmet", date=until),
        missing=[ev.rule_text(r.missing) for r, _ in tried],
        parameters=ev.params([rule.open_until] + [x for _, o in tried for x in o.params]),
        **common,
    )


def _open(
    ev: Evaluation,
    route: Route,
    out: Outcome,
    until: dt.date,
    params: list[str],
    common: dict[str, Any],
) -> Requirement:
    """A route that is met, or under review: because the route asks for an assessment, or
    because data are missing."""
    asked = out.status == "review" and route.outcome == "review"
    key = "met" if out.status == "met" else "review" if asked else "open"
    missing: list[Said] = []
    if key == "review":
        missing = [msg("req.transition.assessment")]
    elif key == "open":
        missing = [*out.missing, *ev.needed_fields(ev.months_in(None))]
    return Requirement(
        status=out.status,
        source=route.source,
        route=route.id,
        explanation=msg(f"req.transition.{key}", route=route.label, date=until),
        missing=unique(missing),
        parameters=ev.params(params + out.params),
        **common,
    )
