"""The form's state: every answer a person gave, carried from page to page in hidden fields
(nothing is kept on the server), and the portfolio (``portfolio/1``) it makes.

The state is a flat mapping of field names to their values; repeated entries are rows named
``edu-<n>-...``, ``exp-<n>-...`` and ``act-<n>-...``. :func:`portfolio_yaml` writes the
portfolio as YAML and remembers on which line each answer went, so that a problem the
checker reports at a line is shown at the field it came from.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pzspec.web.spec import OTHER_COURSE, FormSpec

State = dict[str, list[str]]
ROWS = {"edu": "education", "exp": "experience", "act": "activities"}
_ROW_KEY = re.compile(r"^(edu|exp|act)-(\d{1,3})-([a-z_]+)$")
MAX_ROWS = 50
"""Rows per section: a form, not a batch upload."""


def from_form(items: Iterable[tuple[str, str]]) -> State:
    """The posted fields as state (the buttons and the language are not part of it)."""
    state: State = {}
    for key, value in items:
        if key in ("action", "go", "switch_lang") or len(key) > 60:
            continue
        state.setdefault(key, []).append(value.strip()[:2000])
    return state


def one(state: State, key: str) -> str:
    values = state.get(key) or [""]
    return values[0]


def rows(state: State, prefix: str) -> list[int]:
    """The row numbers of section ``prefix`` (edu, exp, act), in order."""
    found = {int(m[2]) for key in state if (m := _ROW_KEY.match(key)) and m[1] == prefix}
    return sorted(found)[:MAX_ROWS]


def add_row(state: State, prefix: str) -> int:
    taken = rows(state, prefix)
    if len(taken) >= MAX_ROWS:
        return taken[-1]
    n = (taken[-1] + 1) if taken else 0
    state[f"{prefix}-{n}-row"] = ["1"]
    return n


def remove_row(state: State, prefix: str, n: int) -> None:
    for key in [k for k in state if k.startswith(f"{prefix}-{n}-")]:
        del state[key]


@dataclass
class Built:
    """The portfolio the answers make, the YAML text, and where each answer went."""

    yaml: str = ""
    lines: dict[int, str] = field(default_factory=dict)  # line -> field name
    problems: dict[str, list[tuple[str, dict[str, Any]]]] = field(default_factory=dict)
    """Field name -> (code, args) for answers the form itself cannot use."""

    def problem(self, name: str, code: str, **args: Any) -> None:
        self.problems.setdefault(name, []).append((code, args))


class _Writer:
    def __init__(self, built: Built) -> None:
        self.built = built
        self.out: list[str] = []

    def line(self, text: str, name: str | None = None) -> None:
        self.out.append(text)
        if name:
            self.built.lines[len(self.out)] = name


def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


_DUTCH_DAY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def _date(built: Built, name: str, raw: str, required: bool = False) -> str | None:
    """YYYY-MM-DD as written, or DD-MM-YYYY as Dutch people write it."""
    if not raw:
        if required:
            built.problem(name, "web.form.required")
        return None
    m = _DUTCH_DAY.match(raw)
    text = f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}" if m else raw
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    built.problem(name, "web.form.date", value=raw)
    return None


def _number(
    built: Built, name: str, raw: str, low: float, high: float, whole: bool = False
) -> float | None:
    if not raw:
        return None
    try:
        value = float(raw.replace(",", ".").replace("%", "").strip())
    except ValueError:
        value = math.nan
    if math.isnan(value) or not low <= value <= high or (whole and value != int(value)):
        code = "web.form.whole" if whole else "web.form.number"
        built.problem(name, code, value=raw, low=_shown(low), high=_shown(high))
        return None
    return value


def _shown(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _share(built: Built, name: str, raw: str) -> str | None:
    """A percentage as the form asks it -> the share (0..1) the portfolio holds."""
    value = _number(built, name, raw, 0, 100)
    return None if value is None else _shown(round(value / 100, 4))


def _yes(raw: str) -> str | None:
    return {"yes": "true", "no": "false"}.get(raw)


def portfolio_yaml(state: State, spec: FormSpec) -> Built:
    """The ``portfolio/1`` YAML of the answers; answers the form cannot use are problems."""
    built = Built()
    w = _Writer(built)
    w.line("pzspec: portfolio/1")
    w.line("person:")
    if one(state, "person.name"):
        w.line(f"  name: {_text(one(state, 'person.name'))}", "person.name")
    w.line(f"  profession: {spec.profession}", "profession")
    if "person.graduated" in spec.person:
        day = _date(built, "person.graduated", one(state, "person.graduated"))
        if day:
            w.line(f"  graduated: {day}", "person.graduated")
    if "person.big.registered" in spec.person:
        registered = _yes(one(state, "person.big.registered")) or "false"
        w.line("  big:", "person.big.registered")
        number = one(state, "person.big.number").replace(" ", "")
        if number:
            w.line(f"    number: {_text(number)}", "person.big.number")
        w.line(f"    registered: {registered}", "person.big.registered")
    if "person.vakbekwaamheid" in spec.person:
        known = _yes(one(state, "person.vakbekwaamheid"))
        if known:
            w.line(f"  vakbekwaamheid: {known}", "person.vakbekwaamheid")
    _education(state, spec, w)
    _experience(state, w)
    _activities(state, w)
    if spec.transition is not None:
        review = "true" if one(state, "transition.portfolio_review") == "yes" else "false"
        w.line("transition:")
        w.line(f"  portfolio_review: {review}", "transition.portfolio_review")
    built.yaml = "\n".join(w.out) + "\n"
    return built


def _education(state: State, spec: FormSpec, w: _Writer) -> None:
    built = w.built
    entries = [n for n in rows(state, "edu") if one(state, f"edu-{n}-course")]
    if not entries:
        return
    w.line("education:")
    for n in entries:
        key = f"edu-{n}-"
        course, kind = one(state, key + "course"), one(state, key + "kind")
        if course == OTHER_COURSE:
            name = one(state, key + "name") or "?"
            w.line(f"  - name: {_text(name)}", key + "name")
            w.line(f"    kind: {_text(kind or 'other')}", key + "kind")
        else:
            w.line(f"  - course: {_text(course)}", key + "course")
        completed = _date(built, key + "completed", one(state, key + "completed"), True)
        w.line(f"    completed: {completed or '2999-12-31'}", key + "completed")
        asked = spec.fields_for(course, kind)
        _entry_fields(state, key, asked, w)


def _entry_fields(state: State, key: str, asked: dict[str, Any], w: _Writer) -> None:
    built = w.built
    for name in asked:
        raw = one(state, key + name)
        if name == "epas":
            chosen = [v for v in state.get(key + name, []) if v]
            if chosen or one(state, key + "epas_seen"):
                w.line(f"    epas: [{', '.join(_text(v) for v in chosen)}]", key + name)
        elif name in ("days", "nlqf"):
            high = 1000 if name == "days" else 8
            value = _number(built, key + name, raw, 0 if name == "days" else 1, high, whole=True)
            if value is not None:
                w.line(f"    {name}: {int(value)}", key + name)
        elif name == "placement_palliative_share":
            share = _share(built, key + name, raw)
            if share is not None:
                w.line(f"    {name}: {share}", key + name)
        elif name == "assessment":
            if _yes(raw):
                w.line(f"    assessment: {_yes(raw)}", key + name)
        elif raw:
            w.line(f"    {name}: {_text(raw)}", key + name)


def _experience(state: State, w: _Writer) -> None:
    built = w.built
    entries = [
        n
        for n in rows(state, "exp")
        if any(one(state, f"exp-{n}-{f}") for f in ("employer", "from", "fte"))
    ]
    if not entries:
        return
    w.line("experience:")
    for n in entries:
        key = f"exp-{n}-"
        employer = one(state, key + "employer")
        start = _date(built, key + "from", one(state, key + "from"), True)
        w.line(f"  - from: {start or '2999-12-31'}", key + "from")
        if employer:
            w.line(f"    employer: {_text(employer)}", key + "employer")
        end = _date(built, key + "to", one(state, key + "to"))
        if end:
            w.line(f"    to: {end}", key + "to")
        fte = _number(built, key + "fte", one(state, key + "fte"), 0.01, 2)
        if fte is not None:
            w.line(f"    fte: {_shown(fte)}", key + "fte")
        for field_name, portfolio_name in (
            ("patients", "palliative_patient_share"),
            ("ftepal", "palliative_fte_share"),
        ):
            share = _share(built, key + field_name, one(state, key + field_name))
            if share is not None:
                w.line(f"    {portfolio_name}: {share}", key + field_name)


def _activities(state: State, w: _Writer) -> None:
    built = w.built
    entries = [n for n in rows(state, "act") if one(state, f"act-{n}-kind")]
    if not entries:
        return
    w.line("activities:")
    for n in entries:
        key = f"act-{n}-"
        w.line(f"  - kind: {_text(one(state, key + 'kind'))}", key + "kind")
        day = _date(built, key + "date", one(state, key + "date"), True)
        w.line(f"    date: {day or '2999-12-31'}", key + "date")
        hours = _number(built, key + "hours", one(state, key + "hours"), 0, 100_000)
        if hours is not None:
            w.line(f"    hours: {_shown(hours)}", key + "hours")
        if _yes(one(state, key + "accredited")):
            w.line(f"    accredited: {_yes(one(state, key + 'accredited'))}", key + "accredited")
        if one(state, key + "description"):
            w.line(
                f"    description: {_text(one(state, key + 'description'))}", key + "description"
            )
