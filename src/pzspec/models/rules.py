"""Rule data (``rules/1``) and profile files (``profile/1``).

Rule data is declarative: thresholds are named parameters (each with a basis and a source),
and routes are lists of conditions of a few generic types. The engine interprets them; it
knows nothing of professions.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from pzspec.models.base import LText, Strict

RULES_FORMAT = "rules/1"
PROFILE_FORMAT = "profile/1"

Basis = Literal["stated", "delphi", "provisional"]
Outcome = Literal["met", "review"]
FailOutcome = Literal["unmet", "review"]
MissingOutcome = Literal["unmet", "review", "met"]
TransitionForm = Literal[
    "graduation-cutoff", "experience-cutoff", "portfolio", "additional-education"
]
"""The forms of the overgangsregeling the Basisprofiel names (seed 000, r. 130-146 and
1327-1343): a cut-off by year of graduation, by years of experience, an exemption on the
basis of a portfolio, and time to complete an additional education."""
# Dates first: a date that went through the JSON cache comes back as a date, not a string.
Value = Annotated[dt.date | int | float | bool | str | list[str], Field(union_mode="left_to_right")]
ParamType = Literal["months", "days", "count", "share", "nlqf", "date", "codes"]
NUMERIC: frozenset[str] = frozenset({"months", "days", "count", "share", "nlqf"})
_UNIT_TYPES: dict[str, ParamType] = {
    "maanden": "months",
    "lesdagen": "days",
    "aandeel": "share",
    "nlqf": "nlqf",
    "soorten": "count",
    "activiteiten": "count",
    "months": "months",
    "days": "days",
    "share": "share",
    "activities": "count",
}
# whole numbers: (lowest, highest); a share is any number from 0 to 1
_RANGES: dict[str, tuple[int, int]] = {
    "months": (1, 1200),
    "days": (1, 1000),
    "count": (0, 1000),
    "nlqf": (1, 8),
}
DATE_RANGE = (dt.date(1900, 1, 1), dt.date(2199, 12, 31))


def _not_null(cls: object, value: object) -> object:
    if value is None:
        raise PydanticCustomError("value_missing", "value missing")
    return value


def value_problem(kind: str, value: object) -> str | None:
    """Why ``value`` cannot be a parameter of type ``kind`` (a message id), or None."""
    if kind == "date":
        ok = isinstance(value, dt.date) and DATE_RANGE[0] <= value <= DATE_RANGE[1]
        return None if ok else "param.want.date"
    if kind == "codes":
        ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
        return None if ok else "param.want.codes"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"param.want.{kind}"
    if kind == "share":
        return None if 0 <= value <= 1 else "param.want.share"
    low, high = _RANGES[kind]
    ok = isinstance(value, int) and low <= value <= high
    return None if ok else f"param.want.{kind}"


FieldType = Literal["number", "date", "text", "bool", "codes"]
CONDITION_FIELDS: dict[str, FieldType] = {
    # an education entry, or the catalogue course it names
    "course": "text",
    "name": "text",
    "kind": "text",
    "started": "date",
    "completed": "date",
    "provider": "text",
    "institution": "text",
    "providers": "codes",
    "institutions": "codes",
    "level": "text",
    "days": "number",
    "nlqf": "number",
    "epas": "codes",
    "placement_palliative_share": "number",
    "assessment": "bool",
    "field": "text",
    # the person and the transition request (name and BIG number are personal data)
    "person.graduated": "date",
    "person.profession": "text",
    "person.specialism": "text",
    "person.vakbekwaamheid": "bool",
    "person.big.registered": "bool",
    "transition.portfolio_review": "bool",
}
"""The fields a condition may look at, with the type of their values (docs/rules-format.md)."""
FIELD_PARAM_TYPES: dict[str, ParamType] = {
    "days": "days",
    "nlqf": "nlqf",
    "placement_palliative_share": "share",
}
"""The parameter type a number compared with these fields must have (inline or by id)."""
FIELD_TYPES_OF: dict[str, frozenset[str]] = {
    "min": frozenset({"number"}),
    "below": frozenset({"number"}),
    "before": frozenset({"date"}),
    "includes": frozenset({"codes"}),
    "in": frozenset({"text"}),
    "equals": frozenset({"text", "bool", "number"}),
}
"""The field types each condition type can compare (``equals`` also needs a value of the
field's type: text, true/false or a whole number)."""


class Parameter(Strict):
    """A number, date or list that decides something, with where it comes from.

    Its ``type`` (given, or read from ``unit``) fixes what values it may take, so no rule
    file can set 24 months to -5, ``true`` or a date (docs/rules-format.md).
    """

    id: str
    type: ParamType | None = None
    value: Value
    basis: Basis
    source: str
    unit: str | None = None
    description: LText

    _value_given = field_validator("value", mode="before")(_not_null)

    @property
    def kind(self) -> str:
        """The declared type, or the one its unit implies."""
        return self.type or _UNIT_TYPES.get((self.unit or "").lower()) or ""

    @model_validator(mode="after")
    def _value_fits_type(self) -> Parameter:
        if not self.kind:
            raise PydanticCustomError("param_type", "parameter without type", {"id": self.id})
        problem = value_problem(self.kind, self.value)
        if problem:
            raise PydanticCustomError(
                "param_value", "value does not fit", {"id": self.id, "want": problem}
            )
        return self


class _Cond(Strict):
    label: LText | None = None
    on_fail: FailOutcome = "unmet"
    on_missing: MissingOutcome = "review"


class MinCond(_Cond):
    """``field`` is at least the parameter (or value)."""

    type: Literal["min"]
    field: str
    param: str | None = None
    value: int | float | None = None
    fallback: Literal["employment-fte-share-during-course"] | None = None


class BelowCond(_Cond):
    """``field`` is below the parameter (or value)."""

    type: Literal["below"]
    field: str
    param: str | None = None
    value: int | float | None = None


class BeforeCond(_Cond):
    """The date in ``field`` lies before the date parameter."""

    type: Literal["before"]
    field: str
    param: str


class IncludesCond(_Cond):
    """The list in ``field`` contains all ``values``."""

    type: Literal["includes"]
    field: str
    values: list[str]


class EqualsCond(_Cond):
    type: Literal["equals"]
    field: str
    value: str | bool | int


class InCond(_Cond):
    type: Literal["in"]
    field: str
    values: list[str]


class AllOf(_Cond):
    type: Literal["all-of"]
    conditions: list[Condition]


class AnyOf(_Cond):
    type: Literal["any-of"]
    conditions: list[Condition]


class When(_Cond):
    """Only when ``if_`` holds must ``then`` hold; otherwise it does not apply."""

    type: Literal["when"]
    if_: Condition = Field(alias="if")
    then: Condition


class ExperienceMonths(_Cond):
    """At least ``min`` months of relevant experience (``window`` months back, or ever)."""

    type: Literal["experience-months"]
    min: str
    window: str | None = None


class EducationInProgress(_Cond):
    """An education that would meet the profile's education requirement once completed
    has started, and its planned completion lies no later than the date parameter ``by``."""

    type: Literal["education-in-progress"]
    by: str


Condition = Annotated[
    MinCond
    | BelowCond
    | BeforeCond
    | IncludesCond
    | EqualsCond
    | InCond
    | AllOf
    | AnyOf
    | When
    | ExperienceMonths
    | EducationInProgress,
    Field(discriminator="type"),
]
# AllOf.model_rebuild()
# AnyOf.model_rebuild()
# When.model_rebuild()


class EntryMatch(Strict):
    """Which education entries a route looks at: catalogue ids, or kinds of other entries."""

    courses: list[str] = Field(default_factory=list)
    kinds: list[str] = Field(default_factory=list)


class Route(Strict):
    id: str
    label: LText
    source: str
    professions: list[str] | None = None
    entry: EntryMatch | None = None
    conditions: list[Condition] = Field(default_factory=list)
    outcome: Outcome = "met"
    missing: LText
    forms: list[TransitionForm] = Field(default_factory=list)
    """For a transition route: the forms of the overgangsregeling it implements."""
    provisional: LText | None = None
    """Why this route is not settled yet; a verdict resting on it is provisional."""


class Exclusion(Strict):
    """Education that never counts, whatever route is tried."""

    id: str
    courses: list[str] = Field(default_factory=list)
    kinds: list[str] = Field(default_factory=list)
    conditions: list[Condition] = Field(default_factory=list)
    reason: LText
    source: str


class EducationRule(Strict):
    routes: list[Route] = Field(default_factory=list)
    undetermined: LText | None = None
    """Without routes: the explanation when an entry could count but nobody can say yet."""
    none: LText | None = None
    """Without routes: the explanation when no entry could count at all (``unmet``)."""
    source: str


class ExperienceRule(Strict):
    min_months: str
    window_months: str
    patient_share: str
    fte_share: str
    source: str


class TransitionRule(Strict):
    open_until: str
    routes: list[Route]
    source: str


class PracticeRule(Strict):
    window_months: str
    min_kinds: str | None = None
    source: str


class ProfileRules(Strict):
    education: EducationRule
    experience: ExperienceRule | None = None
    transition: TransitionRule | None = None
    practice: PracticeRule | None = None


class Defaults(Strict):
    experience: ExperienceRule
    transition: TransitionRule
    practice: PracticeRule


class Registration(Strict):
    id: str
    label: LText
    conditions: list[Condition]
    missing: LText
    source: str


class ProfessionDef(Strict):
    id: str
    label: LText
    profile: str
    registration: str
    source: str


class Named(Strict):
    id: str
    label: LText
    description: LText | None = None


class Course(Strict):
    id: str
    name: str
    kind: str
    days: int | None = None
    nlqf: int | None = None
    epas: list[str] | None = None
    institutions: list[str] | None = None
    providers: list[str] | None = None
    description: LText
    source: str


class AnnouncedProfile(Strict):
    """A profile a source announces but does not yet describe: nothing to test against."""

    id: str
    title: LText
    description: LText
    source: str


class RuleSet(Strict):
    pzspec: str
    version: str
    title: str
    publisher: str
    valid_from: dt.date
    valid_until: dt.date | None = None
    source: str
    parameters: list[Parameter]
    professions: list[ProfessionDef]
    registrations: list[Registration]
    domains: list[Named]
    course_kinds: list[Named]
    activity_kinds: list[Named]
    courses: list[Course]
    exclusions: list[Exclusion] = Field(default_factory=list)
    defaults: Defaults
    profiles: dict[str, ProfileRules]
    announced_profiles: list[AnnouncedProfile] = Field(default_factory=list)


class Text(Strict):
    text: str
    source: str
    note: str | None = None


class Competency(Strict):
    id: str
    text: str
    source: str
    note: str | None = None


class Domain(Strict):
    id: str
    title: str
    competencies: list[Competency]


class PracticeActivity(Strict):
    id: str
    text: str
    kinds: list[str]
    source: str
    note: str | None = None


class TrainingLevel(Strict):
    """A level of palliative care training a source distinguishes (e.g. basis, gevorderd,
    expert for doctors)."""

    id: str
    label: LText
    text: LText
    source: str


class RouteLevel(Strict):
    """Which training level an education route of this profile corresponds to, and why."""

    route: str
    level: str
    text: LText
    source: str


class Profile(Strict):
    pzspec: str
    id: str
    version: str
    title: str
    title_en: str | None = None
    professions: list[str]
    source: str
    leadership: Text
    register_: Text = Field(alias="register")
    notes: list[Text] = Field(default_factory=list)
    domains: list[Domain]
    activities: list[PracticeActivity]
    levels: list[TrainingLevel] = Field(default_factory=list)
    route_levels: list[RouteLevel] = Field(default_factory=list)


OVERLAY_FORMAT = "overlay/1"


class ParamSet(Strict):
    """A new value for an existing parameter, decided by the overlay's publisher."""

    value: Value
    basis: Basis = "stated"
    source: str

    _value_given = field_validator("value", mode="before")(_not_null)
    description: LText | None = None


class CourseChanges(Strict):
    add: list[Course] = Field(default_factory=list)
    withdraw: list[str] = Field(default_factory=list)


class RouteChanges(Strict):
    add: list[Route] = Field(default_factory=list)
    withdraw: list[str] = Field(default_factory=list)


class TransitionChanges(Strict):
    """Switch forms of the overgangsregeling on or off: withdraw or add its routes."""

    routes: RouteChanges | None = None


class ProfileChanges(Strict):
    routes: RouteChanges | None = None
    transition: TransitionChanges | None = None
    undetermined: LText | None = None
    practice_min_kinds: str | None = None
    experience: ExperienceRule | None = None


class Overlay(Strict):
    """Changes one version of the rule data: only what a publisher decided."""

    pzspec: str
    id: str
    extends: str
    title: str
    publisher: str
    valid_from: dt.date
    valid_until: dt.date | None = None
    source: str
    parameters: list[Parameter] = Field(default_factory=list)
    set: dict[str, ParamSet] = Field(default_factory=dict)
    courses: CourseChanges | None = None
    transition: TransitionChanges | None = None
    profiles: dict[str, ProfileChanges] = Field(default_factory=dict)
