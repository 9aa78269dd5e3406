"""An uploaded portfolio as the form's answers, so that a person can change it page by page
(nothing is stored: the answers go into the pages' hidden fields like typed ones).

What the form cannot hold (a field no rule of the profession reads, a ``provider``, a
``specialism``) is found by writing the answers back as a portfolio and comparing the two:
:func:`not_kept` names those entries, so the person knows before downloading the new file.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from pzspec import api
from pzspec.web.form_state import State, portfolio_yaml
from pzspec.web.spec import OTHER_COURSE, FormSpec

if TYPE_CHECKING:
    from pzspec.models.portfolio import Portfolio


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _yes(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == int(value) else str(value)


def _percent(value: float | None) -> str:
    return "" if value is None else _number(round(value * 100, 2))


def state_of(portfolio: Portfolio, as_of: str) -> State:
    """The answers the form would have had to make ``portfolio``."""
    person = portfolio.person
    answers: dict[str, str | list[str]] = {
        "as_of": as_of,
        "profession": person.profession,
        "person.name": person.name or "",
        "person.graduated": _day(person.graduated),
        "person.vakbekwaamheid": _yes(person.vakbekwaamheid),
        "transition.portfolio_review": _yes(portfolio.transition.portfolio_review),
    }
    if person.big is not None:
        answers["person.big.registered"] = _yes(person.big.registered)
        answers["person.big.number"] = person.big.number or ""
    for n, entry in enumerate(portfolio.education):
        key = f"edu-{n}-"
        answers[key + "row"] = "1"
        answers[key + "course"] = entry.course or OTHER_COURSE
        if entry.course is None:
            answers[key + "name"] = entry.name or ""
            answers[key + "kind"] = entry.kind or ""
        answers[key + "completed"] = _day(entry.completed)
        answers[key + "days"] = _number(entry.days)
        answers[key + "nlqf"] = _number(entry.nlqf)
        if entry.epas is not None:
            answers[key + "epas"] = list(entry.epas)
            answers[key + "epas_seen"] = "1"
        answers[key + "placement_palliative_share"] = _percent(entry.placement_palliative_share)
        answers[key + "assessment"] = _yes(entry.assessment)
        for name in ("level", "field", "institution"):
            answers[key + name] = getattr(entry, name) or ""
    for n, job in enumerate(portfolio.experience):
        key = f"exp-{n}-"
        answers |= {
            key + "row": "1",
            key + "employer": job.employer or "",
            key + "from": _day(job.start),
            key + "to": _day(job.end),
            key + "fte": _number(job.fte),
            key + "patients": _percent(job.palliative_patient_share),
            key + "ftepal": _percent(job.palliative_fte_share),
        }
    for n, act in enumerate(portfolio.activities):
        key = f"act-{n}-"
        answers |= {
            key + "row": "1",
            key + "kind": act.kind,
            key + "date": _day(act.date or act.start),  # the form asks one date
            key + "hours": _number(act.hours),
            key + "accredited": _yes(act.accredited),
            key + "description": act.description or "",
        }
    return {
        k: (v if isinstance(v, list) else [v])
        for k, v in answers.items()
        if v or k.endswith("-row")
    }


def not_kept(portfolio: Portfolio, state: State, spec: FormSpec, book: api.RuleBook) -> list[str]:
    """The entries of ``portfolio`` the form's answers do not make again, as paths in the
    file (``education[1].provider``, counted from 1), in the order of the file."""
    rebuilt, _ = api.read_text(portfolio_yaml(state, spec).yaml, rules=book)
    if rebuilt is None:  # cannot happen for answers made from a valid portfolio
        return []
    return [path for path in _paths(_dump(portfolio)) if path not in set(_paths(_dump(rebuilt)))]


def _dump(portfolio: Portfolio) -> dict[str, Any]:
    return portfolio.model_dump(
        mode="json", by_alias=True, exclude_none=True, exclude_defaults=True
    )


def _paths(node: Any, at: str = "") -> list[str]:
    """Every leaf of ``node`` as ``path=value`` (a changed value counts as not kept)."""
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in _paths(v, f"{at}.{k}" if at else str(k))]
    if isinstance(node, list) and node and all(isinstance(v, dict) for v in node):
        return [p for i, v in enumerate(node, start=1) for p in _paths(v, f"{at}[{i}]")]
    return [f"{at}={node!r}"]


def shown(paths: list[str]) -> list[str]:
    """The paths without their values (a value may be personal: it is not repeated), cut
    after the key of an entry (``education[1].provider``) or after two keys
    (``expect.requirements``)."""
    cut = []
    for path in paths:
        keys = path.partition("=")[0].split(".")
        indexed = next((i for i, k in enumerate(keys) if k.endswith("]")), None)
        cut.append(".".join(keys[: (indexed + 2) if indexed is not None else 2]))
    return list(dict.fromkeys(cut))
