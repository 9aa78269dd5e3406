"""``pzspec plan``: from what date a portfolio qualifies if nothing changes, and the steps
that lift what still stands in the way (issue 17).

The date comes from plan_dates.py (computed from the days where anything changes, and
verified by a check on it and on the day before). The steps are read from the checks: what
waiting brings (experience that grows, a course that is completed on its date, the
transition arrangement and its end), and for whatever still blocks, what the rule data say
is missing. Everything is a coded ``Message``; nothing here knows a profession.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from pzspec.evaluate.plan_dates import QUALIFY, Found, earliest
from pzspec.evaluate.plan_transition import RouteReach, blocked_reason, routes_today
from pzspec.load.catalog import Library
from pzspec.messages import Message, Record, msg
from pzspec.models.portfolio import Portfolio
from pzspec.models.result import CheckResult, Requirement, Said, Verdict

ORDER = ("profession", "registration", "education", "experience", "transition")
OPEN = ("unmet", "review", "undetermined")


class Step(NamedTuple):
    """One change that lifts ``requirement``: ``action`` says what to do; ``by`` is the
    date it brings eligibility or the deadline it must be done before (None: up to you)."""

    requirement: str
    code: str
    action: Message
    source: str
    provisional: bool
    by: dt.date | None = None
    reaches: str = "eligible"  # "review": it leads to an assessment, not to eligible itself


class Blocker(NamedTuple):
    """A requirement that keeps the portfolio from qualifying without a change."""

    requirement: str
    reason: Said


class Plan(Record):
    """The plan for one portfolio: the verdict on ``as_of``, the earliest day it qualifies
    (None: not before the horizon) and its verdict then, what that assumes, what blocks,
    the ranked steps, and the check on ``as_of`` (``result``). Treat it as immutable."""

    __slots__ = (
        "as_of",
        "assumes",
        "blocked",
        "earliest",
        "earliest_verdict",
        "file",
        "provisional",
        "result",
        "steps",
        "verdict",
    )
    _fields = __slots__

    def __init__(
        self,
        file: str,
        as_of: dt.date,
        verdict: Verdict,
        provisional: bool,
        earliest: dt.date | None,
        earliest_verdict: Verdict | None,
        assumes: list[Message] | None = None,
        blocked: list[Blocker] | None = None,
        steps: list[Step] | None = None,
        result: CheckResult | None = None,
    ) -> None:
        self.file, self.as_of, self.verdict, self.provisional = file, as_of, verdict, provisional
        self.earliest, self.earliest_verdict = earliest, earliest_verdict
        self.assumes: list[Message] = [] if assumes is None else assumes
        self.blocked: list[Blocker] = [] if blocked is None else blocked
        self.steps: list[Step] = [] if steps is None else steps
        self.result = result  # the check on as_of


def _reqs(result: CheckResult | None) -> dict[str, Requirement]:
    return {r.id: r for r in result.requirements} if result else {}


def _who(portfolio: Portfolio, index: int) -> str:
    e = portfolio.experience[index]
    return e.employer or e.role or e.start.isoformat()


def _course(portfolio: Portfolio, library: Library, index: int) -> str:
    entry = portfolio.education[index]
    if entry.course:
        for src in library.sources:
            for course in getattr(src.model, "courses", None) or []:
                if getattr(course, "id", None) == entry.course:
                    return str(course.name)
        return entry.course
    return entry.name or entry.kind or "?"


def assumptions(
    portfolio: Portfolio, library: Library, found: Found, as_of: dt.date
) -> list[Message]:
    """What the date rests on: employments going on, courses completed on their date,
    other rule data in force then."""
    day = found.day
    if day is None or day == as_of:
        return []
    out: list[Message] = []
    for i, e in enumerate(portfolio.experience):
        if as_of < e.start <= day:
            out.append(msg("plan.assume.starts", employment=_who(portfolio, i), date=e.start))
        if e.end is None and e.start <= day:
            fte = f"{e.fte:g}" if e.fte is not None else "?"
            out.append(msg("plan.assume.continues", employment=_who(portfolio, i), fte=fte))
    for i, entry in enumerate(portfolio.education):
        if as_of < entry.completed <= day:
            course = _course(portfolio, library, i)
            out.append(msg("plan.assume.completes", course=course, date=entry.completed))
    first, then = found.first, found.result
    if first is not None and then is not None:
        sets = [s.id for s in then.provenance.rule_sets if s.kind != "profile"]
        if sets != [s.id for s in first.provenance.rule_sets if s.kind != "profile"]:
            out.append(msg("plan.assume.rules", version=", ".join(sets), date=day))
    return out


def _waiting(portfolio: Portfolio, library: Library, found: Found, as_of: dt.date) -> list[Step]:
    """What going on as now brings, by the earliest date."""
    day, before, after = found.day, _reqs(found.first), _reqs(found.result)
    if day is None or day == as_of or not after:
        return []
    steps: list[Step] = []
    exp, exp0 = after["experience"], before.get("experience")
    if exp.status == "met" and exp0 is not None and exp0.status != "met":
        lacking = max((exp0.required_months or 0) - (exp0.months or 0), 1)
        what = msg("plan.step.keep_working", months=lacking, date=day)
        steps.append(Step("experience", "keep-working", what, exp.source, exp.provisional, day))
    edu, edu0 = after["education"], before.get("education")
    if edu.status == "met" and edu0 is not None and edu0.status != "met":
        for i, entry in enumerate(portfolio.education):
            if as_of < entry.completed <= day:
                course = _course(portfolio, library, i)
                what = msg("plan.step.complete_course", course=course, date=entry.completed)
                steps.append(
                    Step(
                        "education",
                        "complete-course",
                        what,
                        edu.source,
                        edu.provisional,
                        entry.completed,
                    )
                )
    if found.result is not None and found.result.verdict == "eligible-transition":
        steps.append(_apply_step(after["transition"], day))
    return steps


def _apply_step(trans: Requirement, day: dt.date) -> Step:
    """Apply under the transition route that is met, before the arrangement ends."""
    until = dt.date.fromisoformat(trans.open_until) if trans.open_until else None
    said = trans.explanation
    route = said.args.get("route", said) if isinstance(said, Message) else said
    what = msg("plan.step.transition", route=route, date=until or day)
    return Step("transition", "transition", what, trans.source, True, until)


def _blocking(reqs: dict[str, Requirement]) -> list[str]:
    """The requirements that keep the verdict from eligible (all of them, not only the
    first one the verdict names)."""
    if not reqs:
        return []
    if reqs["profession"].status != "met":
        return ["profession"]
    out = [] if reqs["registration"].status == "met" else ["registration"]
    out += [] if reqs["experience"].status == "met" else ["experience"]
    if reqs["education"].status != "met" and reqs["transition"].status != "met":
        out += ["education", "transition"]
    return out


_ACTIONS = {  # what the check says is missing -> the action that lifts it
    "req.education.assessment": "plan.step.ask_assessment",
    "req.education.partial": "plan.step.supplement_course",
    "cond.not_given": "plan.step.fill_in",
}


def _action(r: Requirement, m: Said, permanent: bool) -> Message:
    """A missing item of ``r`` said as something to do."""
    code = m.code if isinstance(m, Message) else ""
    if r.status == "undetermined":
        return msg("plan.step.have_assessed", what=m)
    if code in _ACTIONS:
        return msg(_ACTIONS[code], what=m)
    if r.id == "registration":
        return msg("plan.step.register", what=m)
    if r.id == "education":
        if m == r.explanation:  # no route to name: the reason is what there is to say
            key = "plan.step.find_course_permanent" if permanent else "plan.step.find_course"
        else:
            key = "plan.step.follow_course_permanent" if permanent else "plan.step.follow_course"
        return msg(key, what=m)
    return msg("plan.step.do", what=m)


def _transition_steps(r: Requirement, reaches: list[RouteReach]) -> list[Step]:
    """A step per route that can still be taken before the end of the transition; a route
    whose months cannot be there in time is no step (the blocker says why)."""
    steps: list[Step] = []
    for x in reaches:
        if x.late or x.until is None:
            continue
        label = x.route.label
        if x.review:
            what = msg("plan.step.transition_review", route=label, date=x.until)
        elif x.reached is not None and x.reached > x.as_of:
            what = msg(
                "plan.step.transition_route_months",
                route=label,
                date=x.until,
                what=x.missing,
                reached=x.reached,
            )
        else:
            what = msg("plan.step.transition_route", route=label, date=x.until, what=x.missing)
        reaches_ = "review" if x.review else "eligible-transition"
        steps.append(
            Step(r.id, "before-deadline", what, r.source, r.provisional, x.until, reaches_)
        )
    return steps


def _open_steps(
    r: Requirement, reaches: list[RouteReach], *, permanent: bool = False
) -> list[Step]:
    """What the rule data say is missing for ``r``, as actions; for the transition, the
    routes that can still be taken before its end."""
    if r.id == "experience" and r.status == "unmet":
        lacking = (r.required_months or 0) - (r.months or 0)
        shares = [p.value for p in r.parameters if isinstance(p.value, float)] + [0.5, 0.5]
        what = msg(
            "plan.step.more_experience", months=max(lacking, 1), patient=shares[0], fte=shares[1]
        )
        return [Step(r.id, "more-experience", what, r.source, r.provisional)]
    if r.id == "transition":
        return _transition_steps(r, reaches)
    steps: list[Step] = []
    for m in r.missing:
        code = m.code if isinstance(m, Message) else ""
        if code == "req.experience.fill_field" and isinstance(m, Message):
            steps.append(Step(r.id, "fill-in", m, r.source, r.provisional))  # "vul ... in"
        elif code != "req.experience.missing":
            kind = "review" if r.status == "review" else "complete"
            steps.append(Step(r.id, kind, _action(r, m, permanent), r.source, r.provisional))
    return steps


def _ranked(steps: list[Step]) -> list[Step]:
    """Steps that can lead to eligible first, soonest first: steps with a date by that
    date, then the others in requirement order; steps that lead to an assessment last; each
    step once."""
    seen: set[tuple[str, str, str]] = set()
    out: list[Step] = []
    for s in steps:
        key = (s.requirement, s.code, repr(s.action))
        if key not in seen:
            seen.add(key)
            out.append(s)
    return sorted(
        out,
        key=lambda s: (
            s.reaches == "review",
            s.by is None,
            s.by or dt.date.max,
            ORDER.index(s.requirement),
        ),
    )


def _through_transition(found: Found, as_of: dt.date) -> bool:
    """Eligible on ``as_of``, and only through the transition."""
    return found.day == as_of and _verdict_is(found.first, "eligible-transition")


def _verdict_is(result: CheckResult | None, verdict: Verdict) -> bool:
    return result is not None and result.verdict == verdict


def _blockers(found: Found, reaches: list[RouteReach]) -> list[Blocker]:
    """What still blocks when everything has run its course; for a transition that is open
    today, why it does not help, said as of today."""
    now = _reqs(found.first)
    end = _reqs(found.last) or now
    out: list[Blocker] = []
    for rid in _blocking(end):
        if rid == "transition" and reaches and rid in now:
            out.append(Blocker(rid, blocked_reason(reaches, now[rid])))
        else:
            out.append(Blocker(rid, end[rid].explanation))
    return out


def _now_via_transition(found: Found, as_of: dt.date) -> list[Step]:
    """Eligible today through the transition: apply before its end, and the education that
    would make it lasting."""
    reqs = _reqs(found.first)
    apply = _apply_step(reqs["transition"], as_of)
    return [apply, *_open_steps(reqs["education"], [], permanent=True)]


def plan(portfolio: Portfolio, library: Library, as_of: dt.date, file: str = "") -> Plan:
    """The plan for one portfolio: the earliest qualifying date and the steps."""
    found = earliest(portfolio, library, as_of, file)
    first = found.first
    steps = _waiting(portfolio, library, found, as_of)
    if _through_transition(found, as_of):
        steps = _now_via_transition(found, as_of)
    blocked: list[Blocker] = []
    now = _reqs(first)
    reaches = routes_today(library, first, as_of)
    rids = [] if found.day == as_of else _blocking(now)
    if found.day is None:  # what still blocks when everything has run its course
        blocked = _blockers(found, reaches)
        rids = [b.requirement for b in blocked]
    lifted = {s.requirement for s in steps}
    if "education" in lifted:
        lifted.add("transition")  # the transition only stands in for the education
    permanent = _verdict_is(found.result, "eligible-transition")
    for rid in rids:
        # what to do is said as of today (a course to add, a request before the deadline)
        r = now.get(rid) or _reqs(found.last)[rid]
        if rid in lifted and (r.status == "unmet" or rid == "transition"):
            continue  # waiting lifts it
        steps += _open_steps(r, reaches, permanent=permanent and rid == "education")
    return Plan(
        file=file,
        as_of=as_of,
        verdict=first.verdict if first else "not-eligible",
        provisional=bool(first and first.provisional),
        earliest=found.day,
        earliest_verdict=found.result.verdict if found.result else None,
        assumes=assumptions(portfolio, library, found, as_of),
        blocked=blocked,
        steps=_ranked(steps),
        result=first,
    )


def qualifies_now(p: Plan) -> bool:
    return p.verdict in QUALIFY
