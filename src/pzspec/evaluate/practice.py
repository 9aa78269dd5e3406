"""The ``practice`` requirement: the profile's practice activities shown in the window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pzspec.evaluate.months import months_before
from pzspec.messages import Message, msg
from pzspec.models.result import Requirement

if TYPE_CHECKING:
    from pzspec.evaluate.engine import Evaluation


def _domain_order(tag: str) -> tuple[int, ...]:
    return tuple(int(x) for x in tag.split("."))


def requirement(ev: Evaluation) -> Requirement:
    rule = ev.book.practice(ev.profile_id or "")
    window = int(ev.book.params[rule.window_months].value)  # type: ignore[arg-type]
    start = months_before(ev.as_of, window)
    recent = [
        a for a in ev.p.activities if a.first_day <= ev.as_of and a.last_day(ev.as_of) >= start
    ]
    kinds = {a.kind for a in recent}
    profile = ev.book.profiles[ev.profile_id or ""]
    shown = [a for a in profile.activities if kinds & set(a.kinds)]
    params = [rule.window_months]
    tags = sorted({d for a in recent for d in a.domains or []}, key=_domain_order)
    evidenced = {id(a) for a in shown}  # by identity: comparing models field by field is slow
    details: dict[str, Any] = {
        "activities": [
            {"id": a.id, "text": a.text, "kinds": a.kinds, "evidenced": id(a) in evidenced}
            for a in profile.activities
        ],
        "kinds_shown": sorted(kinds),
        "kwaliteitskader_domains": tags,
    }
    facts: list[Message] = [msg("fact.activity_kinds", kinds=sorted(kinds) or "-")]
    facts += [msg("fact.shown_activity", text=a.text) for a in shown]
    if tags:
        facts.append(msg("fact.kwaliteitskader", domains=tags))
    common: dict[str, Any] = {
        "id": "practice",
        "source": rule.source,
        "explanation": msg(
            "req.practice.info" if rule.min_kinds is None else "req.practice.shown",
            shown=len(shown),
            total=len(profile.activities),
            window=window,
        ),
        "facts": facts,
        "details": details,
    }
    if rule.min_kinds is None:
        return Requirement(status="info", parameters=ev.params(params), **common)
    need = int(ev.book.params[rule.min_kinds].value)  # type: ignore[arg-type]
    params.append(rule.min_kinds)
    ok = len(shown) >= need
    return Requirement(
        status="met" if ok else "unmet",
        parameters=ev.params(params),
        missing=[] if ok else [msg("req.practice.missing", lacking=need - len(shown))],
        **common,
    )
