"""What the form asks, taken from the rule data: for one profession, which fields a rule
reads (a field no rule reads for that profession cannot change the verdict, so it is not
asked), and for each field the rule and the source that ask for it ("waarom vragen we dit?").

The walk reads conditions as data (their ``type``, ``field``, ``param``, sub-conditions); it
knows condition types, never professions: a ``when`` whose test is the person's profession is
decided for the profession at hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pzspec import api

EDUCATION_FIELDS = (
    "level",
    "days",
    "nlqf",
    "epas",
    "placement_palliative_share",
    "assessment",
    "field",
    "institution",
)
"""The fields of an education entry the form can ask, in the order it asks them."""
PERSON_FIELDS = ("person.big.registered", "person.vakbekwaamheid", "person.graduated")
OTHER_COURSE = "__other__"
"""The choice 'a course outside the catalogue' (then: name and kind)."""


@dataclass(frozen=True)
class Why:
    """One rule that reads a field: what it asks, in words of the rule data, and its source."""

    text: str
    source: str


@dataclass
class Asked:
    """One field the form asks: why, and the values the rules compare it with."""

    name: str
    why: list[Why] = field(default_factory=list)
    values: list[Any] = field(default_factory=list)
    fallback: bool = False

    def add(self, why: Why, values: list[Any], fallback: bool) -> None:
        if why not in self.why:
            self.why.append(why)
        self.values += [v for v in values if v not in self.values]
        self.fallback = self.fallback or fallback


@dataclass
class CourseSpec:
    id: str
    name: str
    kind: str
    description: str
    counts: bool
    """Some education route of this profession takes this course."""
    fields: dict[str, Asked]
    catalogue: dict[str, Any]
    institutions: list[str]


@dataclass
class FormSpec:
    profession: str
    label: str
    profile: str
    person: dict[str, Asked]
    courses: list[CourseSpec]
    kinds: list[tuple[str, str]]
    kind_fields: dict[str, dict[str, Asked]]
    experience: list[Why]
    practice: list[Why]
    activity_kinds: list[tuple[str, str]]
    transition: Asked | None
    open_until: str | None

    def course(self, course_id: str) -> CourseSpec | None:
        return next((c for c in self.courses if c.id == course_id), None)

    def fields_for(self, course_id: str, kind: str) -> dict[str, Asked]:
        found = self.course(course_id)
        if found is not None:
            return found.fields
        return self.kind_fields.get(kind, {}) if course_id == OTHER_COURSE else {}

    def _asking(self, name: str) -> list[Asked]:
        found = [c.fields[name] for c in self.courses if name in c.fields]
        return found + [f[name] for f in self.kind_fields.values() if name in f]

    def reasons(self, name: str) -> list[Why]:
        """Every rule that reads education field ``name``, once."""
        out: list[Why] = []
        for asked in self._asking(name):
            out += [w for w in asked.why if w not in out]
        return out

    def values(self, name: str) -> list[str]:
        out: list[str] = []
        for asked in self._asking(name):
            out += [str(v) for v in asked.values if str(v) not in out]
        return out

    def courses_asking(self, name: str) -> str:
        return " ".join(c.id for c in self.courses if name in c.fields)

    def kinds_asking(self, name: str) -> str:
        return " ".join(k for k, fields in self.kind_fields.items() if name in fields)

    def shows(self, name: str, course: str, kind: str) -> bool:
        return name in self.fields_for(course, kind)

    @property
    def all_course_fields(self) -> list[str]:
        asked = {name for c in self.courses for name in c.fields}
        asked |= {name for fields in self.kind_fields.values() for name in fields}
        return [name for name in EDUCATION_FIELDS if name in asked]


def professions(book: api.RuleBook, lang: api.Lang) -> list[tuple[str, str]]:
    return [(p.id, p.label.get(lang)) for p in book.rules.professions]


def form_spec(book: api.RuleBook, profession: str, lang: api.Lang) -> FormSpec | None:
    """The form for ``profession`` under ``book``; None for a profession it does not know."""
    prof = book.profession(profession)
    if prof is None:
        return None
    rules = book.profile_rules(prof.profile)
    defaults = book.rules.defaults
    person: dict[str, Asked] = {}
    mine = {"person.profession": profession}
    reg = next((r for r in book.rules.registrations if r.id == prof.registration), None)
    if reg is not None:
        for cond in reg.conditions:
            _ask(person, _reads(cond.model_dump(), mine), book, lang, reg.label, reg.source)
    transition = rules.transition or defaults.transition
    trans: dict[str, Asked] = {}
    for route in transition.routes:
        for cond in route.conditions:
            found = _reads(cond.model_dump(), mine)
            _ask(trans, found, book, lang, route.label, route.source)
    for name in ("person.graduated",):
        if name in trans:
            person[name] = trans[name]
    routes = [
        r for r in rules.education.routes if r.professions is None or profession in r.professions
    ]
    courses = [_course(book, c, routes, profession, lang) for c in book.rules.courses]
    courses.sort(key=lambda c: not c.counts)
    kind_fields = {
        k.id: _fields(book, routes, profession, lang, None, k.id) for k in book.rules.course_kinds
    }
    experience = book.experience(prof.profile)
    practice = rules.practice or defaults.practice
    until = book.params.get(transition.open_until)
    return FormSpec(
        profession=profession,
        label=prof.label.get(lang),
        profile=prof.profile,
        person=person,
        courses=courses,
        kinds=[(k.id, k.label.get(lang)) for k in book.rules.course_kinds],
        kind_fields=kind_fields,
        experience=[
            _param_why(book, pid, lang, experience.source)
            for pid in (
                experience.min_months,
                experience.window_months,
                experience.patient_share,
                experience.fte_share,
            )
        ],
        practice=[_param_why(book, practice.window_months, lang, practice.source)],
        activity_kinds=[(k.id, k.label.get(lang)) for k in book.rules.activity_kinds],
        transition=trans.get("transition.portfolio_review"),
        open_until=str(until.value) if until is not None else None,
    )


def _course(
    book: api.RuleBook, course: Any, routes: list[Any], profession: str, lang: api.Lang
) -> CourseSpec:
    fields = _fields(book, routes, profession, lang, course.id, course.kind)
    counts = any(_enters(r, course.id, course.kind) for r in routes)
    if course.institutions:
        fields["institution"] = Asked(
            "institution", [Why(course.description.get(lang), course.source)], course.institutions
        )
    catalogue = {k: getattr(course, k) for k in ("days", "nlqf", "epas") if getattr(course, k)}
    return CourseSpec(
        course.id,
        course.name,
        course.kind,
        course.description.get(lang),
        counts,
        {k: fields[k] for k in EDUCATION_FIELDS if k in fields},
        catalogue,
        list(course.institutions or []),
    )


def _fields(
    book: api.RuleBook,
    routes: list[Any],
    profession: str,
    lang: api.Lang,
    course_id: str | None,
    kind: str,
) -> dict[str, Asked]:
    asked: dict[str, Asked] = {}
    for route in routes:
        if _enters(route, course_id, kind):
            for cond in route.conditions:
                found = _reads(cond.model_dump(), {"person.profession": profession, "kind": kind})
                _ask(asked, found, book, lang, route.label, route.source)
    return {k: v for k, v in asked.items() if k in EDUCATION_FIELDS}


def _enters(route: Any, course_id: str | None, kind: str) -> bool:
    entry = route.entry
    if entry is None:
        return True
    return (course_id is not None and course_id in entry.courses) or kind in entry.kinds


def _reads(cond: dict[str, Any], known: dict[str, str]) -> Iterator[dict[str, Any]]:
    """Every condition with a ``field`` inside ``cond`` that can matter, given the ``known``
    values (the profession; the kind of the course): a ``when`` whose test is an ``in`` on a
    known field is decided here, and only its branch that applies is read."""
    test = cond.get("if_")
    if cond.get("type") == "when" and isinstance(test, dict):
        value = known.get(str(test.get("field")))
        if value is not None and test.get("type") == "in":
            branch = "then" if value in test.get("values", []) else "else_"
            if isinstance(cond.get(branch), dict):
                yield from _reads(cond[branch], known)
            return
    if "field" in cond:
        yield cond
    for key in ("if_", "then", "else_"):
        if isinstance(cond.get(key), dict):
            yield from _reads(cond[key], known)
    for sub in cond.get("conditions") or []:
        yield from _reads(sub, known)


def _ask(
    asked: dict[str, Asked],
    found: Iterator[dict[str, Any]],
    book: api.RuleBook,
    lang: api.Lang,
    label: Any,
    source: str,
) -> None:
    for cond in found:
        name = str(cond["field"])
        if cond.get("param"):
            why = _param_why(book, str(cond["param"]), lang, source)
        elif cond.get("label"):
            why = Why(_filled(book, cond["label"].get(lang) or cond["label"]["nl"]), source)
        else:
            why = Why(_filled(book, label.get(lang)), source)
        values = list(cond.get("values") or []) + (
            [cond["value"]] if "value" in cond and cond["value"] is not None else []
        )
        asked.setdefault(name, Asked(name)).add(why, values, bool(cond.get("fallback")))


def _param_why(book: api.RuleBook, pid: str, lang: api.Lang, source: str) -> Why:
    param = book.params.get(pid)
    if param is None:
        return Why(pid, source)
    value = param.value
    shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    unit = f" {param.unit}" if param.unit and param.unit not in ("aandeel",) else ""
    return Why(f"{param.description.get(lang)}: {shown}{unit}", param.source)


_PLACEHOLDER = re.compile(r"\{([A-Za-z0-9_.-]+)\}")


def _filled(book: api.RuleBook, text: str) -> str:
    def value(m: re.Match[str]) -> str:
        param = book.params.get(m[1])
        return str(param.value) if param is not None else m[0]

    return _PLACEHOLDER.sub(value, text)
