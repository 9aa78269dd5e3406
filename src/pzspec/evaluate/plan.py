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
from dataclasses import dataclass, field

from pzspec.evaluate.plan_dates import QUALIFY, Found, earliest
from pzspec.load.catalog import Library
from pzspec.messages import Message, msg
from pzspec.models.portfolio import Portfolio
from pzspec.models.result import CheckResult, Requirement, Said, Verdict

ORDER = ("profession", "registration", "education", "experience", "transition")
OPEN = ("unmet", "review", "undetermined")


@dataclass(frozen=True)
class Step:
    """One change that lifts ``requirement``: ``action`` says what to do; ``by`` is the
    date it brings eligibility or the deadline it must be done before (None: up to you)."""

    requirement: str
    code: str
    action: Message
    source: str
    provisional: bool
    by: dt.date | None = None


@dataclass(frozen=True)
class Blocker:
    """A requirement that keeps the portfolio from qualifying without a change."""

    requirement: str
    reason: Said


@dataclass(frozen=True)
class Plan:
    file: str
    as_of: dt.date
    verdict: Verdict
    provisional: bool
    earliest: dt.date | None
    earliest_verdict: Verdict | None
    assumes: list[Message] = field(default_factory=list)
    blocked: list[Blocker] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    result: CheckResult | None = None  # the check on as_of


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
    trans = after["transition"]
    if found.result is not None and found.result.verdict == "eligible-transition":
        until = dt.date.fromisoformat(trans.open_until) if trans.open_until else None
        said = trans.explanation
        route = said.args.get("route", said) if isinstance(said, Message) else said
        what = msg("plan.step.transition", route=route, date=until or day)
        steps.append(Step("transition", "transition", what, trans.source, True, until))
    return steps


def _blocking(reqs: dict[str, Requirement]) -> list[str]:
    """The requirements that keep the verdict from eligible (all of them, not only the
    first one the verdict names)."""
    if not reqs:
        return []
    for rid in ("profession", "registration"):
        if reqs[rid].status != "met":
            return [rid]
    out = [] if reqs["experience"].status == "met" else ["experience"]
    if reqs["education"].status != "met" and reqs["transition"].status != "met":
        out += ["education", "transition"]
    return out


def _open_steps(r: Requirement, reqs: dict[str, Requirement], as_of: dt.date) -> list[Step]:
    """What the rule data say is missing for ``r``; before the end of the transition when
    the transition is what it lifts."""
    steps: list[Step] = []
    if r.id == "experience" and r.status == "unmet":
        lacking = (r.required_months or 0) - (r.months or 0)
        shares = [p.value for p in r.parameters if isinstance(p.value, float)] + [0.5, 0.5]
        what = msg(
            "plan.step.more_experience", months=max(lacking, 1), patient=shares[0], fte=shares[1]
        )
        return [Step(r.id, "more-experience", what, r.source, r.provisional)]
    until = dt.date.fromisoformat(r.open_until) if r.open_until else None
    closed = until is not None and as_of > until
    for m in r.missing:
        code = m.code if isinstance(m, Message) else ""
        if r.id == "transition" and until is not None and not closed:
            what = msg("plan.step.do_before", what=m, date=until)
            steps.append(Step(r.id, "before-deadline", what, r.source, r.provisional, until))
        elif code == "req.experience.fill_field" and isinstance(m, Message):
            steps.append(Step(r.id, "fill-in", m, r.source, r.provisional))  # "vul ... in"
        elif r.id == "transition":
            continue  # closed: nothing the transition can still do
        elif code != "req.experience.missing":
            kind = "review" if r.status == "review" else "complete"
            what = msg("plan.step.do", what=m)
            steps.append(Step(r.id, kind, what, r.source, r.provisional))
    return steps


def _ranked(steps: list[Step]) -> list[Step]:
    """Soonest first: steps with a date by that date, then the others in requirement order;
    each step once."""
    seen: set[tuple[str, str, str]] = set()
    out: list[Step] = []
    for s in steps:
        key = (s.requirement, s.code, repr(s.action))
        if key not in seen:
            seen.add(key)
            out.append(s)
    return sorted(
        out, key=lambda s: (s.by is None, s.by or dt.date.max, ORDER.index(s.requirement))
    )


def plan(portfolio: Portfolio, library: Library, as_of: dt.date, file: str = "") -> Plan:
    """The plan for one portfolio: the earliest qualifying date and the steps."""
    found = earliest(portfolio, library, as_of, file)
    first = found.first
    steps = _waiting(portfolio, library, found, as_of)
    blocked: list[Blocker] = []
    now = _reqs(first)
    rids = [] if found.day == as_of else _blocking(now)
    if found.day is None:  # what still blocks when everything has run its course
        end = _reqs(found.last) or now
        blocked = [Blocker(rid, end[rid].explanation) for rid in _blocking(end)]
        rids = [b.requirement for b in blocked]
    lifted = {s.requirement for s in steps}
    if "education" in lifted:
        lifted.add("transition")  # the transition only stands in for the education
    for rid in rids:
        # what to do is said as of today (a course to add, a request before the deadline)
        r = now.get(rid) or _reqs(found.last)[rid]
        if rid in lifted and (r.status == "unmet" or rid == "transition"):
            continue  # waiting lifts it
        steps += _open_steps(r, now, as_of)
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
